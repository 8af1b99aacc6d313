import type { Bulletin, BulletinRow } from '../../../types/api/reports';
import type { Scope } from '../../../types/region';
import type { AdminCtx } from '../handler';
import { invalid } from '../errors';
import { adminScope } from '../access/scope';
import { getRegion } from '../regions/region.repository';
import { monthOf } from '../time';
import { readBulletinSource, type BulletinSource } from './bulletin.reads';
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

/** The month's figures computed now from the stored data (a live bulletin). */
export async function liveBulletin(scope: Scope, regionName: string, month: string, now: Date): Promise<Bulletin> {
  const prev = shiftMonth(month, -1);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(month, i - TREND_MONTHS + 1));
  const cuts = [cutOf(month, now), cutOf(prev, now), cutOf(shiftMonth(month, -2), now)];
  const source = await readBulletinSource(scope, months, monthEnd(month), [...new Set(cuts)]);
  const events = eventsOf(source, month, now);
  const prevEvents = eventsOf(source, prev, now);
  const names = namesOf(source, [...events, ...prevEvents]);
  const dims = (['town', 'village', 'unit', 'helper'] as const).map((dim) => {
    const before = rowsOf(dim, names[dim], prevEvents, null, DEFAULT_WEIGHTS);
    return rowsOf(dim, names[dim], events, before, DEFAULT_WEIGHTS);
  });
  const [byTown, byVillage, byUnit, byHelper] = dims as [BulletinRow[], BulletinRow[], BulletinRow[], BulletinRow[]];
  const { highlights, weaknesses } = sentencesOf([['town', byTown], ['unit', byUnit]]);
  return {
    month, regionName, frozen: false, frozenAt: null,
    totals: totalsOf(events), prevTotals: totalsOf(prevEvents),
    byTown, byVillage, byUnit, byHelper, highlights, weaknesses,
    trend: trendOf(source, months),
  };
}

/** A month may be read once it has begun (China time); a month yet to come has nothing to report. */
export function checkMonth(month: string, now: Date): void {
  if (month > monthOf(now)) throw invalid(`${month} 还没有开始，只能查看本月及以前的月度通报`);
}

/** 月度通报 for the caller's scope (SPEC §6). */
export async function monthlyBulletin(ctx: AdminCtx, input: { month: string }): Promise<Bulletin> {
  checkMonth(input.month, ctx.now);
  const scope = adminScope(ctx.user);
  const region = await getRegion(scope.regionId);
  return liveBulletin(scope, region.name, input.month, ctx.now);
}
