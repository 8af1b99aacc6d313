import { ApiCallError } from './errors';
import { demoHeaders } from './session';

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

/** Local demo: the host's `POST /api/files` stores the bytes and answers a file id. */
export async function pickAndUploadSheet(): Promise<{ fileId: string; name: string } | null> {
  const file = await chooseFile();
  if (!file) return null;
  if (!/\.xlsx$/i.test(file.name)) throw new ApiCallError({ code: 'INVALID_INPUT', message: '请选择 .xlsx 格式的 Excel 表格' });
  const res = await fetch('/api/files', { method: 'POST', headers: { 'content-type': XLSX, ...demoHeaders() }, body: file });
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { fileId?: string }; error?: { message?: string } } | null;
  if (!res.ok || !body?.data?.fileId) throw new ApiCallError({ code: 'INTERNAL', message: body?.error?.message ?? '上传失败，请重试' });
  return { fileId: body.data.fileId, name: file.name };
}

/**
 * Local demo: the host serves a sheet only to its owner (or an admin above), so the download is a
 * fetch with the caller's header, saved from a blob; a plain link would arrive without it.
 */
export async function openSheet(url: string, name: string): Promise<void> {
  const res = await fetch(url, { headers: { ...demoHeaders() } });
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
