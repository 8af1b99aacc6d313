import { z } from '../../../types/z';
import { Household, HouseholdStatus } from '../../../types/household';
import { getDb, inChunks, MAX_IN, projectAll, projectPages, readAll, readPages, type Doc, type PageOptions } from '../store';
import { countGroups, gatherAll } from '../store/group-counts';
import { conflict } from '../errors';
import { RULE_PROJECTION, RULE_PROJECTION_FULL, type RuleHousehold, toRuleHousehold } from './rule-facts';
import { paidKeysOf, type PaidRecord } from './paid-keys';
import { storedHousehold, withDerived } from './household.derived';

/** The only code that queries `households` (STYLE: one rule in one place). */
const households = () => getDb().collection('households');
type Where = Record<string, unknown>;

/** Whole households are large documents: `_.in` lists of them stay at 200, so an answer stays small. */
const CHUNK = 200;
const BY_CODE: PageOptions = { orderBy: [['code', 'asc']] };

const parse = (d: Doc) => Household.parse(d);
const IdOnly = Household.pick({ _id: true });
const idOf = (d: Doc) => IdOnly.parse(d)._id;

export async function findHousehold(id: string): Promise<Household | null> {
  const { data } = await households().doc(id).get();
  return data.length ? Household.parse(data[0]) : null;
}

/**
 * Writes a changed household if nobody else changed it since it was read (`version` check);
 * answers the stored document with its version bumped. Every household write keeps its derived
 * fields (`withDerived`) in step.
 */
export async function saveHousehold(next: Household, expectedVersion: number): Promise<Household> {
  const { _id, ...fields } = withDerived({ ...next, version: expectedVersion + 1 });
  const { updated } = await households().where({ _id, version: expectedVersion }).update(fields);
  if (!updated) throw conflict('该户信息已被其他人修改，请刷新后再改');
  return { ...next, version: expectedVersion + 1 };
}

/** A new household has received nothing yet: its 兑现摘要 starts empty, as a rebuild would write it. */
export async function insertHousehold(household: Household): Promise<void> {
  await households().add(storedHousehold(household));
}

/** Notes one stored 兑现 record in its household's 兑现摘要: the entries `paidKeysOf` gives (its key, its amount), added to the set (idempotent). */
export async function notePaid(record: PaidRecord): Promise<void> {
  const _ = getDb().command;
  for (const [year, keys] of Object.entries(paidKeysOf([record]))) {
    for (const key of keys)
      await households()
        .doc(record.householdId)
        .update({ [`paidKeys.${year}`]: _.addToSet(key) });
  }
}

/**
 * How many open 应享未享 gaps the household has (kept-gaps.service.ts, its one writer besides the
 * seed and rebuildDerived): the list's 有应享未享 filter reads it from the household.
 */
export async function putGapCount(id: string, gapCount: number): Promise<void> {
  await households().doc(id).update({ gapCount });
}

/**
 * A household as `rebuildDerived` reads it: what its derived fields are made of, and those fields
 * as stored (absent on households written before them).
 */
const DerivedSource = Household.pick({
  _id: true,
  headName: true,
  countyId: true,
  townId: true,
  villageId: true,
  status: true,
  annualNetIncome: true,
  housingGrade: true,
  members: true,
}).extend({
  ruleFacts: z.string().optional(),
  memberCount: z.number().optional(),
  paidKeys: z.record(z.string(), z.array(z.string())).optional(),
  gapCount: z.number().optional(),
});
export type DerivedSource = z.infer<typeof DerivedSource>;

/**
 * Every household as `rebuildDerived` reads it, `pageSize` at a time, in natural order (sorting all
 * of them by `_id` for each page would cost a full read), from the `start`-th on (a rebuild resumed).
 */
export function derivedSourcePages(pageSize: number, start = 0): AsyncGenerator<DerivedSource[]> {
  const fields = {
    headName: true,
    villageId: true,
    status: true,
    annualNetIncome: true,
    housingGrade: true,
    members: true,
    ruleFacts: true,
    memberCount: true,
    paidKeys: true,
    gapCount: true,
    countyId: true,
    townId: true,
  };
  return readPages(households().where({}).field(fields), (d) => DerivedSource.parse(d), { pageSize, start });
}

/** How many households the store holds (a rebuild's progress is counted against it). */
export async function countHouseholds(): Promise<number> {
  return (await households().count()).total ?? 0;
}

/** Sets a household's derived fields to what its sources say (the 兑现摘要 replaced whole). */
export async function putDerivedFields(id: string, fields: { ruleFacts: string; memberCount: number; paidKeys: Record<string, string[]> }): Promise<void> {
  const _ = getDb().command;
  await households()
    .doc(id)
    .update({ ruleFacts: fields.ruleFacts, memberCount: fields.memberCount, paidKeys: _.set(fields.paidKeys) });
}

