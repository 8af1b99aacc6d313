import { toMembers } from '../../../cloudfunctions/core/households/member.rules';
import { idCheckChar } from '../../../types';

const id = (birth: string, seq: string) => {
  const f = `990501${birth}${seq}`;
  return f + idCheckChar(f);
};
const base = {
  health: 'healthy',
  chronicApproved: false,
  disabilityLevel: 0,
  schooling: 'none',
  laborCapacity: 'full',
  employed: false,
  hasIncome: false,
  hasSupporter: false,
} as const;

describe('members from what an admin typed', () => {
  it('reads birth date and sex from the ID number (odd 17th digit: male, even: female)', () => {
    const [head, wife] = toMembers([
      { ...base, name: '甲', relation: 'head', idNumber: id('19650203', '011') },
      { ...base, name: '乙', relation: 'spouse', idNumber: id('19680708', '022') },
    ]);
    expect(head).toMatchObject({ birthDate: '1965-02-03', sex: 'male' });
    expect(wife).toMatchObject({ birthDate: '1968-07-08', sex: 'female' });
  });

  it("keeps a stored member's ID number and phone when the edit leaves them out, and clears the phone on an empty string", () => {
    const [stored] = toMembers([{ ...base, name: '甲', relation: 'head', idNumber: id('19650203', '011'), phone: '13900001111' }]);
    const [kept] = toMembers([{ ...base, id: stored.id, name: '甲', relation: 'head' }], [stored]);
    expect(kept).toMatchObject({ id: stored.id, idNumber: stored.idNumber, phone: '13900001111' });
    const [cleared] = toMembers([{ ...base, id: stored.id, name: '甲', relation: 'head', phone: '' }], [stored]);
    expect(cleared.phone).toBeUndefined();
  });

  it.each([
    [
      'two members share an ID number',
      [
        { name: '甲', relation: 'head', idNumber: id('19650203', '011') },
        { name: '乙', relation: 'child', idNumber: id('19650203', '011') },
      ],
      /身份证号重复/,
    ],
    ['nobody is the head', [{ name: '甲', relation: 'child', idNumber: id('19650203', '011') }], /户主/],
    ['a new member has no ID number', [{ name: '甲', relation: 'head' }], /请填写甲的身份证号/],
  ])('refuses when %s', (_s, drafts, message) => {
    expect(() => toMembers(drafts.map((d) => ({ ...base, ...d })) as never)).toThrow(message);
  });
});
