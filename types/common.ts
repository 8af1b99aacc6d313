import { z } from './z';
import { ID_NUMBER_MESSAGES, idNumberProblem, MOBILE_MESSAGE, MOBILE_PATTERN } from './id-number';

/** A document id: CloudBase's `_id`, or a client-generated UUID for idempotent writes. */
export const Id = z.string({ error: '缺少编号' }).min(1, { error: '编号不能为空' }).max(64, { error: '编号过长' });
export type Id = z.infer<typeof Id>;

export const Uuid = z.uuid({ error: '编号应为客户端生成的 UUID' }).max(36, { error: '编号应为客户端生成的 UUID', abort: true });

/**
 * What a person types into a search box. Control characters (NUL, tab, newline…, usually pasted in
 * by accident) are refused here: the search becomes a regex, and a BSON regex pattern is a C string
 * that cannot hold a NUL, so CloudBase and the embedded store both refuse the query.
 */
export const SearchText = (maxChars: number) =>
  z
    .string({ error: '搜索词应为文字' })
    .trim()
    .max(maxChars, { error: `搜索词最多 ${maxChars} 字` })
    // eslint-disable-next-line no-control-regex -- control characters are what this search-term check refuses
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: '搜索词含有换行、制表符等不可见的控制字符（多为复制时带入），请删去后再搜索' });

/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso
  .date({ error: '日期格式应为 YYYY-MM-DD，例如 2026-01-31' })
  .max(10, { error: '日期格式应为 YYYY-MM-DD，例如 2026-01-31', abort: true });
export type IsoDate = z.infer<typeof IsoDate>;

/** A calendar month `YYYY-MM`. */
export const Month = z
  .string({ error: '月份格式应为 YYYY-MM，例如 2026-11' })
  .max(7, { error: '月份格式应为 YYYY-MM，例如 2026-11', abort: true })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-11' });
export type Month = z.infer<typeof Month>;

/**
 * A moment in time, ISO 8601 with offset, e.g. `2026-11-23T09:30:00+08:00`. zod's pattern allows
 * any number of fractional digits, so the length is capped too (nanoseconds and an offset fit in 35).
 */
export const IsoDateTime = z.iso
  .datetime({ offset: true, error: '时间格式应为 ISO 8601，例如 2026-11-23T09:30:00+08:00' })
  .max(40, { error: '时间格式应为 ISO 8601，例如 2026-11-23T09:30:00+08:00', abort: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const IdNumber = z
  .string({ error: '请填写身份证号' })
  // Before trim, so spaces typed around the 18 characters still reach the format message.
  .max(40, { error: ID_NUMBER_MESSAGES.format, abort: true })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem] });
  });
export type IdNumber = z.infer<typeof IdNumber>;

export const Mobile = z
  .string({ error: '请填写手机号' })
  .max(20, { error: MOBILE_MESSAGE, abort: true })
  .trim()
  .regex(MOBILE_PATTERN, { error: MOBILE_MESSAGE });
export type Mobile = z.infer<typeof Mobile>;

export const PersonName = z.string({ error: '请填写姓名' }).trim().min(1, { error: '姓名不能为空' }).max(20, { error: '姓名最多 20 个字' });

/** An uploaded file: CloudBase's `cloud://<env>.<bucket>/<path>` fileID, or the local host's file name. */
export const FileId = z.string({ error: '照片应为文件编号' }).min(1, { error: '文件编号不能为空' }).max(512, { error: '文件编号最多 512 个字符' });
export type FileId = z.infer<typeof FileId>;

/**
 * A record a caller sends: keys as `key` allows, and at most `maxKeys` of them. The limit is kept as
 * metadata too, so test/types/bounded-contracts.test.ts can tell a bounded record from a bare one.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V, maxKeys: number, error: string) {
  return z
    .record(key, value)
    .refine((record) => Object.keys(record).length <= maxKeys, { error })
    .meta({ maxKeys });
}

/**
 * An export (.xlsx) saved as the caller's file for 24 hours; `url` downloads it: in the cloud a
 * 10-minute temporary URL, locally the host's route, which wants the caller's header again.
 */
export const ExportFile = z.object({ fileId: z.string(), rows: z.number().int(), url: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;

/** Paging for every list action. */
export const Paging = z.object({
  limit: z.number({ error: '每页条数应为数字' }).int().min(1, { error: '每页至少 1 条' }).max(100, { error: '每页最多 100 条' }).default(20),
  offset: z.number({ error: '起始位置应为数字' }).int().min(0, { error: '起始位置不能为负数' }).default(0),
});
export type Paging = z.infer<typeof Paging>;

/** `{ items, total }`, the answer of every list action. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Empty = z.object({}).strict();

export const ErrorCode = z.enum(['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof ApiError>;

/** What every function answers. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
