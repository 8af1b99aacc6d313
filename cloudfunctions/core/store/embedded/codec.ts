/**
 * Value conversions at the engine's two edges:
 * - wire: the SDK sends queries, updates and documents as canonical EJSON strings and parses the
 *   EJSON strings we answer; `parseWire`/`toWire` translate to plain JS values (Date, RegExp).
 * - storage: one JSON text per document; Dates are stored as `{"$date": <ms>}` so they survive
 *   JSON and so index expressions can read them as numbers (see schema.keyExpr).
 */
import { randomBytes } from 'node:crypto';
import { EJSON, Long } from './sdk';
import { DbError, ErrorCode } from './errors';

export type Doc = Record<string, unknown>;

type Mode = 'query' | 'data';

/** Parses an EJSON string from the SDK. `query` mode turns regexes into RegExp for mingo. */
export function parseWire(text: unknown, mode: Mode, now = Date.now()): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return normalize(text, mode, now);
  let parsed: unknown;
  try {
    // EJSON only reads `$`-keyed objects (`$date`, `$oid`, `$tcb_server_date`…) and refuses
    // field names holding NUL: text with neither is plain JSON, parsed without EJSON's reviver.
    if (text.includes('\\u0000')) parsed = EJSON.parse(text, { relaxed: true });
    else {
      const plain = text.includes('{"$number') ? text.replace(NUMBER_TEXT, unwrapNumber) : text;
      if (!plain.includes('"$')) return JSON.parse(plain) as unknown;
      parsed = parseCanonical(plain);
    }
  } catch (err) {
    throw new DbError(ErrorCode.INVALID_PARAM, `malformed EJSON from the SDK: ${(err as Error).message}`);
  }
  return normalize(parsed, mode, now);
}

/**
 * The keys bson's EJSON reader gives a meaning (bson 4.7 extended_json.js: `keysToCodecs`,
 * `$date`, `$code`, DBRefs, `$undefined`). Operators (`$gt`, `$set`…) and `$tcb_server_date` are
 * not among them: EJSON passes them through as plain objects.
 */
const EJSON_KEYS = new Set([
  '$oid',
  '$binary',
  '$uuid',
  '$symbol',
  '$numberInt',
  '$numberDecimal',
  '$numberDouble',
  '$numberLong',
  '$minKey',
  '$maxKey',
  '$regex',
  '$regularExpression',
  '$timestamp',
  '$date',
  '$code',
  '$scope',
  '$ref',
  '$id',
  '$db',
  '$dbPointer',
  '$undefined',
]);
const NOT_PLAIN = Symbol('not plain numbers');

/**
 * A canonical number wrapper spelled as JSON spells the number (at most 15 digits before any
 * point, no leading zero): `{"$numberInt":"5"}` → `5`. JSON.parse then reads it as bson's relaxed
 * reader does (parseInt / parseFloat / Long.toNumber agree with it on these spellings). In valid
 * JSON text this shape can only be structure: inside a string its quotes would be escaped.
 */
const NUMBER_TEXT =
  /\{"\$numberInt":"(-?(?:0|[1-9]\d{0,14}))"\}|\{"\$numberLong":"(-?(?:0|[1-9]\d{0,14}))"\}|\{"\$numberDouble":"(-?(?:0|[1-9]\d{0,14})(?:\.\d+)?(?:[eE][+-]?\d{1,3})?)"\}/g;
const unwrapNumber = (_match: string, int?: string, long?: string, double?: string) => (int ?? long ?? double)!;

/**
 * `EJSON.parse(text, { relaxed: true })` for the text the SDK sends most (canonical EJSON whose
 * only wrapped values are numbers: every number of a document or a query is `{"$numberInt":"5"}`),
 * without bson's walk of every value: a one-key number wrapper becomes the number exactly as bson's
 * relaxed reader makes it (parseInt / parseFloat / Long.toNumber); text holding any other EJSON
 * value is handed to EJSON.parse itself. A county sweep's warnings were a third of its time here.
 */
