/**
 * Platform seam for the page stack staying in step with the browser's back and forward buttons:
 * `page-stack.h5.ts` guards Taro's H5 router against a back that arrives while a page is still
 * opening; WeChat keeps its own page stack, so `page-stack.weapp.ts` has nothing to do.
 */
export declare function keepPageStackInStep(): void;
