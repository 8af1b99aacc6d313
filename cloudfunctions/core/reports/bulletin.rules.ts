import type { BulletinBand, BulletinFigures, BulletinRow } from '../../../types/api/reports';

/**
 * 月度通报 (SPEC §6) as pure rules: the month's events, each already attributed to a town,
 * village, unit and helper, summed into rows; the outcome score, the green / yellow / red bands,
 * 连续两月末位 and the 亮点/短板 sentences. Only outcomes are counted (visits, needs, gaps,
 * findings, ratings): never sign-ins, time in the app, notice reads or photo counts.
 */

/** Where an event counts: any key may be missing (a need of an unpaired household has no helper). */
export interface Place {
  townId?: string | null;
  villageId?: string | null;
  unit?: string | null;
  helperId?: string | null;
}
export type Dimension = 'town' | 'village' | 'unit' | 'helper';
const KEY: Record<Dimension, keyof Place> = { town: 'townId', village: 'villageId', unit: 'unit', helper: 'helperId' };

/** What one event adds to a row; `acceptHours`/`resolveHours`/`rating` are collected for medians and means. */
export interface Contribution {
  paired?: number;
  visited?: number;
  needsReported?: number;
  needsInTime?: number;
  needsOverdue?: number;
  acceptHours?: number;
  resolveHours?: number;
  rating?: number;
  gapsOpen?: number;
  gapsClosed?: number;
  findingsOpened?: number;
  findingsClosed?: number;
  findingsOnTime?: number;
  findingsOverdue?: number;
}

/** Score weights (SPEC §6; parameters, summing to 1). */
export interface BulletinWeights {
  coverage: number;
  needsInTime: number;
  gapsClear: number;
  findingsOnTime: number;
}
export const DEFAULT_WEIGHTS: BulletinWeights = { coverage: 0.4, needsInTime: 0.2, gapsClear: 0.2, findingsOnTime: 0.2 };

interface Acc {
  paired: number;
  visited: number;
  needsReported: number;
  needsInTime: number;
  needsOverdue: number;
  accept: number[];
  resolve: number[];
  ratings: number[];
  gapsOpen: number;
  gapsClosed: number;
  findingsOpened: number;
  findingsClosed: number;
  findingsOnTime: number;
  findingsOverdue: number;
}
const empty = (): Acc => ({
  paired: 0,
  visited: 0,
  needsReported: 0,
  needsInTime: 0,
  needsOverdue: 0,
  accept: [],
  resolve: [],
  ratings: [],
  gapsOpen: 0,
  gapsClosed: 0,
  findingsOpened: 0,
  findingsClosed: 0,
  findingsOnTime: 0,
  findingsOverdue: 0,
});

export function addTo(acc: Acc, c: Contribution): void {
  acc.paired += c.paired ?? 0;
  acc.visited += c.visited ?? 0;
  acc.needsReported += c.needsReported ?? 0;
  acc.needsInTime += c.needsInTime ?? 0;
  acc.needsOverdue += c.needsOverdue ?? 0;
  if (c.acceptHours !== undefined) acc.accept.push(c.acceptHours);
  if (c.resolveHours !== undefined) acc.resolve.push(c.resolveHours);
  if (c.rating !== undefined) acc.ratings.push(c.rating);
  acc.gapsOpen += c.gapsOpen ?? 0;
  acc.gapsClosed += c.gapsClosed ?? 0;
  acc.findingsOpened += c.findingsOpened ?? 0;
  acc.findingsClosed += c.findingsClosed ?? 0;
  acc.findingsOnTime += c.findingsOnTime ?? 0;
  acc.findingsOverdue += c.findingsOverdue ?? 0;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return round(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, 1);
}

/** A share with nothing to count counts as 1 (SPEC §6). */
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 1);

