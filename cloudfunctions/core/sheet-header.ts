/**
 * Finding the header row of an uploaded sheet (the registry, a 兑现 list): county offices put a
 * title, a unit or a date line above it and name columns in their own words. One rule for every import.
 */

/** How many rows above the header a sheet may carry (a title, a unit, a date line). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * A header as compared: no spaces or line breaks, no required-mark `*`, half-width brackets; a
 * trailing unit such as （元） or （单位：元） is dropped unless the name is only that.
 */
export function normaliseHeader(text: string): string {
  const plain = text
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
  const bare = plain.replace(/\((元|万元|单位:?元|人|年|岁|级)\)$/, '');
  return bare || plain;
}

export interface HeaderSpec<K extends string> {
  /** Each column's accepted names, the app's own first. */
  names: Record<K, readonly string[]>;
  /** Columns the sheet must have. */
  required: readonly K[];
  /** Fewest known columns a row must name to be taken for the header. */
  minimum: number;
  /** What to do when no header is found (appended to the message). */
  hint: string;
}

/** The column a header names under these names, or null. */
export function columnNamedIn<K extends string>(names: Record<K, readonly string[]>, text: string): K | null {
  const wanted = normaliseHeader(text);
  for (const [key, list] of Object.entries(names) as [K, readonly string[]][]) if (list.some((n) => normaliseHeader(n) === wanted)) return key;
  return null;
}

/** Column positions a row would give as the header: the first cell naming each column wins. */
export function columnsIn<K extends string>(names: Record<K, readonly string[]>, cells: string[]): Map<K, number> {
  const map = new Map<K, number>();
  cells.forEach((text, i) => {
    const key = text ? columnNamedIn(names, text) : null;
    if (key && !map.has(key)) map.set(key, i);
  });
  return map;
}

export type HeaderFound<K extends string> = { ok: true; row: number; columns: Map<K, number> } | { ok: false; message: string };

/**
 * The header is the row, among the first ten, naming the most known columns (the earliest on a
 * tie); rows above it (a title, a date line) are not data. It must name every required column.
 */
export function findHeaderRow<K extends string>(spec: HeaderSpec<K>, rows: { row: number; cells: string[] }[]): HeaderFound<K> {
  let best: { row: number; columns: Map<K, number> } | null = null;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = columnsIn(spec.names, r.cells);
    if (columns.size > (best?.columns.size ?? 0)) best = { row: r.row, columns };
  }
  if (!best || best.columns.size < spec.minimum) {
    const expected = spec.required
      .slice(0, 4)
      .map((k) => spec.names[k][0])
      .join('、');
    return { ok: false, message: `前 ${HEADER_SEARCH_ROWS} 行中没有找到列名行（应有 ${expected} 等列）。${spec.hint}` };
  }
  const missing = spec.required.filter((k) => !best!.columns.has(k));
  if (missing.length) return { ok: false, message: `表格第 ${best.row} 行（列名行）缺少列：${missing.map((k) => spec.names[k][0]).join('、')}。${spec.hint}` };
  return { ok: true, ...best };
}
