import { idCheckChar } from '../../../../types/id-number';
import type { Member, Relation, Schooling } from '../../../../types/household';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import { Random } from './random';

/** A fictional region code prefix (no real county uses 99xxxx), so seeded ID numbers identify nobody. */
const ID_PREFIX = '990102';

export class PeopleFactory {
  private sequence = 0;
  constructor(
    private readonly rnd: Random,
    private readonly today: Date,
  ) {}

  idNumber(birthDate: string, sex: 'male' | 'female'): string {
    this.sequence = (this.sequence + 1) % 500;
    const order = this.sequence * 2 + (sex === 'male' ? 1 : 0);
    const first17 = ID_PREFIX + birthDate.replace(/-/g, '') + String(order).padStart(3, '0');
    return first17 + idCheckChar(first17);
  }

  phone(): string {
    return `1${this.rnd.pick(['3', '5', '7', '8', '9'])}${String(this.rnd.int(0, 999_999_999)).padStart(9, '0')}`;
  }

  name(surname: string, sex: 'male' | 'female'): string {
    return surname + this.rnd.pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
  }

  surname(): string {
    return this.rnd.pick(SURNAMES);
  }

  birthDateAtAge(age: number): string {
    const year = this.today.getUTCFullYear() - age;
    const month = this.rnd.int(1, 12);
    const day = this.rnd.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  member(id: string, surname: string, relation: Relation, age: number, sex: 'male' | 'female'): Member {
    const r = this.rnd;
    const birthDate = this.birthDateAtAge(age);
    const health = r.weighted([
      ['healthy', 70],
      ['chronic', 22],
      ['serious', 8],
    ] as const);
    const disabilityLevel = r.chance(0.1) ? r.int(1, 4) : 0;
    const schooling = schoolingAt(age, r);
    const laborCapacity =
      age < 16 || age > 75 || disabilityLevel === 1 || health === 'serious' ? 'none' : age > 60 || health === 'chronic' ? 'partial' : 'full';
    const employed = laborCapacity !== 'none' && schooling === 'none' && r.chance(0.55);
    return {
      id,
      name: this.name(surname, sex),
      relation,
      idNumber: this.idNumber(birthDate, sex),
      birthDate,
      sex,
      ...(age >= 18 && r.chance(0.7) ? { phone: this.phone() } : {}),
      health,
      chronicApproved: health === 'chronic' && r.chance(0.6),
      disabilityLevel,
      schooling,
      laborCapacity,
      employed,
      hasIncome: employed || (age >= 60 && r.chance(0.3)),
      hasSupporter: r.chance(0.6),
    };
  }
}

function schoolingAt(age: number, r: Random): Schooling {
  if (age >= 3 && age <= 5) return 'preschool';
  if (age >= 6 && age <= 11) return 'primary';
  if (age >= 12 && age <= 14) return 'junior';
  if (age >= 15 && age <= 17) return r.chance(0.6) ? 'senior' : 'vocational';
  if (age >= 18 && age <= 21)
    return r.weighted([
      ['none', 50],
      ['higher_vocational', 25],
      ['university', 25],
    ] as const);
  return 'none';
}
