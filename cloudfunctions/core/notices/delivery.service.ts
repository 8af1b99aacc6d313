import { randomUUID } from 'node:crypto';
import type { ALERT_REASONS, Notice, OutboxMessage } from '../../../types/notice';
import type { User } from '../../../types/user';
import type { AdminCtx, CallerCtx, Ctx } from '../handler';
import { conflict, rateLimited } from '../errors';
import { chinaTime } from '../time';
import { noticeTemplateId, wechat } from '../wechat';
import { activeUsersIn } from '../users/user.repository';
import {
  addCredit,
  audienceOf,
  creditsOf,
  insertOutbox,
  manageableNoticeIds,
  outboxPage,
  readsOfNotice,
  spendCredit,
  subscriptionsOf,
  updateNoticeIf,
  type Subscription,
} from './notice.repository';

/** One reminder per notice per 10 minutes: a mistaken double tap must not message everyone twice. */
const REMIND_INTERVAL_MS = 10 * 60 * 1000;

/** The template's fields (thing ≤ 20 chars, time): what the person sees in WeChat's service notifications. */
function messageData(notice: Notice, reason: 'publish' | 'remind', at: Date) {
  const title = notice.title.length > 20 ? notice.title.slice(0, 19) + '…' : notice.title;
  const note = reason === 'remind' ? '您还未阅读这条通知，请及时查看' : notice.requireAck ? '请阅读并点击“已知悉”' : '请及时查看';
  return { thing1: { value: title }, time2: { value: chinaTime(at).format('YYYY-MM-DD HH:mm') }, thing3: { value: note } };
}

type Outcome = { status: OutboxMessage['status']; note: string };

/** One message to one person, spending one of their credits (one acceptance allows one send). */
async function sendOne(
  sub: Subscription | undefined,
  message: { templateId: string; page: string; data: Record<string, { value: string }> },
): Promise<Outcome> {
  if (!sub) return { status: 'skipped', note: '对方未订阅消息提醒，请在群里提醒' };
  if (!(await spendCredit(sub))) return { status: 'skipped', note: '对方未订阅消息提醒，请在群里提醒' };
  return wechat().sendSubscribeMessage({ touser: sub.openid, templateId: message.templateId, page: message.page, data: message.data });
}

/**
 * Sends the notice's subscription message to each person (one acceptance allows one send, so a
 * credit is spent per message) and writes every attempt to the outbox. People without a credit
 * are written as skipped only for reminders, so the admin sees who could not be reached.
 */
async function send(ctx: Ctx, notice: Notice, people: User[], reason: 'publish' | 'remind') {
  const subs = await subscriptionsOf(people.map((u) => u._id));
  const base = {
    kind: 'subscribeMessage',
    reason,
    noticeId: notice._id,
    templateId: noticeTemplateId(),
    page: `package-notices/pages/detail/index?id=${notice._id}`,
    data: messageData(notice, reason, ctx.now),
    createdAt: ctx.now.toISOString(),
  };
  let recorded = 0;
  let skipped = 0;
  for (const person of people) {
    const sub = subs.get(person._id);
    if (!sub && reason === 'publish') continue;
    const result = await sendOne(sub, base);
    await insertOutbox({ _id: `out-${randomUUID()}`, ...base, userId: person._id, userName: person.name, touser: sub?.openid ?? null, ...result });
    if (result.status === 'skipped') skipped++;
    else recorded++;
  }
  return { recorded, skipped };
}

/** Why someone is alerted outside any notice: a household's self-binding was paused (auth/bind); a need was urged (to its assignee) or escalated (to admins); a household said a visit did not happen (to admins). */
export type AlertReason = (typeof ALERT_REASONS)[number];

const clip = (text: string) => (text.length > 20 ? text.slice(0, 19) + '…' : text);

/**
 * An alert (to admins, or to a need's assignee) about one household, over the notice template (its fields are a title, a
 * time and a note) and into the same outbox, so the cloud sends it and the local host records it.
 * Every admin gets an outbox entry, marked skipped when they have not subscribed.
 */
export async function deliverAlert(
  ctx: Ctx,
  admins: User[],
  alert: { reason: AlertReason; householdId?: string | null; title: string; note: string; page: string },
): Promise<void> {
  const subs = await subscriptionsOf(admins.map((u) => u._id));
  const data = { thing1: { value: clip(alert.title) }, time2: { value: chinaTime(ctx.now).format('YYYY-MM-DD HH:mm') }, thing3: { value: clip(alert.note) } };
  const base = {
    kind: 'subscribeMessage',
    reason: alert.reason,
    householdId: alert.householdId,
    templateId: noticeTemplateId(),
    page: alert.page,
    data,
    createdAt: ctx.now.toISOString(),
  };
  for (const admin of admins) {
    const sub = subs.get(admin._id);
    const result = await sendOne(sub, base);
    await insertOutbox({ _id: `out-${randomUUID()}`, ...base, userId: admin._id, userName: admin.name, touser: sub?.openid ?? null, ...result });
  }
}

export async function deliverOnPublish(ctx: Ctx, notice: Notice): Promise<void> {
  await send(ctx, notice, await audienceOf(notice), 'publish');
}

/** 一键提醒: the audience members who have not opened the notice yet. */
export async function remind(ctx: Ctx, notice: Notice): Promise<{ recorded: number; skipped: number }> {
  if (notice.status !== 'published') throw conflict('只能提醒已发布的通知');
  if (notice.remindedAt && ctx.now.getTime() - Date.parse(notice.remindedAt) < REMIND_INTERVAL_MS) throw rateLimited('刚刚已经提醒过，请 10 分钟后再试');
  if (!(await updateNoticeIf(notice._id, { remindedAt: notice.remindedAt }, { remindedAt: ctx.now.toISOString() })))
    throw rateLimited('刚刚已经提醒过，请 10 分钟后再试');
  const read = new Set((await readsOfNotice(notice._id)).map((r) => r.userId));
  return send(
    ctx,
    notice,
    (await audienceOf(notice)).filter((u) => !read.has(u._id)),
    'remind',
  );
}

/**
 * What was sent, or locally would have been sent, for notices the admin manages, and the alerts
 * sent to the admin or to the admins under them (a county admin sees a village's 走访未获确认), newest first.
 */
export async function listOutbox(ctx: AdminCtx, input: { limit: number; offset: number }) {
  const below = (await activeUsersIn('admin', [ctx.user.scope.regionId])).map((u) => u._id);
  return outboxPage(await manageableNoticeIds(ctx.user), [...new Set([ctx.user._id, ...below])], input);
}

export async function subscription(ctx: CallerCtx) {
  return { templateId: noticeTemplateId(), credits: await creditsOf(ctx.user._id) };
}

/** The person accepted (or declined) the subscription prompt: each acceptance allows one message. */
export async function subscribe(ctx: CallerCtx, input: { accepted: boolean }) {
  const { user } = ctx;
  if (input.accepted) {
    await addCredit(user, ctx.now.toISOString());
  }
  return subscription(ctx);
}
