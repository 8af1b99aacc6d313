import { CalculateInput } from '../../types/benefit';
import { describeZodError } from '../../cloudfunctions/core/zod-message';

const family = (birthDate: string) => ({
  household: {
    status: 'poor',
    annualNetIncome: 9000,
    housingGrade: 'A',
    emergencyInLast90Days: false,
    members: [
      {
        birthDate: '1980-01-01',
        disabilityLevel: 0,
        chronicIllness: false,
        chronicApproved: false,
        schooling: 'none',
        laborCapacity: 'full',
        employed: false,
        hasIncome: true,
        hasSupporter: true,
      },
      {
        birthDate,
        disabilityLevel: 0,
        chronicIllness: false,
        chronicApproved: false,
        schooling: 'none',
        laborCapacity: 'partial',
        employed: false,
        hasIncome: true,
        hasSupporter: true,
      },
    ],
  },
});

describe('input problems as people read them (issue 13, item 17)', () => {
  const parsed = CalculateInput.safeParse(family('1958年5月2日'));
  const described = parsed.success ? null : describeZodError(parsed.error);

  it('a wrong birth date of the second member names the field only, with no schema path', () => {
    expect(described?.message).toBe('出生日期：日期格式应为 YYYY-MM-DD，例如 2026-01-31');
    expect(described?.message).not.toMatch(/·|第 \d+ 项|家庭成员/);
  });

  it('says where the problem is in details, so the page can put it next to that field', () => {
    expect(described?.details).toEqual([{ path: 'household.members.1.birthDate', message: '日期格式应为 YYYY-MM-DD，例如 2026-01-31' }]);
  });
});
