/**
 * The local host's stand-in for CloudBase custom login: it honours only tickets signed with its own
 * key (made by node-sdk's createTicket) and only access tokens it issued itself, so a browser in
 * local mode can no more name a caller than one talking to CloudBase.
 */
import { generateKeyPairSync } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { accessOf, answerAuth, LOCAL_ENV, localLoginKey, verifyTicket } from '../../../cloudfunctions/core/local/cloudbase-auth';

const ticketFor = (uid: string, key = localLoginKey()) =>
  tcb
    .init({ env: key.env_id, credentials: key })
    .auth()
    .createTicket(uid, { refresh: 7_200_000, expire: Date.now() + 86_400_000 });

function ask(route: string, method: string, body: Record<string, unknown> = {}, authorization?: string) {
  let answer: { status: number; body: any } = { status: 0, body: null };
  answerAuth(route, method, authorization ? { authorization } : {}, body, (status, b) => {
    answer = { status, body: b };
  });
  return answer;
}

describe('custom login on the local host', () => {
  it('signs in with a ticket node-sdk made with the host key, and the access token names that custom user', () => {
    const signedIn = ask('/auth/v1/signin/custom', 'POST', { provider_id: 'custom', ticket: ticketFor('0123456789abcdef0123.1') });
    expect(signedIn).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'user', expires_in: 7200 } });
    expect(accessOf(`Bearer ${signedIn.body.access_token}`)).toEqual({ uid: '0123456789abcdef0123.1' });
    const refreshed = ask('/auth/v1/token', 'POST', { grant_type: 'refresh_token', refresh_token: signedIn.body.refresh_token });
    expect(accessOf(`Bearer ${refreshed.body.access_token}`)).toEqual({ uid: '0123456789abcdef0123.1' });
  });

  it('refuses a ticket signed with any other key, and an expired one', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = {
      private_key_id: 'local-custom-login-key',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      env_id: LOCAL_ENV,
    };
    expect(verifyTicket(ticketFor('0123456789abcdef0123.1', stranger))).toBeNull();
    expect(verifyTicket(ticketFor('0123456789abcdef0123.1'), Date.now() + 11 * 60_000)).toBeNull();
    expect(ask('/auth/v1/signin/custom', 'POST', { ticket: 'forged/@@/a.b.c' })).toMatchObject({ status: 400, body: { error: 'invalid_argument' } });
  });

  it('honours only access tokens it issued, while they last', () => {
    const anonymous = ask('/auth/v1/signin/anonymously', 'POST');
    expect(accessOf(`Bearer ${anonymous.body.access_token}`)).toEqual({ uid: null });
    const [body, sig] = anonymous.body.access_token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), uid: '0123456789abcdef0123.1' })).toString(
      'base64url',
    );
    expect(accessOf(`Bearer ${forged}.${sig}`)).toBeNull();
    expect(accessOf(`Bearer ${anonymous.body.access_token}`, Date.now() + 3 * 3_600_000)).toBeNull();
    expect(accessOf(undefined)).toBeNull();
    expect(ask('/auth/v1/user/me', 'GET', {}, 'Bearer nonsense')).toMatchObject({ status: 401 });
  });
});
