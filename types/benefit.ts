import { z } from './z';
import { Id, IsoDate, IsoDateTime } from './common';
import { DisabilityLevel, HouseholdStatus, HousingGrade, LaborCapacity, Schooling } from './household';
import { PolicyCode } from './policy';
import { chinaDate } from './visit-dates';

export const BenefitPeriod = z
  .string({ error: '请填写发放期间' })
  .max(7, { error: '发放期间应为 YYYY 或 YYYY-MM，例如 2026 或 2026-03', abort: true })
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: '发放期间应为 YYYY 或 YYYY-MM，例如 2026 或 2026-03' });

/** One member of a family described to the public calculator (政策计算器), SPEC §3. */
export const CalculatorMember = z.object({
  birthDate: IsoDate.refine(
    (d) => {
      const year = Number(d.slice(0, 4));
      // Today in China time: a baby born this morning before 08:00 is not "later than today".
      const today = chinaDate(new Date());
      return year >= Number(today.slice(0, 4)) - 130 && d <= today;
    },
    { error: '出生日期不合理：不能晚于今天，也不能早于 130 年前' },
  ),
  disabilityLevel: DisabilityLevel.default(0),
  chronicIllness: z.boolean().default(false),
  chronicApproved: z.boolean().default(false),
  schooling: Schooling.default('none'),
  laborCapacity: LaborCapacity,
  employed: z.boolean().default(false),
  hasIncome: z.boolean().default(false),
  hasSupporter: z.boolean().default(false),
});
export type CalculatorMember = z.infer<typeof CalculatorMember>;

export const CalculatorHousehold = z.object({
  status: HouseholdStatus,
  annualNetIncome: z
    .number({ error: '家庭年纯收入应为数字（元）' })
    .min(0, { error: '家庭年纯收入不能为负数' })
    .max(100_000_000, { error: '家庭年纯收入过大，请核对' }),
  housingGrade: HousingGrade.default('A'),
  emergencyInLast90Days: z.boolean().default(false),
  members: z.array(CalculatorMember).min(1, { error: '请至少填写一位家庭成员' }).max(30, { error: '家庭成员最多 30 人' }),
});
export type CalculatorHousehold = z.infer<typeof CalculatorHousehold>;

export const CalculateInput = z.object({ date: IsoDate.optional(), household: CalculatorHousehold });
export type CalculateInput = z.infer<typeof CalculateInput>;

/** A rule's answer: entitled or not, the amount in yuan when the policy has one, and why. */
export const Decision = z.object({
  policy: PolicyCode,
  member: z.number().int().nullable(),
  entitled: z.boolean(),
  amount: z.number().nullable(),
  reasons: z.array(z.string()),
});
export type Decision = z.infer<typeof Decision>;

/** 兑现记录: what a household (or one member) actually received under a policy for a period. */
export const Benefit = z.object({
  /** `<householdId>-<policy>-<memberId|hh>-<period>`: one record per benefit and period, so re-recording is idempotent. */
  _id: Id,
  householdId: Id,
  /** Copied from the household so admins list records of their region with one indexed query. */
  countyId: Id,
  townId: Id,
  villageId: Id,
  memberId: Id.nullable(),
  policy: PolicyCode,
  /** `YYYY` for yearly benefits, `YYYY-MM` for monthly ones. */
  period: BenefitPeriod,
  amount: z.number().min(0, { error: '金额不能为负数' }).nullable(),
  paidOn: IsoDate,
  createdAt: IsoDateTime,
  /** Who recorded it (an admin's user id) or `import:<file name>`; absent on seeded records. */
  source: z.string().optional(),
});
export type Benefit = z.infer<typeof Benefit>;

/** What an admin records (or one import row becomes): the server adds id, region and time. */
export const RecordDisbursementInput = z.object({
  householdId: Id,
  memberId: Id.nullable().default(null),
  policy: PolicyCode,
  period: BenefitPeriod,
  amount: z.number({ error: '金额应为数字（元）' }).min(0, { error: '金额不能为负数' }).max(1_000_000, { error: '金额过大，请核对' }).nullable(),
  paidOn: IsoDate,
});
export type RecordDisbursementInput = z.infer<typeof RecordDisbursementInput>;
