/**
 * Web sign-in as deployed (not local mode): the ticket is node-sdk's createTicket signed with the
 * environment's key from CUSTOM_LOGIN_KEY, and the caller of a js-sdk call is the context's
 * TCB_CUSTOM_USER_ID, never a field the local host would set.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { useEmbeddedStore, type EmbeddedStore } from '../../cloudfunctions/core/store/embedded';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { SEED_NOW } from '../support/store';

const asDeployed = (action: string, payload: unknown, environment: Record<string, string>, extra: object = {}) =>
  FUNCTIONS.auth({ action, payload }, { environment: JSON.stringify(environment), ...extra }) as Promise<any>;

describe('web sign-in in a deployed function', () => {
  let dir: string;
  let store: EmbeddedStore;
  let logged: jest.SpyInstance;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = { private_key_id: 'console-key-1', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), env_id: 'bangfu-prod-1a2b' };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-web-cloud-'));
    store = useEmbeddedStore(dir);
    seedIfEmpty(store.engine, { now: SEED_NOW });
  });
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    logged.mockRestore();
    delete process.env.CUSTOM_LOGIN_KEY;
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function confirmed() {
    const start = await asDeployed('webLoginStart', { userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0' }, {});
    expect(start).toMatchObject({ ok: true });
    expect(await asDeployed('webLoginConfirm', { id: start.data.id, version: 0 }, { WX_OPENID: 'demo-admin' })).toMatchObject({ ok: true });
    return start.data as { id: string; secret: string };
  }

  it('signs the ticket with the environment key: `<key id>/@@/<RS256 JWT>` naming the custom user', async () => {
    process.env.CUSTOM_LOGIN_KEY = JSON.stringify(key);
    const request = await confirmed();
    const claim = await asDeployed('webLoginClaim', request, {});
    expect(claim).toMatchObject({ ok: true, data: { status: 'used' } });
    const [kid, jwt] = claim.data.ticket.split('/@@/');
    expect(kid).toBe('console-key-1');
    const [header, payload, signature] = jwt.split('.');
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ env: 'bangfu-prod-1a2b', uid: expect.stringMatching(/^[a-f0-9]{20}\.1$/) });

    // The js-sdk call that follows: CloudBase names the custom user in the context.
    const me = await asDeployed('whoami', {}, { TCB_CUSTOM_USER_ID: claims.uid });
    expect(me).toMatchObject({ ok: true, data: { role: 'admin', userId: 'admin-county' } });
    // A local host's field is not a caller in the cloud.
    expect(await asDeployed('whoami', {}, {}, { customUserId: claims.uid })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('without CUSTOM_LOGIN_KEY answers an error naming the variable, and the request stays confirmed for a retry', async () => {
    const request = await confirmed();
    const claim = await asDeployed('webLoginClaim', request, {});
    expect(claim).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { setting: 'CUSTOM_LOGIN_KEY' } } });
    expect(claim.error.message).toContain('CUSTOM_LOGIN_KEY');
    process.env.CUSTOM_LOGIN_KEY = JSON.stringify(key);
    expect(await asDeployed('webLoginClaim', request, {})).toMatchObject({ ok: true, data: { status: 'used', ticket: expect.stringContaining('/@@/') } });
  });
});
