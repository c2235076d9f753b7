// The in-process floor of the ingest benchmark: the Worker's own site object (worker/src/store/site-store.ts, with
// journey/rules.ts, event-rows.ts, rollup-rows.ts and the STORE_SCHEMA of store-schema.ts) run in this Node process
// over an in-memory node:sqlite database, with no Worker, no RPC and no HTTP in between. Each ingest() is one
// transaction, as in the object; its alarm (the pending-rollup flush) fires when its time has come, checked
// between batches. Rows written are counted three ways:
// - `changes()`: SQLite's own count (total_changes(): every row inserted, updated or deleted, flushed rollups and the
//   watermark included; index entries are not rows to SQLite);
// - `billed()`: that plus one row per index entry an insert into `events` adds (its UNIQUE id, events_visitor, and
//   answers_time for an answer): workerd's rowsWritten counts index entries, and Cloudflare bills them (a visit
//   is 3 rows, an answer 4, as the Worker's x-rows-written shows); rollups and meta are WITHOUT ROWID tables, whose
//   primary key is the table: one row each. setAlarm() calls (one billed row each) are counted apart, in state;
// - as the object reports them (stats().rowsWritten, the figure GET /api/v1/sites/{id}/storage shows).
// Not a benchmark on its own: ingest.bench.mjs uses it.
import { register } from 'node:module';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { importTs } from '../lib/import-ts.mjs';
import { WORKER } from '../lib/paths.mjs';

/** @typedef {{ setAlarms: number, indexEntries: number }} FloorState what the floor counts besides SQLite's changes */

// `cloudflare:workers` exists only in workerd: its DurableObject base class only keeps ctx and env.
const SHIM = 'export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }';
const HOOKS = `const shim = ${JSON.stringify(`data:text/javascript,${encodeURIComponent(SHIM)}`)};
export async function resolve(specifier, context, next) {
  return specifier === 'cloudflare:workers' ? { url: shim, shortCircuit: true } : next(specifier, context);
}`;
let registered = false;

/**
 * ctx.storage.sql over node:sqlite: exec(sql, ...bindings) → a cursor with toArray, one, iteration, rowsRead, rowsWritten.
 * @param {DatabaseSync} db
 * @param {FloorState} state
 */
function sqlStorageOver(db, state) {
  /** @type {Map<string, import('node:sqlite').StatementSync>} */
  const statements = new Map();
  /** @type {Record<'visit' | 'answer', number> | null} */
  let entries = null;
  const changes = db.prepare('SELECT total_changes() AS n');
  const total = () => Number(changes.get()?.n);
  const cursorOf = (/** @type {unknown[]} */ rows, /** @type {number} */ written) => ({
    rowsRead: rows.length,
    rowsWritten: written,
    toArray: () => rows,
    one: () => {
      if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
      return rows[0];
    },
    [Symbol.iterator]: () => rows[Symbol.iterator](),
  });
  return {
    /**
     * @param {string} sql
     * @param {...import('node:sqlite').SQLInputValue} bindings
     */
    exec(sql, ...bindings) {
      // a script of several statements (the schema): no bindings, no rows
      if (!bindings.length && /;\s*\S/.test(sql)) {
        const before = total();
        db.exec(sql);
        return cursorOf([], total() - before);
      }
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      const before = total();
      const rows = statement.all(...bindings);
      if (rows.length && /^\s*INSERT INTO events\b/.test(sql)) {
        entries ??= indexEntriesOf(db);
        state.indexEntries += entries[/** @type {'visit' | 'answer'} */ (bindings[2])];
      }
      return cursorOf(rows, total() - before);
    },
    get databaseSize() {
      const n = db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get()?.n;
      return Number(n);
    },
  };
}

/**
 * Per event kind, the index entries an insert into `events` writes, from the schema's indexes on it.
 * @param {DatabaseSync} db
 */
