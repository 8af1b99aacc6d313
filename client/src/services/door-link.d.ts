/**
 * The address a printed door QR code carries, per platform (`door-link.h5.ts` / `door-link.weapp.ts`):
 * H5 this site's own address of the page; weapp null, because a code that opens the mini-program
 * must be a 小程序码 issued by WeChat (wxacode.getUnlimited), which the functions do not issue yet.
 */
export declare function doorLink(path: string): string | null;

/** Prints the page (H5: the browser's print dialog); null where the platform cannot print. */
export declare const printPage: (() => void) | null;
