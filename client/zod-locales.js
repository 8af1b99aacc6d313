/**
 * The client's stand-in for zod's locale index (config/index.ts swaps it in): Bangfu speaks only
 * Chinese, and the full index put all ~50 languages (~200 KiB) into the weapp main package.
 */
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
