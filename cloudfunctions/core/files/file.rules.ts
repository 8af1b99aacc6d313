import type { User } from '../../../types/user';
import type { FileKind, StoredFile } from './file.repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a file is kept. An export is for downloading now (it holds full ID numbers: PIPL's
 * minimum necessary keeps no copy around); an uploaded sheet lives through its check and import.
 */
export const KEEP_MS: Record<FileKind, number> = { export: 24 * HOUR_MS, upload: 24 * HOUR_MS };

export const expiresAt = (kind: FileKind, now: Date) => new Date(now.getTime() + KEEP_MS[kind]).toISOString();

export const isExpired = (file: Pick<StoredFile, 'expiresAt'>, now: Date) => file.expiresAt <= now.toISOString();

/**
 * Whether the caller may read the file's contents: an admin who owns it, or an admin whose region
 * contains the owner's (a county admin reads a town admin's export; not the other way round).
 */
export function mayReadFile(user: User | null, file: Pick<StoredFile, 'ownerId' | 'regionPath'>): boolean {
  if (!user || user.role !== 'admin' || !user.scope) return false;
  return user._id === file.ownerId || file.regionPath.includes(user.scope.regionId);
}