/** score = 100 × (0.4·coverage + 0.2·needs answered in time + 0.2·(1 − open gaps ÷ paired) + 0.2·findings rectified in time). */
export function scoreOf(
  f: Pick<BulletinFigures, 'paired' | 'visited' | 'needsReported' | 'needsInTime' | 'gapsOpen' | 'findingsClosed' | 'findingsOnTime' | 'findingsOverdue'>,
  w: BulletinWeights = DEFAULT_WEIGHTS,
): number {
  const coverage = share(f.visited, f.paired);
  const needs = share(f.needsInTime, f.needsReported);
  const gaps = f.paired > 0 ? Math.max(0, 1 - f.gapsOpen / f.paired) : 1;
  const findings = share(f.findingsOnTime, f.findingsClosed + f.findingsOverdue);
  return round(100 * (w.coverage * coverage + w.needsInTime * needs + w.gapsClear * gaps + w.findingsOnTime * findings), 1);
}

export function figuresOf(acc: Acc, w: BulletinWeights = DEFAULT_WEIGHTS): BulletinFigures {
  const base = {
    paired: acc.paired,
    visited: acc.visited,
    coverage: acc.paired ? round(acc.visited / acc.paired, 4) : 0,
    needsReported: acc.needsReported,
    needsInTime: acc.needsInTime,
    needsOverdue: acc.needsOverdue,
    medianAcceptHours: median(acc.accept),
    medianResolveHours: median(acc.resolve),
    ratingMean: acc.ratings.length ? round(acc.ratings.reduce((s, r) => s + r, 0) / acc.ratings.length, 2) : null,
    ratingCount: acc.ratings.length,
    gapsOpen: acc.gapsOpen,
    gapsClosed: acc.gapsClosed,
    findingsOpened: acc.findingsOpened,
    findingsClosed: acc.findingsClosed,
    findingsOnTime: acc.findingsOnTime,
    findingsOverdue: acc.findingsOverdue,
  };
  return { ...base, score: scoreOf(base, w) };
}

/**
 * Bands by score: the top 20 % green, the bottom 20 % red, the rest yellow; from 3 rows on at
 * least one of each end (fewer rows are all yellow). Ties keep the order given (by name).
 */
export function bandsOf(scores: number[]): BulletinBand[] {
  const n = scores.length;
  const k = n >= 3 ? Math.max(1, Math.floor(n * 0.2)) : 0;
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const bands: BulletinBand[] = new Array(n).fill('yellow');
  order.forEach(({ i }, rank) => {
    if (rank < k) bands[i] = 'green';
    else if (rank >= n - k) bands[i] = 'red';
  });
  return bands;
}

/** Chinese collation, made once: `localeCompare(x, 'zh')` builds a collator per call (3,000 helpers ranked). */
const ZH = new Intl.Collator('zh');

export interface Named {
  id: string;
  name: string;
  note?: string;
}
export interface Event {
  place: Place;
  add: Contribution;
}

/**
 * Rows of one dimension: every named row (so a village with nobody paired still shows), plus the
 * events' sums; sorted by score, best first, with rank, band, the change against the month
 * before (`prev`, the same dimension's rows of M−1) and 连续两月末位.
 */
export function rowsOf(dim: Dimension, names: Named[], events: Event[], prev: BulletinRow[] | null, w: BulletinWeights = DEFAULT_WEIGHTS): BulletinRow[] {
  const accs = new Map<string, Acc>(names.map((n) => [n.id, empty()]));
  for (const e of events) {
    const id = e.place[KEY[dim]];
    if (!id) continue;
    const acc = accs.get(id);
    // Events outside the named rows (another town's helper) are not in this scope's ranking.
    if (acc) addTo(acc, e.add);
  }
  const byId = new Map(names.map((n) => [n.id, n]));
  // Ties on score go by name, then by id: the order does not depend on the order rows were read in.
  const rows = [...accs]
    .map(([id, acc]) => ({ named: byId.get(id)!, figures: figuresOf(acc, w) }))
    .sort(
      (a, b) => b.figures.score - a.figures.score || ZH.compare(a.named.name, b.named.name) || (a.named.id < b.named.id ? -1 : a.named.id > b.named.id ? 1 : 0),
    );
  const bands = bandsOf(rows.map((r) => r.figures.score));
  const before = new Map((prev ?? []).map((r) => [r.id, r]));
  return rows.map((r, i) => {
    const last = before.get(r.named.id);
    return {
      id: r.named.id,
      name: r.named.name,
      ...(r.named.note ? { note: r.named.note } : {}),
      ...r.figures,
      rank: i + 1,
      band: bands[i],
      prev: last ? stripRow(last) : null,
      lastTwice: bands[i] === 'red' && last?.band === 'red',
    };
  });
}

