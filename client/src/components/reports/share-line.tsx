import { View } from '@tarojs/components';
import { pct } from '@/utils/format';
import './share-line.scss';

export interface SharePoint {
  /** Under the axis, e.g. `11月`. */
  label: string;
  /** 0–1; null when there was nothing to count (no point, the line breaks). */
  value: number | null;
  /** A word under the label (e.g. 已发布): said in text, not by colour. */
  note?: string;
}

/** The line's thickness, in % of the plot's height (the plot is 150 px tall: ≈ 2.5 px). */
const THICK = 1.6;

/** Runs of consecutive points that have a value: each is drawn as its own stretch of line. */
function runsOf(points: SharePoint[]): Array<Array<{ x: number; y: number }>> {
  const runs: Array<Array<{ x: number; y: number }>> = [];
  let run: Array<{ x: number; y: number }> = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push({ x: ((i + 0.5) / points.length) * 100, y: (1 - p.value) * 100 });
  });
  if (run.length) runs.push(run);
  return runs;
}

/**
 * A share (0–100 %) over a few months as a line with its values written at each point, drawn with
 * plain Views so it renders the same in the mini-program and H5 from one source. No chart library:
 * @antv/f2 5.14 with only Canvas, Chart, Interval, Line, Axis and Point bundles to 477 KiB minified,
 * 141 KiB gzip (measured 2026-12-02, esbuild, tree-shaken) — more than the whole H5 initial load —
 * and needs a Canvas 2d adapter per platform; this component costs about 2 KB (the bulletin page's
 * H5 chunk went from 4,978 to 5,504 B gzip, drill-down changes included; weapp package-common
 * bulletin page 19.4 KiB js + 5.2 KiB wxss). The line is a polygon (`clip-path`) in percent of the
 * plot, so it stays exact at any width; gridlines at 0, 50 and 100 %.
 */
export function ShareLine({ points, caption }: { points: SharePoint[]; caption: string }) {
  const runs = runsOf(points);
  return (
    <View
      className='share-line'
      role='img'
      aria-label={`${caption}：${points.map((p) => `${p.label} ${p.value === null ? '无数据' : pct(p.value)}`).join('，')}`}
    >
      <View className='share-line__plot'>
        {[100, 50, 0].map((g) => (
          <View key={g} className='share-line__grid' style={{ top: `${100 - g}%` }}>
            <View className='share-line__grid-label'>{g}%</View>
          </View>
        ))}
        {runs.map((run) => {
          const top = run.map((p) => `${p.x}% ${p.y}%`);
          const bottom = [...run].reverse().map((p) => `${p.x}% ${Math.min(100, p.y + THICK)}%`);
          const area = [`${run[0].x}% 100%`, ...top, `${run[run.length - 1].x}% 100%`];
          return (
            <View key={run[0].x}>
              <View className='share-line__area' style={{ clipPath: `polygon(${area.join(', ')})`, WebkitClipPath: `polygon(${area.join(', ')})` }} />
              {run.length > 1 && (
                <View
                  className='share-line__stroke'
                  style={{ clipPath: `polygon(${[...top, ...bottom].join(', ')})`, WebkitClipPath: `polygon(${[...top, ...bottom].join(', ')})` }}
                />
              )}
            </View>
          );
        })}
        {points.map(
          (p, i) =>
            p.value !== null && (
              <View key={p.label} className='share-line__point' style={{ left: `${((i + 0.5) / points.length) * 100}%`, top: `${(1 - p.value) * 100}%` }}>
                <View className={p.value > 0.85 ? 'share-line__value share-line__value--below' : 'share-line__value'}>{pct(p.value)}</View>
              </View>
            ),
        )}
      </View>
      <View className='share-line__axis'>
        {points.map((p) => (
          <View key={p.label} className='share-line__tick'>
            {p.label}
            {p.note && <View className='share-line__note'>{p.note}</View>}
          </View>
        ))}
      </View>
    </View>
  );
}
