import { z } from '../../../types/z';
import { Household, Member } from '../../../types/household';

/**
 * What the rules and the sweep read of a household: no ID numbers, phones, addresses or history.
 */
const RULE_MEMBER_FIELDS = ['id', 'name', 'birthDate', 'health', 'chronicApproved', 'disabilityLevel', 'schooling', 'laborCapacity', 'employed', 'hasIncome', 'hasSupporter'] as const;
type RuleMemberField = (typeof RULE_MEMBER_FIELDS)[number];
export const RuleHousehold = Household.pick({ _id: true, headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true })
  .extend({
    members: z.array(Member.pick(Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [f, true])) as Record<RuleMemberField, true>)),
    /** What the household received, by year (see paid-keys.ts). */
    paidKeys: z.record(z.string(), z.array(z.string())),
  });
export type RuleHousehold = z.infer<typeof RuleHousehold>;
type RuleMember = RuleHousehold['members'][number];

/**
 * 规则成员摘要: the members as the rules read them, packed into one string field of the household
 * (`memberFacts`, values in RULE_MEMBER_FIELDS order, led by the format version). A county sweep
 * reads 30,000 households; read as nested objects, the SDK's EJSON parse walked every member
 * field (a second of the sweep), while one string per household parses natively. Derived, never
 * edited: household writes (`saveHousehold`, `insertHousehold`, the seed) set it through
 * `withMemberFacts`, and a household without a current one is read in full instead.
 */
const FORMAT = 1;

export const packMemberFacts = (members: RuleMember[]): string =>
  JSON.stringify([FORMAT, ...members.map((m) => RULE_MEMBER_FIELDS.map((f) => m[f]))]);

/** The household with its packed member facts, ready to be written. */
export const withMemberFacts = <H extends Household>(household: H): H & { memberFacts: string } => ({ ...household, memberFacts: packMemberFacts(household.members) });

function unpackMemberFacts(text: unknown): RuleMember[] | null {
  if (typeof text !== 'string') return null;
  const [format, ...rows] = JSON.parse(text) as [number, ...unknown[][]];
  if (format !== FORMAT) return null;
  return rows.map((row) => {
    const member = {} as Record<RuleMemberField, unknown>;
    for (let i = 0; i < RULE_MEMBER_FIELDS.length; i++) member[RULE_MEMBER_FIELDS[i]] = row[i];
    return member as RuleMember;
  });
}

/** Top-level fields the rules read, with the packed members. */
export const RULE_PROJECTION: Record<string, boolean> = { headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true, paidKeys: true, memberFacts: true };
/** The same from the stored members, for households written before `memberFacts` (or in an older format). */
export const RULE_PROJECTION_FULL: Record<string, boolean> = {
  headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true, paidKeys: true,
  ...Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [`members.${f}`, true])),
};

/**
 * A projected household as the rules read it, without a schema parse: a sweep reads 30,000 of
 * them, every one written through the Household schema, and parsing them again cost more than the
 * rules. Copies field by field so nothing else travels on. Null when it has no current
 * `memberFacts` and was read without its members.
 */
export function toRuleHousehold(d: Record<string, unknown>): RuleHousehold | null {
  const packed = unpackMemberFacts(d.memberFacts);
  const members = packed ?? (Array.isArray(d.members) ? d.members.map((m: RuleMember) => {
    const member = {} as Record<RuleMemberField, unknown>;
    for (const f of RULE_MEMBER_FIELDS) member[f] = m[f];
    return member as RuleMember;
  }) : null);
  if (!members) return null;
  for (const m of members) m.chronicApproved ??= false;
  return {
    _id: d._id as string, headName: d.headName as string, villageId: d.villageId as string, status: d.status as RuleHousehold['status'],
    annualNetIncome: d.annualNetIncome as number, housingGrade: d.housingGrade as RuleHousehold['housingGrade'], members,
    paidKeys: (d.paidKeys as RuleHousehold['paidKeys'] | undefined) ?? {},
  };
}