export function totalsOf(events: Event[], w: BulletinWeights = DEFAULT_WEIGHTS): BulletinFigures {
  const acc = empty();
  for (const e of events) addTo(acc, e.add);
  return figuresOf(acc, w);
}

const FIGURE_KEYS: Array<keyof BulletinFigures> = [
  'paired',
  'visited',
  'coverage',
  'needsReported',
  'needsInTime',
  'needsOverdue',
  'medianAcceptHours',
  'medianResolveHours',
  'ratingMean',
  'ratingCount',
  'gapsOpen',
  'gapsClosed',
  'findingsOpened',
  'findingsClosed',
  'findingsOnTime',
  'findingsOverdue',
  'score',
];
/** The figures alone of a row (what `prev` carries). */
export function stripRow(r: BulletinFigures): BulletinFigures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, r[k]])) as unknown as BulletinFigures;
}

export const percent = (f: number) => `${round(f * 100, 1).toFixed(1)}%`;
const describe = (r: BulletinRow) => `得分 ${r.score.toFixed(1)}，走访覆盖率 ${percent(r.coverage)}（${r.visited}/${r.paired}户）`;
const LABEL: Record<Dimension, string> = { town: '乡镇', village: '村', unit: '单位', helper: '帮扶人' };

/**
 * 亮点/短板, with their figures, for the ranked dimensions (towns and units): the best row, the
 * most improved against M−1, the weakest, and each row red two months running.
 */
export function sentencesOf(ranked: Array<[Dimension, BulletinRow[]]>): { highlights: string[]; weaknesses: string[] } {
  const highlights: string[] = [];
  const weaknesses: string[] = [];
  for (const [dim, rows] of ranked) {
    if (!rows.length) continue;
    const best = rows[0];
    highlights.push(`${LABEL[dim]}排名第一：${best.name}，${describe(best)}。`);
    const improved = rows.filter((r) => r.prev && r.score > r.prev.score).sort((a, b) => b.score - b.prev!.score - (a.score - a.prev!.score))[0];
    if (improved)
      highlights.push(
        `${LABEL[dim]}进步最大：${improved.name}，得分由 ${improved.prev!.score.toFixed(1)} 升至 ${improved.score.toFixed(1)}（+${(improved.score - improved.prev!.score).toFixed(1)}）。`,
      );
    if (rows.length < 2) continue;
    const worst = rows[rows.length - 1];
    const extra = [
      worst.needsOverdue ? `逾期未办需求 ${worst.needsOverdue} 件` : '',
      worst.gapsOpen ? `应享未享 ${worst.gapsOpen} 项` : '',
      worst.findingsOverdue ? `整改逾期 ${worst.findingsOverdue} 个` : '',
    ]
      .filter(Boolean)
      .join('，');
    weaknesses.push(`${LABEL[dim]}排名末位：${worst.name}，${describe(worst)}${extra ? `，${extra}` : ''}。`);
    for (const r of rows.filter((x) => x.lastTwice))
      weaknesses.push(`${LABEL[dim]}连续两月末位：${r.name}（本月得分 ${r.score.toFixed(1)}，上月 ${r.prev!.score.toFixed(1)}）。`);
  }
  return { highlights, weaknesses };
}
