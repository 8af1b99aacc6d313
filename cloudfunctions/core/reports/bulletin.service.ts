import type { Bulletin, BulletinRow } from '../../../types/api/reports';
import type { Scope } from '../../../types/region';
import type { Audience } from '../../../types/notice';
import type { AdminCtx, StaffCtx } from '../handler';
import { invalid, notFound } from '../errors';
import { adminScope } from '../access/scope';
import { getRegion } from '../regions/region.repository';
import { publish } from '../notices/notice.service';
import { monthOf } from '../time';
import { percent } from './bulletin.rules';
import { alreadyPublished, bulletinId, findFrozenBulletin, freezeBulletin, frozenTotals, setBulletinNotice, type FrozenBulletin } from './bulletin.repository';
import { readBulletinSource, unvisitedIn, type BulletinSource } from './bulletin.reads';
import { cutOf, eventsOf, monthEnd, NO_UNIT, shiftMonth, trendOf } from './bulletin.events';
import { DEFAULT_WEIGHTS, rowsOf, sentencesOf, totalsOf, type Dimension, type Event, type Named } from './bulletin.rules';

const TREND_MONTHS = 6;

/** The rows each dimension names: every town and village of the scope, and the units and helpers the events name. */
function namesOf(source: BulletinSource, events: Event[]): Record<Dimension, Named[]> {
  const towns = new Map(source.villages.map((v) => [v.townId, { id: v.townId, name: v.townName }]));
  const villages = source.villages.map((v) => ({ id: v.id, name: v.name, note: v.townName }));
  const helperIds = new Set(events.map((e) => e.place.helperId).filter((id): id is string => !!id));
  const helpers = [...helperIds].map((id) => {
    const h = source.helpers.get(id);
    return { id, name: h?.name ?? '（已停用）', note: h?.unit || NO_UNIT };
  });
  const units = [...new Set(events.map((e) => e.place.unit).filter((u): u is string => !!u))].map((u) => ({ id: u, name: u }));
  return { town: [...towns.values()], village: villages, unit: units, helper: helpers };
}

type TrendPoint = Bulletin['trend'][number];

/**
 * The line chart's months as they were published: a month with a frozen bulletin for this region
 * shows its frozen headline (what was announced), the others their figures computed now.
 */
async function asPublished(regionId: string, trend: Array<Omit<TrendPoint, 'frozen'>>): Promise<TrendPoint[]> {
  const frozen = await frozenTotals(trend.map((t) => bulletinId(regionId, t.month)));
  return trend.map((t) => {
    const f = frozen.get(bulletinId(regionId, t.month));
    return f ? { month: t.month, paired: f.paired, visited: f.visited, coverage: f.coverage, frozen: true } : { ...t, frozen: false };
  });
}

/** The month's figures computed now from the stored data (a live bulletin), and what they were computed from. */
async function liveWithSource(scope: Scope, regionName: string, month: string, now: Date): Promise<{ bulletin: Bulletin; source: BulletinSource }> {
  const prev = shiftMonth(month, -1);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(month, i - TREND_MONTHS + 1));
  const cuts = [cutOf(month, now), cutOf(prev, now), cutOf(shiftMonth(month, -2), now)];
  const source = await readBulletinSource(scope, [month, prev], months, monthEnd(month), [...new Set(cuts)]);
  const events = eventsOf(source, month, now);
  const prevEvents = eventsOf(source, prev, now);
  const names = namesOf(source, [...events, ...prevEvents]);
  const dims = (['town', 'village', 'unit', 'helper'] as const).map((dim) => {
    const before = rowsOf(dim, names[dim], prevEvents, null, DEFAULT_WEIGHTS);
    return rowsOf(dim, names[dim], events, before, DEFAULT_WEIGHTS);
  });
  const [byTown, byVillage, byUnit, byHelper] = dims as [BulletinRow[], BulletinRow[], BulletinRow[], BulletinRow[]];
  const { highlights, weaknesses } = sentencesOf([
    ['town', byTown],
    ['unit', byUnit],
  ]);
  const bulletin: Bulletin = {
    month,
    regionName,
    frozen: false,
    frozenAt: null,
    totals: totalsOf(events),
    prevTotals: totalsOf(prevEvents),
    byTown,
    byVillage,
    byUnit,
    byHelper,
    highlights,
    weaknesses,
    trend: await asPublished(scope.regionId, trendOf(source, months)),
  };
  return { bulletin, source };
}

/** The month's figures computed now from the stored data (a live bulletin). */
export const liveBulletin = async (scope: Scope, regionName: string, month: string, now: Date): Promise<Bulletin> =>
  (await liveWithSource(scope, regionName, month, now)).bulletin;

/** A month may be read once it has begun (China time); a month yet to come has nothing to report. */
export function checkMonth(month: string, now: Date): void {
  if (month > monthOf(now)) throw invalid(`${month} 还没有开始，只能查看本月及以前的月度通报`);
}

const frozenView = (f: FrozenBulletin): Bulletin => ({ ...f.bulletin, frozen: true, frozenAt: f.frozenAt });

