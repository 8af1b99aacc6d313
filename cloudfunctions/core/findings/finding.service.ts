import { randomUUID } from 'node:crypto';
import type {
  CreateFindingInput,
  EvidenceFindingInput,
  Finding,
  FindingAction,
  FindingStep,
  FindingStepKind,
  FindingView,
  PlanFindingInput,
  VerifyFindingInput,
} from '../../../types/finding';
import type { Scope } from '../../../types/region';
import type { User } from '../../../types/user';
import type { AdminCtx, Ctx as AnyCtx, RoleCtx } from '../handler';
import { DomainError, forbidden, invalid, notFound } from '../errors';
import { administeredHousehold } from '../access';
import { primaryHelperOf } from '../assignments/pairing.repository';
import { deliverAlert } from '../notices/delivery.service';
import { getRegion } from '../regions/region.repository';
import { findUser, usersByIds } from '../users/user.repository';
import { chinaDate } from '../../../types/format';
import { chinaTime } from '../time';
import { findFinding, findingsToRemind, insertFinding, markReminded, nextFindingNumber, updateFindingIfVersion, type ReminderKind } from './finding.repository';
import { checkAction, deadlineProblem, findingCode, noticeNumber } from './finding.rules';
import { toView, visibleFinding } from './finding-query.service';

/**
 * The finding workflow (SPEC §7): 登记, 认领, 整改措施, 佐证, 申请销号, 回头看, 通知单 and the
 * deadline reminders; each step checked by finding.rules.ts and written only on the version read.
 * Reading findings is finding-query.service.ts.
 */

type Ctx = RoleCtx<'admin' | 'helper'>;
const chinaDateTime = (at: string) => chinaTime(at).format('M月D日 HH:mm');
const STALE = '这条问题刚被其他人更新过，已为您显示最新状态，请确认后再操作';

type Placed = Pick<Finding, 'countyId' | 'townId' | 'villageId' | 'householdId' | 'subjectHelperId' | 'subjectName'> & { responsibleId: string | null };

/** Where the admin's own region sits, as a finding's region fields ('' below the admin's level). */
async function regionOfScope(scope: Scope): Promise<Pick<Finding, 'countyId' | 'townId' | 'villageId'>> {
  const path = (await getRegion(scope.regionId)).path;
  return { countyId: path[0], townId: path[1] ?? '', villageId: path[2] ?? '' };
}

/** The subject inside the admin's region, placed; anything outside it is "not found". */
async function placeSubject(ctx: AdminCtx, subject: CreateFindingInput['subject']): Promise<Placed> {
  const scope = ctx.user.scope;
  const none = { householdId: null, subjectHelperId: null };
  if (subject.kind === 'household') {
    const h = await administeredHousehold(ctx.user, subject.id);
    return {
      ...none,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      householdId: h._id,
      subjectName: `${h.headName}户（${h.code}）`,
      responsibleId: await primaryHelperOf(h._id),
    };
  }
  if (subject.kind === 'village') {
    const village = await getRegion(subject.id).catch(() => null);
    if (!village || village.level !== 'village' || !village.path.includes(scope.regionId)) throw notFound('没有找到该村，或您无权查看');
    return { ...none, countyId: village.path[0], townId: village.path[1], villageId: village._id, subjectName: village.name, responsibleId: null };
  }
  const own = await regionOfScope(scope);
  if (subject.kind === 'unit') return { ...none, ...own, subjectName: subject.id, responsibleId: null };
  const helper = await findUser(subject.id);
  if (!helper || helper.role !== 'helper' || !helper.active || helper.regionPath[0] !== own.countyId || (own.townId && helper.regionPath[1] !== own.townId)) {
    throw notFound('没有找到这位帮扶责任人，或您无权查看');
  }
  return {
    ...none,
    ...own,
    townId: own.townId || (helper.regionPath[1] ?? ''),
    subjectHelperId: helper._id,
    subjectName: helper.name,
    responsibleId: helper._id,
  };
}

/** 责任人: an active helper or admin of the county. */
async function responsibleUser(id: string | null, countyId: string): Promise<User | null> {
  if (!id) return null;
  const user = await findUser(id);
  if (!user || !user.active || user.role === 'household' || user.regionPath[0] !== countyId) {
    throw invalid('没有找到这位责任人', [{ path: 'responsibleId', message: '没有找到这位责任人' }]);
  }
  return user;
}

