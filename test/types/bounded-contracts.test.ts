import { z } from '../../types/z';
import { apis } from '../../types/api';

/**
 * Security issue #19 item 9: every string, array and record a caller can send has a limit a
 * person would never reach, so a 1.5 MB note or a 100,000-entry list is refused by the contract
 * before any domain code or store sees it. This walks every action's input schema (zod 4 keeps
 * its structure in `_zod.def`) and names each unbounded node by its path.
 */
type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: { check: string } } }> };

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const hasMaxLength = (schema: Schema) => (defOf(schema).checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));
/** Records carry their key limit as metadata (see `boundedRecord` in types/common.ts). */
const maxKeysOf = (schema: Schema) => (schema as unknown as { meta?: () => { maxKeys?: unknown } | undefined }).meta?.()?.maxKeys;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);
const LEAVES = new Set(['number', 'int', 'boolean', 'bigint', 'null', 'undefined', 'void', 'never', 'nan', 'enum', 'literal', 'date', 'symbol']);

/** Every unbounded string, array or record reachable from `schema`, as `path: why`. */
function unbounded(schema: Schema, path: string, ancestors = new Set<Schema>()): string[] {
  // Only a schema inside itself (z.lazy recursion) is skipped; a shared one is checked at every path.
  if (ancestors.has(schema)) return [];
  ancestors.add(schema);
  try {
    return unboundedNode(schema, path, (child, childPath) => unbounded(child as Schema, childPath, ancestors));
  } finally {
    ancestors.delete(schema);
  }
}

function unboundedNode(schema: Schema, path: string, walk: (child: unknown, path: string) => string[]): string[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return walk(def.innerType, path);
  if (LEAVES.has(def.type)) return [];
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return hasMaxLength(schema) ? [] : [`${path}: string without max`];
    case 'array':
      return [...(hasMaxLength(schema) ? [] : [`${path}: array without max`]), ...walk(def.element, `${path}[]`)];
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const fields = Object.entries(shape).flatMap(([key, child]) => walk(child, path ? `${path}.${key}` : key));
      const catchall = def.catchall as Schema | undefined;
      return catchall && defOf(catchall).type !== 'never' ? [...fields, ...walk(catchall, `${path}.*`)] : fields;
    }
    case 'record': {
      const keys = typeof maxKeysOf(schema) === 'number' ? [] : [`${path}: record without a key count limit`];
      return [...keys, ...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{value}`)];
    }
    case 'union':
      return (def.options as Schema[]).flatMap((option, i) => walk(option, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'tuple': {
      const items = (def.items as Schema[]).flatMap((item, i) => walk(item, `${path}[${i}]`));
      return def.rest ? [...items, ...walk(def.rest, `${path}[...]`)] : items;
    }
    case 'pipe': {
      // What the caller sends meets `in`; `out` sees only what `in` let through, unless `in` is
      // a preprocess step (a bare transform), which can hand `out` anything.
      const input = def.in as Schema;
      return defOf(input).type === 'transform' ? walk(def.out, path) : walk(input, path);
    }
    case 'lazy':
      return walk((def.getter as () => Schema)(), path);
    case 'transform':
      return [];
    default:
      return [`${path}: ${def.type} accepts anything`];
  }
}

const actions = Object.entries(apis).flatMap(([fn, contract]) =>
  Object.entries(contract.actions as Record<string, { input: Schema }>).map(([action, spec]) => ({ name: `${fn}.${action}`, input: spec.input })),
);

describe('every action input is bounded', () => {
  it('walks a known number of actions', () => {
    expect(actions.length).toBeGreaterThan(50);
  });

  it('has a max length on every string and array and a key limit on every record', () => {
    const offenders = actions.flatMap(({ name, input }) => unbounded(input, '').map((o) => `${name} ${o}`));
    if (offenders.length) throw new Error(`Unbounded input fields (add .max(n) with a Chinese message):\n${offenders.join('\n')}`);
  });

  it.each<[string, Schema, string[]]>([
    ['a bare string', z.object({ a: z.string() }), ['a: string without max']],
    ['a bounded array of bare strings', z.object({ a: z.array(z.string()).max(3) }), ['a[]: string without max']],
    ['an optional array inside a nullable object', z.object({ o: z.object({ l: z.array(z.number()).optional() }).nullable() }), ['o.l: array without max']],
    ['a record with no key limit', z.object({ r: z.record(z.string().max(9), z.number()) }), ['r: record without a key count limit']],
    ['a preprocess step into a bare string', z.preprocess((v) => v, z.string()), [': string without max']],
    ['a union member', z.union([z.string().max(3), z.array(z.number())]), ['|1: array without max']],
  ])('the walker itself reports %s', (_name, schema, expected) => {
    expect(unbounded(schema, '')).toEqual(expected);
  });

  it('the walker passes bounded fields and stops at a recursive schema', () => {
    const Tree: z.ZodType = z.lazy(() => z.object({ name: z.string().max(5), kids: z.array(Tree).max(3) }));
    expect(unbounded(z.object({ tree: Tree, id: z.string().max(64).optional() }), '')).toEqual([]);
  });
});
