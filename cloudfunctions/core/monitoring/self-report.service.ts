import { chineseDay } from '../../../types/format';
import type { Assessment, Warning, WarningStage } from '../../../types/monitoring';
import type { MyWarning, MyWarningResult, SelfReportInput, SelfReportResult, StepState } from '../../../types/monitoring-channels';
import type { HouseholdCtx } from '../handler';
import { readableHousehold } from '../access';
import { dateOf } from '../time';
import { monitoringValues } from './params.service';
import { assess } from './assess.service';
import { assessHousehold } from './household-assess.service';
import { latestWarningOf } from './warning.repository';
import { openWarning } from './warning.service';

/** The steps of 识别纳入 as a family would name them (SPEC §3b), ending in 纳入监测. */
const STEPS: Array<[WarningStage, string]> = [
  ['verify', '上门核实'],
  ['village_review', '村里评议公示'],
  ['town_review', '乡镇审核'],
  ['county_confirm', '县里确认'],
  ['confirmed', '纳入监测帮扶'],
];

/** What is happening now, in one sentence with its date (China days). */
function headlineOf(w: Warning): string {
  const by = `${chineseDay(w.dueOn)}前`;
  const start = w.source === 'self_report' ? '已收到您的帮扶申请，' : '村里了解到您家可能遇到困难，';
  switch (w.stage) {
    case 'verify':
      return `${start}帮扶人将在${by}上门核实情况`;
    case 'village_review':
      return `已上门核实，村里正在评议，并张榜公示至少 5 天，预计${by}完成`;
    case 'town_review':
      return `村里评议公示已完成，乡镇正在审核，预计${by}完成`;
    case 'county_confirm':
      return `乡镇已审核，县里正在确认，预计${by}完成`;
    case 'confirmed':
      return '已纳入防返贫监测，帮扶人会和您一起定帮扶措施';
    case 'dismissed':
      return '经上门核实，您家暂未纳入监测。情况有变化时，可以再次申请或联系帮扶人';
  }
}

/** A household's own warning: stage, dates and steps in its words; no assignee, notes or risk details. */
export function myWarningView(w: Warning): MyWarning {
  const at = STEPS.findIndex(([s]) => s === w.stage);
  const steps =
    w.stage === 'dismissed'
      ? [
          { stage: 'verify' as const, label: STEPS[0][1], state: 'done' as StepState },
          { stage: 'dismissed' as const, label: '暂未纳入', state: 'current' as StepState },
        ]
      : STEPS.map(([stage, label], i) => ({ stage, label, state: (i < at || w.stage === 'confirmed' ? 'done' : i === at ? 'current' : 'todo') as StepState }));
  return {
    warningId: w._id,
    stage: w.stage,
    open: w.open,
    source: w.source,
    openedOn: dateOf(w.createdAt),
    stageStartedOn: w.stageStartedOn,
    dueOn: w.dueOn,
    headline: headlineOf(w),
    steps,
  };
}

/**
 * 农户自主申报: a bound member asks for help. The warning carries what the family's self-check found
 * (the same §3b rules on its answers; the stored household when it sent none), to be checked at home.
 * A household has at most one open warning: asking again answers the one already open.
 */
export async function selfReport(ctx: HouseholdCtx, input: SelfReportInput): Promise<SelfReportResult> {
  const h = await readableHousehold(ctx.user);
  const date = dateOf(ctx.now);
  const a: Assessment = input.answers ? assess({ date, household: input.answers }, date, await monitoringValues()) : await assessHousehold(ctx, {});
  const { warning, opened } = await openWarning(ctx, { household: h, source: 'self_report', assessment: a });
  return { warning: myWarningView(warning), opened };
}

/** Where the household's latest warning stands (null when it has none). */
export async function myWarning(ctx: HouseholdCtx): Promise<MyWarningResult> {
  const h = await readableHousehold(ctx.user);
  const w = await latestWarningOf(h._id);
  return { warning: w ? myWarningView(w) : null };
}
