// SQL of alert destinations, open alerts and the delivery outbox (migration 0012).
import type { AlertDestination, AlertDestinationInput, Delivery, OpenAlert } from '@throughline/schema';
import { newId } from '../ids';

export interface DestinationWithSecret {
  id: string;
  kind: 'webhook' | 'slack';
  url: string;
  secret: string;
  team: string | null;
  created_at: string;
}

interface LastRow extends DestinationWithSecret {
  l_event: string | null;
  l_status: Delivery['status'] | null;
  l_attempts: number | null;
  l_at: string | null;
  l_error: string | null;
}

export async function listDestinations(db: D1Database, siteId: string): Promise<AlertDestination[]> {
  const { results } = await db
    .prepare(
      `SELECT d.*, l.event AS l_event, l.status AS l_status, l.attempts AS l_attempts, coalesce(l.sent_at, l.created_at) AS l_at, l.last_error AS l_error
     FROM alert_destinations d
     LEFT JOIN alert_deliveries l ON l.id = (SELECT id FROM alert_deliveries WHERE destination_id = d.id ORDER BY created_at DESC, id DESC LIMIT 1)
     WHERE d.site_id = ? ORDER BY d.created_at, d.id`,
    )
    .bind(siteId)
    .all<LastRow>();
  return results.map((r) => ({
    id: r.id,
    kind: r.kind,
    url: r.url,
    team: r.team,
    createdAt: r.created_at,
    last: r.l_status
      ? { event: r.l_event!, status: r.l_status, attempts: r.l_attempts!, at: r.l_at!, error: r.l_error }
      : null,
  }));
}

/** A site's destinations with their secrets (the run and the test button sign with them). */
export async function destinationsOf(db: D1Database, siteId: string): Promise<DestinationWithSecret[]> {
  return (
    await db
      .prepare('SELECT * FROM alert_destinations WHERE site_id = ? ORDER BY created_at, id')
      .bind(siteId)
      .all<DestinationWithSecret>()
  ).results;
}

export async function createDestination(
  db: D1Database,
  siteId: string,
  input: AlertDestinationInput,
  secret: string,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .prepare(
      'INSERT INTO alert_destinations (id, site_id, kind, url, secret, team, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(id, siteId, input.kind, input.url, secret, input.team ?? null, now)
    .run();
  return id;
}

export async function deleteDestination(db: D1Database, siteId: string, id: string): Promise<boolean> {
  const [, del] = await db.batch([
    db.prepare('DELETE FROM alert_deliveries WHERE destination_id = ? AND site_id = ?').bind(id, siteId),
    db.prepare('DELETE FROM alert_destinations WHERE id = ? AND site_id = ?').bind(id, siteId),
  ]);
  return (del!.meta.changes ?? 0) > 0;
}

interface StateRow {
  key: string;
  kind: OpenAlert['kind'];
  touchpoint: string | null;
  detail: string;
  opened_at: string;
  seen_at: string;
}

export async function openAlerts(
  db: D1Database,
  siteId: string,
): Promise<(OpenAlert & { detail: Record<string, unknown> })[]> {
  const { results } = await db
    .prepare('SELECT * FROM alert_states WHERE site_id = ? AND cleared_at IS NULL ORDER BY opened_at, key')
    .bind(siteId)
    .all<StateRow>();
  return results.map((r) => {
    const detail = JSON.parse(r.detail) as Record<string, unknown> & { title: string };
    return {
      key: r.key,
      kind: r.kind,
      touchpoint: r.touchpoint,
      title: detail.title,
      openedAt: r.opened_at,
      seenAt: r.seen_at,
      detail,
    };
  });
}

/** Statements that open (or reopen) an alert, mark one seen again, or clear one. */
export const openAlertStmt = (
  db: D1Database,
  siteId: string,
  a: { key: string; kind: string; touchpoint: string | null; detail: unknown },
  now: string,
) =>
  db
    .prepare(
      `INSERT INTO alert_states (site_id, key, kind, touchpoint, detail, opened_at, seen_at, cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (site_id, key) DO UPDATE SET detail = excluded.detail, opened_at = excluded.opened_at, seen_at = excluded.seen_at, cleared_at = NULL`,
    )
    .bind(siteId, a.key, a.kind, a.touchpoint, JSON.stringify(a.detail), now, now);
export const seenAlertStmt = (db: D1Database, siteId: string, key: string, now: string) =>
  db.prepare('UPDATE alert_states SET seen_at = ? WHERE site_id = ? AND key = ?').bind(now, siteId, key);
export const clearAlertStmt = (db: D1Database, siteId: string, key: string, now: string) =>
  db.prepare('UPDATE alert_states SET cleared_at = ? WHERE site_id = ? AND key = ?').bind(now, siteId, key);

export const enqueueStmt = (
  db: D1Database,
  d: { destinationId: string; siteId: string; event: Delivery['event']; payload: unknown },
  now: string,
  id = newId(),
) =>
  db
    .prepare(`INSERT INTO alert_deliveries (id, destination_id, site_id, event, payload, status, attempts, next_at, created_at)
              VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`)
    .bind(id, d.destinationId, d.siteId, d.event, JSON.stringify(d.payload), now, now);

export interface DueDelivery {
  id: string;
  event: Delivery['event'];
  payload: string;
  attempts: number;
  kind: 'webhook' | 'slack';
  url: string;
  secret: string;
}

export async function dueDeliveries(db: D1Database, now: string, limit: number): Promise<DueDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT q.id, q.event, q.payload, q.attempts, d.kind, d.url, d.secret FROM alert_deliveries q
     JOIN alert_destinations d ON d.id = q.destination_id
     WHERE q.status = 'pending' AND q.next_at <= ? ORDER BY q.next_at, q.id LIMIT ?`,
    )
    .bind(now, limit)
    .all<DueDelivery>();
  return results;
}

export const markSent = (db: D1Database, id: string, attempts: number, now: string) =>
  db
    .prepare(`UPDATE alert_deliveries SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?`)
    .bind(attempts, now, id)
    .run();

export const markAttemptFailed = (db: D1Database, id: string, attempts: number, error: string, nextAt: string | null) =>
  db
    .prepare(
      `UPDATE alert_deliveries SET status = ?, attempts = ?, last_error = ?, next_at = coalesce(?, next_at) WHERE id = ?`,
    )
    .bind(nextAt ? 'pending' : 'failed', attempts, error, nextAt, id)
    .run();

interface DeliveryRow {
  id: string;
  destination_id: string;
  event: Delivery['event'];
  status: Delivery['status'];
  attempts: number;
  next_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export async function recentDeliveries(db: D1Database, siteId: string, limit = 50): Promise<Delivery[]> {
  const { results } = await db
    .prepare('SELECT * FROM alert_deliveries WHERE site_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
    .bind(siteId, limit)
    .all<DeliveryRow>();
  return results.map((r) => ({
    id: r.id,
    destinationId: r.destination_id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAt: r.status === 'pending' ? r.next_at : null,
    error: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