function indexEntriesOf(db) {
  const out = { visit: 0, answer: 0 };
  for (const { sql } of db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`)
    .all()) {
    const where = sql === null ? null : (/\bWHERE\s+(.*)$/is.exec(String(sql))?.[1]?.trim() ?? null);
    if (where === null)
      out.visit++, out.answer++; // an automatic (UNIQUE) index has no sql
    else {
      const kind = /** @type {'visit' | 'answer' | undefined} */ (/^kind\s*=\s*'(visit|answer)'$/.exec(where)?.[1]);
      if (!kind) throw new Error(`store-floor: cannot count entries of a partial index WHERE ${where}`);
      out[kind]++;
    }
  }
  return out;
}

/**
 * A SiteStore over a fresh in-memory database. `ingest(events, rules)` takes IncomingEvent objects (see
 * `incoming`); `tick()` runs the alarm when it is due; `flush()` writes what is pending (as any read does);
 * `changes()` is SQLite's count of rows written so far, `billed()` that with index entries; `state.setAlarms`
 * counts setAlarm calls (each a billed row).
 */
export async function floorStore() {
  if (!registered) register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  registered = true;
  const { SiteStore } = /** @type {typeof import('../../worker/src/store/site-store')} */ (
    await importTs(path.join(WORKER, 'src/store/site-store.ts'))
  );
  const db = new DatabaseSync(':memory:');
  /** @type {FloorState} */
  const state = { setAlarms: 0, indexEntries: 0 };
  const sql = sqlStorageOver(db, state);
  let depth = 0;
  /** @type {number | null} */
  let alarmAt = null;
  const storage = {
    sql,
    // nested calls (a flush inside ingest) are savepoints, as in workerd
    /**
     * @template T
     * @param {() => T} fn
     */
    transactionSync(fn) {
      const name = `t${depth}`;
      db.exec(depth ? `SAVEPOINT ${name}` : 'BEGIN');
      depth++;
      try {
        const result = fn();
        depth--;
        db.exec(depth ? `RELEASE ${name}` : 'COMMIT');
        return result;
      } catch (e) {
        depth--;
        db.exec(depth ? `ROLLBACK TO ${name}; RELEASE ${name}` : 'ROLLBACK');
        throw e;
      }
    },
    getAlarm: async () => alarmAt,
    setAlarm: async (/** @type {number | Date} */ t) => {
      alarmAt = Number(t);
      state.setAlarms++;
    },
    deleteAlarm: async () => {
      alarmAt = null;
    },
    deleteAll: async () => {
      throw new Error('not in the floor');
    },
  };
  const ctx = { storage, blockConcurrencyWhile: (/** @type {() => Promise<unknown>} */ fn) => fn() };
  // The store reads no binding of its env: an empty one.
  const store = new SiteStore(ctx, /** @type {ConstructorParameters<typeof SiteStore>[1]} */ ({}));
  const changes = db.prepare('SELECT total_changes() AS n');
  return {
    store,
    state,
    ingest: (/** @type {Parameters<typeof store.ingest>} */ ...args) => store.ingest(...args),
    /** Lets the object's async alarm bookkeeping run, then fires the alarm if it is due. */
    async tick() {
      await new Promise((r) => setImmediate(r));
      if (alarmAt !== null && Date.now() >= alarmAt) {
        alarmAt = null;
        await store.alarm();
      }
    },
    flush: () => store.stats(),
    changes: () => Number(changes.get()?.n),
    billed: () => Number(changes.get()?.n) + state.indexEntries,
  };
}

/** The Worker's own conversion of a checked wire event into what the object stores (worker/src/ingest/incoming.ts). */
export async function incomingConverter() {
  const { incomingOf } = /** @type {typeof import('../../worker/src/ingest/incoming')} */ (
    await importTs(path.join(WORKER, 'src/ingest/incoming.ts'))
  );
  return (
    /** @type {import('@throughline/schema').TrackedEvent} */ event,
    /** @type {string} */ visitor,
    channel = 'web',
  ) => incomingOf(event, visitor, channel, null, 'widget');
}
