import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { clock } from '../../../cloudfunctions/core/clock';
import { getDb } from '../../../cloudfunctions/core/store';
import { call } from '../../support/store';
import { localHostForFile } from '../../support/host';

const host = localHostForFile();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const upload = (body: Buffer, type: string, openid?: string) =>
  fetch(`${host.url()}/api/files`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': type, ...(openid ? { 'x-dev-openid': openid } : {}) },
  });

describe('the local file store (photos)', () => {
  it('stores an image from a signed-in account and serves the same bytes back', async () => {
    const res = await upload(PNG, 'image/png', 'demo-helper');
    const body = (await res.json()) as { ok: boolean; data: { fileId: string } };
    expect(body.ok).toBe(true);
    const back = await fetch(`${host.url()}/api/files/${body.data.fileId}`);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses an upload without a known account, and a file that is not an image', async () => {
    expect((await upload(PNG, 'image/png')).status).toBe(401);
    expect((await upload(PNG, 'image/png', 'not-a-user')).status).toBe(401);
    expect((await upload(Buffer.from('<script>'), 'text/html', 'demo-helper')).status).toBe(400);
  });

  it('answers 404 for unknown or path-like ids', async () => {
    expect((await fetch(`${host.url()}/api/files/local-00000000-0000-0000-0000-000000000000.png`)).status).toBe(404);
    expect((await fetch(`${host.url()}/api/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});

describe('the local file store (sheets: exports and import uploads)', () => {
  const get = (fileId: string, openid?: string) => fetch(`${host.url()}/api/files/${fileId}`, { headers: openid ? { 'x-dev-openid': openid } : {} });
  const exportAs = async (openid: string, filters: object = {}) =>
    ((await call('households', 'exportXlsx', filters, openid)) as any).data as { fileId: string; url: string; rows: number };
  const downloads = async () => (await getDb().collection('audit_logs').where({ action: 'download_file' }).get()).data;
  const nobody = 'local-00000000-0000-0000-0000-000000000000.xlsx';

  afterEach(() => clock.set(null));

  it('answers an anonymous or an other-scope caller exactly as for an id that does not exist', async () => {
    const { fileId } = await exportAs('demo-admin');
    const missing = await get(nobody, 'demo-admin');
    expect(missing.status).toBe(404);
    for (const openid of [undefined, 'not-a-user', 'demo-helper', 'demo-household', 'demo-town-admin', 'demo-village-admin']) {
      const res = await get(fileId, openid);
      expect([openid, res.status, await res.text()]).toEqual([openid, 404, '']);
    }
    expect(await downloads()).toEqual([]);
  });

  it("gives the owner, and an admin whose region contains the owner's, the sheet; each download is audit-logged without its content", async () => {
    const { fileId, url: link, rows } = await exportAs('demo-town-admin', { villageId: 'village-1-2' });
    expect(link).toMatch(new RegExp(`^/api/files/${fileId}\\?grant=\\d+\\.[\\w-]+\\.[\\w-]+$`));
    const mine = await fetch(host.url() + link, { headers: { 'x-dev-openid': 'demo-town-admin' } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await mine.arrayBuffer()) as any);
    expect(workbook.worksheets[0].rowCount - 1).toBe(rows);
    expect((await get(fileId, 'demo-admin')).status).toBe(200);
    expect((await get(fileId, 'demo-village-admin')).status).toBe(404);
    const logs = await downloads();
    expect(logs.map((l: any) => l.userId)).toEqual(['admin-town-1', 'admin-county']);
    expect(logs[0]).toMatchObject({ detail: { fileId, kind: 'export', ownerId: 'admin-town-1', via: 'host' } });
    expect(JSON.stringify(logs)).not.toMatch(/\d{17}[\dX]/);
  });

  it("serves an export to a browser without the header through the link's grant, checking the named user again", async () => {
    const { fileId, url: link } = await exportAs('demo-town-admin', { villageId: 'village-1-2' });
    expect((await fetch(host.url() + link)).status).toBe(200);
    const grant = new URL(link, 'http://x').searchParams.get('grant')!;
    const other = (await exportAs('demo-town-admin', { villageId: 'village-1-2' })).fileId;
    expect((await fetch(`${host.url()}/api/files/${other}?grant=${grant}`)).status).toBe(404);
    const [exp, user, sig] = grant.split('.');
    expect((await fetch(`${host.url()}/api/files/${fileId}?grant=${exp}.${Buffer.from('admin-county').toString('base64url')}.${sig}`)).status).toBe(404);
    expect((await fetch(`${host.url()}/api/files/${fileId}?grant=${Number(exp) + 1}.${user}.${sig}`)).status).toBe(404);
    const logs = (await downloads()).filter((l: any) => l.detail.fileId === fileId);
    expect(logs.map((l: any) => [l.userId, l.detail.via])).toEqual([['admin-town-1', 'host']]);
  });

  it('refuses an expired export and deletes it; the next save sweeps every expired file', async () => {
    const { fileId: old } = await exportAs('demo-admin');
    const { fileId: older } = await exportAs('demo-admin');
    clock.set(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect((await get(old, 'demo-admin')).status).toBe(404);
    expect(existsSync(path.join(host.store().dir, 'files', old))).toBe(false);
    expect(existsSync(path.join(host.store().dir, 'files', older))).toBe(true);
    await exportAs('demo-admin');
    expect(existsSync(path.join(host.store().dir, 'files', older))).toBe(false);
    expect((await get(older, 'demo-admin')).status).toBe(404);
  });

  it('takes sheets for import from admins only, and serves an upload back to its uploader only', async () => {
    expect((await upload(Buffer.from('PK'), XLSX, 'demo-helper')).status).toBe(403);
    const res = await upload(Buffer.from('PK'), XLSX, 'demo-village-admin');
    const { data } = (await res.json()) as { data: { fileId: string } };
    expect((await get(data.fileId, 'demo-village-admin')).status).toBe(200);
    expect((await get(data.fileId)).status).toBe(404);
    // Imports read through the same check: the town admin above may, an admin below may not.
    expect(await call('households', 'importXlsx', { fileId: data.fileId }, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const county = (await exportAs('demo-admin')).fileId;
    expect(await call('households', 'importXlsx', { fileId: county }, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('benefits', 'importRecords', { fileId: county }, 'demo-village-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