function parseCanonical(text: string): unknown {
  try {
    return JSON.parse(text, function (this: unknown, _key: string, value: unknown) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      let special = false;
      for (const k in value) if (k.charCodeAt(0) === 36 && EJSON_KEYS.has(k)) special = true;
      if (!special) return value;
      const keys = Object.keys(value);
      const v = (value as Doc)[keys[0]];
      if (keys.length !== 1 || typeof v !== 'string') throw NOT_PLAIN;
      if (keys[0] === '$numberInt') return parseInt(v, 10);
      if (keys[0] === '$numberDouble') return parseFloat(v);
      if (keys[0] === '$numberLong') return Long.fromString(v).toNumber();
      throw NOT_PLAIN;
    }) as unknown;
  } catch (err) {
    if (err === NOT_PLAIN) return EJSON.parse(text, { relaxed: true });
    throw err;
  }
}

function normalize(value: unknown, mode: Mode, now: number): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => normalize(v, mode, now));
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'BSONRegExp') {
    const { pattern, options } = value as unknown as { pattern: string; options: string };
    return mode === 'query' ? toRegExp(pattern, options) : { $regularExpression: { pattern, options } };
  }
  // ObjectId, Decimal128… are kept as their EJSON objects: they round-trip to the SDK unchanged.
  if (bsonType) return EJSON.serialize(value);
  const obj = value as Doc;
  const serverDate = obj.$tcb_server_date as { offset?: number } | undefined;
  if (serverDate && Object.keys(obj).length === 1) return new Date(now + (serverDate.offset ?? 0));
  const out: Doc = {};
  for (const key of Object.keys(obj)) out[key] = normalize(obj[key], mode, now);
  return out;
}

/**
 * Update values are parsed as data (a regex stored in a document stays EJSON), but `$pull` takes
 * query conditions: turn the regexes in those back into RegExp.
 */
export function pullConditions(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map(pullConditions);
  const regex = (value as Doc).$regularExpression as { pattern: string; options: string } | undefined;
  if (regex && Object.keys(value).length === 1) return toRegExp(regex.pattern, regex.options);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pullConditions(v)]));
}

/** MongoDB regex options → JS flags. `g` would make RegExp.test stateful, so it is dropped. */
function toRegExp(pattern: string, options: string): RegExp {
  if (options.includes('x')) {
    throw new DbError(ErrorCode.UNSUPPORTED, '[embedded store] regex option "x" is not supported locally');
  }
  const flags = [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
  return new RegExp(pattern, flags);
}

function wireReplacer(this: Doc, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: { $numberLong: String(raw.getTime()) } } : value;
}

/** An ObjectId as documents hold it: its EJSON form (see normalize). */
export const isObjectId = (v: unknown): v is { $oid: string } =>
  v !== null && typeof v === 'object' && typeof (v as Doc).$oid === 'string' && Object.keys(v).length === 1;

/** An id as CloudBase answers it in insertedIds / upsert_id: an ObjectId as its hex string. */
export const wireId = (id: unknown): unknown => (isObjectId(id) ? id.$oid : id);

/** In JSON text only a real `{ $oid }` object is spelled so (a string holding it would show `\"`). */
const OID_TEXT = /\{"\$oid":"([0-9a-f]{24})"\}/g;

/**
 * A document as the EJSON string the real service answers (the SDK runs EJSON.parse on it).
 * ObjectIds are answered as their hex strings: the SDK would read `{ $oid }` back as a bson
 * ObjectId and its formatField turns that into `{}`, and node-sdk's own test against CloudBase
 * reads an ObjectId field back as the hex string (TencentCloudBase/node-sdk
 * test/database/unit/oid.test.ts: `getRes.data[0].a === objId`).
 */
