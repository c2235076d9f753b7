// Historical answers as CSV (RFC 4180, parsed by papaparse) made into import events: the columns of the CSV export
// (EXPORT_COLUMNS), so an export imports back unchanged, plus an optional `type` (visit or answer). Only `at` and
// `touchpoint` are required. A row without `id` gets one derived from the site, its row number and its cells, so
// importing the same file twice stores it once; a row without `visitor` is a journey of its own. `quality`
// (computed), `source` (always import) and `country` (not kept for imports) are read and ignored.
import { DIMENSIONS, EXPORT_COLUMNS } from '@throughline/schema';
import Papa from 'papaparse';

const ACCEPTED = new Set<string>([...EXPORT_COLUMNS, 'type']);
/** Cells the export prefixes with ' so spreadsheets do not run them as formulas, or to keep a leading ' (export-csv.ts). */
const DEFUSED = /^'[=+\-@\t\r']/;

export interface CsvRows {
  /** Import events, not yet validated (the import schema names what is wrong, per row). */
  events: Record<string, unknown>[];
  /** The CSV line number (header = 1) of each event, for error messages. */
  lines: number[];
}

/** Reads the file; a problem with the file as a whole (no header, unknown column, broken quoting) is thrown as text. */
export async function csvToImportEvents(text: string, siteId: string): Promise<CsvRows> {
  if (!text.trim())
    throw 'the CSV is empty: it needs a header row with at least "at" and "touchpoint", then a row per answer or visit';
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const broken = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code === 'TooManyFields');
  if (broken) throw `CSV line ${(broken.row ?? 0) + 2}: ${broken.message}`;
  const columns = parsed.meta.fields ?? [];
  const unknown = columns.filter((c) => !ACCEPTED.has(c));
  if (unknown.length)
    throw `unknown column ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are: ${[...ACCEPTED].join(', ')}`;
  for (const needed of ['at', 'touchpoint']) if (!columns.includes(needed)) throw `the CSV needs a "${needed}" column`;

  const events: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const [i, row] of parsed.data.entries()) {
    // Every text cell loses the one ' the export put before it: a visitor id may start with - as a comment with =.
    const cell = (k: string) => {
      const v = (row[k] ?? '').trim();
      return (DEFUSED.test(v) ? v.slice(1) : v) || undefined;
    };
    const answers = Object.fromEntries(
      DIMENSIONS.flatMap((d) =>
        cell(d) === undefined ? [] : [[d, /^\d+$/.test(cell(d)!) ? Number(cell(d)) : cell(d)]],
      ),
    );
    const id = cell('id') ?? (await derivedId(siteId, i, row));
    const context = Object.fromEntries(
      [
        ['device', cell('device')],
        ['channel', cell('channel')],
        ['locale', cell('locale')],
        ['returning', bool(cell('returning'))],
      ].filter(([, v]) => v !== undefined),
    );
    const comment = cell('comment');
    const type = cell('type') ?? (Object.keys(answers).length ? 'answer' : 'visit');
    events.push({
      id,
      type,
      visitor: cell('visitor') ?? `csv-${id.replace(/-/g, '').slice(0, 24)}`,
      touchpoint: cell('touchpoint'),
      at: isoTime(cell('at')),
      ...(cell('from') ? { from: cell('from') } : {}),
      ...(Object.keys(context).length ? { context } : {}),
      ...(type === 'answer' ? { answers } : {}),
      ...(type === 'answer' && comment ? { comment } : {}),
    });
    lines.push(i + 2);
  }
  return { events, lines };
}

/** A date alone (paper forms) is noon UTC of that day, which stays that day in most time zones. */
const isoTime = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T12:00:00Z` : v);

function bool(v: string | undefined): boolean | string | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  return ['true', 'yes', '1'].includes(s) ? true : ['false', 'no', '0'].includes(s) ? false : v;
}

/** A uuid (v4 layout) from SHA-256 of the site, the row number and the row's cells: the same file, the same ids. */
async function derivedId(siteId: string, index: number, row: Record<string, string>): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify([siteId, index, Object.entries(row).sort()]));
  const h = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].slice(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
