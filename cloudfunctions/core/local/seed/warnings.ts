import type { Household } from '../../../../types/household';
import { DEFAULT_DEADLINE_PARAMS, DEFAULT_MONITORING_VALUES, type Warning, type WarningStage, type WarningStep } from '../../../../types/monitoring';
import type { User } from '../../../../types/user';
import { addDays } from '../../../../types/format';
import { dateOf } from '../../time';
import { assess } from '../../monitoring/assess.service';
import { familyOf } from '../../monitoring/family-facts';
import { dueFor, isOpenStage, NEXT_STAGE, noticeDates } from '../../monitoring/warning.rules';

const none = new Set<string>();
const ORDER: WarningStage[] = ['verify', 'village_review', 'town_review', 'county_confirm', 'confirmed'];

/**
 * The demo's 识别纳入 in every stage (issue #16), all but one in 上坪村 (village-1-1, the demo
 * village admin's): two at 入户核实 for demo-helper (one overdue), one in 村级评议 whose 公示 is
 * still running and one whose 公示 has run, one each at 乡镇审核 and 县级确认, one confirmed (a
 * household already 监测户) and one dismissed; and one at 入户核实 in another town.
 */
const PLAN: Array<{ id: string; stage: WarningStage; daysAgo: number }> = [
  { id: 'hh-000097', stage: 'verify', daysAgo: 1 },
  { id: 'hh-000193', stage: 'verify', daysAgo: 12 },
  { id: 'hh-000289', stage: 'village_review', daysAgo: 2 },
  { id: 'hh-000073', stage: 'village_review', daysAgo: 6 },
  { id: 'hh-000037', stage: 'town_review', daysAgo: 1 },
  { id: 'hh-000121', stage: 'county_confirm', daysAgo: 0 },
  { id: 'hh-000181', stage: 'confirmed', daysAgo: 40 },
  { id: 'hh-000145', stage: 'dismissed', daysAgo: 9 },
  { id: 'hh-000005', stage: 'verify', daysAgo: 2 },
];
const NOTES: Partial<Record<WarningStage, string>> = {
  verify: '已入户核实，情况属实',
  village_review: '村民代表评议通过，公示无异议',
  town_review: '乡镇审核通过',
  county_confirm: '县级确认纳入监测',
};

export function buildWarnings(sample: Household[], primaryOf: Map<string, string>, admins: User[], helpers: User[], now: Date): Warning[] {
  const byId = new Map(sample.map((h) => [h._id, h]));
  const names = new Map([...admins, ...helpers].map((u) => [u._id, u.name]));
  const [county, town, village] = admins;
  const actorOf = (stage: WarningStage, h: Household) =>
    stage === 'verify' ? (primaryOf.get(h._id) ?? village._id) : stage === 'village_review' ? village._id : stage === 'town_review' ? town._id : county._id;
  const today = dateOf(now);
  return PLAN.flatMap(({ id, stage, daysAgo }) => {
    const h = byId.get(id);
    if (!h) return [];
    // A fresh store has no county values yet: the seed reads the defaults deploy would write.
    const a = assess({ date: today, household: familyOf(h, false, []) }, today, DEFAULT_MONITORING_VALUES);
    const start = addDays(today, -daysAgo);
    const reached = stage === 'dismissed' ? 0 : ORDER.indexOf(stage);
    // Each earlier step took two days; a dismissed one was verified the day after it opened.
    const created = addDays(start, -(2 * reached + (stage === 'dismissed' ? 1 : 0)));
    const at = (day: string) => `${day}T02:00:00.000Z`;
    const history: WarningStep[] = [{ action: 'open', from: 'verify', to: 'verify', by: 'system', byName: '系统研判', at: at(created) }];
    for (let i = 0; i < reached; i++) {
      const from = ORDER[i];
      const day = i === reached - 1 ? start : addDays(created, 2 * (i + 1));
      const by = actorOf(from, h);
      history.push({ action: 'advance', from, to: NEXT_STAGE[from as 'verify'], by, byName: names.get(by) ?? '', at: at(day), note: NOTES[from] });
    }
    const assigneeId = primaryOf.get(h._id) ?? village._id;
    if (stage === 'dismissed')
      history.push({
        action: 'dismiss',
        from: 'verify',
        to: 'dismissed',
        by: assigneeId,
        byName: names.get(assigneeId) ?? '',
        at: at(start),
        note: '入户核实：务工收入未登记，实际收入高于监测范围',
      });
    const open = isOpenStage(stage);
    return [
      {
        _id: `warning-${id}`,
        householdId: h._id,
        headName: h.headName,
        countyId: h.countyId,
        townId: h.townId,
        villageId: h.villageId,
        stage,
        open,
        version: history.length,
        source: a.level === 'none' ? 'self_report' : 'assessment',
        risks: a.risks.filter((r) => r.triggered),
        level: a.level === 'none' ? 'medium' : a.level,
        suggestedType: a.suggestedType ?? (h.status === 'none' ? 'marginal' : 'unstable'),
        assigneeId,
        stageStartedOn: start,
        dueOn: open ? dueFor(stage, start, DEFAULT_DEADLINE_PARAMS, none) : start,
        createdAt: at(created),
        history,
        ...(stage === 'village_review' ? noticeDates(start, DEFAULT_DEADLINE_PARAMS.noticeDays) : {}),
        ...(stage === 'dismissed' ? { dismissReason: '入户核实：务工收入未登记，实际收入高于监测范围' } : {}),
      },
    ];
  });
}
