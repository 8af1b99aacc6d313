/**
 * Turns the indexable part of a MongoDB filter into SQL over the declared expression indexes.
 *
 * The SQL only narrows candidates: every translated condition selects a superset of what MongoDB
 * would match, and mingo then applies the whole filter. A plan is `exact` when the SQL alone is
 * already the answer (every condition translated, and the kinds stored at each field rule out
 * cross-type aliasing such as `true` vs `1`), which lets count() and paging stay in SQLite.
 * SQLite's own planner picks among the indexes the conditions touch.
 */
import { Kind, idKey, type Doc } from './codec';
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
      } else if (key.startsWith('$') || !field(key, cond)) {
        exact = false;
      }
    }
  };

  /** Adds SQL for one field's condition; answers whether it was translated exactly. */
  const field = (name: string, cond: unknown): boolean => {
    const ops = isOperatorObject(cond) ? cond : { $eq: cond };
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
        allExact &&= exactFor(mask, bs.reduce((k, b) => k | b!.kind, 0));
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
      // `_id` is a string or a number (codec.withId), and the `id` column its JSON: read back,
      // SQLite orders numbers before strings and strings bytewise, as MongoDB does.
      dir = direction === -1 ? 'DESC' : 'ASC';
      parts.push(`json_extract(id, '$') ${dir}`);
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

const isIdValue = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

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
