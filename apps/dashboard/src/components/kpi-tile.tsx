// One headline number on a view: a score (0–100, coloured, "/100") or a plain figure; "not enough answers" when null.
import { Link } from './link';
import { fmt, hueStyle } from './score';
import { withFilters } from '../router';

export interface Kpi {
  label: string;
  /** A number is a 0–100 score; a string is shown as it is. */
  value: number | string | null;
  /** Score that colours a string value (a number value colours itself). */
  tone?: number | null;
  /** Unit after the value; a score defaults to "/100". */
  unit?: string;
  sub: string;
  /** Makes the tile a link to the view that explains it. */
  href?: string;
}

export function KpiTile({ kpi }: { kpi: Kpi }) {
  const { label, value, sub, href } = kpi;
  const tone = typeof value === 'number' ? value : kpi.tone;
  const unit = kpi.unit ?? (typeof value === 'number' ? '/100' : undefined);
  const body = (
    <>
      <span class="kpi-label">{label}</span>
      {value == null ? (
        <span class="kpi-value kpi-missing">not enough answers</span>
      ) : (
        <span class={tone != null ? 'kpi-value tone-text' : 'kpi-value'} style={hueStyle(tone)}>
          {typeof value === 'number' ? fmt(value) : value}
          {unit && <span class="kpi-unit">{unit}</span>}
        </span>
      )}
      <span class="kpi-sub">{sub}</span>
    </>
  );
  return href ? (
    <Link class="kpi kpi-link" href={withFilters(href)}>
      {body}
    </Link>
  ) : (
    <div class="kpi">{body}</div>
  );
}
