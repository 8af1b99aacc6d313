import type { EscalateNeedInput, Need, NeedAssigneeOption, NeedTransition, NeedView, ReassignNeedInput, UrgeNeedInput } from '../../../types/need';
import { PAIRING_ROLE_LABELS } from '../../../types/pairing';
import type { AdminCtx, CallerCtx, HelperCtx } from '../handler';
import { DomainError, forbidden, invalid } from '../errors';
import { activePairings } from '../assignments/pairing.repository';
import { findHousehold } from '../households/household.repository';
import { deliverAlert } from '../notices/delivery.service';
import { adminsOfRegion, usersByIds } from '../users/user.repository';
import { updateNeedIfVersion } from './need.repository';
import { staleConflict, visibleNeed } from './need.service';
import { toView } from './need.view';
import { checkStep, type NeedStep } from './workflow.rules';

/**
 * 转派, 督办 and 提请协调: steps that change no status but are kept in the need's history.
 * A need is reassigned only to a helper paired with its household (any pairing role): helpers see
 * only paired households (members, plan, visits), so an unpaired helper could not work the need —
 * to hand it further, the admin pairs the helper first (结对), which the pairing page already does.
 */
async function checked(ctx: CallerCtx, step: NeedStep, input: { needId: string; version: number }, note: string | undefined) {
  const { need, actor } = await visibleNeed(ctx.user, input.needId);
  const rule = checkStep(step, need.status, actor, note, !!need.escalated);
  if (!rule.ok && rule.code === 'FORBIDDEN') throw forbidden(rule.message);
  if (input.version !== need.version) return staleConflict(need._id, ctx.user, ctx.now);
  if (!rule.ok) throw new DomainError(rule.code, rule.message, rule.code === 'CONFLICT' ? { need: await toView(need, ctx.now, actor) } : undefined);
  return { need, actor };
}

async function write(ctx: CallerCtx, need: Need, actor: Parameters<typeof toView>[2], step: NeedTransition, extra: Partial<Need> = {}): Promise<NeedView> {
  const changes: Partial<Need> = { ...extra, history: [...need.history, step] };
  if (!(await updateNeedIfVersion(need._id, need.version, changes))) return staleConflict(need._id, ctx.user, ctx.now);
  return toView({ ...need, ...changes, version: need.version + 1 }, ctx.now, actor);
}

const stepOf = (ctx: CallerCtx, need: Need, kind: NonNullable<NeedTransition['kind']>, note?: string): NeedTransition => ({
  status: need.status,
  kind,
  by: ctx.user._id,
  byRole: ctx.user.role,
  at: ctx.now.toISOString(),
  ...(note ? { note } : {}),
});

/** The helpers paired with the need's household: whom an admin may reassign it to. */
export async function assigneeOptions(ctx: AdminCtx, input: { needId: string }): Promise<NeedAssigneeOption[]> {
  const { need } = await visibleNeed(ctx.user, input.needId);
  const pairings = await activePairings({ householdId: need.householdId });
  const users = new Map((await usersByIds([...new Set(pairings.map((p) => p.helperId))])).filter((u) => u.active).map((u) => [u._id, u]));
  return pairings
    .filter((p) => users.has(p.helperId))
    .map((p) => ({
      helperId: p.helperId,
      name: users.get(p.helperId)!.name,
      role: PAIRING_ROLE_LABELS[p.role],
      current: p.helperId === need.assigneeId,
    }));
}

/** 转派: the new assignee sees the need in their list; a pending 提请协调 is answered by it. */
export async function reassign(ctx: AdminCtx, input: ReassignNeedInput): Promise<NeedView> {
  const { need, actor } = await checked(ctx, 'reassign', input, input.note);
  if (input.helperId === need.assigneeId) throw invalid('请选择另一位帮扶人', [{ path: 'helperId', message: '已由这位帮扶人办理' }]);
  const option = (await assigneeOptions(ctx, input)).find((o) => o.helperId === input.helperId);
  if (!option) throw invalid('只能转派给与该户结对的帮扶人', [{ path: 'helperId', message: '这位帮扶人未与该户结对' }]);
  const step = { ...stepOf(ctx, need, 'reassigned', input.note), assigneeId: option.helperId, assigneeName: option.name };
  return write(ctx, need, actor, step, { assigneeId: option.helperId, escalated: null });
}

/** 督办: recorded, and the assignee gets a message (subscription message, kept in the outbox). */
export async function urge(ctx: AdminCtx, input: UrgeNeedInput): Promise<NeedView> {
  const { need, actor } = await checked(ctx, 'urge', input, input.note);
  if (!need.assigneeId) throw invalid('这条需求还没有帮扶人，请先转派', [{ path: 'needId', message: '没有帮扶人' }]);
  const view = await write(ctx, need, actor, stepOf(ctx, need, 'urged', input.note));
  const assignees = await usersByIds([need.assigneeId]);
  await deliverAlert(ctx, assignees, {
    reason: 'need_urged',
    householdId: need.householdId,
    title: `需求督办：${view.householdHeadName ?? '帮扶户'}户`,
    note: input.note || '请尽快办理这条需求',
    page: `package-helper/pages/need/index?id=${need._id}`,
  });
  return view;
}

/** 提请协调: the assignee cannot solve it; the village admin (or, where none, the town's) is told. */
export async function escalate(ctx: HelperCtx, input: EscalateNeedInput): Promise<NeedView> {
  const { need, actor } = await checked(ctx, 'escalate', input, input.reason);
  const escalated = { at: ctx.now.toISOString(), by: ctx.user._id, reason: input.reason };
  const view = await write(ctx, need, actor, stepOf(ctx, need, 'escalated', input.reason), { escalated });
  const household = await findHousehold(need.householdId);
  let admins = await adminsOfRegion(need.villageId);
  if (!admins.length) admins = await adminsOfRegion(need.townId);
  await deliverAlert(ctx, admins, {
    reason: 'need_escalated',
    householdId: need.householdId,
    title: `提请协调：${household?.code ?? view.householdHeadName ?? '帮扶户'}`,
    note: input.reason,
    page: `package-admin/pages/need/index?id=${need._id}`,
  });
  return view;
}
