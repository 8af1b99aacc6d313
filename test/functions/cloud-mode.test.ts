import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { useEmbeddedStore, type EmbeddedStore } from '../../cloudfunctions/core/store/embedded';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { call, freshDemoStore, SEED_NOW } from '../support/store';

/**
 * A function as deployed: not in local mode, the caller from the CloudBase context. Only the
 * database is the embedded store (the seam under getDb() is not what these cases are about).
 */
const asDeployed = (action: string, openid: string | null, extra: object = {}) =>
  FUNCTIONS.notices({ action, payload: {} }, { environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}), ...extra });

describe('a deployed function', () => {
  let dir: string;
  let store: EmbeddedStore;
  let logged: jest.SpyInstance;
  const saved = process.env.NOTICE_TEMPLATE_ID;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-cloud-'));
    store = useEmbeddedStore(dir);
    seedIfEmpty(store.engine, { now: SEED_NOW });
  });
  beforeEach(() => {
    delete process.env.NOTICE_TEMPLATE_ID;
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());
  afterAll(() => {
    if (saved === undefined) delete process.env.NOTICE_TEMPLATE_ID;
    else process.env.NOTICE_TEMPLATE_ID = saved;
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without NOTICE_TEMPLATE_ID answers an error naming the variable, in Chinese and English, not a local placeholder', async () => {
    const result = await asDeployed('subscription', 'demo-admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { setting: 'NOTICE_TEMPLATE_ID' } } });
    const { message } = (result as { error: { message: string } }).error;
    expect(message).toContain('缺少环境变量 NOTICE_TEMPLATE_ID');
    expect(message).toContain('Missing setting: environment variable NOTICE_TEMPLATE_ID');
    expect(JSON.stringify(result)).not.toContain('local-notice-template');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('NOTICE_TEMPLATE_ID'));
  });

  it('answers the template it was given', async () => {
    process.env.NOTICE_TEMPLATE_ID = 'tmpl-from-console';
    expect(await asDeployed('subscription', 'demo-admin')).toEqual({ ok: true, data: { templateId: 'tmpl-from-console', credits: 0 } });
  });

  it("takes the caller from the CloudBase context, never from the local host's header", async () => {
    process.env.NOTICE_TEMPLATE_ID = 'tmpl-from-console';
    expect(await asDeployed('subscription', null, { devOpenid: 'demo-admin' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('the same function in local mode', () => {
  let store: ReturnType<typeof freshDemoStore>;
  beforeAll(() => {
    store = freshDemoStore();
  });
  afterAll(() => store.close());

  it('uses the local placeholder template and the caller the local host names', async () => {
    delete process.env.NOTICE_TEMPLATE_ID;
    expect(await call('notices', 'subscription', {}, 'demo-admin')).toEqual({ ok: true, data: { templateId: 'local-notice-template', credits: 0 } });
  });
});
