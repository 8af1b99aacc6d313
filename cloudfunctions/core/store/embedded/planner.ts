/**
 * Turns the indexable part of a MongoDB filter into SQL over the declared expression indexes.
 *
 * The SQL only narrows candidates: every translated condition selects a superset of what MongoDB
 * would match, and mingo then applies the whole filter. A plan is `exact` when the SQL alone is
 * already the answer (every condition translated, and the kinds stored at each field rule out
 * cross-type aliasing such as `true` vs `1`), which lets count() and paging stay in SQLite.
 * SQLite's own planner picks among the indexes the conditions touch.
 */
import { Kind, idKey, isObjectId, type Doc } from './codec';
import { keyExpr, type CollectionInfo } from './schema';

export interface Plan {
  where: string;
  params: unknown[];
  exact: boolean;
  /** SQL ORDER BY reproducing MongoDB's sort, or '' when the sort must run in JS. */
  orderBy: string;
}

type Bound = { value: string | number; kind: number };

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };
/** Kinds that all bind as SQL numbers (booleans as 1/0, dates as ms) and so can alias each other. */
const NUMERIC = Kind.NUMBER | Kind.BOOL | Kind.DATE;

export function plan(filter: Doc | undefined, info: CollectionInfo, sort?: Record<string, number>): Plan {
  const conds: string[] = [];
  const params: unknown[] = [];
  let exact = true;

  const visit = (query: Doc): void => {
    for (const [key, cond] of Object.entries(query)) {
      if (key === '$and' && Array.isArray(cond)) {
        for (const part of cond) visit(part as Doc);
      } else if (key === '$or' && Array.isArray(cond)) {
        // A search box over several fields: the document text holds one of the literals.
        const literals = cond.map((branch) => {
          const entries = Object.entries(branch as Doc);
          return entries.length === 1 && !entries[0][0].startsWith('$') ? likeLiteral(entries[0][1]) : null;
        });
        if (literals.length && literals.every((l) => l !== null)) {
          conds.push(`(${literals.map(() => LIKE).join(' OR ')})`);
          params.push(...literals.map((l) => likePattern(l!)));
        }
        exact = false;
      } else if (!key.startsWith('$') && likeLiteral(cond) !== null) {
        conds.push(LIKE);
        params.push(likePattern(likeLiteral(cond)!));
        exact = false;
      } else if (key.startsWith('$') || !field(key, cond)) {
        exact = false;
      }
    }
  };

  /** Adds SQL for one field's condition; answers whether it was translated exactly. */
  const field = (name: string, cond: unknown): boolean => {
    const ops = isOperatorObject(cond) && !isObjectId(cond) ? cond : { $eq: cond };
    if (name === '_id') return idField(ops);
    const mask = info.masks.get(name);
    if (mask === undefined || mask & Kind.ARRAY) return false;
    const key = keyExpr(name);
    let allExact = true;
    for (const [op, value] of Object.entries(ops)) {
      if (op === '$eq' || RANGE[op]) {
        const b = bind(value);
        if (!b) {
          allExact = false;
          continue;
        }
        conds.push(`${key} ${op === '$eq' ? '=' : RANGE[op]} ?`);
        params.push(b.value);
        allExact &&= exactFor(mask, b.kind);
      } else if (op === '$in' && Array.isArray(value)) {
        const bs = value.map(bind);
        if (bs.some((b) => !b)) {
          allExact = false;
          continue;
        }
        conds.push(`${key} IN (SELECT value FROM json_each(?))`);
        params.push(JSON.stringify(bs.map((b) => b!.value)));
        allExact &&= exactFor(
          mask,
          bs.reduce((k, b) => k | b!.kind, 0),
        );
      } else {
        allExact = false;
      }
    }
    return allExact;
  };

  const idField = (ops: Doc): boolean => {
    let allExact = true;
    for (const [op, value] of Object.entries(ops)) {
      if (op === '$eq' && isIdValue(value)) {
        conds.push('id = ?');
        params.push(idKey(value));
      } else if (op === '$in' && Array.isArray(value) && value.every(isIdValue)) {
        conds.push('id IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(value.map(idKey)));
      } else {
        allExact = false;
      }
    }
    return allExact;
  };

  if (filter) visit(filter);
  return { where: conds.join(' AND '), params, exact, orderBy: sort ? sqlOrder(sort, info) : '' };
}

/**
 * SQLite sorts NULL first ascending (as MongoDB sorts missing/null) but orders kinds differently
 * from MongoDB, so it may sort only fields that never held two kinds, arrays or objects, and
 * `_id`. `rid` breaks ties in insertion order, as mingo's stable sort does.
 */
function sqlOrder(sort: Record<string, number>, info: CollectionInfo): string {
  const parts: string[] = [];
  let dir = 'ASC';
  for (const [name, direction] of Object.entries(sort)) {
    if (name === '_id') {
      // `_id` is a string, a number or an ObjectId (codec.withId), and the `id` column its JSON:
      // read back, SQLite orders numbers before strings and strings bytewise, as MongoDB does;
      // ObjectIds (`{"$oid":…}`) come after both, as in MongoDB, in hex order.
      dir = direction === -1 ? 'DESC' : 'ASC';
      parts.push(`(substr(id, 1, 1) = '{') ${dir}`, `json_extract(id, '$') ${dir}`);
      continue;
    }
    const mask = info.masks.get(name);
    if (mask === undefined) return '';
    const kinds = mask & ~Kind.NULL;
    if (kinds & (Kind.ARRAY | Kind.OBJECT) || popcount(kinds) > 1) return '';
    dir = direction === -1 ? 'DESC' : 'ASC';
    parts.push(`${keyExpr(name)} ${dir}`);
  }
  return parts.length ? [...parts, `rid ${dir}`].join(', ') : '';
}

/** A superset condition: the stored document's JSON text contains a literal (see likeLiteral). */
const LIKE = "doc LIKE ? ESCAPE '\\'";
const likePattern = (literal: string): string => `%${literal.replace(/[%_\\]/g, '\\$&')}%`;
const REGEX_SPECIAL = '\\^$.*+?()[]{}|/';

/**
 * The literal a regex searches for, when it is only that (a search box's escaped text: `/王/i`,
 * `/a\.b/`); then any document it matches holds the literal verbatim in its stored JSON text,
 * which SQLite can find with LIKE before mingo decides. Null when that would not be a superset:
 * anything but a literal, flags other than `i`, characters JSON escapes (quote, backslash,
 * control, lone surrogates), or with `i` a cased letter beyond ASCII (LIKE folds ASCII only).
 */
export function likeLiteral(cond: unknown): string | null {
  let source: unknown;
  let flags: unknown;
  if (cond instanceof RegExp) [source, flags] = [cond.source, cond.flags];
  else if (isOperatorObject(cond) && Object.keys(cond).every((k) => k === '$regex' || k === '$options')) {
    const re = cond.$regex;
    [source, flags] = re instanceof RegExp ? [re.source, re.flags + String(cond.$options ?? '')] : [re, cond.$options ?? ''];
  } else return null;
  if (typeof source !== 'string' || typeof flags !== 'string' || !/^i?$/.test(flags)) return null;
  let literal = '';
  for (let i = 0; i < source.length; i++) {
    let ch = source[i];
    if (ch === '\\') {
      ch = source[++i] ?? '';
      if (!ch || !REGEX_SPECIAL.includes(ch)) return null;
    } else if (REGEX_SPECIAL.includes(ch)) return null;
    literal += ch;
  }
  // eslint-disable-next-line no-control-regex -- a literal with control characters cannot go into the SQL LIKE the planner builds
  if (!literal || /["\\\u0000-\u001f\ud800-\udfff]/.test(literal)) return null;
  if (flags === 'i' && [...literal].some((c) => c.charCodeAt(0) > 127 && c.toLowerCase() !== c.toUpperCase())) return null;
  return literal;
}

function bind(value: unknown): Bound | null {
  switch (typeof value) {
    case 'string':
      return { value, kind: Kind.STRING };
    case 'number':
      return Number.isFinite(value) ? { value, kind: Kind.NUMBER } : null;
    case 'boolean':
      return { value: value ? 1 : 0, kind: Kind.BOOL };
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { value: value.getTime(), kind: Kind.DATE };
  return null;
}

/** The stored kinds (besides null/missing) are all among the queried ones, and cannot alias. */
function exactFor(mask: number, kinds: number): boolean {
  const stored = mask & ~Kind.NULL;
  return (stored & ~kinds) === 0 && popcount((stored | kinds) & NUMERIC) <= 1;
}

const isIdValue = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || isObjectId(v);

function isOperatorObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
