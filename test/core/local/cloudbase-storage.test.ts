import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTicket } from '../../../cloudfunctions/core/auth/custom-login';
import { localHostForFile } from '../../support/host';

/** The local host plays CloudBase storage's part of the js-sdk's `app.uploadFile` (core/local/cloudbase-storage.ts). */
const host = localHostForFile();

const post = (route: string, body: unknown, token?: string) =>
  fetch(host.url() + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<any>);

async function accessToken(signedIn: boolean): Promise<string> {
  const answer = signedIn
    ? await post('/auth/v1/signin/custom', { ticket: createTicket('someone', new Date()) })
    : await post('/auth/v1/signin/anonymously', {});
  return answer.access_token;
}

/** As the js-sdk's storage module asks in gateway mode; answers the one object's upload info (or the refusal). */
const metadata = async (cloudPath: string, token: string) => {
  const answer = await post('/v1/storages/get-objects-upload-info', [{ objectId: cloudPath }], token);
  return Array.isArray(answer) ? answer[0] : answer;
};

describe('the local host as cloud storage for the js-sdk', () => {
  it('signs an upload of an import sheet for a signed-in person; the PUT stores it where the import reads a cloud:// id', async () => {
    const id = randomUUID();
    const answer = await metadata(`registry/imports/${id}.xlsx`, await accessToken(true));
    expect(answer).toMatchObject({
      cloudObjectId: `cloud://bangfu-local.local/registry/imports/${id}.xlsx`,
      uploadUrl: expect.stringMatching(/^\/cos\/registry\/imports\//),
    });
    const put = await fetch(host.url() + answer.uploadUrl, { method: 'PUT', body: Buffer.from('PK') });
    expect(put.status).toBe(200);
    expect(existsSync(path.join(host.store().dir, 'files', `upload-${id}.xlsx`))).toBe(true);
  });

  it('refuses an anonymous session, another path, and a PUT it did not sign', async () => {
    const id = randomUUID();
    expect(await metadata(`registry/imports/${id}.xlsx`, await accessToken(false))).toMatchObject({ code: 'INVALID_ACCESS_TOKEN' });
    expect(await metadata(`registry/imports/${id}.xlsx`, 'forged')).toMatchObject({ code: 'INVALID_ACCESS_TOKEN' });
    const token = await accessToken(true);
    for (const bad of ['../../etc/passwd', `registry/imports/${id}.exe`, `exports/${id}.xlsx`])
      expect(await metadata(bad, token)).toMatchObject({ code: 'STORAGE_REQUEST_FAIL' });
    const { uploadUrl } = await metadata(`registry/imports/${id}.xlsx`, token);
    const other = uploadUrl.replace(id, randomUUID());
    expect((await fetch(host.url() + other, { method: 'PUT', body: 'PK' })).status).toBe(403);
    expect((await fetch(`${host.url()}/cos/registry/imports/${id}.xlsx`, { method: 'PUT', body: 'PK' })).status).toBe(403);
  });
});
