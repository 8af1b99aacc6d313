/**
 * Tables, declared indexes and per-field kind masks.
 *
 * One table per collection: `rid` (insertion order, MongoDB's natural order), `id` (the `_id` as
 * JSON, unique) and `doc` (the JSON text). A declared index becomes an expression index over
 * `keyExpr(field)`. The planner may only trust such an index for a field that never held an
 * array (MongoDB matches `{tags: 'x'}` inside arrays; the index sees the array as one text) and
 * may only let SQLite sort a field that holds one kind of value. So every write ORs the kinds it
 * stored at each indexed path into `_bangfu_kinds`, in the same transaction as the document, and
 * readers reload the masks whenever another connection has committed (`PRAGMA data_version`).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { IndexSpec } from '../indexes';
import { decodeDoc, kindAt, type Doc } from './codec';
import { DbError, ErrorCode } from './errors';

export interface CollectionInfo {
  name: string;
  /** Quoted table name, safe to splice into SQL. */
  table: string;
  /** Indexed field → kinds seen there (0 = nothing stored yet). */
  masks: Map<string, number>;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * The index key of a field: its value, or the milliseconds of a stored Date. The planner binds
 * query values the same way, so one index serves strings, numbers, booleans (as 1/0) and dates.
 * SQLite matches expression indexes by structure, so this text must be produced only here.
 */
export function keyExpr(field: string): string {
  const path = `$.${field}`;
  return `IFNULL(json_extract(doc,'${path}."$date"'),json_extract(doc,'${path}'))`;
}

export class Schema {
  private readonly infos = new Map<string, CollectionInfo>();
  private dataVersion = -1;
  private versionStmt?: BetterSqlite3.Statement;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly indexes: Record<string, IndexSpec[]>,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS _bangfu_kinds (coll TEXT NOT NULL, field TEXT NOT NULL, mask INTEGER NOT NULL, PRIMARY KEY (coll, field))');
  }

  /** Creates the table and declared indexes; answers false when the table already existed. */
  ensure(name: string): boolean {
    assertName(name);
    const table = `"c_${name}"`;
    const existed = this.tableExists(name);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    const info: CollectionInfo = { name, table, masks: new Map() };
    this.infos.set(name, info);
    this.syncIndexes(info);
    this.loadMasks();
    return !existed;
  }

  /** The collection, or DATABASE_COLLECTION_NOT_EXIST as CloudBase answers for unknown ones. */
  get(name: string): CollectionInfo {
    const known = this.infos.get(name);
    if (known) return known;
    if (NAME.test(name) && this.tableExists(name)) {
      // Created by another process since we opened: adopt it.
      this.ensure(name);
      return this.infos.get(name)!;
    }
    throw new DbError(ErrorCode.COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`);
  }

  names(): string[] {
    return [...this.infos.keys()];
  }

  /** Call inside a transaction, after its first read, so masks and rows come from one snapshot. */
  refresh(): void {
    // Prepared once: `pragma()` prepares a statement on every call, and every request asks.
    this.versionStmt ??= this.db.prepare('PRAGMA data_version').pluck();
    const version = this.versionStmt.get() as number;
    if (version !== this.dataVersion) this.loadMasks();
    this.dataVersion = version;
  }

  /** Records the kinds of the given documents' indexed fields; call inside the write transaction. */
  note(info: CollectionInfo, docs: Iterable<Doc>): void {
    const added = new Map<string, number>();
    for (const doc of docs) {
      for (const [field, mask] of info.masks) {
        const next = (added.get(field) ?? mask) | kindAt(doc, field.split('.'));
        if (next !== mask) added.set(field, next);
      }
    }
    for (const [field, mask] of added) {
      if (mask === info.masks.get(field)) continue;
      info.masks.set(field, mask);
      this.upsertMask().run(info.name, field, mask);
    }
  }

  private upsertStmt?: BetterSqlite3.Statement;
  private upsertMask(): BetterSqlite3.Statement {
    this.upsertStmt ??= this.db.prepare(
      'INSERT INTO _bangfu_kinds (coll, field, mask) VALUES (?, ?, ?) ON CONFLICT (coll, field) DO UPDATE SET mask = mask | excluded.mask',
    );
    return this.upsertStmt;
  }

  private tableExists(name: string): boolean {
    return !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(`c_${name}`);
  }

  private syncIndexes(info: CollectionInfo): void {
    const specs = this.indexes[info.name] ?? [];
    const wanted = new Map<string, IndexSpec>();
    for (const spec of specs) {
      if (!/^\w+$/.test(spec.name) || !spec.fields.length || !spec.fields.every((f) => FIELD.test(f))) {
        throw new DbError(ErrorCode.INVALID_PARAM, `invalid index ${info.name}.${spec.name}`);
      }
      const sig = createHash('sha1')
        .update(JSON.stringify([spec.fields, !!spec.unique]))
        .digest('hex')
        .slice(0, 8);
      wanted.set(`ix_${info.name}_${spec.name}_${sig}`, spec);
      for (const field of spec.fields) info.masks.set(field, 0);
    }
    const existing = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'")
      .pluck()
      .all(`c_${info.name}`) as string[];
    // A changed declaration gets a new signature: drop what is no longer declared.
    for (const name of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX "${name}"`);
    const added: string[] = [];
    for (const [name, spec] of wanted) {
      if (existing.includes(name)) continue;
      const cols = spec.fields.map(keyExpr).join(', ');
      this.db.exec(`CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON ${info.table} (${cols})`);
      added.push(...spec.fields);
    }
    if (added.length) this.backfillMasks(info, new Set(added));
  }

  /** A new index over existing documents: learn the kinds already stored at its fields. */
  private backfillMasks(info: CollectionInfo, fields: Set<string>): void {
    const masks = new Map([...fields].map((f) => [f, 0]));
    for (const text of this.db.prepare(`SELECT doc FROM ${info.table}`).pluck().iterate() as Iterable<string>) {
      const doc = decodeDoc(text);
      for (const [field, mask] of masks) masks.set(field, mask | kindAt(doc, field.split('.')));
    }
    for (const [field, mask] of masks) if (mask) this.upsertMask().run(info.name, field, mask);
  }

  private loadMasks(): void {
    const rows = this.db.prepare('SELECT coll, field, mask FROM _bangfu_kinds').all() as Array<{
      coll: string;
      field: string;
      mask: number;
    }>;
    for (const { coll, field, mask } of rows) {
      const info = this.infos.get(coll);
      if (info?.masks.has(field)) info.masks.set(field, mask);
    }
  }
}

function assertName(name: string): void {
  if (!NAME.test(name)) {
    throw new DbError(ErrorCode.INVALID_PARAM, `invalid collection name "${name}" (letters, digits, _ and - only)`);
  }
}
