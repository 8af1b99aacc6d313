import { randomInt, randomUUID } from 'node:crypto';
import { isRegistered } from '../../../types/household';
import type {
  ListReviewItemsInput,
  MarkReviewedInput,
  ReviewItem,
  ReviewItemView,
  ReviewRound,
  ReviewRoundView,
  SampleRoundInput,
} from '../../../types/finding-review';
import type { Paging } from '../../../types/common';
import type { AdminCtx, StaffCtx } from '../handler';
import { invalid, notFound, conflict } from '../errors';
import { hiddenHousehold, maySeeHousehold, pairedHouseholdIds, regionFilter } from '../access';
import { householdsToSample, findHousehold, type SampledHousehold } from '../households/household.repository';
import { getRegion, regionNames } from '../regions/region.repository';
import { findVisit } from '../visits/visit.repository';
import { getDb } from '../store';
import { chinaDate, chineseDay } from '../../../types/format';
import { findFinding } from './finding.repository';
import { countDone, findReviewItem, findRound, insertRound, markItemDone, reviewItemId, reviewItemPage, roundPage, timesSampled } from './review.repository';
import { drawLeastSampled } from './sampler.rules';

const HIDDEN_ROUND = '没有找到这一轮回头看，或您无权查看';
/** Crypto randomness in [0, 1): a draw an office cannot steer. Tests pass their own. */
const fairRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/**
 * 回头看 sampler: for each village of the admin's region, `perVillage` registered households and
 * up to `nonRegistered` others, each drawn from the households earlier rounds of the county drew
 * least (so none repeats before all were drawn). The round is stored with its households.
 */
export async function sample(ctx: AdminCtx, input: SampleRoundInput, random: () => number = fairRandom): Promise<ReviewRoundView> {
  const scope = ctx.user.scope;
  const path = (await getRegion(scope.regionId)).path;
  const countyId = path[0];
  const [households, times] = await Promise.all([householdsToSample(regionFilter(scope)), timesSampled(countyId)]);
  if (!households.length) throw invalid('您的管辖区域还没有登记户，无法抽取', [{ path: 'perVillage', message: '没有可抽取的户' }]);
  const byVillage = new Map<string, SampledHousehold[]>();
  for (const h of households) byVillage.set(h.villageId, [...(byVillage.get(h.villageId) ?? []), h]);
  const roundId = `round-${randomUUID()}`;
  const items: ReviewItem[] = [];
  for (const [, inVillage] of [...byVillage].sort(([a], [b]) => a.localeCompare(b))) {
    const draw = (pool: SampledHousehold[], n: number) => {
      const ids = new Set(
        drawLeastSampled(
          pool.map((h) => ({ id: h._id, times: times.get(h._id) ?? 0 })),
          n,
          random,
        ),
      );
      return pool.filter((h) => ids.has(h._id));
    };
    const registered = draw(
      inVillage.filter((h) => isRegistered(h.status)),
      input.perVillage,
    );
    const others = input.nonRegistered
      ? draw(
          inVillage.filter((h) => !isRegistered(h.status)),
          input.nonRegistered,
        )
      : [];
    for (const h of [...registered, ...others]) {
      items.push({
        _id: reviewItemId(roundId, h._id),
        roundId,
        householdId: h._id,
        householdCode: h.code,
        headName: h.headName,
        registered: isRegistered(h.status),
        countyId: h.countyId,
        townId: h.townId,
        villageId: h.villageId,
        outcome: null,
        refId: null,
        doneBy: null,
        doneAt: null,
      });
    }
  }
  const round: ReviewRound = {
    _id: roundId,
    title: input.title || `${chineseDay(chinaDate(ctx.now))}回头看`,
    countyId,
    regionPath: path,
    perVillage: input.perVillage,
    nonRegistered: input.nonRegistered,
    villages: byVillage.size,
    households: items.length,
    createdBy: ctx.user._id,
    createdByName: ctx.user.name,
    createdAt: ctx.now.toISOString(),
  };
  await insertRound(round, items);
  return { ...round, done: 0 };
}

