import type { AdminCtx, Ctx } from '../handler';
import { audit } from '../audit/audit.service';
import { notFound } from '../errors';
import { getRegion } from '../regions/region.repository';
import { fileStore } from './storage';
import { expiredFileRecords, findFileRecord, insertFileRecord, recordIdOf, removeFileRecords, type FileKind, type StoredFile } from './file.repository';
import { expiresAt, isExpired, mayReadFile } from './file.rules';

/** One answer for a file that does not exist, has expired or is not the caller's: they learn nothing. */
const FILE_HIDDEN = '没有找到该文件，可能已过期（文件保留 24 小时），请重新导出或上传';
const hidden = () => notFound(FILE_HIDDEN);

async function purge(records: StoredFile[]): Promise<void> {
  if (!records.length) return;
  await fileStore().remove(records.map((r) => r.fileId));
  await removeFileRecords(records);
}

/** Deletes files past keeping. Runs on every save, so the store never grows past a day of files. */
export async function sweepExpiredFiles(now: Date): Promise<number> {
  const expired = await expiredFileRecords(now);
  await purge(expired);
  return expired.length;
}

async function ownerRecord(ctx: AdminCtx, fileId: string, kind: FileKind): Promise<StoredFile> {
  const { scope } = ctx.user;
  const region = await getRegion(scope.regionId);
  return {
    _id: recordIdOf(fileId),
    fileId,
    kind,
    ownerId: ctx.user._id,
    ownerScope: scope,
    regionPath: region.path,
    createdAt: ctx.now.toISOString(),
    expiresAt: expiresAt(kind, ctx.now),
  };
}

/** Saves an export or an uploaded sheet as the calling admin's, kept for 24 hours. */
export async function saveFile(ctx: AdminCtx, bytes: Buffer, name: string, kind: FileKind): Promise<string> {
  await sweepExpiredFiles(ctx.now);
  const fileId = await fileStore().save(bytes, name);
  await insertFileRecord(await ownerRecord(ctx, fileId, kind));
  return fileId;
}

/**
 * The file's record if the caller may read it. An expired file is deleted on the way; a sheet the
 * mini program uploaded straight to cloud storage is claimed by the first admin who imports it
 * (`claimer`: the importing admin, null for a download).
 */
async function readableRecord(ctx: Ctx, fileId: string, claimer: AdminCtx | null): Promise<StoredFile> {
  let record = await findFileRecord(fileId);
  if (!record && claimer && fileStore().claimable(fileId)) {
    const claimed = await ownerRecord(claimer, fileId, 'upload');
    record = (await insertFileRecord(claimed)) ? claimed : await findFileRecord(fileId);
  }
  if (!record) throw hidden();
  if (isExpired(record, ctx.now)) {
    await purge([record]);
    throw hidden();
  }
  if (!mayReadFile(ctx.user, record)) throw hidden();
  return record;
}

/** The bytes of a sheet to import: only for an admin who may read it. */
export async function readFile(ctx: AdminCtx, fileId: string): Promise<Buffer> {
  await readableRecord(ctx, fileId, ctx);
  return fileStore().read(fileId);
}

const downloaded = (ctx: Ctx, record: StoredFile, via: 'host' | 'temp_url') =>
  audit(ctx, { action: 'download_file', detail: { fileId: record.fileId, kind: record.kind, ownerId: record.ownerId, via } });

/** The bytes for the local host's download route; every download is audit-logged first. */
export async function downloadFile(ctx: Ctx, fileId: string): Promise<Buffer> {
  const record = await readableRecord(ctx, fileId, null);
  const bytes = await fileStore().read(fileId);
  await downloaded(ctx, record, 'host');
  return bytes;
}

/**
 * Where the caller's client downloads the file. A cloud temporary URL is itself the download, so
 * handing it out is audit-logged; the local route logs when it is used.
 */
export async function fileLink(ctx: Ctx, fileId: string): Promise<string> {
  const record = await readableRecord(ctx, fileId, null);
  const link = await fileStore().link(fileId, ctx.user?._id ?? null);
  if (!link.checkedOnUse) await downloaded(ctx, record, 'temp_url');
  return link.url;
}
