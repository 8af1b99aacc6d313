import { FINDING_STEP_LABELS } from '../../../types/finding';
import { INTEGRITY_CHECK_LABELS, type IntegrityItem, type IntegrityReport } from '../../../types/finding-review';
import { chinaDate } from '../../../types/format';
import type { AdminCtx } from '../handler';
import { regionFilter } from '../access';
import { householdPlaces } from '../households/household.repository';
import { allNeeds } from '../needs/need.repository';
import { userNames } from '../users/user.repository';
import { visitContents, visitRefusalsWhere, visitTimings } from '../visits/visit.repository';
import { MAX_BACKDATE_DAYS } from '../../../types/visit-dates';
import { chinaTime, monthOf } from '../time';
import { findingsWhere } from './finding.repository';
import {
  DUPLICATE_NOTE_CHARS,
  duplicateContents,
  evidenceAfterClose,
  findingsOutOfOrder,
  futureVisits,
  lateEntries,
  LATE_ENTRY_DAYS,
  needsOutOfOrder,
  RAPID_MINUTES,
  rapidVisits,
} from './integrity.rules';

/** A report lists this many records; `total` says how many there are. */
const SHOWN = 200;
const clock = (iso: string) => chinaTime(iso).format('M月D日 HH:mm');
const day = (iso: string) => {
  const [y, m, d] = chinaDate(iso).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** One of the inspector's checks over the admin's region; visits are checked for one month. */
export async function integrity(ctx: AdminCtx, input: { check: IntegrityReport['check']; month?: string }): Promise<IntegrityReport> {
  const region = regionFilter(ctx.user.scope);
  const month = input.month ?? monthOf(ctx.now);
  const items: IntegrityItem[] = [];
  const heads = async (ids: string[]) => new Map([...(await householdPlaces(ids))].map(([id, p]) => [id, `${p.headName}户`]));

  if (input.check === 'duplicate_content') {
    const groups = duplicateContents(await visitContents({ ...region, month }));
    const [names, households] = await Promise.all([
      userNames(groups.flatMap((g) => g.visits.map((v) => v.helperId))),
      heads(groups.flatMap((g) => g.visits.map((v) => v.householdId))),
    ]);
    for (const { kind, visits } of groups) {
      const first = visits[0];
      const homes = new Set(visits.map((v) => v.householdId)).size;
      items.push({
        title:
          kind === 'notes'
            ? `${homes} 户的走访记录一字不差（${DUPLICATE_NOTE_CHARS} 字以上）：「${first.notes.length > 30 ? `${first.notes.slice(0, 29)}…` : first.notes}」`
            : `同一张照片出现在 ${homes} 户的走访记录中`,
        detail: visits.map((v) => `${clock(v.visitedAt)} ${households.get(v.householdId) ?? ''}（${names.get(v.helperId) ?? '帮扶人'}）`).join('；'),
        at: first.visitedAt,
        householdId: first.householdId,
        refs: visits.map((v) => ({ kind: 'visit' as const, id: v._id })),
      });
    }
  } else if (input.check === 'refused_backdates') {
    const refusals = await visitRefusalsWhere({ ...region, month });
    const [names, households] = await Promise.all([userNames(refusals.map((r) => r.helperId)), heads(refusals.map((r) => r.householdId))]);
    for (const r of refusals) {
      items.push({
        title: `${names.get(r.helperId) ?? '帮扶人'} 补录 ${households.get(r.householdId) ?? ''} ${day(r.visitedAt)} 的走访被拒`,
        detail: `${clock(r.attemptedAt)} 提交，走访日期已超过 ${MAX_BACKDATE_DAYS} 天补录期限`,
        at: r.attemptedAt,
        householdId: r.householdId,
        refs: [],
      });
    }
  } else if (input.check === 'future_visits' || input.check === 'late_entries' || input.check === 'rapid_visits') {
    const visits = await visitTimings({ ...region, month });
    if (input.check === 'rapid_visits') {
      const runs = rapidVisits(visits);
      const [names, households] = await Promise.all([userNames(runs.map((r) => r.helperId)), heads(runs.flatMap((r) => r.visits.map((v) => v.householdId)))]);
      for (const run of runs) {
        const first = run.visits[0];
        items.push({
          title: `${names.get(run.helperId) ?? '帮扶人'} ${clock(first.visitedAt)} 起 ${RAPID_MINUTES} 分钟内连续走访 ${new Set(run.visits.map((v) => v.householdId)).size} 户`,
          detail: run.visits.map((v) => `${clock(v.visitedAt)} ${households.get(v.householdId) ?? ''}`).join('；'),
          at: first.visitedAt,
          householdId: first.householdId,
          refs: run.visits.map((v) => ({ kind: 'visit' as const, id: v._id })),
        });
      }
    } else {
      const found =
        input.check === 'future_visits'
          ? futureVisits(visits).map(({ visit, aheadMinutes }) => ({ visit, why: `走访时间比录入时间晚 ${aheadMinutes} 分钟` }))
          : lateEntries(visits).map(({ visit, lateDays }) => ({ visit, why: `走访后 ${lateDays} 天才录入（超过 ${LATE_ENTRY_DAYS} 天）` }));
      const households = await heads(found.map((f) => f.visit.householdId));
      for (const { visit, why } of found) {
        items.push({
          title: `${households.get(visit.householdId) ?? ''} ${day(visit.visitedAt)} 的走访`,
          detail: `${why}；录入于 ${clock(visit.createdAt)}`,
          at: visit.visitedAt,
          householdId: visit.householdId,
          refs: [{ kind: 'visit', id: visit._id }],
        });
      }
    }
  } else {
    const findings = await findingsWhere(region);
    if (input.check === 'steps_out_of_order') {
      const needs = needsOutOfOrder(await allNeeds(region));
      const households = await heads(needs.map((n) => n.need.householdId));
      for (const { need, step } of needs) {
        items.push({
          title: `${households.get(need.householdId) ?? ''} 的需求`,
          detail: `第 ${step} 步的时间早于前一步（${clock(need.history[step - 1]?.at ?? need.reportedAt)}）`,
          at: need.reportedAt,
          householdId: need.householdId,
          refs: [{ kind: 'need', id: need._id }],
        });
      }
      for (const { finding, step } of findingsOutOfOrder(findings)) {
        items.push({
          title: `问题 ${finding.code}（${finding.subjectName}）`,
          detail: `第 ${step} 步「${FINDING_STEP_LABELS[finding.history[step - 1].kind]}」的时间早于前一步`,
          at: finding.createdAt,
          householdId: finding.householdId,
          refs: [{ kind: 'finding', id: finding._id }],
        });
      }
    } else {
      for (const { finding, evidenceAt } of evidenceAfterClose(findings)) {
        items.push({
          title: `问题 ${finding.code}（${finding.subjectName}）`,
          detail: `${clock(finding.closedAt!)} 销号，整改佐证却提交于 ${clock(evidenceAt)}`,
          at: evidenceAt,
          householdId: finding.householdId,
          refs: [{ kind: 'finding', id: finding._id }],
        });
      }
    }
  }
  items.sort((a, b) => a.at.localeCompare(b.at));
  return { check: input.check, label: INTEGRITY_CHECK_LABELS[input.check], month, total: items.length, items: items.slice(0, SHOWN) };
}
