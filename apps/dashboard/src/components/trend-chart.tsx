// A daily series chart drawn by uPlot (small, fast canvas charts): a score line (0–100, gaps where a day has
// too few answers) over bars of the day's answers. The chart is an image for screen readers; the view states the figures.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface DailySeries {
  days: string[];
  /** What the line shows: "Quality" or a dimension's label. */
  name: string;
  scores: (number | null)[];
  answers: number[];
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function options(width: number, s: DailySeries): uPlot.Options {
  const brand = css('--brand') || '#4f46e5';
  const muted = css('--muted') || '#5a6372';
  const grid = css('--border') || '#e2e5ea';
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const maxN = Math.max(1, ...s.answers);
  return {
    width,
    height: 260,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, q: { range: [0, 100] }, n: { range: [0, maxN * 3] } },
    axes: [
      { ...axis },
      { ...axis, scale: 'q', label: s.name, size: 48 },
      { ...axis, scale: 'n', side: 1, label: 'Answers', size: 48, grid: { show: false } },
    ],
    series: [
      {},
      { label: s.name, scale: 'q', stroke: brand, width: 2, spanGaps: false, points: { show: s.days.length <= 62, size: 5, fill: brand } },
      { label: 'Answers', scale: 'n', stroke: muted, fill: `${muted}33`, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 12] }), points: { show: false } },
    ],
  };
}

export function TrendChart({ series, label }: { series: DailySeries; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [series.days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000), series.scores, series.answers];
    const plot = new uPlot(options(el.clientWidth || 600, series), data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 260 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [series]);
  return <div class="trend-chart" ref={box} role="img" aria-label={label} />;
}
