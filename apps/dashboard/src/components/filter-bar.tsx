// Date range, segment and journey type filters; every change is written to the URL query, so views are shareable.
import type { JourneyType } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { PRESETS, SEGMENT_VALUES, daysAgo, isoDate, presetOf } from '../filters';
import { setQuery } from '../router';

/**
 * `journeyTypes`: the site's types; the picker shows when there are two or more (docs/metrics.md › Journey types).
 * `oneType`: the view shows one type at a time (the journey map), so "All journeys" is not offered.
 */
export function FilterBar({
  from,
  to,
  segment,
  journey,
  journeyTypes,
  oneType,
  updatedAt,
}: {
  from: string;
  to: string;
  segment?: string;
  journey?: string;
  journeyTypes?: readonly JourneyType[];
  oneType?: boolean;
  updatedAt?: Date;
}) {
  const chosen = journeyTypes?.find((t) => t.slug === journey || t.id === journey);
  const preset = presetOf(from, to);
  const [custom, setCustom] = useState(preset === null);
  const [segName, segValue] = segment ? segment.split(':') : ['', ''];
  const [name, setName] = useState(segName ?? '');
  const [value, setValue] = useState(segValue ?? '');

  function onPreset(e: Event) {
    const v = (e.currentTarget as HTMLSelectElement).value;
    if (v === 'custom') return setCustom(true);
    setCustom(false);
    setQuery({ from: daysAgo(Number(v)), to: isoDate(new Date()) });
  }
  function onDate(which: 'from' | 'to') {
    return (e: Event) => {
      const v = (e.currentTarget as HTMLInputElement).value;
      if (v) setQuery({ [which]: v });
    };
  }
  function applySegment(e: Event) {
    e.preventDefault();
    const clean = value.trim().replace(/[^A-Za-z0-9_-]/g, '');
    setQuery({ segment: name && clean ? `${name}:${clean}` : null });
  }
  function clearSegment() {
    setName('');
    setValue('');
    setQuery({ segment: null });
  }

  return (
    <div class="filter-bar" role="region" aria-label="Filters">
      <div class="filter-group">
        <label for="f-range">Date range</label>
        <select id="f-range" value={custom ? 'custom' : String(preset)} onChange={onPreset}>
          {PRESETS.map((p) => (
            <option value={p.days} key={p.days}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
        {custom && (
          <span class="date-pair">
            <label for="f-from" class="visually-hidden">
              From
            </label>
            <input id="f-from" type="date" value={from} max={to} onChange={onDate('from')} />
            <span aria-hidden="true">–</span>
            <label for="f-to" class="visually-hidden">
              To
            </label>
            <input id="f-to" type="date" value={to} min={from} onChange={onDate('to')} />
          </span>
        )}
      </div>
      {journeyTypes && journeyTypes.length > 1 && (
        <div class="filter-group">
          <label for="f-journey">Journey</label>
          <select
            id="f-journey"
            data-testid="journey-picker"
            value={chosen?.slug ?? 'all'}
            onChange={(e) => setQuery({ journey: (e.currentTarget as HTMLSelectElement).value })}
          >
            {!oneType && <option value="all">All journeys</option>}
            {journeyTypes.map((t) => (
              <option value={t.slug} key={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <form class="filter-group" onSubmit={applySegment}>
        <label for="f-seg">Segment</label>
        <select id="f-seg" value={name} onChange={(e) => setName((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">All visitors</option>
          {Object.keys(SEGMENT_VALUES).map((s) => (
            <option value={s} key={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
        {name && (
          <>
            <label for="f-seg-value" class="visually-hidden">
              {name} is
            </label>
            <input
              id="f-seg-value"
              class="seg-value"
              list="f-seg-values"
              value={value}
              placeholder={SEGMENT_VALUES[name]?.[0]}
              onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
            />
            <datalist id="f-seg-values">
              {(SEGMENT_VALUES[name] ?? []).map((v) => (
                <option value={v} key={v} />
              ))}
            </datalist>
            <button type="submit" class="btn btn-secondary btn-sm">
              Apply
            </button>
          </>
        )}
        {segment && (
          <button type="button" class="chip" onClick={clearSegment} aria-label={`Remove segment ${segment}`}>
            {segment.replace(':', ' = ')} <span aria-hidden="true">×</span>
          </button>
        )}
      </form>
      {updatedAt && (
        <p
          class="updated-at"
          data-testid="updated-at"
          title="Refreshes when you come back to this window, and every minute while it is open"
        >
          Updated <time dateTime={updatedAt.toISOString()}>{hhmm(updatedAt)}</time>
        </p>
      )}
    </div>
  );
}

/** Local wall-clock time as hh:mm (24-hour), the way a team reads "when was this fetched". */
const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