/** Households by id, in chunks of `_.in`; ids without a household are left out. `orderBy` orders each chunk. */
export async function householdsByIds(ids: string[], options: PageOptions = {}): Promise<Household[]> {
  const _ = getDb().command;
  return inChunks(ids, CHUNK, (chunk) => readAll(households().where({ _id: _.in(chunk) }), parse, options));
}

/** Households holding any of these ID numbers (the registry's natural key), optionally only within `where` (a region). */
export async function householdsByIdNumbers(idNumbers: string[], where: Where = {}): Promise<Household[]> {
  const _ = getDb().command;
  const found = await inChunks(idNumbers, CHUNK, (chunk) => readAll(households().where({ ...where, 'members.idNumber': _.in(chunk) }), parse));
  return [...new Map(found.map((h) => [h._id, h])).values()];
}

/** A household by its code, with what a clash check needs: where it is and whose it is. */
const CodeHolderDoc = Household.pick({ _id: true, code: true, headName: true, countyId: true, townId: true, villageId: true });
export type CodeHolder = Pick<Household, '_id' | 'headName' | 'countyId' | 'townId' | 'villageId'>;

export async function householdsByCodes(codes: string[]): Promise<Map<string, CodeHolder>> {
  const _ = getDb().command;
  const found = await inChunks(codes, 500, (chunk) =>
    readAll(
      households()
        .where({ code: _.in(chunk) })
        .field({ code: true, headName: true, countyId: true, townId: true, villageId: true }),
      (d) => CodeHolderDoc.parse(d),
    ),
  );
  return new Map(found.map(({ code, ...holder }) => [code, holder]));
}

/** Ids of households with a member of this name (the first 100): whom a bind try naming them aims at. */
export async function householdIdsWithMemberNamed(name: string): Promise<string[]> {
  const { data } = await households().where({ 'members.name': name }).field({ _id: true }).limit(100).get();
  return data.map(idOf);
}

/** Households with a member of this name and phone (binding narrows by both before checking the ID suffix). */
export async function householdsWithMember(name: string, phone: string): Promise<Household[]> {
  const _ = getDb().command;
  const { data } = await households()
    .where({ members: _.elemMatch({ name, phone }) })
    .limit(20)
    .get();
  return data.map(parse);
}

const SummaryDoc = Household.pick({ _id: true, code: true, headName: true, villageId: true, status: true }).extend({
  memberCount: z.number().int().optional(),
});
/** What a list row shows of a household (its derived `memberCount` instead of its members). */
export type SummaryRow = Omit<z.infer<typeof SummaryDoc>, 'memberCount'> & { memberCount: number };
const SUMMARY_FIELDS = { code: true, headName: true, villageId: true, status: true, memberCount: true };

/**
 * One page of a household list in code order, with the count of all that match. Only the row's
 * fields are read (a whole household with its members is ~1.5 KB to read, send and parse, for a
 * row that shows five fields); the few rows stored before `memberCount` existed count their members.
 */
export async function householdPage(where: Where, paging: { offset: number; limit: number }): Promise<{ items: SummaryRow[]; total: number }> {
  const [{ total }, { data }] = await Promise.all([
    households().where(where).count(),
    households().where(where).orderBy('code', 'asc').skip(paging.offset).limit(paging.limit).field(SUMMARY_FIELDS).get(),
  ]);
  const rows = (data as Doc[]).map((d) => SummaryDoc.parse(d));
  const stale = rows.filter((r) => r.memberCount === undefined).map((r) => r._id);
  const counted = stale.length ? new Map((await householdsByIds(stale)).map((h) => [h._id, h.members.length])) : new Map<string, number>();
  return { items: rows.map((r) => ({ ...r, memberCount: r.memberCount ?? counted.get(r._id) ?? 0 })), total: total ?? 0 };
}

/** Every household matching the query, in code order, a page of 1,000 at a time (the CloudBase cap). */
export function allHouseholds(where: Where): AsyncGenerator<Household[]> {
  return readPages(households().where(where), parse, BY_CODE);
}

/** Ids of every household matching `where`, in the store's natural order (the caller sorts what it shows). */
export async function householdIdsWhere(where: Where): Promise<string[]> {
  return readAll(households().where(where).field({ _id: true }), idOf);
}

/**
 * The next `limit` household ids after `after` in `_id` order: a pass that must resume where it
 * stopped (households are never deleted, so the cursor never skips one).
 */
