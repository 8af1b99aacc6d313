/**
 * Spreadsheets per platform (`sheets.h5.ts`, `sheets.weapp.ts`): pick an .xlsx and upload it to
 * file storage (local host or CloudBase), and open an exported one from the `url` the export answered.
 */
export declare function pickAndUploadSheet(): Promise<{ fileId: string; name: string } | null>;
export declare function openSheet(url: string, name: string): Promise<void>;
