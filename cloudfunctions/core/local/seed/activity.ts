import dayjs from 'dayjs';
import type { Benefit, Decision } from '../../../../types/benefit';
import type { Household } from '../../../../types/household';
import type { Need, NeedStatus } from '../../../../types/need';
import type { Pairing } from '../../../../types/pairing';
import type { Visit } from '../../../../types/visit';
import { NEED_TEXTS } from './names';
import { Random } from './random';
import { chinaTime } from '../../time';
import { benefitRecordId } from '../../benefits/benefit-id';

const NOTES = ['了解家庭近况，生产生活正常', '宣讲医保和低保政策', '查看住房安全情况', '帮助联系务工岗位', '了解孩子上学情况', '核对家庭收入情况'];
const MEASURES = ['宣讲政策', '产业指导', '就业帮扶', '健康随访', '教育资助'];

/**
 * `months` months of visits ending now: most households visited every past month, the current
 * month partly done. Months and days are China's (as visits.record files them), so a demo seeded
 * late in the evening UTC on a month's last day already shows the new month.
 */
/**
 * A moment between the start of today (China time) and now, fixed by `key`: a visit drawn for later
 * today happened earlier instead, without another draw from the generator (the rest of the county
 * stays as it was) and without all such visits sharing one minute.
 */
function earlierToday(now: Date, key: string) {
  const minutes = chinaTime(now).hour() * 60 + chinaTime(now).minute();
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return dayjs(now).subtract(hash % (minutes + 1), 'minute');
}

export function buildVisits(h: Household, pairings: Pairing[], months: number, now: Date, rnd: Random): Visit[] {
  const visits: Visit[] = [];
  const today = chinaTime(now);
  const current = today.startOf('month');
  const monthProgress = today.date() / today.daysInMonth();
  for (let back = months - 1; back >= 0; back--) {
    const month = current.subtract(back, 'month');
    for (const p of pairings) {
      const likely = p.role === 'primary' ? 0.93 : 0.45;
      if (!rnd.chance(back === 0 ? likely * monthProgress : likely)) continue;
      const lastDay = back === 0 ? today.date() : month.daysInMonth();
      const at = month.date(rnd.int(1, lastDay)).hour(rnd.int(8, 17)).minute(rnd.int(0, 59));
      const visitedAt = (at.isAfter(now) ? earlierToday(now, `${h._id}-${p.helperId}`) : at).toISOString();
      visits.push({
        _id: rnd.uuid(),
        householdId: h._id,
        helperId: p.helperId,
        countyId: h.countyId,
        townId: h.townId,
        villageId: h.villageId,
        visitedAt,
        month: month.format('YYYY-MM'),
        occasion: rnd.chance(0.92) ? 'routine' : rnd.pick(['festival', 'hospital', 'exam'] as const),
        notes: rnd.pick(NOTES),
        photos: [],
        measures: [rnd.pick(MEASURES)],
        measureIds: [],
        otherMeasure: '',
        progress: [],
        policiesExplained: [],
        checklist: [],
        createdAt: visitedAt,
        confirmation: null,
        confirmationHistory: [],
      });
    }
  }
  return visits;
}

const STATUS_MIX: ReadonlyArray<readonly [NeedStatus, number]> = [
  ['reported', 3],
  ['accepted', 2],
  ['in_progress', 2],
  ['resolved', 2],
  ['confirmed', 4],
  ['rejected', 1],
];

/** The current step's deadline, as the needs workflow keeps it: accept while reported, resolve while open. */
const dueAtOf = (status: NeedStatus, acceptBy: dayjs.Dayjs, resolveBy: dayjs.Dayjs): string | null =>
  status === 'reported' ? acceptBy.toISOString() : status === 'accepted' || status === 'in_progress' ? resolveBy.toISOString() : null;

/** A need reported some days ago, moved along its workflow as far as its status says. */
export function buildNeed(h: Household, primary: Pairing, reporterId: string, now: Date, rnd: Random): Need {
  const category = rnd.weighted([
    ['medical', 3],
    ['housing', 2],
    ['education', 2],
    ['employment', 2],
    ['living', 2],
    ['emergency', 1],
    ['other', 1],
  ] as const);
  const status = category === 'emergency' ? rnd.pick(['reported', 'accepted', 'confirmed'] as const) : rnd.weighted(STATUS_MIX);
  const reportedAt = dayjs(now).subtract(rnd.int(category === 'emergency' ? 2 : 1, category === 'emergency' ? 40 : 30 * 24), 'hour');
  const order: NeedStatus[] = ['reported', 'accepted', 'in_progress', 'resolved', 'confirmed'];
  const reached = status === 'rejected' ? (['reported', 'rejected'] as NeedStatus[]) : order.slice(0, order.indexOf(status) + 1);
  const history = reached.map((s, i) => ({ status: s, by: i === 0 ? reporterId : primary.helperId, at: reportedAt.add(i * 20, 'hour').toISOString() }));
  return {
    _id: rnd.uuid(),
    householdId: h._id,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    category,
    description: rnd.pick(NEED_TEXTS[category]),
    photos: [],
    status,
    version: history.length,
    assigneeId: primary.helperId,
    reportedBy: reporterId,
    reportedAt: reportedAt.toISOString(),
    acceptBy: reportedAt.add(category === 'emergency' ? 24 : 48, 'hour').toISOString(),
    resolveBy: reportedAt.add(category === 'emergency' ? 3 : 20, 'day').toISOString(),
    dueAt: dueAtOf(status, reportedAt.add(category === 'emergency' ? 24 : 48, 'hour'), reportedAt.add(category === 'emergency' ? 3 : 20, 'day')),
    history,
    ...(status === 'confirmed' ? { rating: rnd.int(3, 5) } : {}),
  };
}

/**
 * 兑现记录 for this year: most entitled decisions were paid, some are left unpaid on purpose so the
 * demo has 应享未享 gaps to find. Services without an amount are recorded as delivered (amount null).
 */
export function buildBenefits(h: Household, decisions: Decision[], now: Date, rnd: Random): Benefit[] {
  const year = String(now.getUTCFullYear());
  const benefits: Benefit[] = [];
  for (const d of decisions) {
    if (!d.entitled || d.policy === 'temporary_aid' || rnd.chance(0.06)) continue;
    const member = d.member === null ? null : h.members[d.member].id;
    benefits.push({
      _id: benefitRecordId({ householdId: h._id, policy: d.policy, memberId: member, period: year }),
      householdId: h._id,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      memberId: member,
      policy: d.policy,
      period: year,
      amount: d.amount,
      paidOn: `${year}-0${rnd.int(1, 9)}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      createdAt: now.toISOString(),
    });
  }
  return benefits;
}