/**
 * A round the caller may work: one whose region overlaps the caller's (a county round holds a town
 * admin's villages and a town's helpers; a village round lies in its town's and county's).
 */
async function visibleRound(ctx: StaffCtx, roundId: string): Promise<ReviewRound> {
  const round = await findRound(roundId);
  const mine = ctx.user.regionPath;
  const overlaps = round && mine.length > 0 && (round.regionPath.includes(mine.at(-1)!) || mine.includes(round.regionPath.at(-1)!));
  if (!round || !overlaps) throw notFound(HIDDEN_ROUND);
  return round;
}

/** The caller's part of a round: an admin's region, a helper's paired households. */
async function itemScope(ctx: StaffCtx): Promise<Record<string, unknown> | null> {
  if (ctx.user.role === 'admin') return regionFilter(ctx.user.scope);
  const ids = await pairedHouseholdIds(ctx.user._id);
  return ids.length ? { householdId: getDb().command.in(ids) } : null;
}

export async function rounds(ctx: StaffCtx, input: Paging): Promise<{ items: ReviewRoundView[]; total: number }> {
  const countyId = ctx.user.regionPath[0];
  if (!countyId) return { items: [], total: 0 };
  const page = await roundPage({ countyId }, input.offset, input.limit);
  const visible: ReviewRoundView[] = [];
  for (const r of page.items) {
    const round = await visibleRound(ctx, r._id).catch(() => null);
    if (round) visible.push({ ...round, done: await countDone(round._id) });
  }
  return { items: visible, total: page.total };
}

export async function roundItems(ctx: StaffCtx, input: ListReviewItemsInput): Promise<{ round: ReviewRoundView; items: ReviewItemView[]; total: number }> {
  const round = await visibleRound(ctx, input.roundId);
  const view = { ...round, done: await countDone(round._id) };
  const scope = await itemScope(ctx);
  if (!scope) return { round: view, items: [], total: 0 };
  const _ = getDb().command;
  const parts: Array<Record<string, unknown>> = [{ roundId: round._id }, scope];
  if (input.villageId) parts.push({ villageId: input.villageId });
  if (input.pending) parts.push({ outcome: null });
  const page = await reviewItemPage(_.and(parts), input.offset, input.limit);
  const names = await regionNames(page.items.map((i) => i.villageId));
  return { round: view, items: page.items.map((i) => ({ ...i, villageName: names.get(i.villageId) ?? '' })), total: page.total };
}

/**
 * 复核: a household of the round is worked by a re-check visit or a finding raised about it;
 * the visit or finding must be about that household and made since the round was drawn.
 */
export async function markReviewed(ctx: StaffCtx, input: MarkReviewedInput): Promise<ReviewItemView> {
  const round = await visibleRound(ctx, input.roundId);
  const item = await findReviewItem(round._id, input.householdId);
  const household = item && (await findHousehold(item.householdId));
  if (!item || !household || !(await maySeeHousehold(ctx.user, household))) throw hiddenHousehold();
  const ref = input.outcome === 'visit' ? await findVisit(input.refId) : await findFinding(input.refId);
  if (!ref || ref.householdId !== item.householdId || ref.createdAt < round.createdAt) {
    const what = input.outcome === 'visit' ? '复核走访' : '督查问题';
    throw invalid(`请选择本轮抽取后为该户记录的${what}`, [{ path: 'refId', message: `不是该户本轮的${what}` }]);
  }
  const done = { outcome: input.outcome, refId: input.refId, doneBy: ctx.user._id, doneAt: ctx.now.toISOString() };
  if (!(await markItemDone(item, done))) throw conflict('该户本轮已复核');
  const names = await regionNames([item.villageId]);
  return { ...item, ...done, villageName: names.get(item.villageId) ?? '' };
}
