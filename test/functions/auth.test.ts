import { freshDemoStore, call } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

describe('auth.whoami', () => {
  it.each([
    ['demo-admin', 'admin', 'county', '青禾县'],
    ['demo-town-admin', 'admin', 'town', '青禾镇'],
    ['demo-helper', 'helper', 'town', '青禾镇'],
    ['demo-doctor', 'helper', 'town', '青禾镇'],
  ])('%s is a %s scoped to the %s %s', async (openid, role, level, regionName) => {
    const result = await call('auth', 'whoami', {}, openid);
    expect(result).toMatchObject({ ok: true, data: { role, scope: { level, regionName } } });
  });

  it('tells the demo doctor they are a health helper', async () => {
    const result = await call('auth', 'whoami', {}, 'demo-doctor');
    expect(result).toMatchObject({ ok: true, data: { helperKind: 'doctor' } });
  });

  it('shows demo-household its bound household and village', async () => {
    const result = await call('auth', 'whoami', {}, 'demo-household');
    expect(result).toMatchObject({ ok: true, data: { role: 'household', household: { id: 'hh-000001', villageName: expect.stringMatching(/村$/) } } });
  });

  it('answers a WeChat user who has not bound with no role', async () => {
    const result = await call('auth', 'whoami', {}, 'wx-someone-new');
    expect(result).toEqual({ ok: true, data: expect.objectContaining({ role: null, household: null }) });
  });

  it('answers UNAUTHENTICATED without a WeChat identity', async () => {
    expect(await call('auth', 'whoami', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
