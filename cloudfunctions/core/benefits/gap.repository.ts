import { z } from '../../../types/z';
import { PolicyCode } from '../../../types/policy';
import { getDb, inChunks, MAX_IN, readAll, readPages, type Doc } from '../store';
import { gatherAll } from '../store/group-counts';

/**
 * The only code that queries `household_gaps` (应享未享, kept): one document per gap a household
 * had, open (`open: true`, `closedAt: null`) or closed, with the day-and-time it opened and
 * closed. Derived from the household, its 兑现 records, its emergencies and the policy
 * parameters by the evaluation in core/benefits (see kept-gaps.service.ts), which is its one writer.
 */
const gaps = () => getDb().collection('household_gaps');
type Where = Record<string, unknown>;

export const KeptGap = z.object({
  _id: z.string(),
  householdId: z.string(),
  countyId: z.string(),
  townId: z.string(),
  villageId: z.string(),
  /** `policy|memberId` (paid-keys.ts): one open gap per key and household. */
  key: z.string(),
  policy: PolicyCode,
  member: z.number().int().nullable(),
  memberId: z.string().nullable(),
  /** Decision order (catalogue rank, then member): lists show a household's gaps in it. */
  order: z.number().int(),
  headName: z.string(),
  memberName: z.string().nullable(),
  amount: z.number().nullable(),
  received: z.number().nullable(),
  kind: z.enum(['unpaid', 'short', 'approval_missing']),
  reasons: z.array(z.string()),
  open: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type KeptGap = z.infer<typeof KeptGap>;

const parse = (d: Doc) => KeptGap.parse(d);

/** The open gaps of these households (any order). */
export async function openGapsOf(householdIds: string[]): Promise<KeptGap[]> {
  const _ = getDb().command;
  return inChunks(householdIds, MAX_IN, (chunk) => readAll(gaps().where({ householdId: _.in(chunk), open: true }), parse));
}

/** Stores a newly opened gap. */
export async function addGap(gap: KeptGap): Promise<void> {
  const { _id, ...fields } = gap;
  await gaps().doc(_id).set(fields);
}

/** Changes what an open gap says (amount, kind, reasons, names) without touching its history. */
export async function updateGap(id: string, fields: Partial<Omit<KeptGap, '_id' | 'householdId' | 'openedAt'>>): Promise<void> {
  await gaps().doc(id).update(fields);
}

/** Closes an open gap at `at`: it stays as history. */
export async function closeGap(id: string, at: string): Promise<void> {
  await gaps().where({ _id: id, open: true }).update({ open: false, closedAt: at });
}

/** Removes a gap document (a rebuild drops what no source says). */
export async function removeGap(id: string): Promise<void> {
  await gaps().doc(id).remove();
}

/** Every gap document of these households, open and closed (a rebuild compares them). */
export async function gapsOfHouseholds(householdIds: string[]): Promise<KeptGap[]> {
  const _ = getDb().command;
  return inChunks(householdIds, MAX_IN, (chunk) => readAll(gaps().where({ householdId: _.in(chunk) }), parse, { orderBy: [['_id', 'asc']] }));
}

const ORDER = [
  ['householdId', 'asc'],
  ['order', 'asc'],
] as const;

/** Which open gaps a list asks for: a region (or none), some households (a helper's, at most 1,000), one policy. */
export interface GapFilter {
  region: Record<string, string>;
  householdIds?: string[];
  policy?: string;
}

function whereOf(filter: GapFilter): Where {
  const where: Where = { ...filter.region, open: true };
  const ids = filter.householdIds;
  if (ids) where.householdId = ids.length === 1 ? ids[0] : getDb().command.in(ids.slice(0, MAX_IN));
  if (filter.policy) where.policy = filter.policy;
  return where;
}

/**
 * One page of the open gaps matching `where` (a region, a policy, a household) in household and
 * decision order, with how many there are and in how many households: two requests whatever the
 * region's size (the index `<region>_open`, or `<region>_open_policy` for one policy, answers them).
 */
export async function openGapPage(
  filter: GapFilter,
  paging: { offset: number; limit: number },
): Promise<{ items: KeptGap[]; total: number; households: number }> {
  const match = whereOf(filter);
  const $ = getDb().command.aggregate;
  // How many gaps and in how many households, in one aggregate: per household, then summed.
  const [{ data }, grouped] = await Promise.all([
    gaps().where(match).orderBy(ORDER[0][0], ORDER[0][1]).orderBy(ORDER[1][0], ORDER[1][1]).skip(paging.offset).limit(paging.limit).get(),
    gaps()
      .aggregate()
      .match(match)
      .group({ _id: '$householdId', n: $.sum(1) })
      .group({ _id: null, total: $.sum('$n'), households: $.sum(1) })
      .end(),
  ]);
  const counted = z.array(z.object({ total: z.number(), households: z.number() })).parse(grouped.data ?? [])[0];
  return { items: (data as Doc[]).map(parse), total: counted?.total ?? 0, households: counted?.households ?? 0 };
}

/** Every open gap matching `where` in household and decision order, a page of 1,000 at a time (exports). */
export function openGapPages(filter: GapFilter): AsyncGenerator<KeptGap[]> {
  return readPages(gaps().where(whereOf(filter)), parse, { orderBy: ORDER });
}

const Span = KeptGap.pick({ householdId: true, key: true, openedAt: true, closedAt: true });
export type GapSpan = z.infer<typeof Span>;
const SPAN_FIELDS = ['householdId', 'key', 'openedAt', 'closedAt'];

/**
 * The gaps of a region open at some instant from `from` to `to` (ISO): opened by `to`, and still
 * open or closed after `from`. What the monthly bulletin counts for a past month's end: gathered
 * per village on the server, a round trip each for the open and the closed whatever their number.
 */
export async function gapSpansBetween(where: Where, from: string, to: string): Promise<GapSpan[]> {
  const _ = getDb().command;
  const parse = (d: Doc) => Span.parse(d);
  const [open, closed] = await Promise.all([
    gatherAll(gaps(), { ...where, open: true, openedAt: _.lte(to) }, ['villageId'], SPAN_FIELDS, parse),
    gatherAll(gaps(), { ...where, open: false, closedAt: _.gt(from), openedAt: _.lte(to) }, ['villageId'], SPAN_FIELDS, parse),
  ]);
  return [...open, ...closed];
}
