import type { ListNeedsInput } from '../../../types/api/needs';
import { OPEN_NEED_STATUSES, type Need, type NeedSettings, type NeedStats, type NeedView } from '../../../types/need';
import type { AdminCtx, CallerCtx } from '../handler';
import { getDb } from '../store';
import { adminScope, regionFilter } from '../access/scope';
import { forbidden } from '../errors';
import { actorFor, listFilterFor } from './need.access';
import { allNeeds, listSegments, readSettings, writeSettings } from './need.repository';
import { toViews } from './need.view';
import { isOverdue } from './deadline.rules';
import type { NeedActor } from './workflow.rules';

type Where = Record<string, unknown>;

/** The caller's filter plus the page's filters (state, category, overdue, unrated, waiting for coordination). */
function filtersOf(base: Where, input: ListNeedsInput, now: Date): Where[] {
  const _ = getDb().command;
  const parts: Where[] = [base];
  if (input.status) parts.push({ status: input.status });
  if (input.category) parts.push({ category: input.category });
  if (input.unrated) parts.push({ status: _.in(['resolved', 'confirmed']), rating: _.exists(false) });
  if (input.escalated) parts.push({ status: _.in([...OPEN_NEED_STATUSES]), 'escalated.at': _.exists(true) });
  if (input.overdue === true) parts.push({ status: _.in([...OPEN_NEED_STATUSES]), dueAt: _.lt(now.toISOString()) });
  if (input.overdue === false) parts.push(_.or([{ status: _.nin([...OPEN_NEED_STATUSES]) }, { dueAt: _.gte(now.toISOString()) }]) as unknown as Where);
  return parts;
}

/**
 * Open needs by their current deadline (overdue ones have the earliest, so they come first, and
 * within them the longest-overdue first), then closed needs newest first.
 */
export async function list(ctx: CallerCtx, input: ListNeedsInput): Promise<{ items: NeedView[]; total: number }> {
  const { user } = ctx;
  const _ = getDb().command;
  const parts = filtersOf(await listFilterFor(user, input.householdId), input, ctx.now);
  const { items, total } = await listSegments(
    [
      {
        where: _.and([...parts, { status: _.in([...OPEN_NEED_STATUSES]) }]) as unknown as Where,
        orderBy: [
          ['dueAt', 'asc'],
          ['reportedAt', 'asc'],
        ],
      },
      { where: _.and([...parts, { status: _.nin([...OPEN_NEED_STATUSES]) }]) as unknown as Where, orderBy: [['reportedAt', 'desc']] },
    ],
    input.offset,
    input.limit,
  );
  const actors = new Map<string, NeedActor>();
  for (const need of items) actors.set(need._id, (await actorFor(user, need)) ?? 'pairedHelper');
  return { items: await toViews(items, ctx.now, (n: Need) => actors.get(n._id)!), total };
}

const hoursBetween = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 3600_000;
const firstAt = (need: Need, status: Need['status']) => need.history.find((h) => h.status === status)?.at;
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** 需求督办 figures for an admin's region: open, overdue, mean time to accept and to resolve, unrated. */
export async function stats(ctx: AdminCtx): Promise<NeedStats> {
  const needs = await allNeeds(regionFilter(adminScope(ctx.user)));
  const toAccept: number[] = [];
  const toResolve: number[] = [];
  for (const need of needs) {
    const accepted = firstAt(need, 'accepted');
    const resolved = firstAt(need, 'resolved');
    if (accepted) toAccept.push(hoursBetween(need.reportedAt, accepted));
    if (resolved) toResolve.push(hoursBetween(need.reportedAt, resolved));
  }
  return {
    total: needs.length,
    open: needs.filter((n) => OPEN_NEED_STATUSES.includes(n.status)).length,
    overdue: needs.filter((n) => isOverdue(n, ctx.now)).length,
    avgHoursToAccept: mean(toAccept),
    avgHoursToResolve: mean(toResolve),
    unrated: needs.filter((n) => (n.status === 'resolved' || n.status === 'confirmed') && n.rating === undefined).length,
  };
}

export const getSettings = (): Promise<NeedSettings> => readSettings();

/** Deadlines are county-wide: only a county admin changes them; needs already reported keep theirs. */
export async function updateSettings(ctx: AdminCtx, input: NeedSettings): Promise<NeedSettings> {
  if (adminScope(ctx.user).level !== 'county') throw forbidden('时限设置由县扶贫办统一调整');
  await writeSettings(input, ctx.user._id, ctx.now);
  return input;
}
