/** Prints the page (H5: the browser's print dialog); null where the platform cannot print (`door-link.h5.ts` / `door-link.weapp.ts`). */
export declare const printPage: (() => void) | null;
