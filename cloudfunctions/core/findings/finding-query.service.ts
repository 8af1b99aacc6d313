import {
  FINDING_BUCKET_LABELS,
  FindingBucket,
  type Finding,
  type FindingActor,
  type FindingStats,
  type FindingView,
  type ListFindingsInput,
} from '../../../types/finding';
import type { User } from '../../../types/user';
import type { AdminCtx, RoleCtx } from '../handler';
import { notFound } from '../errors';
import { inScope, isPairedHelper, pairedHouseholdIds, scopedWhere } from '../access';
import { getDb } from '../store';
import { allFindings, findFinding, listFindings } from './finding.repository';
import { availableActions, bucketOf, bucketRange, closedOnTime, daysLeft, daysToClose } from './finding.rules';

/**
 * Reading findings: who may see one and as what (SPEC §7), a finding as its caller sees it, the
 * lists under their filters and the region's 整改统计. The workflow that changes them is finding.service.ts.
 */

type Ctx = RoleCtx<'admin' | 'helper'>;
const HIDDEN = '没有找到这条问题，或您无权查看';

/** How the caller stands to a finding, or null when they may not see it (SPEC §7 rules). */
async function actorFor(user: User, f: Finding): Promise<FindingActor | null> {
  if (user.role === 'admin') return user.scope && inScope(user.scope, f) ? 'admin' : null;
  if (user.role !== 'helper') return null;
  if (f.responsibleId === user._id) return 'responsible';
  if (f.subjectHelperId === user._id) return 'watcher';
  return f.householdId && (await isPairedHelper(user._id, f.householdId)) ? 'watcher' : null;
}

export function toView(f: Finding, now: Date, actor: FindingActor, userId: string): FindingView {
  const bucket = bucketOf(f, now);
  return {
    ...f,
    bucket,
    overdue: bucket === 'overdue',
    daysLeft: f.open ? daysLeft(f.deadline, now) : null,
    closedOnTime: closedOnTime(f),
    actions: availableActions(f, actor, userId),
  };
}

export async function visibleFinding(user: User, id: string): Promise<{ finding: Finding; actor: FindingActor }> {
  const finding = await findFinding(id);
  const actor = finding && (await actorFor(user, finding));
  if (!finding || !actor) throw notFound(HIDDEN);
  return { finding, actor };
}

export async function get(ctx: Ctx, input: { findingId: string }): Promise<FindingView> {
  const { finding, actor } = await visibleFinding(ctx.user, input.findingId);
  return toView(finding, ctx.now, actor, ctx.user._id);
}

/**
 * The conditions every list starts from: an admin's region (filters only narrow it); a helper's
 * findings — naming them responsible, about them, or about a household paired with them.
 */
async function listScope(ctx: Ctx, townId: string | undefined): Promise<Array<Record<string, unknown>> | null> {
  const _ = getDb().command;
  if (ctx.user.role === 'admin') {
    const where = scopedWhere(ctx.user.scope, townId ? { townId } : {});
    return where && [where];
  }
  const households = await pairedHouseholdIds(ctx.user._id);
  const mine: Array<Record<string, unknown>> = [{ responsibleId: ctx.user._id }, { subjectHelperId: ctx.user._id }];
  if (households.length) mine.push({ householdId: _.in(households) });
  return [_.or(mine) as unknown as Record<string, unknown>, ...(townId ? [{ townId }] : [])];
}

/** The condition of the caller's list under its filters, or null when the filters leave the caller's scope. */
export async function listCondition(ctx: Ctx, input: Omit<ListFindingsInput, 'limit' | 'offset'>): Promise<unknown | null> {
  const _ = getDb().command;
  const parts = await listScope(ctx, input.townId);
  if (!parts) return null;
  for (const key of ['status', 'source', 'category', 'responsibleUnit', 'householdId'] as const)
    if (input[key] !== undefined) parts.push({ [key]: input[key] });
  if (input.bucket) {
    const { from, to } = bucketRange(input.bucket, ctx.now);
    parts.push({ open: true });
    if (from) parts.push({ deadline: _.gte(from) });
    if (to) parts.push({ deadline: _.lt(to) });
  }
  return _.and(parts);
}

export async function list(ctx: Ctx, input: ListFindingsInput): Promise<{ items: FindingView[]; total: number }> {
  const where = await listCondition(ctx, input);
  if (!where) return { items: [], total: 0 };
  const { items, total } = await listFindings(where, input.offset, input.limit);
  const views = await Promise.all(items.map(async (f) => toView(f, ctx.now, (await actorFor(ctx.user, f)) ?? 'watcher', ctx.user._id)));
  return { items: views, total };
}

/** 整改统计 for the admin's region: open findings per bucket, closed, mean days to close, on-time share. */
export async function stats(ctx: AdminCtx): Promise<FindingStats> {
  const rows = await allFindings(scopedWhere(ctx.user.scope)!);
  const buckets = Object.fromEntries(FindingBucket.options.map((b) => [b, 0])) as Record<keyof typeof FINDING_BUCKET_LABELS, number>;
  let open = 0;
  const closed = rows.filter((r) => !r.open);
  for (const r of rows) {
    const b = bucketOf(r, ctx.now);
    if (b) {
      buckets[b]++;
      open++;
    }
  }
  const days = closed.map((r) => daysToClose(r)!);
  const onTime = closed.filter((r) => closedOnTime(r)).length;
  return {
    open,
    buckets,
    closed: closed.length,
    meanDaysToClose: closed.length ? Math.round((days.reduce((a, b) => a + b, 0) / closed.length) * 10) / 10 : null,
    onTimeRate: closed.length ? onTime / closed.length : null,
  };
}
