// SQL of the actions logged on touchpoints (migration 0012).
import type { Action, ActionInput } from '@throughline/schema';
import { newId } from '../ids';

interface Row {
  id: string;
  touchpoint: string;
  day: string;
  title: string;
  note: string;
  created_by: string;
  created_at: string;
}
const toAction = (r: Row): Action => ({
  id: r.id,
  touchpoint: r.touchpoint,
  day: r.day,
  title: r.title,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** A site's actions, newest day first; of one touchpoint when given. */
export async function listActions(db: D1Database, siteId: string, touchpoint?: string): Promise<Action[]> {
  const q =
    touchpoint === undefined
      ? db.prepare('SELECT * FROM touchpoint_actions WHERE site_id = ? ORDER BY day DESC, created_at DESC').bind(siteId)
      : db
          .prepare(
            'SELECT * FROM touchpoint_actions WHERE site_id = ? AND touchpoint = ? ORDER BY day DESC, created_at DESC',
          )
          .bind(siteId, touchpoint);
  return (await q.all<Row>()).results.map(toAction);
}

export async function createAction(
  db: D1Database,
  siteId: string,
  touchpoint: string,
  input: Required<ActionInput>,
  by: string,
  now: string,
): Promise<Action> {
  const row: Row = {
    id: newId(),
    touchpoint,
    day: input.day,
    title: input.title,
    note: input.note,
    created_by: by,
    created_at: now,
  };
  await db
    .prepare(
      'INSERT INTO touchpoint_actions (id, site_id, touchpoint, day, title, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(row.id, siteId, touchpoint, row.day, row.title, row.note, row.created_by, row.created_at)
    .run();
  return toAction(row);
}

export async function deleteAction(db: D1Database, siteId: string, touchpoint: string, id: string): Promise<boolean> {
  const r = await db
    .prepare('DELETE FROM touchpoint_actions WHERE id = ? AND site_id = ? AND touchpoint = ?')
    .bind(id, siteId, touchpoint)
    .run();
  return (r.meta.changes ?? 0) > 0;
}
