/**
 * `$jsonSchema` as MongoDB evaluates it: JSON Schema draft 4 with MongoDB's `bsonType`, less
 * what MongoDB omits (`$ref`, `$schema`, `default`, `definitions`, `format`, `id`, and `type:
 * 'integer'`), which it refuses like any unknown keyword (MongoDB "$jsonSchema": available
 * keywords, omissions). Keywords apply only to values of their type, as in JSON Schema.
 * CloudBase evaluates it: node-sdk's own test against CloudBase matches every document with
 * `_.jsonSchema({ required: ['category'] })` and none with its `_.nor` (advanced-operator.test.ts).
 *
 * Numbers: the SDK sends integers as int32 (or int64 past int32) and others as double
 * (`EJSON.stringify(…, { relaxed: false })`), so `int`, `long` and `double` are read from the value.
 */
import type { Doc } from './codec';
import { DbError, ErrorCode } from './errors';
import { bsonCompare } from './expressions';

type Schema = Record<string, unknown>;
type Test = (value: unknown) => boolean;

const isObject = (v: unknown): v is Doc =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && bsonTypeOf(v) === 'object';

/** The BSON type alias of a stored value (ObjectId, Decimal128 and regexes stay EJSON objects in documents: codec.ts). */
function bsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      if (!Number.isInteger(v)) return 'double';
      return Math.abs(v) < 2 ** 31 ? 'int' : 'long';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const keys = Object.keys(v as object);
  if (keys.length === 1 && keys[0] === '$oid') return 'objectId';
  if (keys.length === 1 && keys[0] === '$numberDecimal') return 'decimal';
  if (keys.length === 1 && keys[0] === '$regularExpression') return 'regex';
  return 'object';
}

const NUMERIC = new Set(['int', 'long', 'double', 'decimal']);
const BSON_TYPES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'javascript',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
]);
/** JSON Schema `type` names and the BSON types each covers. */
const JSON_TYPES: Record<string, (t: string) => boolean> = {
  object: (t) => t === 'object',
  array: (t) => t === 'array',
  number: (t) => NUMERIC.has(t),
  boolean: (t) => t === 'bool',
  string: (t) => t === 'string',
  null: (t) => t === 'null',
};

const bad = (message: string): DbError => new DbError(ErrorCode.INVALID_PARAM, `$jsonSchema: ${message}`);
const names = (v: unknown, keyword: string): string[] => {
  const list = Array.isArray(v) ? v : [v];
  if (!list.length || !list.every((x) => typeof x === 'string')) throw bad(`${keyword} must be a string or an array of strings`);
  return list as string[];
};
const num = (schema: Schema, keyword: string): number => {
  const v = schema[keyword];
  if (typeof v !== 'number') throw bad(`${keyword} must be a number`);
  return v;
};
const schemas = (v: unknown, keyword: string): Schema[] => {
  if (!Array.isArray(v) || !v.length) throw bad(`${keyword} must be a non-empty array of schemas`);
  return v as Schema[];
};
const sameValue = (a: unknown, b: unknown): boolean => bsonCompare(a, b) === 0;

