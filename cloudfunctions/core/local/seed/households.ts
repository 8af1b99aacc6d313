import type { Household, Member, PovertyCause } from '../../../../types/household';
import type { Pairing } from '../../../../types/pairing';
import type { Region } from '../../../../types/region';
import type { User } from '../../../../types/user';
import { derivedId } from '../../store/derived-id';
import { PeopleFactory } from './people';
import { Random } from './random';

const CAUSES: PovertyCause[] = ['illness', 'disability', 'education', 'disaster', 'lack_skills', 'lack_labor', 'lack_funds', 'traffic', 'low_motivation'];

/** One household with a realistic mix: elderly couples, families with school children, people living alone. */
export function buildHousehold(id: string, code: string, village: Region, rnd: Random, people: PeopleFactory, at: string): Household {
  const surname = people.surname();
  const headAge = rnd.int(32, 84);
  const headSex = rnd.chance(0.8) ? 'male' : 'female';
  const members: Member[] = [people.member(`${id}-m1`, surname, 'head', headAge, headSex)];
  const add = (relation: Member['relation'], age: number, sex: 'male' | 'female') =>
    members.push(people.member(`${id}-m${members.length + 1}`, relation === 'spouse' ? people.surname() : surname, relation, Math.max(0, age), sex));
  if (rnd.chance(0.75)) add('spouse', headAge + rnd.int(-5, 3), headSex === 'male' ? 'female' : 'male');
  if (headAge < 60) {
    // Parents were 22–35 at the birth, and a child is at least a year old.
    for (let c = rnd.int(0, 3); c > 0; c--) add('child', headAge - rnd.int(22, Math.min(35, headAge - 1)), rnd.chance(0.5) ? 'male' : 'female');
    if (rnd.chance(0.3)) add('parent', headAge + rnd.int(22, 30), rnd.chance(0.5) ? 'male' : 'female');
  } else if (rnd.chance(0.3)) {
    add('grandchild', rnd.int(4, 16), rnd.chance(0.5) ? 'male' : 'female');
  }
  const income = Math.round((members.length * rnd.int(2500, 14000)) / 10) * 10;
  const year = new Date(at).getUTCFullYear() - 1;
  const status = rnd.weighted([
    ['poor', 5],
    ['exited_enjoying', 55],
    ['exited_not_enjoying', 18],
    ['monitored', 20],
    ['none', 2],
  ] as const);
  return {
    _id: id,
    code,
    countyId: village.path[0],
    townId: village.path[1],
    villageId: village._id,
    address: `${village.name}${rnd.int(1, 12)}组${rnd.int(1, 60)}号`,
    headName: members[0].name,
    status,
    causes: [rnd.pick(CAUSES), ...(rnd.chance(0.3) ? [rnd.pick(CAUSES)] : [])].filter((c, i, a) => a.indexOf(c) === i),
    identifiedYear: rnd.int(2014, 2023),
    incomes: [
      { year: year - 1, amount: Math.round(income * 0.92) },
      { year, amount: income },
    ],
    annualNetIncome: income,
    housingGrade: rnd.weighted([
      ['A', 60],
      ['B', 30],
      ['C', 7],
      ['D', 3],
    ] as const),
    housingAssessedOn: `${year}-0${rnd.int(3, 9)}-15`,
    safeWater: rnd.chance(0.96),
    members,
    statusHistory: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Pairs every household with one primary helper of its town (cadres and first secretaries), and
 * some with the town's doctor (health) or teacher (households with school children).
 */
export function pairHousehold(household: Household, townHelpers: User[], index: number, rnd: Random, since: string): Pairing[] {
  const primaries = townHelpers.filter((h) => h.helperKind === 'cadre' || h.helperKind === 'secretary');
  const doctors = townHelpers.filter((h) => h.helperKind === 'doctor');
  const teachers = townHelpers.filter((h) => h.helperKind === 'teacher');
  const pairing = (helper: User, role: Pairing['role']): Pairing => ({
    _id: derivedId('pairing', [household._id, role]),
    householdId: household._id,
    helperId: helper._id,
    role,
    active: true,
    since,
    until: null,
  });
  const result = [pairing(primaries[index % primaries.length], 'primary')];
  const ill = household.members.some((m) => m.health !== 'healthy' || m.disabilityLevel > 0);
  if (doctors.length && (ill || rnd.chance(0.1))) result.push(pairing(doctors[index % doctors.length], 'health'));
  const inSchool = household.members.some((m) => ['primary', 'junior', 'senior', 'vocational'].includes(m.schooling));
  if (teachers.length && inSchool && rnd.chance(0.6)) result.push(pairing(teachers[index % teachers.length], 'education'));
  return result;
}
