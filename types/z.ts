/**
 * The one zod instance every schema is built from. Configured once, before any schema exists:
 * - jitless: zod 4 compiles validators with `new Function`, which the WeChat runtime forbids.
 * - zh-CN locale: fallback messages are Chinese; schemas still give their own actionable ones.
 */
import { z } from 'zod';

z.config({ jitless: true, ...z.locales.zhCN() });

export { z };