/** Each keyword becomes a test; the schema's test is all of them. */
const KEYWORDS: Record<string, (schema: Schema) => Test> = {
  title: () => () => true,
  description: () => () => true,
  bsonType: (s) => {
    const types = names(s.bsonType, 'bsonType');
    for (const t of types) if (!BSON_TYPES.has(t)) throw bad(`unknown bsonType '${t}'`);
    return (v) => types.some((t) => (t === 'number' ? NUMERIC.has(bsonTypeOf(v)) : t === bsonTypeOf(v)));
  },
  type: (s) => {
    const types = names(s.type, 'type');
    for (const t of types) {
      if (t === 'integer') throw bad("the 'integer' type is not supported: use bsonType 'int' or 'long'");
      if (!JSON_TYPES[t]) throw bad(`unknown type '${t}'`);
    }
    return (v) => types.some((t) => JSON_TYPES[t](bsonTypeOf(v)));
  },
  enum: (s) => {
    if (!Array.isArray(s.enum) || !s.enum.length) throw bad('enum must be a non-empty array');
    const values = s.enum;
    return (v) => values.some((e) => sameValue(e, v));
  },
  allOf: (s) => {
    const tests = schemas(s.allOf, 'allOf').map(compile);
    return (v) => tests.every((t) => t(v));
  },
  anyOf: (s) => {
    const tests = schemas(s.anyOf, 'anyOf').map(compile);
    return (v) => tests.some((t) => t(v));
  },
  oneOf: (s) => {
    const tests = schemas(s.oneOf, 'oneOf').map(compile);
    return (v) => tests.filter((t) => t(v)).length === 1;
  },
  not: (s) => {
    const test = compile(s.not as Schema);
    return (v) => !test(v);
  },
  minimum: numeric(
    (s) => num(s, 'minimum'),
    (v, m, s) => (s.exclusiveMinimum === true ? v > m : v >= m),
  ),
  maximum: numeric(
    (s) => num(s, 'maximum'),
    (v, m, s) => (s.exclusiveMaximum === true ? v < m : v <= m),
  ),
  exclusiveMinimum: (s) => {
    if (s.minimum === undefined) throw bad('exclusiveMinimum needs minimum');
    return () => true;
  },
  exclusiveMaximum: (s) => {
    if (s.maximum === undefined) throw bad('exclusiveMaximum needs maximum');
    return () => true;
  },
  multipleOf: numeric(
    (s) => num(s, 'multipleOf'),
    (v, m) => Number.isInteger(v / m),
  ),
  minLength: stringy(
    (s) => num(s, 'minLength'),
    (v, n) => [...v].length >= n,
  ),
  maxLength: stringy(
    (s) => num(s, 'maxLength'),
    (v, n) => [...v].length <= n,
  ),
  pattern: (s) => {
    if (typeof s.pattern !== 'string') throw bad('pattern must be a string');
    const re = new RegExp(s.pattern, 'u');
    return (v) => typeof v !== 'string' || re.test(v);
  },
  minItems: arrayish(
    (s) => num(s, 'minItems'),
    (v, n) => v.length >= n,
  ),
  maxItems: arrayish(
    (s) => num(s, 'maxItems'),
    (v, n) => v.length <= n,
  ),
  uniqueItems: (s) => (v) => !s.uniqueItems || !Array.isArray(v) || v.every((x, i) => v.findIndex((y) => sameValue(x, y)) === i),
  items: (s) => {
    if (Array.isArray(s.items)) {
      const tuple = (s.items as Schema[]).map(compile);
      const rest =
        s.additionalItems === undefined || s.additionalItems === true
          ? () => true
          : s.additionalItems === false
            ? () => false
            : compile(s.additionalItems as Schema);
      return (v) => !Array.isArray(v) || v.every((x, i) => (i < tuple.length ? tuple[i](x) : rest(x)));
    }
    const each = compile(s.items as Schema);
    return (v) => !Array.isArray(v) || v.every(each);
  },
  additionalItems: () => () => true,
  required: (s) => {
    const required = names(s.required, 'required');
    return (v) => !isObject(v) || required.every((k) => k in v);
  },
  minProperties: objecty(
    (s) => num(s, 'minProperties'),
    (v, n) => Object.keys(v).length >= n,
  ),
  maxProperties: objecty(
    (s) => num(s, 'maxProperties'),
    (v, n) => Object.keys(v).length <= n,
  ),
  properties: (s) => {
    const props = Object.entries(s.properties as Record<string, Schema>).map(([k, sub]) => [k, compile(sub)] as const);
    return (v) => !isObject(v) || props.every(([k, test]) => !(k in v) || test(v[k]));
  },
  patternProperties: (s) => {
    const props = Object.entries(s.patternProperties as Record<string, Schema>).map(([p, sub]) => [new RegExp(p, 'u'), compile(sub)] as const);
    return (v) => !isObject(v) || Object.entries(v).every(([k, x]) => props.every(([re, test]) => !re.test(k) || test(x)));
  },
  additionalProperties: (s) => {
    const known = new Set(Object.keys((s.properties as Schema | undefined) ?? {}));
    const patterns = Object.keys((s.patternProperties as Schema | undefined) ?? {}).map((p) => new RegExp(p, 'u'));
    const extra = s.additionalProperties === true ? () => true : s.additionalProperties === false ? () => false : compile(s.additionalProperties as Schema);
    return (v) => !isObject(v) || Object.entries(v).every(([k, x]) => known.has(k) || patterns.some((re) => re.test(k)) || extra(x));
  },
  dependencies: (s) => {
    const deps = Object.entries(s.dependencies as Record<string, unknown>).map(([k, d]) => {
      const test: (o: Doc) => boolean = Array.isArray(d)
        ? (o) => d.every((n) => n in o)
        : (
            (sub) => (o: Doc) =>
              sub(o)
          )(compile(d as Schema));
      return [k, test] as const;
    });
    return (v) => !isObject(v) || deps.every(([k, test]) => !(k in v) || test(v));
  },
};

function numeric(bound: (s: Schema) => number, ok: (v: number, bound: number, s: Schema) => boolean): (s: Schema) => Test {
  return (s) => {
    const b = bound(s);
    return (v) => typeof v !== 'number' || ok(v, b, s);
  };
}
function stringy(bound: (s: Schema) => number, ok: (v: string, bound: number) => boolean): (s: Schema) => Test {
  return (s) => {
    const b = bound(s);
    return (v) => typeof v !== 'string' || ok(v, b);
  };
}
function arrayish(bound: (s: Schema) => number, ok: (v: unknown[], bound: number) => boolean): (s: Schema) => Test {
  return (s) => {
    const b = bound(s);
    return (v) => !Array.isArray(v) || ok(v, b);
  };
}
function objecty(bound: (s: Schema) => number, ok: (v: Doc, bound: number) => boolean): (s: Schema) => Test {
  return (s) => {
    const b = bound(s);
    return (v) => !isObject(v) || ok(v, b);
  };
}

function compile(schema: Schema): Test {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw bad('a schema must be an object');
  if (schema.type !== undefined && schema.bsonType !== undefined) throw bad('cannot specify both type and bsonType');
  const tests = Object.keys(schema).map((keyword) => {
    const make = KEYWORDS[keyword];
    if (!make) throw bad(`unknown keyword '${keyword}'`);
    return make(schema);
  });
  return (v) => tests.every((t) => t(v));
}

/** mingo's `jsonSchemaValidator` option: a schema in, a document test out. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => boolean {
  return compile(schema);
}
