// Rolling scores over time, drawn by uPlot (small, fast canvas charts): per touchpoint a line (the 7-day rolling score,
// 0–100) inside its 95% interval band, over bars of the day's answers, with the alert's two windows shaded behind.
// The chart is an image for screen readers; the view states the figures and the legend names the lines.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface TrendLine {
  name: string;
  /** CSS colour of the line; its band is the same colour, faint. */
  color: string;
  values: (number | null)[];
  lo: (number | null)[];
  hi: (number | null)[];
}

export interface TrendChartData {
  days: string[];
  /** What the lines show: "Quality" or a dimension's label. */
  measure: string;
  lines: TrendLine[];
  /** Answers per day, all lines together. */
  answers: number[];
  /** The windows an alert compares (inclusive days), shaded when they overlap the range. */
  windows?: { baseline: [string, string]; recent: [string, string] };
  /** Actions logged on the touchpoints shown: a dashed line on their day, with the title. */
  markers?: { day: string; label: string }[];
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
/** `#rrggbb` at opacity `a` (canvas styles do not take color-mix()). */
function alpha(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${a})` : hex;
}
/** The colour of the i-th line (charts.css --series-1…5, light and dark). */
export const seriesColor = (i: number) => css(`--series-${(i % 5) + 1}`) || '#4f46e5';
const DAY = 86_400;
/** Noon UTC of a day, in seconds: bars and points sit in the middle of their day. */
const t = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
const HEIGHT = 280;

/** Shades a window of days (from the start of the first to the end of the last) with a label at its top. */
function shade(u: uPlot, [from, to]: [string, string], fill: string, label: string, text: string) {
  const x0 = Math.max(u.bbox.left, u.valToPos(t(from) - DAY / 2, 'x', true));
  const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(t(to) + DAY / 2, 'x', true));
  if (x1 <= x0) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = fill;
  ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
  ctx.fillStyle = text;
  ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  const w = ctx.measureText(label).width;
  if (w + 8 * devicePixelRatio < x1 - x0)
    ctx.fillText(label, x0 + 4 * devicePixelRatio, u.bbox.top + 4 * devicePixelRatio);
  ctx.restore();
}

/** A dashed vertical line at the start of `day`, with its label at the bottom. */
function mark(u: uPlot, day: string, label: string, color: string) {
  const x = u.valToPos(t(day) - DAY / 2, 'x', true);
  if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  ctx.lineWidth = devicePixelRatio;
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.fillText(
    label.length > 28 ? `${label.slice(0, 27)}…` : label,
    x + 3 * devicePixelRatio,
    u.bbox.top + u.bbox.height - 3 * devicePixelRatio,
  );
  ctx.restore();
}

function options(width: number, d: TrendChartData): uPlot.Options {
  const muted = css('--muted') || '#5a6372';
  const grid = css('--border') || '#e2e5ea';
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const maxN = Math.max(1, ...d.answers);
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  d.lines.forEach((l, i) => {
    const base = 1 + i * 3;
    series.push(
      { label: l.name, scale: 'q', stroke: l.color, width: 2, spanGaps: false, points: { show: false } },
      { label: `${l.name} upper`, scale: 'q', stroke: 'transparent', width: 0, points: { show: false } },
      { label: `${l.name} lower`, scale: 'q', stroke: 'transparent', width: 0, points: { show: false } },
    );
    bands.push({ series: [base + 1, base + 2], fill: alpha(l.color, d.lines.length > 1 ? 0.12 : 0.2) });
  });
  series.push({
    label: 'Answers',
    scale: 'n',
    stroke: muted,
    fill: `${muted}33`,
    width: 0,
    paths: uPlot.paths.bars!({ size: [0.7, 12] }),
    points: { show: false },
  });
  const w = d.windows;
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, q: { range: [0, 100] }, n: { range: [0, maxN * 3] } },
    axes: [
      { ...axis },
      { ...axis, scale: 'q', label: `${d.measure}, 7-day`, size: 48 },
      { ...axis, scale: 'n', side: 1, label: 'Answers', size: 48, grid: { show: false } },
    ],
    series,
    bands,
    hooks: {
      drawClear: [
        (u) => {
          const text = css('--muted') || '#5a6372';
          if (w) {
            shade(u, w.baseline, alpha(css('--brand') || '#4f46e5', 0.07), 'Alert baseline: 28 days', text);
            shade(u, w.recent, alpha(css('--danger') || '#b42318', 0.1), 'Last 7 days', text);
          }
        },
      ],
      draw: [
        (u) => {
          for (const m of d.markers ?? []) mark(u, m.day, m.label, css('--text') || '#1a1f29');
        },
      ],
    },
  };
}

export function TrendChart({ data, label }: { data: TrendChartData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const cols: uPlot.AlignedData = [
      data.days.map(t),
      ...data.lines.flatMap((l) => [l.values, l.hi, l.lo]),
      data.answers,
    ];
    const plot = new uPlot(options(el.clientWidth || 600, data), cols, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [data]);
  const marked = data.markers?.length
    ? `; actions marked: ${data.markers.map((m) => `${m.label} (${m.day})`).join(', ')}`
    : '';
  return <div class="trend-chart" ref={box} role="img" aria-label={label + marked} />;
}