export async function householdIdsAfter(after: string, limit: number): Promise<string[]> {
  const _ = getDb().command;
  const { data } = await households()
    .where({ _id: _.gt(after) })
    .field({ _id: true })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return (data as Doc[]).map(idOf);
}

const Sampled = Household.pick({ _id: true, code: true, headName: true, status: true, countyId: true, townId: true, villageId: true });
export type SampledHousehold = z.infer<typeof Sampled>;

/** Code, head, status and regions of every household matching `where` (projected): what a 回头看 draw needs. */
export async function householdsToSample(where: Where): Promise<SampledHousehold[]> {
  return readAll(households().where(where).field({ code: true, headName: true, status: true, countyId: true, townId: true, villageId: true }), (d) =>
    Sampled.parse(d),
  );
}

const Place = Household.pick({ _id: true, headName: true, countyId: true, townId: true, villageId: true }).extend({
  gapCount: z.number().optional(),
  statusHistory: Household.shape.statusHistory.optional(),
});
export type HouseholdPlace = Omit<z.infer<typeof Place>, '_id'>;

/**
 * Head, regions and open 应享未享 count (kept-gaps.service.ts) of several households (projected), by
 * id: enough for list rows and scope checks; with `withHistory`, their status history too (风险消除
 * follow-up visits read it), in the same request.
 */
export async function householdPlaces(ids: string[], withHistory = false): Promise<Map<string, HouseholdPlace>> {
  const _ = getDb().command;
  const found = await inChunks(ids, MAX_IN, (chunk) =>
    readAll(
      households()
        .where({ _id: _.in(chunk) })
        .field({ headName: true, countyId: true, townId: true, villageId: true, gapCount: true, ...(withHistory ? { statusHistory: true } : {}) }),
      (d) => Place.parse(d),
    ),
  );
  return new Map(found.map(({ _id, ...place }) => [_id, place]));
}

const VillageHead = Household.pick({ _id: true, headName: true, villageId: true });

/** Head and village of every household of these villages (projected), in `_id` order: a few small rows each, so one aggregate answers thousands. */
export async function headsOfVillages(villageIds: string[]): Promise<Array<z.infer<typeof VillageHead>>> {
  const _ = getDb().command;
  return inChunks(villageIds, MAX_IN, (chunk) =>
    projectAll(households(), { villageId: _.in(chunk) }, { headName: true, villageId: true }, (d) => VillageHead.parse(d)),
  );
}

const Head = Household.pick({ _id: true, headName: true });

/** Head names of several households (projected), by id: one aggregate per 1,000 ids (a find() of 1,000 pages once more). */
export async function headNames(ids: string[]): Promise<Map<string, string>> {
  const _ = getDb().command;
  const found = await inChunks(ids.filter(Boolean), MAX_IN, (chunk) =>
    projectAll(households(), { _id: _.in(chunk) }, { headName: true }, (d) => Head.parse(d)),
  );
  return new Map(found.map((h) => [h._id, h.headName]));
}

/** Households per village among those matching `where`, counted on the server from an index. */
export const householdsPerVillage = (where: Where): Promise<Map<string, number>> => countGroups(households(), where, 'villageId');

const StatusSize = z.object({ _id: z.object({ status: HouseholdStatus, size: z.number().nullish() }), n: z.number() });

/** Households matching `where` per status and size (derived memberCount): counted from an index, no member read. */
export async function householdsByStatusAndSize(where: Where): Promise<Array<{ status: HouseholdStatus; size: number; n: number }>> {
  const $ = getDb().command.aggregate;
  const { data } = await households()
    .aggregate()
    .match(where)
    .group({ _id: { status: '$status', size: '$memberCount' }, n: $.sum(1) })
    .limit(10_000)
    .end();
  return ((data ?? []) as unknown[]).map((row) => {
    const { _id, n } = StatusSize.parse(row);
    return { status: _id.status, size: _id.size ?? 0, n };
  });
}

/**
 * Projected households as the rules read them; the few without current `ruleFacts` (written
 * before it existed) are read again with their members. `toRuleHousehold` is the parse: a sweep
 * reads 30,000 of these, and a schema parse of each cost more than the rules (see rule-facts.ts).
 */
async function toRuleHouseholds(docs: Doc[]): Promise<RuleHousehold[]> {
  const out = new Map<string, RuleHousehold>();
  const stale: string[] = [];
  for (const d of docs) {
    const h = toRuleHousehold(d);
    if (h) out.set(h._id, h);
    else stale.push(IdOnly.parse(d)._id);
  }
  if (!stale.length) return [...out.values()];
  const _ = getDb().command;
  const full = await inChunks(stale, CHUNK, (chunk) =>
    readAll(
      households()
        .where({ _id: _.in(chunk) })
        .field(RULE_PROJECTION_FULL),
      (d) => d,
    ),
  );
  for (const d of full) {
    const h = toRuleHousehold(d);
    if (h) out.set(h._id, h);
  }
  // Keep the order the households were read in.
  return docs.map((d) => {
    const h = out.get(IdOnly.parse(d)._id);
    if (!h) throw new Error(`户 ${String(d._id)} 的成员数据缺失`);
    return h;
  });
}