const stepOf = (ctx: Ctx, kind: FindingStepKind, extra: Partial<FindingStep> = {}): FindingStep => ({
  kind,
  by: ctx.user._id,
  byName: ctx.user.name,
  byRole: ctx.user.role,
  at: ctx.now.toISOString(),
  ...extra,
});

/** 登记问题: only admins, only about what lies in their region; the deadline must lie ahead. */
export async function create(ctx: AdminCtx, input: CreateFindingInput): Promise<FindingView> {
  const problem = deadlineProblem(input.deadline, ctx.now);
  if (problem) throw invalid(problem, [{ path: 'deadline', message: problem }]);
  const placed = await placeSubject(ctx, input.subject);
  const responsible = await responsibleUser(input.responsibleId ?? placed.responsibleId, placed.countyId);
  const year = chinaDate(ctx.now).slice(0, 4);
  const code = findingCode(ctx.now, await nextFindingNumber('finding', placed.countyId, year));
  const at = ctx.now.toISOString();
  const { responsibleId: _r, ...fields } = input;
  const finding: Finding = {
    ...fields,
    ...placed,
    _id: `finding-${randomUUID()}`,
    code,
    status: 'recorded',
    open: true,
    version: 1,
    responsibleId: responsible?._id ?? null,
    responsibleName: responsible?.name ?? null,
    measures: [],
    evidence: [],
    notice: null,
    history: [stepOf(ctx, 'created', { note: input.description })],
    createdBy: ctx.user._id,
    createdAt: at,
    closedAt: null,
    returnReason: null,
    reminders: [],
  };
  await insertFinding(finding);
  return toView(finding, ctx.now, 'admin', ctx.user._id);
}

/** Checks the step against the rules and the version, then writes it; a stale version answers the latest finding. */
async function act(
  ctx: Ctx,
  action: FindingAction,
  input: { findingId: string; version: number },
  change: (f: Finding) => Partial<Finding>,
): Promise<FindingView> {
  const { finding, actor } = await visibleFinding(ctx.user, input.findingId);
  const stale = (latest: Finding) => new DomainError('CONFLICT', STALE, { finding: toView(latest, ctx.now, actor, ctx.user._id) });
  const rule = checkAction(finding, action, actor, ctx.user._id);
  if (!rule.ok && rule.code === 'FORBIDDEN') throw forbidden(rule.message);
  if (input.version !== finding.version) throw stale(finding);
  if (!rule.ok) throw new DomainError('CONFLICT', rule.message, { finding: toView(finding, ctx.now, actor, ctx.user._id) });
  const changes = change(finding);
  if (!(await updateFindingIfVersion(finding._id, finding.version, changes))) throw stale((await findFinding(finding._id))!);
  return toView({ ...finding, ...changes, version: finding.version + 1 }, ctx.now, actor, ctx.user._id);
}

const withStep = (f: Finding, step: FindingStep) => ({ history: [...f.history, step] });

/** 认领: the responsible side takes the finding on. */
export const claim = (ctx: Ctx, input: { findingId: string; version: number; note?: string }) =>
  act(ctx, 'claim', input, (f) => ({ status: 'claimed', ...withStep(f, stepOf(ctx, 'claimed', input.note ? { note: input.note } : {})) }));

/** 制定整改措施: replaces the measures (a sent-back finding is planned again). */
export const planMeasures = (ctx: Ctx, input: PlanFindingInput) =>
  act(ctx, 'planMeasures', input, (f) => ({
    status: 'planned',
    measures: input.measures,
    ...withStep(f, stepOf(ctx, 'planned', { note: input.measures.join('；') })),
  }));

/** 提交整改佐证: a note and optional photos, kept with who submitted them. */
export const submitEvidence = (ctx: Ctx, input: EvidenceFindingInput) =>
  act(ctx, 'submitEvidence', input, (f) => {
    const at = ctx.now.toISOString();
    const evidence = [...f.evidence, { note: input.note, photos: input.photos, by: ctx.user._id, byName: ctx.user.name, at }];
    return { status: 'submitted', evidence, returnReason: null, ...withStep(f, stepOf(ctx, 'evidence', { note: input.note, photos: input.photos })) };
  });

