// The responses list and exports over a site's objects: filters checked and resolved (segment normalised, stage
// to its touchpoints), keyset cursors, and pages merged newest first across shards.
import { normalizeSegment, type ResponseRow, type ResponsesFilter, type Site } from '@throughline/schema';
import { journeyScopeOf } from '../analytics/journey-scope';
import { listTouchpoints } from '../db/touchpoints';
import { ApiError } from '../errors';
import type { AnswerFilter, Keyset } from './response-rows';
import { answersOf } from './site-stores';

/** The filter as the site objects take it; throws the 4xx a bad filter gets, before any byte is sent. */
export async function answerFilterOf(db: D1Database, siteId: string, f: ResponsesFilter): Promise<AnswerFilter> {
  const out: AnswerFilter = {
    from: f.from,
    to: f.to,
    hasComment: f.hasComment,
    q: f.q,
    touchpoints: f.touchpoint ? [f.touchpoint] : undefined,
  };
  // a journey type (docs/metrics.md › Journey types): the answers given in its visits (a site with one type: all)
  const journey = f.journey === undefined ? null : await journeyScopeOf(db, siteId, f.journey);
  const only = (keys: string[]) => (out.touchpoints ? out.touchpoints.filter((k) => keys.includes(k)) : keys);
  if (journey?.answersOf) out.journeyType = journey.answersOf;
  if (!f.segment) return out;
  const checked = normalizeSegment(f.segment);
  if (!checked.ok) throw new ApiError(400, 'invalid_segment', checked.reason, { allowed: checked.allowed });
  if (!checked.segment.startsWith('stage:')) return { ...out, segment: checked.segment };
  const stage = checked.segment.slice('stage:'.length);
  const inStage = (journey?.touchpoints ?? (await listTouchpoints(db, siteId)))
    .filter((t) => t.stage === stage)
    .map((t) => t.key);
  return { ...out, touchpoints: only(inStage) };
}

/** The opaque cursor of the row after which the next page starts. */
const encodeCursor = (r: Keyset) => btoa(`${r.at}|${r.id}`).replace(/=+$/, '');

function decodeCursor(cursor: string): Keyset {
  try {
    const [at, id] = atob(cursor).split('|');
    if (at && id && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    /* below */
  }
  throw new ApiError(400, 'invalid_cursor', 'the cursor is not one this API gave out');
}

/** One page of matching answers, newest first, and the cursor of the next page (null on the last). */
export async function readResponses(env: Cloudflare.Env, site: Site, f: AnswerFilter, limit: number, cursor?: string) {
  const after = cursor ? decodeCursor(cursor) : null;
  const { rows, more } = await answersOf(env, site.id, site.settings.shards, f, limit, after);
  const last = rows[rows.length - 1];
  return { responses: rows, nextCursor: more && last ? encodeCursor(last) : null };
}

/** Every matching answer, newest first, one page at a time: memory stays one page whatever the site's size. */
export async function* allResponses(
  env: Cloudflare.Env,
  site: Site,
  f: AnswerFilter,
  pageSize = 500,
): AsyncGenerator<ResponseRow[]> {
  let cursor: string | undefined;
  do {
    const page = await readResponses(env, site, f, pageSize, cursor);
    if (page.responses.length) yield page.responses;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
