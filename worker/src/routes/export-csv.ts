// CSV of answers (RFC 4180): quoted where needed, and safe to open in a spreadsheet — a text cell that starts
// with = + - @ tab or CR is prefixed with ' so that it is shown, never run as a formula. A cell that itself starts
// with ' is prefixed too, so that the import can take exactly one ' off every prefixed cell and get the text back.
import { EXPORT_COLUMNS, type ResponseRow } from '@throughline/schema';

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = () => EXPORT_COLUMNS.join(',') + '\r\n';

export function csvLine(r: ResponseRow): string {
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null | undefined> = {
    id: r.id,
    at: r.at,
    visitor: r.visitor,
    touchpoint: r.touchpoint,
    from: r.from,
    sensorial: r.answers.sensorial,
    affective: r.answers.affective,
    cognitive: r.answers.cognitive,
    relational: r.answers.relational,
    behavioral: r.answers.behavioral,
    importance: r.answers.importance,
    handoff: r.answers.handoff,
    theme: r.answers.theme,
    quality: r.quality,
    comment: r.comment,
    device: r.context.device,
    channel: r.context.channel,
    locale: r.context.locale,
    country: r.context.country,
    returning: r.context.returning,
    source: r.source,
  };
  return EXPORT_COLUMNS.map((k) => csvCell(cells[k])).join(',') + '\r\n';
}
