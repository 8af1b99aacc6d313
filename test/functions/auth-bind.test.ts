import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeEach(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterEach(() => store.close());

/** The first member with a phone outside the demo household, and the answers that bind to them. */
async function answers() {
  const households = (await getDb().collection('households').orderBy('code', 'asc').limit(50).get()).data;
  const found = households.flatMap((h) => h.members.map((m: any) => ({ h, m }))).find(({ h, m }) => m.phone && h._id !== 'hh-000001')!;
  return { household: found.h, input: { name: found.m.name, idSuffix: found.m.idNumber.slice(-6), phone: found.m.phone } };
}

describe('auth.bindHousehold', () => {
  it('binds a new WeChat user whose name, ID suffix and phone match a member; whoami then shows the household', async () => {
    const { household, input } = await answers();
    const r = await call('auth', 'bindHousehold', input, 'wx-new-1');
    expect(r).toMatchObject({ ok: true, data: { role: 'household', household: { id: household._id } } });
    expect(await call('auth', 'whoami', {}, 'wx-new-1')).toMatchObject({ ok: true, data: { role: 'household', household: { id: household._id } } });
    expect(await call('households', 'get', { householdId: household._id }, 'wx-new-1')).toMatchObject({ ok: true });
  });

  it('lets several members bind to one household', async () => {
    const { input } = await answers();
    await call('auth', 'bindHousehold', input, 'wx-a');
    const other = await call('auth', 'bindHousehold', input, 'wx-b');
    expect(other).toMatchObject({ ok: true });
  });

  it.each([
    ['the name', { name: '不存在' }],
    ['the ID suffix', { idSuffix: '000000' }],
    ['the phone', { phone: '13000000000' }],
  ])('answers one generic message when %s is wrong', async (_field, wrong) => {
    const { input } = await answers();
    const r = await call('auth', 'bindHousehold', { ...input, ...wrong }, 'wx-wrong');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('请核对姓名、身份证号后 6 位和手机号') } });
  });

  it('locks the caller out for an hour after 5 wrong tries within an hour, even with the right answers', async () => {
    const { input } = await answers();
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(SEED_NOW.getTime() + i * 60_000));
      expect(await call('auth', 'bindHousehold', { ...input, phone: '13000000000' }, 'wx-guess')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    clock.set(new Date(SEED_NOW.getTime() + 30 * 60_000));
    expect(await call('auth', 'bindHousehold', input, 'wx-guess')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    clock.set(new Date(SEED_NOW.getTime() + 63 * 60_000));
    expect(await call('auth', 'bindHousehold', input, 'wx-guess')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    clock.set(new Date(SEED_NOW.getTime() + 66 * 60_000));
    expect(await call('auth', 'bindHousehold', input, 'wx-guess')).toMatchObject({ ok: true });
  });

  it('does not lock after 4 wrong tries, nor for 5 spread over more than an hour', async () => {
    const { input } = await answers();
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(SEED_NOW.getTime() + i * 20 * 60_000));
      await call('auth', 'bindHousehold', { ...input, phone: '13000000000' }, 'wx-slow');
    }
    expect(await call('auth', 'bindHousehold', input, 'wx-slow')).toMatchObject({ ok: true });
  });

  it('refuses a staff account and an account already bound', async () => {
    const { input } = await answers();
    expect(await call('auth', 'bindHousehold', input, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('auth', 'bindHousehold', input, 'demo-household')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('auth.bindFor, listBindings and unbind', () => {
  it("lets an admin bind a WeChat account on a household's behalf, list it and unbind it", async () => {
    const h = (await getDb().collection('households').doc('hh-000002').get()).data[0];
    const binding = await call('auth', 'bindFor', { householdId: 'hh-000002', memberId: h.members[0].id, openid: 'wx-offline' }, 'demo-town-admin');
    expect(binding).toMatchObject({ ok: true, data: { name: h.members[0].name } });
    expect(await call('auth', 'whoami', {}, 'wx-offline')).toMatchObject({ ok: true, data: { role: 'household', household: { id: 'hh-000002' } } });
    const list: any = await call('auth', 'listBindings', { householdId: 'hh-000002' }, 'demo-admin');
    expect(list.data.items).toHaveLength(1);
    expect(await call('auth', 'unbind', { userId: list.data.items[0].userId }, 'demo-admin')).toMatchObject({ ok: true });
    expect(await call('auth', 'whoami', {}, 'wx-offline')).toMatchObject({ ok: true, data: { role: null } });
    const logs = (await getDb().collection('audit_logs').where({ householdId: 'hh-000002' }).get()).data.map((l) => l.action).sort();
    expect(logs).toEqual(['bind_for', 'unbind']);
  });
});

describe('auth.bindHousehold limits beyond the caller (accounts rotated by a guesser)', () => {
  const HOUR = 60 * 60_000;
  const at = (ms: number) => clock.set(new Date(SEED_NOW.getTime() + ms));
  /** A member with a phone in the demo village (its admin is demo-village-admin), not of the demo household. */
  async function villageTarget() {
    const households = (await getDb().collection('households').where({ villageId: 'village-1-1' }).orderBy('code', 'asc').limit(50).get()).data;
    const found = households.flatMap((h) => h.members.map((m: any) => ({ h, m }))).find(({ h, m }) => m.phone && h._id !== 'hh-000001')!;
    return { household: found.h, input: { name: found.m.name, idSuffix: found.m.idNumber.slice(-6), phone: found.m.phone } };
  }

  it('20 rotating accounts guessing one member: the 10th miss locks the household for 24 hours, later tries are not evaluated, and its village admin is alerted', async () => {
    const { household, input } = await villageTarget();
    const codes: string[] = [];
    for (let caller = 0; caller < 20; caller++) {
      for (let i = 0; i < 5; i++) {
        at(caller * 60_000 + i * 1000);
        const r: any = await call('auth', 'bindHousehold', { ...input, phone: `1300000${String(caller * 5 + i).padStart(4, '0')}` }, `wx-rot-${caller}`);
        codes.push(r.error.code);
      }
    }
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(90);
    const refused: any = await call('auth', 'bindHousehold', input, 'wx-fresh');
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('村干部（村级管理员）为您生成绑定码') } });
    const alerts = (await getDb().collection('outbox').where({ reason: 'bind_locked' }).get()).data;
    expect(alerts).toEqual([expect.objectContaining({ householdId: household._id, userId: 'admin-village-1', status: 'skipped' })]);
    expect(JSON.stringify(alerts)).not.toContain(input.phone);
    const logs = (await getDb().collection('audit_logs').where({ action: 'bind_household_locked' }).get()).data;
    expect(logs).toEqual([expect.objectContaining({ householdId: household._id, detail: expect.objectContaining({ failures: 10 }) })]);

    // The remedy the message names still works: a bind code from the village admin.
    const member = household.members.find((m: any) => m.name === input.name);
    const made: any = await call('auth', 'createBindCode', { householdId: household._id, memberId: member.id }, 'demo-village-admin');
    expect(await call('auth', 'bindWithCode', { code: made.data.code }, 'wx-with-code')).toMatchObject({ ok: true });
    at(20 * 60_000 + 24 * HOUR);
    expect(await call('auth', 'bindHousehold', input, 'wx-fresh')).toMatchObject({ ok: true });
  });

  it('refuses a wrong answer for a locked household with the same RATE_LIMITED, so the lock tells no right guess from a wrong one', async () => {
    const { input } = await villageTarget();
    for (let caller = 0; caller < 10; caller++) {
      at(caller * 1000);
      await call('auth', 'bindHousehold', { ...input, idSuffix: '000000' }, `wx-g-${caller}`);
    }
    const wrong: any = await call('auth', 'bindHousehold', { ...input, idSuffix: '000000' }, 'wx-g-new');
    const right: any = await call('auth', 'bindHousehold', input, 'wx-g-new-2');
    expect(wrong.error).toEqual(right.error);
    expect(right.error.code).toBe('RATE_LIMITED');
  });

  it('counts a try whose name matches no member against the caller and the county only, and stops everyone after 200 wrong tries in an hour', async () => {
    const { input } = await answers();
    for (let caller = 0; caller < 40; caller++) {
      for (let i = 0; i < 5; i++) {
        at(caller * 10_000 + i * 1000);
        expect(await call('auth', 'bindHousehold', { name: `无此人${caller}`, idSuffix: '000000', phone: '13000000000' }, `wx-flood-${caller}`)).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
    }
    expect((await getDb().collection('bind_attempts').where({ kind: 'household_failure' }).count()).total).toBe(0);
    at(30 * 60_000);
    expect(await call('auth', 'bindHousehold', input, 'wx-honest')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('1 小时') },
    });
    at(39 * 10_000 + 4000 + HOUR);
    expect(await call('auth', 'bindHousehold', input, 'wx-honest')).toMatchObject({ ok: true });
  });
});