export function toWire(doc: unknown): string {
  // The replacer runs once per value and only changes Dates: most documents have none, and a
  // county-wide read answers 200,000 of them, so check first and stringify plainly when it is safe.
  const text = onlyPlainData(doc) ? JSON.stringify(doc) : JSON.stringify(doc, wireReplacer);
  return text.includes('{"$oid":"') ? text.replace(OID_TEXT, '"$1"') : text;
}

/**
 * A stored document's text as its wire text (toWire of decodeDoc): the same text when it holds
 * no Date (`{"$date":…}` in storage) and no ObjectId, as the store wrote it with JSON.stringify.
 * `doc` is the document when the caller has already decoded it.
 */
export function storedToWire(text: string, doc?: Doc): string {
  if (!text.includes('{"$date":') && !text.includes('{"$oid":"')) return text;
  return toWire(doc ?? decodeDoc(text));
}

/** JSON-like values all the way down (plain objects, arrays, primitives): no Date, nothing with its own toJSON. */
function onlyPlainData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!onlyPlainData(item)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (typeof (value as Doc).toJSON === 'function') return false;
  for (const key in value as Doc) if (!onlyPlainData((value as Doc)[key])) return false;
  return true;
}

function storageReplacer(this: Doc, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.getTime() } : value;
}

export function encodeDoc(doc: Doc): string {
  // As toWire: a replacer slows JSON.stringify down for every value, and most documents hold no Date.
  return onlyPlainData(doc) ? JSON.stringify(doc) : JSON.stringify(doc, storageReplacer);
}

export function decodeDoc(text: string): Doc {
  const doc = JSON.parse(text) as Doc;
  // Most documents hold no dates: skip the walk for them.
  return text.includes('{"$date":') ? (reviveDates(doc) as Doc) : doc;
}

function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i]);
    return value;
  }
  const obj = value as Doc;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === '$date' && typeof obj.$date === 'number') return new Date(obj.$date);
  for (const key of keys) obj[key] = reviveDates(obj[key]);
  return obj;
}

/** Primary-key text of an `_id`: JSON keeps the string "1" and the number 1 apart. */
export const idKey = (id: unknown): string => JSON.stringify(id);

/**
 * A copy of `doc` whose `_id` is `id`, placed first as MongoDB stores it. CloudBase ids are
 * strings (generated) or numbers or `db.ObjectId`s (given by the caller).
 */
export function withId(id: unknown, doc: Doc): Doc {
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)) && !isObjectId(id)) {
    throw new DbError(ErrorCode.INVALID_PARAM, '_id must be a string, a number or an ObjectId');
  }
  if (doc._id !== undefined && idKey(doc._id) !== idKey(id)) {
    throw new DbError(ErrorCode.INVALID_PARAM, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  const full: Doc = { _id: id };
  Object.assign(full, doc);
  full._id = id;
  return full;
}

/** 32 hex characters, the shape of CloudBase's generated ids. */
export const newId = (): string => randomBytes(16).toString('hex');

/** Value kinds seen at an indexed path, OR-ed into a per-field mask (see schema.ts). */
export const Kind = { NULL: 1, NUMBER: 2, STRING: 4, BOOL: 8, DATE: 16, OBJECT: 32, ARRAY: 64 } as const;

export function kindOf(value: unknown): number {
  if (value === null || value === undefined) return Kind.NULL;
  switch (typeof value) {
    case 'number':
      return Kind.NUMBER;
    case 'string':
      return Kind.STRING;
    case 'boolean':
      return Kind.BOOL;
  }
  if (value instanceof Date) return Kind.DATE;
  return Array.isArray(value) ? Kind.ARRAY : Kind.OBJECT;
}

/**
 * The kind at a dotted path with MongoDB's traversal: an array anywhere on the path makes the
 * field multikey (ARRAY), and the index can no longer answer equality on it.
 */
export function kindAt(doc: Doc, path: readonly string[]): number {
  let cur: unknown = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) return Kind.ARRAY;
    if (cur === null || typeof cur !== 'object' || cur instanceof Date) return Kind.NULL;
    cur = (cur as Doc)[seg];
  }
  return kindOf(cur);
}
