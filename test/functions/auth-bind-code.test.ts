import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeEach(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterEach(() => store.close());

const HOUR = 60 * 60_000;
const at = (ms: number) => clock.set(new Date(SEED_NOW.getTime() + ms));
const memberOf = async (householdId: string, i = 0) => (await getDb().collection('households').doc(householdId).get()).data[0].members[i];

async function codeFor(householdId = 'hh-000002', i = 0, openid = 'demo-town-admin'): Promise<string> {
  const r: any = await call('auth', 'createBindCode', { householdId, memberId: (await memberOf(householdId, i)).id }, openid);
  expect(r).toMatchObject({ ok: true });
  return r.data.code;
}
/** A 10-digit code that is not the live one. */
const wrong = (code: string) => code.slice(0, 9) + String((Number(code[9]) + 1) % 10);

describe('auth.createBindCode', () => {
  it('gives an in-scope admin 10 digits valid for 24 hours, stores only a hash, and writes an audit entry', async () => {
    const member = await memberOf('hh-000002');
    const r: any = await call('auth', 'createBindCode', { householdId: 'hh-000002', memberId: member.id }, 'demo-town-admin');
    expect(r).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^\d{10}$/) } });
    expect(Date.parse(r.data.expiresAt) - SEED_NOW.getTime()).toBe(24 * HOUR);
    const stored = (await getDb().collection('bind_codes').where({ householdId: 'hh-000002' }).get()).data;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(r.data.code);
    const logs = (await getDb().collection('audit_logs').where({ action: 'create_bind_code' }).get()).data;
    expect(logs).toMatchObject([{ householdId: 'hh-000002', memberId: member.id, userId: 'admin-town-1' }]);
  });

  it.each([
    ['a town admin of another town', 'town-2', 'demo-town-admin', 'NOT_FOUND'],
    ['a helper', 'town-1', 'demo-helper', 'FORBIDDEN'],
    ['a household', 'town-1', 'demo-household', 'FORBIDDEN'],
  ])('refuses %s', async (_who, townId, openid, code) => {
    const h = (await getDb().collection('households').where({ townId }).limit(1).get()).data[0];
    const r = await call('auth', 'createBindCode', { householdId: h._id, memberId: h.members[0].id }, openid);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect((await getDb().collection('bind_codes').count()).total).toBe(0);
  });

  it('answers NOT_FOUND for a member who is not in the household', async () => {
    expect(await call('auth', 'createBindCode', { householdId: 'hh-000002', memberId: 'no-such-member' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('replaces the previous code of the same member: the old one no longer binds', async () => {
    const first = await codeFor();
    const second = await codeFor();
    expect((await getDb().collection('bind_codes').where({ householdId: 'hh-000002' }).get()).data).toHaveLength(1);
    if (first !== second) expect(await call('auth', 'bindWithCode', { code: first }, 'wx-old')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('auth', 'bindWithCode', { code: second }, 'wx-new')).toMatchObject({ ok: true });
  });
});

describe('auth.bindWithCode', () => {
  it('binds the caller to the member the code was made for, once; whoami then shows the household', async () => {
    const code = await codeFor('hh-000002', 1);
    const member = await memberOf('hh-000002', 1);
    const r = await call('auth', 'bindWithCode', { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` }, 'wx-code-1');
    expect(r).toMatchObject({ ok: true, data: { role: 'household', name: member.name, household: { id: 'hh-000002' } } });
    const user = (await getDb().collection('users').where({ openid: 'wx-code-1' }).get()).data[0];
    expect(user).toMatchObject({ householdId: 'hh-000002', memberId: member.id, role: 'household' });
    const list: any = await call('auth', 'listBindings', { householdId: 'hh-000002' }, 'demo-admin');
    expect(list.data.items).toMatchObject([{ memberId: member.id }]);
    expect(await call('auth', 'bindWithCode', { code }, 'wx-code-2')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('绑定码不正确或已失效') },
    });
  });

  it('refuses a code after 24 hours with the same message as a wrong one', async () => {
    const code = await codeFor();
    at(24 * HOUR + 1000);
    const expired: any = await call('auth', 'bindWithCode', { code }, 'wx-late');
    const wrongOne: any = await call('auth', 'bindWithCode', { code: wrong(code) }, 'wx-late-2');
    expect(expired).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(expired.error.message).toBe(wrongOne.error.message);
  });

  it('still binds just before the 24 hours are up', async () => {
    const code = await codeFor();
    at(24 * HOUR - 1000);
    expect(await call('auth', 'bindWithCode', { code }, 'wx-just-in-time')).toMatchObject({ ok: true });
  });

  it('locks the caller out after 5 wrong codes within an hour, even with the right code, and counts bindHousehold misses too', async () => {
    const code = await codeFor();
    for (let i = 0; i < 4; i++) {
      at(i * 60_000);
      expect(await call('auth', 'bindWithCode', { code: wrong(code) }, 'wx-guess')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    at(5 * 60_000);
    await call('auth', 'bindHousehold', { name: '不存在', idSuffix: '000000', phone: '13000000000' }, 'wx-guess');
    at(10 * 60_000);
    expect(await call('auth', 'bindWithCode', { code }, 'wx-guess')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    at(66 * 60_000);
    expect(await call('auth', 'bindWithCode', { code }, 'wx-guess')).toMatchObject({ ok: true });
  });

  it('refuses a staff account and an account already bound without using up the code', async () => {
    const code = await codeFor();
    expect(await call('auth', 'bindWithCode', { code }, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('auth', 'bindWithCode', { code }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('auth', 'bindWithCode', { code }, 'wx-after')).toMatchObject({ ok: true });
  });

  it('refuses input that is not 10 digits (an old 6-digit code too) before counting it as a try', async () => {
    expect(await call('auth', 'bindWithCode', { code: '12ab56' }, 'wx-typo')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('auth', 'bindWithCode', { code: '123456' }, 'wx-typo')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('绑定码是 10 位数字') },
    });
    expect((await getDb().collection('bind_attempts').where({ openid: 'wx-typo' }).count()).total).toBe(0);
  });
});

describe('auth.bindWithCode limits beyond the caller', () => {
  it('binds with a code typed as it is shown (123 456 7890) or with dashes', async () => {
    const code = await codeFor('hh-000002', 0);
    expect(await call('auth', 'bindWithCode', { code: `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` }, 'wx-dashes')).toMatchObject({ ok: true });
  });

  it('stops code binding county-wide for an hour after 50 wrong codes from rotating accounts, and opens again after the hour', async () => {
    const code = await codeFor();
    for (let caller = 0; caller < 10; caller++) {
      for (let i = 0; i < 5; i++) {
        at(caller * 60_000 + i * 1000);
        expect(await call('auth', 'bindWithCode', { code: wrong(code) }, `wx-rot-${caller}`)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    }
    at(15 * 60_000);
    const refused: any = await call('auth', 'bindWithCode', { code }, 'wx-fresh');
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('村干部') } });
    at(9 * 60_000 + 4000 + HOUR);
    expect(await call('auth', 'bindWithCode', { code }, 'wx-fresh')).toMatchObject({ ok: true });
  });
});
