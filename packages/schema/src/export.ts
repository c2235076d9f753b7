// Answer exports: GET /api/v1/sites/{id}/export.csv and export.json, with the responses filters.
import type { z } from 'zod';
import { ResponsesFilterSchema } from './responses';

/** The same filters as the responses list; an export holds every matching answer, newest first. */
export const ExportQuerySchema = ResponsesFilterSchema;
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/**
 * CSV columns, in order. Dimension columns are empty when not answered; `comment` and every text
 * cell that starts with = + - @ or a tab are prefixed with ' so that spreadsheets do not run them.
 */
export const EXPORT_COLUMNS = [
  'id',
  'at',
  'visitor',
  'touchpoint',
  'from',
  'sensorial',
  'affective',
  'cognitive',
  'relational',
  'behavioral',
  'importance',
  'handoff',
  'theme',
  'quality',
  'comment',
  'device',
  'channel',
  'locale',
  'country',
  'returning',
  'source',
] as const;
