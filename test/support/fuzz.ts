/**
 * fast-check arbitraries for malformed payloads (test/functions/bad-input.test.ts): values no form
 * sends, payloads shaped from an action's input schema (zod 4 keeps it in `_zod.def`), and
 * mutations of a valid-looking payload, so the bad value sits where the domain code would read it.
 */
import fc from 'fast-check';
import { idCheckChar } from '../../types/id-number';

type Schema = unknown;
type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: Record<string, unknown> } }> };
const defOf = (schema: Schema): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: Schema) => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** Real ids of the demo county by field name, so valid-looking payloads reach past NOT_FOUND. */
export type IdPool = Record<string, string[]>;

const deep = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};
const HUGE = 'x'.repeat(1_000_000);
const HUGE_CN = '扶'.repeat(200_000);
const HUGE_ARRAY = Array.from({ length: 100_000 }, (_, i) => `item-${i}`);
const HUGE_OBJECT = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));

/** Values no form sends: wrong types, extremes, control characters, prototype keys, query operators. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    0.5,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    2 ** 53 + 1,
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    '[object Object]',
    [],
    {},
  ),
  fc.constantFrom<unknown>(
    HUGE,
    HUGE_CN,
    HUGE_ARRAY,
    HUGE_OBJECT,
    [HUGE],
    deep(2_000, 'x', (v) => [v]),
    deep(2_000, 1, (v) => ({ a: v })),
  ),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
  ),
  fc.constantFrom<unknown>(
    { $gt: '' },
    { $ne: null },
    { $regex: '.*' },
    { $where: 'sleep(1000)' },
    { $in: [] },
    '.*',
    '(a+)+$',
    '[',
    '\\',
    "'; DROP TABLE households; --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '%00',
    '${7*7}',
  ),
  fc.constantFrom<unknown>(
    '😀',
    '👨‍👩‍👧‍👦',
    '🇨🇳',
    '\uD83D',
    '\uDC00x',
    '\u202E反转',
    'e\u0301',
    '\uFEFF',
    '\u2028',
    '２０２６－１１－２０',
    '2026-02-30',
    '0000-00-00',
    '9999-12-31',
    '2026-11-20T04:00:00Z',
    '2026-13',
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const WRAPPERS = new Set(['catch', 'readonly', 'nonoptional', 'success']);

/** The fields an input object expects (through wrappers, refinements, pipes and unions). */
export function fieldsOf(schema: Schema): Record<string, Schema> {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape as Record<string, Schema>;
  if (['optional', 'nullable', 'default', 'prefault', ...WRAPPERS].includes(def.type)) return fieldsOf(def.innerType);
  if (def.type === 'pipe') return fieldsOf(def.in);
  if (def.type === 'union') return Object.assign({}, ...(def.options as Schema[]).map(fieldsOf));
  return {};
}

/** Ordinary values, and the edges of what the formats let through (year 0001 or 9999, a leap day). */
const DATES = ['2026-11-20', '2026-11-01', '2026-01-31', '2025-06-01', '2027-03-15', '2024-02-29', '0001-01-01', '1900-01-01', '9999-12-31'];
const TIMES = [
  '2026-11-20T10:00:00+08:00',
  '2026-11-19T09:30:00.000Z',
  '2026-10-01T08:00:00+08:00',
  '2026-11-20T03:59:59.999999999Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59-14:00',
];
const TEXT = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('走访了解家庭近况', '王小明', '产业帮扶', '低保', '测量血压血糖', '需要帮忙修屋顶'));
const idNumber = fc
  .tuple(fc.integer({ min: 1950, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }))
  .map(([y, m, d, n]) => {
    const f = `990401${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(n).padStart(3, '0')}`;
    return f + idCheckChar(f);
  });

