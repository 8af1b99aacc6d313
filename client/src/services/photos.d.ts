/**
 * Photos per platform (`photos.weapp.ts`, `photos.h5.ts`). A picked photo is first kept as a
 * durable local file (it must survive the app being killed while a visit waits offline), and only
 * uploaded when the write is sent. Cloud file ids and local paths are told apart by `isLocalPhoto`.
 */
export declare function pickPhotos(max: number): Promise<Array<{ path: string; preview: string }>>;
export declare function isLocalPhoto(path: string): boolean;
export declare function uploadPhoto(path: string): Promise<string>;
/** What an <Image> can show for a stored photo id (cloud file id, local host id or local path). */
export declare function photoUrl(path: string): string;
