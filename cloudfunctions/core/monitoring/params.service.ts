import { z } from '../../../types/z';
import {
  DEADLINE_PARAM_LABELS,
  DEFAULT_DEADLINE_PARAMS,
  DEFAULT_MONITORING_VALUES,
  HolidayList,
  MONITORING_PARAM_LABELS,
  type MonitoringSettings,
  type UpdateMonitoringParamsInput,
} from '../../../types/monitoring';
import { DatedValues } from '../../../types/policy';
import { chineseDay } from '../../../types/format';
import type { AdminCtx } from '../handler';
import { conflict, forbidden, invalid } from '../errors';
import { readSettingsDoc, writeSettingsDoc } from '../store/settings-docs';
import { dateOf } from '../time';

/**
 * 监测参数 (SPEC §3b "county-editable, dated"): the risk parameters, the stages' working days and
 * the county's holiday list, stored as the policy catalogue stores its parameters — dated entries
 * that hold until the next, each saying who set it — in the `settings` document `monitoring`.
 * Stored entries are merged over the code defaults, so a default never disappears from history.
 * `npm run deploy` writes the defaults there when absent (`{ values }`, the same shape: holidays
 * default to none); this is the one reader and `updateMonitoringParams` the one writer.
 */
const Stored = z.object({ values: z.array(DatedValues).default([]), holidays: z.array(HolidayList).default([]) });
type Stored = z.infer<typeof Stored>;
export const MONITORING_SETTINGS_ID = 'monitoring';
const DOC = MONITORING_SETTINGS_ID;

const ALL_LABELS: Record<string, string> = { ...MONITORING_PARAM_LABELS, ...DEADLINE_PARAM_LABELS };
const RANGES: Record<string, [number, number]> = {
  line: [1_000, 100_000],
  medicalThreshold: [1_000, 1_000_000],
  medicalIncomeShare: [0.05, 1],
  dropShare: [0.05, 1],
  verifyDays: [1, 30],
  villageReviewDays: [1, 30],
  townReviewDays: [1, 30],
  countyConfirmDays: [1, 30],
  noticeDays: [5, 30],
};

async function readStored(): Promise<Stored> {
  return Stored.parse((await readSettingsDoc(DOC)) ?? {});
}

/** Defaults and stored entries as one dated list: each entry has every parameter (the values in force before it fill what it leaves out). */
export function mergedValues(stored: DatedValues[]): DatedValues[] {
  const dates = [...new Set([...DEFAULT_MONITORING_VALUES, ...stored].map((v) => v.from))].sort();
  let carried: Record<string, number> = { ...DEFAULT_DEADLINE_PARAMS };
  return dates.map((from) => {
    const base = DEFAULT_MONITORING_VALUES.find((v) => v.from === from);
    const own = stored.find((v) => v.from === from);
    carried = { ...carried, ...base?.params, ...own?.params };
    return { from, params: { ...carried }, ...(own?.setBy ? { setBy: own.setBy, setAt: own.setAt } : {}) };
  });
}

/** The dated values the rules read: defaults merged with what the county stored. */
export async function monitoringValues(): Promise<DatedValues[]> {
  return mergedValues((await readStored()).values);
}

/** The values in force on a day (deadlines and notice days). */
export function inForce(values: DatedValues[], day: string): Record<string, number> {
  let chosen = values[0];
  for (const v of values) if (v.from <= day) chosen = v;
  return { ...DEFAULT_DEADLINE_PARAMS, ...chosen?.params };
}

const holidaysIn = (stored: Stored, day: string): ReadonlySet<string> =>
  new Set(
    stored.holidays
      .filter((h) => h.from <= day)
      .sort((a, b) => a.from.localeCompare(b.from))
      .at(-1)?.days ?? [],
  );

/** The holiday list in force on a day (the latest from on or before it), as a set of days. */
export async function holidaysOn(day: string): Promise<ReadonlySet<string>> {
  return holidaysIn(await readStored(), day);
}

/** What deadlines read on a day: the stage days in force and the holidays. */
export type Calendar = { params: Record<string, number>; holidays: ReadonlySet<string> };

/** Everything monitoring reads of its settings on a day, in one read: the rules' dated values and the deadlines' calendar. */
export async function monitoringOn(day: string): Promise<{ values: DatedValues[]; calendar: Calendar }> {
  const stored = await readStored();
  const values = mergedValues(stored.values);
  return { values, calendar: { params: inForce(values, day), holidays: holidaysIn(stored, day) } };
}

export async function calendarOn(day: string): Promise<Calendar> {
  return (await monitoringOn(day)).calendar;
}

export async function getMonitoringSettings(): Promise<MonitoringSettings> {
  const stored = await readStored();
  return { values: mergedValues(stored.values), holidays: stored.holidays, labels: ALL_LABELS };
}

function paramProblem(params: Record<string, number>): string | null {
  for (const [k, v] of Object.entries(params)) {
    const range = RANGES[k];
    if (!range) return `监测参数中没有「${k}」`;
    if (v < range[0] || v > range[1]) return `${ALL_LABELS[k]}应在 ${range[0]}–${range[1]} 之间，填写的是 ${v}`;
    if (k.endsWith('Days') && !Number.isInteger(v)) return `${ALL_LABELS[k]}应为整数`;
  }
  return null;
}

/**
 * 调整监测参数 from a date on (today or later: what was in force stays as it was). County admins
 * only, as the policy catalogue. Saving a date that already has a pending entry needs `replace`.
 */
export async function updateMonitoringParams(ctx: AdminCtx, input: UpdateMonitoringParamsInput): Promise<MonitoringSettings> {
  if (ctx.user.scope.level !== 'county') throw forbidden('监测参数由县级扶贫办统一调整，请联系县扶贫办');
  if (input.from < dateOf(ctx.now))
    throw invalid(`生效日期 ${chineseDay(input.from)}早于今天：已执行的参数不能改写，请选择今天或以后的日期`, [{ path: 'from', message: '不能早于今天' }]);
  const problem = paramProblem(input.params);
  if (problem) throw invalid(problem, [{ path: 'params', message: problem }]);
  if (!Object.keys(input.params).length && !input.holidays) throw invalid('请至少修改一项参数或节假日', [{ path: 'params', message: '没有修改' }]);
  const stored = await readStored();
  const by = { setBy: ctx.user.name, setAt: ctx.now.toISOString() };
  const pending = stored.values.some((v) => v.from === input.from) || stored.holidays.some((h) => h.from === input.from);
  if (pending && !input.replace) throw conflict(`自${chineseDay(input.from)}起已设置待执行的参数，确认替换后请重新保存`);
  let values = stored.values;
  if (Object.keys(input.params).length) {
    const own = stored.values.find((v) => v.from === input.from)?.params ?? {};
    const entry = { from: input.from, params: { ...own, ...input.params }, ...by };
    values = [...values.filter((v) => v.from !== input.from), entry].sort((a, b) => a.from.localeCompare(b.from));
  }
  let holidays = stored.holidays;
  if (input.holidays) {
    const days = [...new Set(input.holidays)].sort();
    holidays = [...holidays.filter((h) => h.from !== input.from), { from: input.from, days, ...by }].sort((a, b) => a.from.localeCompare(b.from));
  }
  await writeSettingsDoc(DOC, { values, holidays });
  return { values: mergedValues(values), holidays, labels: ALL_LABELS };
}
