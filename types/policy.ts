import { z } from './z';
import { IsoDate } from './common';

/** The policy catalogue of SPEC §3. */
export const PolicyCode = z.enum([
  'dibao', 'tekun', 'medical_premium', 'pay_after_care', 'chronic_outpatient', 'education_waiver', 'yulu',
  'early_pension', 'pension_premium', 'disability_living', 'disability_care', 'housing_repair', 'public_job',
  'microcredit', 'temporary_aid', 'elderly_allowance',
], { error: '政策代码不在政策目录中' });
export type PolicyCode = z.infer<typeof PolicyCode>;

/** Parameter values that hold from `from` until the next entry's date. */
export const DatedValues = z.object({ from: IsoDate, params: z.record(z.string(), z.number()) });
export type DatedValues = z.infer<typeof DatedValues>;

/** 政策: one entry of the catalogue, with its effective-dated parameters. */
export const Policy = z.object({
  _id: PolicyCode,
  code: PolicyCode,
  label: z.string(),
  level: z.enum(['household', 'member']),
  unit: z.string(),
  reference: z.array(z.object({ title: z.string() })).default([]),
  values: z.array(DatedValues),
});
export type Policy = z.infer<typeof Policy>;
