import { createHash } from 'node:crypto';
import { z } from '../../../types/z';
import { Id, IsoDateTime } from '../../../types/common';
import { Scope } from '../../../types/region';
import { getDb } from '../store';

/** An export (导出, made by a function) or a sheet uploaded for import (导入). */
export const FileKind = z.enum(['export', 'upload']);
export type FileKind = z.infer<typeof FileKind>;

/**
 * Who owns a saved file and until when it is kept. Exports hold full ID numbers and phones of the
 * owner's whole scope, so the record carries the scope's region path: an admin whose region is on
 * it (the same region or one above) may read what the owner may read.
 */
export const StoredFile = z.object({
  _id: z.string(),
  fileId: z.string(),
  kind: FileKind,
  ownerId: Id,
  ownerScope: Scope,
  /** Region ids from the county down to the owner's scope region. */
  regionPath: z.array(Id),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type StoredFile = z.infer<typeof StoredFile>;

/** Cloud file ids hold `/` and `:`; the record's id is a hash of the file id, so one file has one record. */
export const recordIdOf = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 40);

const files = () => getDb().collection('files');

export async function findFileRecord(fileId: string): Promise<StoredFile | null> {
  const { data } = await files().doc(recordIdOf(fileId)).get();
  return data.length ? StoredFile.parse(data[0]) : null;
}

/** Adds the record; false when the file already has one (another admin claimed it first). */
export async function insertFileRecord(record: StoredFile): Promise<boolean> {
  try {
    await files().add(record);
    return true;
  } catch (error) {
    if (await findFileRecord(record.fileId)) return false;
    throw error;
  }
}

export async function removeFileRecords(records: StoredFile[]): Promise<void> {
  const _ = getDb().command;
  if (records.length)
    await files()
      .where({ _id: _.in(records.map((r) => r._id)) })
      .remove();
}

/** Records whose file is past keeping, oldest first; a page at a time (the sweep runs on every save). */
export async function expiredFileRecords(now: Date, limit = 100): Promise<StoredFile[]> {
  const _ = getDb().command;
  const { data } = await files()
    .where({ expiresAt: _.lte(now.toISOString()) })
    .orderBy('expiresAt', 'asc')
    .limit(limit)
    .get();
  return data.map((d) => StoredFile.parse(d));
}