/** Households by id, as the rules read them (projected). */
export async function ruleHouseholdsByIds(ids: string[]): Promise<RuleHousehold[]> {
  const _ = getDb().command;
  return toRuleHouseholds(
    await inChunks(ids, CHUNK, (chunk) =>
      readAll(
        households()
          .where({ _id: _.in(chunk) })
          .field(RULE_PROJECTION),
        (d) => d,
      ),
    ),
  );
}

/**
 * Households matching `where` (an admin's region) as the rules read them, one page at a time, so
 * a county sweep never holds 30,000 full documents at once. Paged by offset on the plain region
 * filter, in natural order: the embedded engine answers that from its index with LIMIT/OFFSET,
 * while a cursor (`_id > last` sorted by `_id`) made it sort the whole region for every page
 * (measured 4× slower).
 */
export async function* ruleHouseholdPages(where: Where): AsyncGenerator<RuleHousehold[]> {
  for await (const docs of readPages(households().where(where).field(RULE_PROJECTION), (d) => d)) yield await toRuleHouseholds(docs);
}

/** A household as the §3b monitoring rules read it: the rules' projection plus incomes, water and place. */
export type SweepHousehold = RuleHousehold & Pick<Household, 'countyId' | 'townId' | 'villageId' | 'incomes' | 'safeWater'>;
const SWEEP_PROJECTION = { ruleFacts: true, countyId: true, townId: true, villageId: true, incomes: true, safeWater: true } as const;
/** ~400 bytes a row: 5,000 households an answer (6 round trips for a county) keeps each answer near 2 MB. */
const SWEEP_PAGE = 5_000;

/**
 * Households matching `where` as the monitoring sweep reads them, a page at a time in natural
 * order: the packed rule facts (no schema parse of 30,000 full documents) and the few fields
 * monitoring reads besides, projected on the server 5,000 per round trip (`projectPages`) where a
 * find() pages by 1,000.
 */
export async function* sweepHouseholdPages(where: Where): AsyncGenerator<SweepHousehold[]> {
  for await (const docs of projectPages(households(), where, SWEEP_PROJECTION, (d) => d, SWEEP_PAGE)) {
    const byId = new Map(docs.map((d) => [d._id as string, d]));
    yield (await toRuleHouseholds(docs)).map((h) => {
      const d = byId.get(h._id)!;
      return {
        ...h,
        countyId: d.countyId as string,
        townId: d.townId as string,
        villageId: d.villageId as string,
        incomes: (d.incomes as Household['incomes'] | undefined) ?? [],
        safeWater: d.safeWater !== false,
      };
    });
  }
}

export async function ruleHouseholdsWhere(where: Where): Promise<RuleHousehold[]> {
  const all: RuleHousehold[] = [];
  for await (const page of ruleHouseholdPages(where)) all.push(...page);
  return all;
}

const Regions = Household.pick({ _id: true, townId: true, villageId: true });

/**
 * Every household of a region with its town and village, for the monthly bulletin and the ledgers:
 * the ids gathered per village on the server, one round trip for a county's 30,000.
 */
export async function householdRegionsWhere(where: Where): Promise<Array<z.infer<typeof Regions>>> {
  return gatherAll(households(), where, ['townId', 'villageId'], ['_id'], (d) => Regions.parse(d));
}

const MemberCare = z.object({ _id: z.string(), members: z.array(z.object({ health: z.string(), disabilityLevel: z.number(), schooling: z.string() })) });
export type MemberCare = z.infer<typeof MemberCare>;

/**
 * What the health and education ledgers count of each member (health, disability, schooling; no
 * names), for every household of a region: read from the packed `ruleFacts` (one short string per
 * household, 10,000 per round trip) rather than the members themselves.
 */
export async function memberCareIn(where: Where): Promise<Map<string, MemberCare['members']>> {
  const found = await toRuleHouseholds(await projectAll(households(), where, { ruleFacts: true }, (d) => d));
  return new Map(found.map((h) => [h._id, h.members.map(({ health, disabilityLevel, schooling }) => ({ health, disabilityLevel, schooling }))]));
}

/** Households per 致贫原因 (a household with two causes counts under each), counted on the server. */
export const householdsPerCause = (where: Where): Promise<Map<string, number>> => countGroups(households(), where, 'causes', { unwind: true });