function stringLike(schema: Schema, key: string, pool: IdPool): fc.Arbitrary<unknown> {
  const format = defOf(schema).format ?? checksOf(schema).find((c) => c.check === 'string_format')?.format;
  if (format === 'uuid' || format === 'guid') return fc.uuid();
  if (format === 'date') return fc.constantFrom(...DATES);
  if (format === 'datetime') return fc.constantFrom(...TIMES);
  if (key === 'month') return fc.constantFrom('2026-11', '2026-10', '2025-01', '0000-01', '9999-12');
  if (key === 'period') return fc.constantFrom('2026', '2026-11', '2025-03', '0000', '9999-12');
  if (key === 'code') return fc.stringMatching(/^\d{10}$/);
  if (key === 'idNumber') return idNumber;
  if (key === 'idSuffix') return fc.stringMatching(/^\d{5}[\dX]$/);
  if (/phone$/i.test(key)) return fc.stringMatching(/^1[3-9]\d{9}$/);
  const ids = pool[key] ?? (/(Id|Ids)$/.test(key) || key === 'id' ? pool.any : undefined);
  return ids?.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: TEXT, weight: 1 }) : TEXT;
}

function numberLike(schema: Schema): fc.Arbitrary<number> {
  let min = -10;
  let max = 3_000;
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than') min = Math.max(min, Number(c.value));
    if (c.check === 'less_than') max = Math.min(max, Number(c.value));
  }
  return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
}

/** A payload that looks like what a form sends: right types, enum values, real ids where the key says so. */
export function validLike(schema: Schema, pool: IdPool, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => validLike(s, pool, k);
  if (WRAPPERS.has(def.type)) return inner(def.innerType);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'pipe':
      return defOf(def.in).type === 'transform' ? inner(def.out) : inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'string':
      return stringLike(schema, key, pool);
    case 'number':
    case 'int':
      return numberLike(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as object));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(inner(def.element, key.replace(/s$/, '')), { maxLength: 3 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape as object).map(([k, s]) => [k, inner(s, k)])));
    case 'record':
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    default:
      return fc.constant(undefined);
  }
}

/** Replaces the value at a path chosen by `steps` (each step picks a key or index) with `bad`. */
function replaceAt(value: unknown, steps: number[], bad: unknown): unknown {
  if (!steps.length || value === null || typeof value !== 'object') return bad;
  const keys = Object.keys(value);
  if (!keys.length) return bad;
  const [step, ...rest] = steps;
  const k = keys[step % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  copy[k] = rest.length ? replaceAt(copy[k], rest, bad) : bad;
  return copy;
}

const withOwn = (base: unknown, key: string, value: unknown) =>
  Object.assign(JSON.parse(`{${JSON.stringify(key)}:null}`), base && typeof base === 'object' && !Array.isArray(base) ? base : {}, { [key]: value });

/** A valid-looking payload, spoiled in one of the ways a broken or hostile client would. */
export function mutated(schema: Schema, pool: IdPool): fc.Arbitrary<unknown> {
  const keys = Object.keys(fieldsOf(schema));
  const keyOf = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc
    .tuple(validLike(schema, pool), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), nasty, keyOf, fc.nat({ max: 7 }))
    .map(([valid, steps, bad, key, how]) => {
      const object = valid && typeof valid === 'object' ? (valid as Record<string, unknown>) : {};
      switch (how) {
        case 0:
          return replaceAt(valid, steps, bad);
        case 1:
          return replaceAt(valid, steps.slice(0, 1), bad);
        case 2: {
          const copy = { ...object };
          delete copy[key];
          return copy;
        }
        case 3:
          return { ...object, unknownField: bad, another_extra: 'x' };
        case 4:
          return withOwn(object, '__proto__', { polluted: 'yes', role: 'admin' });
        case 5:
          return withOwn(object, 'constructor', { prototype: { polluted: 'yes' } });
        case 6:
          return [valid];
        default:
          return { payload: valid, [key]: bad };
      }
    });
}

/** Garbage, the expected keys holding anything (or missing), or a spoiled valid-looking payload. */
export function malformed(schema: Schema, pool: IdPool): fc.Arbitrary<unknown> {
  const fields = Object.entries(fieldsOf(schema));
  const keyed = fields.length
    ? fc.record(Object.fromEntries(fields.map(([k, field]) => [k, fc.oneof(nasty, validLike(field, pool, k))])), { requiredKeys: [] })
    : fc.dictionary(fc.string({ maxLength: 10 }), nasty, { maxKeys: 5 });
  return fc.oneof({ arbitrary: nasty, weight: 2 }, { arbitrary: keyed, weight: 3 }, { arbitrary: mutated(schema, pool), weight: 5 });
}