export const requestClose = (ctx: Ctx, input: { findingId: string; version: number; note?: string }) =>
  act(ctx, 'requestClose', input, (f) => ({
    status: 'close_requested',
    ...withStep(f, stepOf(ctx, 'close_requested', input.note ? { note: input.note } : {})),
  }));

/**
 * 回头看: an admin who submitted none of the evidence passes it (销号) or sends it back with a
 * reason. Sending back keeps the deadline, so an overdue finding stays overdue.
 */
export async function verify(ctx: AdminCtx, input: VerifyFindingInput): Promise<FindingView> {
  const note = input.note?.trim();
  if (!input.passed && !note) throw invalid('请填写退回原因', [{ path: 'note', message: '请填写退回原因' }]);
  const view = await act(ctx, 'verify', input, (f) =>
    input.passed
      ? { status: 'closed', open: false, closedAt: ctx.now.toISOString(), ...withStep(f, stepOf(ctx, 'passed', note ? { note } : {})) }
      : { status: 'returned', returnReason: note!, ...withStep(f, stepOf(ctx, 'returned', { note })) },
  );
  if (!input.passed) await tellResponsible(ctx, view, 'finding_returned', `整改退回：${view.code}`, note!);
  return view;
}

/** 下发限期整改通知单: numbered once per finding; the responsible person is told. */
export async function notice(ctx: AdminCtx, input: { findingId: string; version: number }): Promise<FindingView> {
  const { finding } = await visibleFinding(ctx.user, input.findingId);
  const number = noticeNumber(ctx.now, await nextFindingNumber('notice', finding.countyId, chinaDate(ctx.now).slice(0, 4)));
  const view = await act(ctx, 'notice', input, (f) => ({
    notice: { number, issuedAt: ctx.now.toISOString(), issuedBy: ctx.user._id, issuedByName: ctx.user.name, acknowledgedAt: null, acknowledgedBy: null },
    ...withStep(f, stepOf(ctx, 'notice', { note: number })),
  }));
  await tellResponsible(ctx, view, 'finding_due', `限期整改通知：${view.code}`, `请于${chinaDateTime(view.deadline)}前完成整改`);
  return view;
}

/** 确认收到通知单: the responsible person, in the app. */
export const acknowledge = (ctx: Ctx, input: { findingId: string; version: number }) =>
  act(ctx, 'acknowledge', input, (f) => ({
    notice: { ...f.notice!, acknowledgedAt: ctx.now.toISOString(), acknowledgedBy: ctx.user._id },
    ...withStep(f, stepOf(ctx, 'acknowledged')),
  }));

async function tellResponsible(
  ctx: AnyCtx,
  f: Pick<Finding, '_id' | 'responsibleId' | 'householdId'>,
  reason: 'finding_due' | 'finding_returned',
  title: string,
  note: string,
): Promise<void> {
  if (!f.responsibleId) return;
  const to = await usersByIds([f.responsibleId]);
  await deliverAlert(ctx, to, { reason, householdId: f.householdId, title, note, page: `package-common/pages/finding/index?id=${f._id}` });
}

const REMINDER_DAYS: Record<ReminderKind, number> = { due10: 10, due1: 1 };

/**
 * The daily timer (cloudbaserc.json `dailyReminders`): the responsible person of every open finding
 * is reminded once 10 days and once 1 day before its deadline. A finding recorded with less time
 * left gets only the nearer reminder. Answers how many went out.
 */
export async function sendDueReminders(ctx: AnyCtx): Promise<{ sent: number }> {
  let sent = 0;
  const now = ctx.now.getTime();
  for (const kind of ['due1', 'due10'] as const) {
    const to = new Date(now + REMINDER_DAYS[kind] * 24 * 3600 * 1000).toISOString();
    const from = kind === 'due10' ? new Date(now + 24 * 3600 * 1000).toISOString() : ctx.now.toISOString();
    for (const f of await findingsToRemind(kind, from, to)) {
      if (!f.responsibleId || !(await markReminded(f._id, kind))) continue;
      // Subscription message fields hold 20 characters: the code and days in the title, the deadline in the note.
      await tellResponsible(ctx, f, 'finding_due', `${f.code} ${REMINDER_DAYS[kind]}天内到期`, `请于${chinaDateTime(f.deadline)}前完成整改`);
      sent++;
    }
  }
  return { sent };
}
