/**
 * Import sheets and exports: saved as the calling admin's, kept 24 hours, readable only by who may
 * read their contents (issue #19). Action code calls these and runs the same in the cloud and locally.
 */
export { saveFile, readFile, downloadFile, fileLink, sweepExpiredFiles } from './file.service';
export { useLocalFiles, LINK_MAX_AGE_S, LOCAL_BUCKET, localObjectName, localGrantUser } from './storage';
export type { FileStore } from './storage';
export type { FileKind, StoredFile } from './file.repository';
