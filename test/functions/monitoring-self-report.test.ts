/**
 * 农户自主申报: a bound household member runs the self-check, applies for help, and follows where
 * the application stands — in its own words, never the staff's notes or who holds it.
 */
import { getDb } from '../../cloudfunctions/core/store';
import { call, callRaw, freshDemoStore, ok, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const ownHousehold = async () => (await getDb().collection('users').where({ openid: 'demo-household' }).get()).data[0].householdId as string;
const ANSWERS = {
  status: 'exited_enjoying',
  housingGrade: 'A',
  safeWater: true,
  emergencyInLast90Days: false,
  incomes: [{ year: 2025, amount: 9000 }],
  medicalExpenses: [{ date: '2026-09-01', outOfPocket: 15000 }],
  members: [
    { birthDate: '1956-03-02', laborCapacity: 'none' },
    { birthDate: '1958-08-09', laborCapacity: 'partial' },
  ],
};

describe('monitoring.myWarning and selfReport', () => {
  it('a household that has not applied is told it has no application', async () => {
    expect(await ok(call('monitoring', 'myWarning', {}, 'demo-household'))).toEqual({ warning: null });
  });

  it("applying opens one warning at 入户核实 from the family's own answers, due in 5 working days, told in plain words", async () => {
    const r = await ok(call('monitoring', 'selfReport', { answers: ANSWERS }, 'demo-household'));
    expect(r.opened).toBe(true);
    // 2026-11-20 is a Friday: five working days later is Friday 27 November.
    expect(r.warning).toMatchObject({ stage: 'verify', open: true, source: 'self_report', openedOn: '2026-11-20', dueOn: '2026-11-27' });
    expect(r.warning.headline).toBe('已收到您的帮扶申请，帮扶人将在2026年11月27日前上门核实情况');
    expect(r.warning.steps.map((s) => [s.label, s.state])).toEqual([
      ['上门核实', 'current'],
      ['村里评议公示', 'todo'],
      ['乡镇审核', 'todo'],
      ['县里确认', 'todo'],
      ['纳入监测帮扶', 'todo'],
    ]);
    const stored = (
      await getDb()
        .collection('warnings')
        .where({ householdId: await ownHousehold() })
        .get()
    ).data;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: 'self_report', level: 'high' });
    expect(stored[0].risks.map((x: { rule: string }) => x.rule)).toEqual(expect.arrayContaining(['income_below_line', 'medical_burden']));
    expect(stored[0].assigneeId).toBeTruthy();
  });

  it('applying again while one is open answers the open one instead of opening a second', async () => {
    const first = await ok(call('monitoring', 'myWarning', {}, 'demo-household'));
    const again = await ok(call('monitoring', 'selfReport', {}, 'demo-household'));
    expect(again).toEqual({ opened: false, warning: first.warning });
    expect(
      await getDb()
        .collection('warnings')
        .where({ householdId: await ownHousehold(), open: true })
        .count(),
    ).toMatchObject({ total: 1 });
  });

  it('the household sees its stage and dates but not who holds it or the risks the staff see', async () => {
    const mine = await ok(call('monitoring', 'myWarning', {}, 'demo-household'));
    expect(Object.keys(mine.warning!).sort()).toEqual(['dueOn', 'headline', 'open', 'openedOn', 'source', 'stage', 'stageStartedOn', 'steps', 'warningId']);
  });

  it('a later stage reads as done steps and the next date; a dismissal says so and that the family may apply again', async () => {
    const id = (await ok(call('monitoring', 'myWarning', {}, 'demo-household'))).warning!.warningId;
    await getDb().collection('warnings').doc(id).update({ stage: 'town_review', stageStartedOn: '2026-12-08', dueOn: '2026-12-11' });
    const later = (await ok(call('monitoring', 'myWarning', {}, 'demo-household'))).warning!;
    expect(later.headline).toBe('村里评议公示已完成，乡镇正在审核，预计2026年12月11日前完成');
    expect(later.steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    await getDb().collection('warnings').doc(id).update({ stage: 'dismissed', open: false });
    const dismissed = (await ok(call('monitoring', 'myWarning', {}, 'demo-household'))).warning!;
    expect(dismissed.headline).toMatch(/暂未纳入监测.*可以再次申请/);
    expect(dismissed.steps.map((s) => s.label)).toEqual(['上门核实', '暂未纳入']);
  });

  it('only a bound household member may apply; staff are refused', async () => {
    expect(await callRaw('monitoring', 'selfReport', {}, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await callRaw('monitoring', 'selfReport', {}, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await callRaw('monitoring', 'myWarning', {}, 'wx-unbound')).toMatchObject({ ok: false });
  });
});
