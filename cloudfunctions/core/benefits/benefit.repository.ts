import { Benefit } from '../../../types/benefit';
import { Household } from '../../../types/household';
import { getDb } from '../store';
import { RULE_PROJECTION, RULE_PROJECTION_FULL, type RuleHousehold, toRuleHousehold } from './rule-facts';

export type { RuleHousehold } from './rule-facts';

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

export async function householdsByIds(ids: string[]): Promise<Household[]> {
  const _ = getDb().command;
  const docs = await byChunks(ids, (chunk) => fetchAll('households', { _id: _.in(chunk) }));
  return docs.map((d) => Household.parse(d));
}

/**
 * Projected households as the rules read them; the few without current `ruleFacts` (written
 * before it existed) are read again with their members.
 */
async function toRuleHouseholds(docs: Record<string, unknown>[]): Promise<RuleHousehold[]> {
  const out: RuleHousehold[] = [];
  const stale: string[] = [];
  for (const d of docs) {
    const h = toRuleHousehold(d);
    if (h) out.push(h);
    else stale.push(d._id as string);
  }
  if (!stale.length) return out;
  const _ = getDb().command;
  const full = await byChunks(stale, (chunk) => fetchAll('households', { _id: _.in(chunk) }, RULE_PROJECTION_FULL));
  const byId = new Map(full.map((d) => [d._id as string, toRuleHousehold(d)]));
  // Keep the order the households were read in.
  const all = new Map(out.map((h) => [h._id, h]));
  return docs.map((d) => {
    const h = all.get(d._id as string) ?? byId.get(d._id as string);
    if (!h) throw new Error(`户 ${String(d._id)} 的成员数据缺失`);
    return h;
  });
}

/** Households by id, as the rules read them (projected). */
export async function ruleHouseholdsByIds(ids: string[]): Promise<RuleHousehold[]> {
  const _ = getDb().command;
  return toRuleHouseholds(await byChunks(ids, (chunk) => fetchAll('households', { _id: _.in(chunk) }, RULE_PROJECTION)));
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
    if (data.length) yield await toRuleHouseholds(data);
    if (data.length < PAGE) return;
  }
}

export async function ruleHouseholdsWhere(where: Record<string, unknown>): Promise<RuleHousehold[]> {
  const all: RuleHousehold[] = [];
  for await (const page of ruleHouseholdPages(where)) all.push(...page);
  return all;
}
