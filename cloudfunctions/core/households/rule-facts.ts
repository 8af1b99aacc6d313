import { z } from '../../../types/z';
import { Household, Member } from '../../../types/household';

/**
 * What the rules and the sweep read of a household: no ID numbers, phones, addresses or history.
 */
const RULE_MEMBER_FIELDS = [
  'id',
  'name',
  'birthDate',
  'health',
  'chronicApproved',
  'disabilityLevel',
  'schooling',
  'laborCapacity',
  'employed',
  'hasIncome',
  'hasSupporter',
] as const;
type RuleMemberField = (typeof RULE_MEMBER_FIELDS)[number];
const RULE_HOUSEHOLD_FIELDS = ['headName', 'villageId', 'status', 'annualNetIncome', 'housingGrade'] as const;
export const RuleHousehold = Household.pick({
  _id: true,
  headName: true,
  countyId: true,
  townId: true,
  villageId: true,
  status: true,
  annualNetIncome: true,
  housingGrade: true,
}).extend({
  members: z.array(Member.pick(Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [f, true])) as Record<RuleMemberField, true>)),
  /** What the household received, by year, with what each record paid (see paid-keys.ts). */
  paidKeys: z.record(z.string(), z.array(z.string())),
});
export type RuleHousehold = z.infer<typeof RuleHousehold>;
type RuleMember = RuleHousehold['members'][number];
type RuleFields = Pick<RuleHousehold, (typeof RULE_HOUSEHOLD_FIELDS)[number]> & { members: RuleMember[] };

/**
 * 规则摘要: the household as the rules read it, packed into one string field (`ruleFacts`): the
 * format version, the RULE_HOUSEHOLD_FIELDS, then one row per member in RULE_MEMBER_FIELDS order.
 * A county sweep reads 30,000 households; read as fields and nested members, the SDK's EJSON
 * parse walked every value and SQLite extracted each field, while one string per household parses
 * natively. Derived, never edited: household writes (`saveHousehold`, `insertHousehold`, the
 * seed) set it through `withRuleFacts`, and a household without a current one is read in full.
 */
const FORMAT = 2;

export const packRuleFacts = (h: RuleFields): string =>
  JSON.stringify([FORMAT, ...RULE_HOUSEHOLD_FIELDS.map((f) => h[f]), ...h.members.map((m) => RULE_MEMBER_FIELDS.map((f) => m[f]))]);

/** The household with its packed rule facts, ready to be written. */
export const withRuleFacts = <H extends Household>(household: H): H & { ruleFacts: string } => ({ ...household, ruleFacts: packRuleFacts(household) });

const toMember = (row: unknown[]): RuleMember => {
  const member = {} as Record<RuleMemberField, unknown>;
  for (let i = 0; i < RULE_MEMBER_FIELDS.length; i++) member[RULE_MEMBER_FIELDS[i]] = row[i];
  return member as RuleMember;
};

function unpackRuleFacts(text: unknown): RuleFields | null {
  if (typeof text !== 'string') return null;
  const packed = JSON.parse(text) as unknown[];
  if (packed[0] !== FORMAT) return null;
  const [, headName, villageId, status, annualNetIncome, housingGrade] = packed;
  return {
    headName,
    villageId,
    status,
    annualNetIncome,
    housingGrade,
    members: (packed.slice(1 + RULE_HOUSEHOLD_FIELDS.length) as unknown[][]).map(toMember),
  } as RuleFields;
}

/** What the sweep asks for: the packed facts, what was received, and the regions (kept gaps carry them for scope). */
export const RULE_PROJECTION: Record<string, boolean> = { ruleFacts: true, paidKeys: true, countyId: true, townId: true };
/** The same from the stored fields, for households written before `ruleFacts` (or in an older format). */
export const RULE_PROJECTION_FULL: Record<string, boolean> = {
  ...Object.fromEntries(RULE_HOUSEHOLD_FIELDS.map((f) => [f, true])),
  paidKeys: true,
  countyId: true,
  townId: true,
  ...Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [`members.${f}`, true])),
};

/**
 * A projected household as the rules read it, without a schema parse: a sweep reads 30,000 of
 * them, every one written through the Household schema, and parsing them again cost more than the
 * rules. Copies field by field so nothing else travels on. Null when it has no current
 * `ruleFacts` and was read without its fields.
 */
export function toRuleHousehold(d: Record<string, unknown>): RuleHousehold | null {
  const packed = unpackRuleFacts(d.ruleFacts);
  const fields =
    packed ??
    (Array.isArray(d.members)
      ? ({
          headName: d.headName,
          villageId: d.villageId,
          status: d.status,
          annualNetIncome: d.annualNetIncome,
          housingGrade: d.housingGrade,
          members: d.members.map((m: Record<string, unknown>) => toMember(RULE_MEMBER_FIELDS.map((f) => m[f]))),
        } as RuleFields)
      : null);
  if (!fields) return null;
  for (const m of fields.members) m.chronicApproved ??= false;
  return {
    _id: d._id as string,
    headName: fields.headName,
    countyId: d.countyId as string,
    townId: d.townId as string,
    villageId: fields.villageId,
    status: fields.status,
    annualNetIncome: fields.annualNetIncome,
    housingGrade: fields.housingGrade,
    members: fields.members,
    paidKeys: (d.paidKeys as RuleHousehold['paidKeys'] | undefined) ?? {},
  };
}