/**
 * 月度通报 for the caller's scope with what it was computed from: the stored figures once
 * published (no source: nothing was read for them), else computed now. The export lists the
 * month's unvisited households from the same source instead of reading it all again.
 */
export async function bulletinAndSource(ctx: AdminCtx, input: { month: string }): Promise<{ bulletin: Bulletin; source: BulletinSource | null }> {
  checkMonth(input.month, ctx.now);
  const scope = adminScope(ctx.user);
  const frozen = await findFrozenBulletin(bulletinId(scope.regionId, input.month));
  if (frozen) return { bulletin: frozenView(frozen), source: null };
  const region = await getRegion(scope.regionId);
  return liveWithSource(scope, region.name, input.month, ctx.now);
}

/** 月度通报 for the caller's scope (SPEC §6): the stored figures once published, else computed now. */
export const monthlyBulletin = async (ctx: AdminCtx, input: { month: string }): Promise<Bulletin> => (await bulletinAndSource(ctx, input)).bulletin;

/** The bulletin page a notice's card opens. */
export const bulletinPage = (id: string): string => `/package-common/pages/bulletin/index?id=${encodeURIComponent(id)}`;

/** The notice's text: the headline figures and the 亮点/短板, naming towns and units only (no household, no attachment). */
export function noticeBody(b: Bulletin): string {
  const t = b.totals;
  return [
    `${b.regionName}${b.month.replace('-', '年')}月帮扶工作月度通报已发布，点击下方“查看月度通报”阅读全文。`,
    `- 走访覆盖率 ${percent(t.coverage)}（${t.visited}/${t.paired}户），综合得分 ${t.score.toFixed(1)}`,
    `- 当月上报需求 ${t.needsReported} 件，按时受理 ${t.needsInTime} 件；月末逾期未办 ${t.needsOverdue} 件`,
    `- 应享未享月末未解决 ${t.gapsOpen} 项，当月解决 ${t.gapsClosed} 项；整改按期销号 ${t.findingsOnTime} 个，逾期 ${t.findingsOverdue} 个`,
    '',
    b.highlights.length ? `**亮点**\n${b.highlights.map((x) => `- ${x}`).join('\n')}` : '',
    '',
    b.weaknesses.length ? `**短板**\n${b.weaknesses.map((x) => `- ${x}`).join('\n')}` : '',
  ]
    .filter((line, i, all) => line || all[i - 1])
    .join('\n')
    .trim();
}

/**
 * 发布月度通报: freezes the month's figures for the caller's scope (stored whole; a month already
 * published is refused) and publishes a notice to the chosen audience whose card opens the
 * bulletin page. The notice carries text and a link, never a file.
 */
export async function publishBulletin(
  ctx: AdminCtx,
  input: { month: string; audience: Audience },
): Promise<{ bulletinId: string; frozenAt: string; noticeId: string }> {
  checkMonth(input.month, ctx.now);
  const scope = adminScope(ctx.user);
  const id = bulletinId(scope.regionId, input.month);
  // Refused before computing; freezeBulletin refuses again should another publish win meanwhile.
  const already = await findFrozenBulletin(id);
  if (already) throw alreadyPublished(already);
  const region = await getRegion(scope.regionId);
  const live = await liveBulletin(scope, region.name, input.month, ctx.now);
  const frozenAt = ctx.now.toISOString();
  const stored = await freezeBulletin({
    _id: id,
    regionId: scope.regionId,
    month: input.month,
    frozenAt,
    frozenBy: ctx.user._id,
    frozenByName: ctx.user.name,
    regionPath: ctx.user.regionPath,
    noticeId: null,
    bulletin: { ...live, frozen: true, frozenAt },
  });
  const notice = await publish(
    ctx,
    {
      title: `${region.name}${input.month.replace('-', '年')}月月度通报`,
      body: noticeBody(stored.bulletin),
      audience: input.audience,
      requireAck: false,
      pinned: false,
    },
    { page: bulletinPage(id), label: '查看月度通报' },
  );
  await setBulletinNotice(id, notice._id);
  return { bulletinId: id, frozenAt, noticeId: notice._id };
}

/**
 * A published bulletin by id, for whoever its notice reached: staff working inside its region, and
 * admins above it. Anyone else, and an id never published, get the same NOT_FOUND.
 */
export async function publishedBulletin(ctx: StaffCtx, input: { id: string }): Promise<Bulletin> {
  const frozen = await findFrozenBulletin(input.id);
  const inside = frozen && ctx.user.regionPath.includes(frozen.regionId);
  const above = frozen && ctx.user.role === 'admin' && frozen.regionPath.includes(adminScope(ctx.user).regionId);
  if (!frozen || !(inside || above)) throw notFound('没有找到这期月度通报，或您无权查看');
  return frozenView(frozen);
}

/**
 * The drill-down from a village: its households paired at the month's end and not visited in it.
 * A village outside the scope answers like a village with nobody missed (nothing is revealed).
 */
export async function bulletinHouseholds(ctx: AdminCtx, input: { month: string; villageId: string }) {
  checkMonth(input.month, ctx.now);
  return { items: await unvisitedIn(adminScope(ctx.user), input.month, monthEnd(input.month), input.villageId) };
}
