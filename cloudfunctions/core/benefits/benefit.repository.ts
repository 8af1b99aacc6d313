import { z } from '../../../types/z';
import { Benefit } from '../../../types/benefit';
import { Household, Member } from '../../../types/household';
import { getDb } from '../store';

/** `in` lists stay small so each query answers well under the 1,000-document cap (paged anyway). */
const CHUNK = 200;
const PAGE = 1000;

type Where = Record<string, unknown>;

/** Every document matching `where`, paged through the 1,000-per-query cap. */
async function fetchAll(collection: string, where: Where, fields?: Record<string, boolean>): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    let query = getDb().collection(collection).where(where);
    if (fields) query = query.field(fields);
    const { data } = await query.skip(offset).limit(PAGE).get();
    all.push(...(data as Record<string, unknown>[]));
    if (data.length < PAGE) return all;
  }
}

/** Runs `load` over `ids` in chunks for `_.in(...)` queries and concatenates the answers. */
async function byChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * What the rules and the sweep read of a household: no ID numbers, phones, addresses or history.
 * Reading only these fields keeps a county sweep's 30,000 documents small on the wire.
 */
const RULE_MEMBER_FIELDS = ['id', 'name', 'birthDate', 'health', 'chronicApproved', 'disabilityLevel', 'schooling', 'laborCapacity', 'employed', 'hasIncome', 'hasSupporter'] as const;
export const RuleHousehold = Household.pick({ _id: true, headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true })
  .extend({ members: z.array(Member.pick(Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [f, true])) as Record<(typeof RULE_MEMBER_FIELDS)[number], true>)) });
export type RuleHousehold = z.infer<typeof RuleHousehold>;
/**
 * Only the member fields the rules read: a county sweep moves 30,000 households, and the full
 * members (ID numbers, phones, relations…) were two thirds of the bytes the SDK had to parse.
 */
const RULE_PROJECTION: Record<string, boolean> = {
  headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true,
  ...Object.fromEntries(RULE_MEMBER_FIELDS.map((f) => [`members.${f}`, true])),
};

/**
 * A projected household as the rules read it, without a schema parse: a sweep reads 30,000 of
 * them, every one written through the Household schema, and parsing them again cost more than the
 * rules. Copies field by field so nothing else travels on.
 */
function toRuleHousehold(d: Record<string, unknown>): RuleHousehold {
  const members = d.members;
  if (!Array.isArray(members)) throw new Error(`户 ${String(d._id)} 的成员数据缺失`);
  return {
    _id: d._id as string, headName: d.headName as string, villageId: d.villageId as string, status: d.status as RuleHousehold['status'],
    annualNetIncome: d.annualNetIncome as number, housingGrade: d.housingGrade as RuleHousehold['housingGrade'],
    members: members.map((m: RuleHousehold['members'][number]) => ({
      id: m.id, name: m.name, birthDate: m.birthDate, health: m.health, chronicApproved: m.chronicApproved ?? false, disabilityLevel: m.disabilityLevel,
      schooling: m.schooling, laborCapacity: m.laborCapacity, employed: m.employed, hasIncome: m.hasIncome, hasSupporter: m.hasSupporter,
    })),
  };
}

export async function householdsByIds(ids: string[]): Promise<Household[]> {
  const _ = getDb().command;
  const docs = await byChunks(ids, (chunk) => fetchAll('households', { _id: _.in(chunk) }));
  return docs.map((d) => Household.parse(d));
}

/** Households by id, as the rules read them (projected). */
export async function ruleHouseholdsByIds(ids: string[]): Promise<RuleHousehold[]> {
  const _ = getDb().command;
  const docs = await byChunks(ids, (chunk) => fetchAll('households', { _id: _.in(chunk) }, RULE_PROJECTION));
  return docs.map(toRuleHousehold);
}

/** What a gap check reads of a 兑现记录. */
export type PaidKey = Pick<Benefit, 'householdId' | 'policy' | 'memberId'>;

/** Whether a record's period (`YYYY` or `YYYY-MM`) lies in `year`: 'YYYY' sorts before 'YYYY-01'…'YYYY-12'. */
export const inYear = (period: string, year: string): boolean => period >= year && period <= `${year}-12`;

export async function recordsOfHousehold(householdId: string): Promise<Benefit[]> {
  const docs = await fetchAll('benefits', { householdId });
  return docs.map((d) => Benefit.parse(d)).sort((a, b) => b.period.localeCompare(a.period) || a.policy.localeCompare(b.policy));
}

/**
 * Every household with an emergency need since `sinceIso`, in one query: emergencies are few
 * (a few hundred a county), so a sweep asks once instead of once per chunk of households.
 */
export async function allHouseholdsWithEmergency(sinceIso: string): Promise<Set<string>> {
  const _ = getDb().command;
  const docs = await fetchAll('needs', { category: 'emergency', reportedAt: _.gte(sinceIso), status: _.neq('rejected') }, { householdId: true });
  return new Set(docs.map((d) => d.householdId as string));
}

/** Households with an emergency need (急难) reported since `sinceIso` that was not rejected: 临时救助 applies. */
export async function householdsWithEmergency(householdIds: string[], sinceIso: string): Promise<Set<string>> {
  const _ = getDb().command;
  const docs = await byChunks(householdIds, (chunk) => fetchAll('needs', {
    householdId: _.in(chunk), category: 'emergency', reportedAt: _.gte(sinceIso), status: _.neq('rejected'),
  }, { householdId: true }));
  return new Set(docs.map((d) => d.householdId as string));
}

/** The active primary helper (主帮扶人) of each household: gaps are handed to them. */
export async function primaryHelpers(householdIds: string[]): Promise<Map<string, string>> {
  const _ = getDb().command;
  const docs = await byChunks(householdIds, (chunk) => fetchAll('pairings', { householdId: _.in(chunk), role: 'primary', active: true }, { householdId: true, helperId: true }));
  return new Map(docs.map((d) => [d.householdId as string, d.helperId as string]));
}

/**
 * Households matching `where` (an admin's region) as the rules read them, one page at a time, so
 * a county sweep never holds 30,000 full documents at once. Paged by offset on the plain region
 * filter: the embedded engine answers that from its index with LIMIT/OFFSET, while a cursor
 * (`_id > last` sorted by `_id`) made it sort the whole region for every page (measured 4× slower).
 */
export async function* ruleHouseholdPages(where: Record<string, unknown>): AsyncGenerator<RuleHousehold[]> {
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await getDb().collection('households').where(where).field(RULE_PROJECTION).skip(offset).limit(PAGE).get();
    if (data.length) yield data.map(toRuleHousehold);
    if (data.length < PAGE) return;
  }
}

export async function ruleHouseholdsWhere(where: Record<string, unknown>): Promise<RuleHousehold[]> {
  const all: RuleHousehold[] = [];
  for await (const page of ruleHouseholdPages(where)) all.push(...page);
  return all;
}
