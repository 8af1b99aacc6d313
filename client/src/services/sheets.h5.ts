import { ApiCallError } from './errors';
import { uuid } from './request-id';
import { demoHeaders, getDemoOpenid } from './session';
import { uploadFile } from './web-session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,' + XLSX;
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
}

/**
 * A web admin (js-sdk session) uploads straight to cloud storage under the path the mini program
 * uses (sheets.weapp.ts), and the import claims the `cloud://` id as it does the mini program's.
 * Only a local demo account posts to the host's `POST /api/files`, which answers a file id.
 */
export async function pickAndUploadSheet(): Promise<{ fileId: string; name: string } | null> {
  const file = await chooseFile();
  if (!file) return null;
  if (!/\.xlsx$/i.test(file.name)) throw new ApiCallError({ code: 'INVALID_INPUT', message: '请选择 .xlsx 格式的 Excel 表格' });
  // DEMO_BUILD is a literal after the build's define: a production bundle keeps only the storage path.
  if (!(DEMO_BUILD && getDemoOpenid())) return { fileId: await uploadFile(`registry/imports/${uuid()}.xlsx`, file), name: file.name };
  const res = await fetch('/api/files', { method: 'POST', headers: { 'content-type': XLSX, ...demoHeaders() }, body: file });
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { fileId?: string }; error?: { message?: string } } | null;
  if (!res.ok || !body?.data?.fileId) throw new ApiCallError({ code: 'INTERNAL', message: body?.error?.message ?? '上传失败，请重试' });
  return { fileId: body.data.fileId, name: file.name };
}

/**
 * `url` is the temporary link the export answered (CloudBase's, or the local host's signed one),
 * which itself grants the download; the demo header rides along for the local demo. It is fetched
 * and saved from a blob so the file gets its name.
 */
export async function openSheet(url: string, name: string): Promise<void> {
  // Only a demo account's header: an empty one would still name "nobody" to the host.
  const res = await fetch(url, { headers: DEMO_BUILD && getDemoOpenid() ? demoHeaders() : {} });
  if (!res.ok) throw new ApiCallError({ code: 'NOT_FOUND', message: '没有找到导出的文件，可能已过期，请重新导出' });
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
