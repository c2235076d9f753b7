// A site's Durable Object (SQLite storage): its raw events, journeys and rollups. One object per site, or per
// shard of a busy site (store/site-stores.ts routes visitors). Its input gate runs one call at a time, so the
// read-modify-write of a visitor's journeys needs no locks or triggers.
//
// Cost per event is constant: a batch stores its raw rows, then adds the difference the batch made to each
// touched visitor's contribution (journey/rules.ts) into `pending`, folded in memory across batches; rollup rows
// are written when it is flushed (an alarm a minute later, before every read, or when it grows large).
// meta.flushed is the durable watermark: rollups hold exactly the events with seq <= flushed. After an eviction
// that lost `pending`, the constructor rebuilds it from the raw events past the watermark.
import { DurableObject } from 'cloudflare:workers';
import type { ResponseRow } from '@throughline/schema';
import {
  addContribution,
  addMetric,
  answerTypes,
  contributionOf,
  loyaltyContributionOf,
  contributionOfJourneys,
  journeysOf,
  pruneZeros,
  type Contribution,
  type Journey,
  type JourneyRules,
  type SegmentContext,
  type StoredEvent,
} from '../journey/rules';
import {
  insertEvent,
  loadVisitors,
  maxSeq,
  sameContext,
  updateContext,
  updateJourneyType,
  visitorsAfter,
  type IncomingEvent,
} from './event-rows';
import { answersPage, type AnswerFilter, type Keyset } from './response-rows';
import { allRollups, applyContribution, dailyRollups, sumRollups, type Metrics } from './rollup-rows';
import { migrateStore } from './store-schema';

/** Fold pending rollups this long before writing them: long enough that most sites fold many events into one
 * write (docs/benchmarks.md, cost model); every read flushes first, and the watermark covers an eviction. */
const FLUSH_AFTER_MS = 60_000;
/** Write at once when this many rollup rows are pending. */
const MAX_PENDING_ROWS = 4_000;

export interface StoreRules extends JourneyRules {
  /** Raw visits older than this many days are dropped by `retain` (default 395, about 13 months). */
  retentionDays: number;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rowsWritten: number;
  rowsRead: number;
}

export class SiteStore extends DurableObject {
  private readonly sql: SqlStorage;
  private pending: Contribution = new Map();
  private pendingRows = 0;
  private rules: StoreRules | null = null;
  /** Rows written since this object started: raw events, contexts, rollups (the cost model's figure). */
  private written = { rows: 0, events: 0 };

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      migrateStore(this.sql);
      const saved = this.meta('rules');
      if (saved) this.rules = JSON.parse(saved) as StoreRules;
      this.backfillMissingMetrics();
      this.recover();
    });
  }

  /** Stores a batch (each id once) and folds what it changes into the pending rollups. */
  ingest(events: IncomingEvent[], given: StoreRules): IngestResult {
    this.setRules(given);
    const rules = this.rules!; // with the journey types the object keeps when the caller did not name them
    return this.ctx.storage.transactionSync(() => {
      const visitors = [...new Set(events.map((e) => e.visitor))];
      const { byVisitor, rowsRead } = loadVisitors(this.sql, visitors);
      let accepted = 0;
      let rowsWritten = 0;
      for (const visitor of visitors) {
        const before = byVisitor.get(visitor)!;
        const known = new Set(before.map((r) => r.event.id));
        const incoming = events.filter((e) => e.visitor === visitor && !known.has(e.id) && (known.add(e.id), true));
        if (!incoming.length) continue;
        const journeys = journeysOf([...before.map((r) => r.event), ...incoming.map(toStored)], rules);
        const contexts = effectiveContexts(journeys);
        const types = typesOfAnswers(journeys, rules);
        const stored: StoredEvent[] = [];
        for (const e of incoming) {
          const { seq, written } = insertEvent(this.sql, e, contexts.get(e.id) ?? e.context, types.get(e.id) ?? null);
          rowsWritten += written;
          if (seq !== null) accepted++, stored.push(toStored(e));
        }
        // an answer whose visit arrived (or changed) in this batch takes that visit's context and journey type
        for (const r of before) {
          const c = contexts.get(r.event.id);
          if (r.event.kind === 'answer' && c && !sameContext(c, r.effective))
            rowsWritten += updateContext(this.sql, r.event.id, c);
          if (r.event.kind === 'answer' && (types.get(r.event.id) ?? null) !== r.journeyType)
            rowsWritten += updateJourneyType(this.sql, r.event.id, types.get(r.event.id) ?? null);
        }
        const old = before.map((r) => r.event);
        // the journeys derived above hold exactly the stored events unless an id was already stored (archived)
        const after =
          stored.length === incoming.length
            ? contributionOfJourneys(journeys, [...old, ...stored], rules)
            : contributionOf([...old, ...stored], rules);
        this.fold(after, contributionOf(old, rules));
      }
      this.written.events += accepted;
      this.written.rows += rowsWritten;
      rowsWritten += this.pendingRows > MAX_PENDING_ROWS ? this.flush() : 0; // flush() counts its own rows
      if (this.pendingRows) void this.armFlush();
      return { accepted, duplicates: events.length - accepted, rowsWritten, rowsRead };
    });
  }

  /** Takes new site settings (a new journey window derives every journey again). */
  configure(rules: StoreRules): void {
    this.setRules(rules);
  }

  /** The rollups of one segment summed over days, per touchpoint; `contextsOnly` keeps the context-gap metrics. */
  sums(
    segment: string,
    from: string,
    to: string,
    contextsOnly = false,
  ): { byTouchpoint: Record<string, Metrics>; rowsRead: number } {
    this.flush();
    return sumRollups(this.sql, segment, from, to, contextsOnly ? (m) => m.startsWith('c:') || m === 'q' : undefined);
  }

  /** Daily rollups for trends and alerts: the score metrics and answer counts of one segment, optionally of one touchpoint. */
  daily(segment: string, from: string, to: string, touchpoint?: string) {
    this.flush();
    return dailyRollups(
      this.sql,
      segment,
      from,
      to,
      touchpoint,
      (m) => m.startsWith('d:') || m === 'q' || m === 'answers',
    );
  }

  /** A page of answers, newest first (responses list and exports). */
  answers(filter: AnswerFilter, limit: number, after: Keyset | null): ResponseRow[] {
    return answersPage(this.sql, filter, limit, after);
  }

  /** Deletes one visitor's events, and takes what they added out of the rollups. */
  deleteVisitor(visitor: string): { visits: number; answers: number; comments: number } {
    const rules = this.rules;
    return this.ctx.storage.transactionSync(() => {
      this.flush();
      const { byVisitor } = loadVisitors(this.sql, [visitor]);
      if (rules)
        this.fold(
          new Map(),
          contributionOf(
            byVisitor.get(visitor)!.map((r) => r.event),
            rules,
          ),
        );
      this.flush();
      const counts = this.sql
        .exec<{ visits: number; answers: number; comments: number }>(
          `SELECT count(*) FILTER (WHERE kind = 'visit') AS visits, count(*) FILTER (WHERE kind = 'answer') AS answers,
                count(comment) AS comments FROM events WHERE visitor = ?`,
          visitor,
        )
        .one();
      this.sql.exec(
        'DELETE FROM comments_fts WHERE rowid IN (SELECT seq FROM events WHERE visitor = ? AND comment IS NOT NULL)',
        visitor,
      );
      this.sql.exec('DELETE FROM events WHERE visitor = ?', visitor);
      return { visits: counts.visits, answers: counts.answers, comments: counts.comments };
    });
  }

  /**
   * Retention (ARCHITECTURE.md › Choices and why): drops the raw visits of visitors whose last event is older than the
   * retention; their answers stay (responses, exports) but no longer take part in journeys. Rollups stay as they
   * are: those journeys ended long before (the retention is far longer than the journey window).
   */
  retain(now: number, rules?: StoreRules): { visitsDropped: number; answersArchived: number } {
    if (rules) this.setRules(rules);
    const r = this.rules;
    if (!r) return { visitsDropped: 0, answersArchived: 0 };
    const cutoff = new Date(now - r.retentionDays * 86_400_000).toISOString();
    return this.ctx.storage.transactionSync(() => {
      this.flush();
      const stale = `SELECT visitor FROM events WHERE archived = 0 GROUP BY visitor HAVING max(at) < ?`;
      const visitsDropped = this.sql.exec(
        `DELETE FROM events WHERE kind IN ('visit', 'prompt') AND visitor IN (${stale})`,
        cutoff,
      ).rowsWritten;
      const answersArchived = this.sql.exec(
        `UPDATE events SET archived = 1 WHERE kind = 'answer' AND archived = 0 AND visitor IN (${stale})`,
        cutoff,
      ).rowsWritten;
      return { visitsDropped, answersArchived };
    });
  }

  /** What this object holds and what it has cost since it started. */
  stats(): {
    events: number;
    visits: number;
    answers: number;
    prompts: number;
    rollupRows: number;
    databaseBytes: number;
    rowsWritten: number;
    eventsWritten: number;
  } {
    this.flush();
    const c = this.sql
      .exec<{ visits: number; answers: number; prompts: number }>(
        `SELECT count(*) FILTER (WHERE kind = 'visit') AS visits, count(*) FILTER (WHERE kind = 'answer') AS answers,
              count(*) FILTER (WHERE kind = 'prompt') AS prompts FROM events`,
      )
      .one();
    const rollupRows = Number(this.sql.exec('SELECT count(*) AS n FROM rollups').one().n);
    return {
      events: c.visits + c.answers + c.prompts,
      visits: c.visits,
      answers: c.answers,
      prompts: c.prompts,
      rollupRows,
      databaseBytes: this.sql.databaseSize,
      rowsWritten: this.written.rows,
      eventsWritten: this.written.events,
    };
  }

  /** Every rollup row (tests compare stores built from the same events in different ways). */
  dump(): Record<string, Metrics> {
    this.flush();
    return allRollups(this.sql);
  }

  /** Removes everything (site deletion). */
  async destroy(): Promise<void> {
    this.pending = new Map();
    this.pendingRows = 0;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    // the object lives on, empty: a later call finds the tables
    this.rules = null;
    migrateStore(this.sql);
    this.setMeta('joined', '1'); // its rollups count joined answers from the start
    // empty, so its rollups already hold every loyalty pair there is
    this.setMeta('loyalty', '1');
  }

  override async alarm(): Promise<void> {
    this.flush();
  }

  /** Adds after − before into the pending rollups. */
  private fold(after: Contribution, before: Contribution): void {
    const diff = pruneZeros(addContribution(after, before, -1));
    addContribution(this.pending, diff);
    this.pendingRows = this.pending.size;
  }

  /** Writes the pending rollups and moves the watermark, in one transaction. Rows written. */
  private flush(): number {
    if (!this.pending.size) return 0;
    const c = pruneZeros(this.pending);
    this.pending = new Map();
    this.pendingRows = 0;
    const written = this.ctx.storage.transactionSync(() => {
      const rows = applyContribution(this.sql, c);
      this.setMeta('flushed', String(maxSeq(this.sql)));
      return rows + 1;
    });
    this.written.rows += written;
    return written;
  }

  /** After an eviction: what the events past the watermark add, back into `pending`, then written. */
  private recover(): void {
    const flushed = Number(this.meta('flushed') ?? 0);
    if (!this.rules || maxSeq(this.sql) <= flushed) return;
    const rules = this.rules;
    const visitors = visitorsAfter(this.sql, flushed);
    const { byVisitor } = loadVisitors(this.sql, visitors);
    for (const rows of byVisitor.values()) {
      this.fold(
        contributionOf(
          rows.map((r) => r.event),
          rules,
        ),
        contributionOf(
          rows.filter((r) => r.seq <= flushed).map((r) => r.event),
          rules,
        ),
      );
    }
    this.flush();
  }

  /**
   * Once per object and metric: rollups written before a metric existed get it for the events they already hold
   * (seq <= flushed), in one pass over those events for every metric still missing; events past the watermark get
   * theirs from `recover`, like every other metric. Written straight to the rollups, so the watermark stays where
   * it is (a later batch's after − before would otherwise subtract what was never added).
   * - `joined`: the joined answers (rules.ts `k`);
   * - `loyalty`: the loyalty pairs (journey/loyalty.ts).
   */
  private backfillMissingMetrics(): void {
    const parts: { meta: string; of: (events: StoredEvent[], rules: JourneyRules) => Contribution }[] = [
      { meta: 'joined', of: (events, rules) => onlyMetric(contributionOf(events, rules), 'k') },
      { meta: 'loyalty', of: loyaltyContributionOf },
    ];
    const missing = parts.filter((p) => this.meta(p.meta) !== '1');
    if (!missing.length) return;
    const rules = this.rules;
    const flushed = Number(this.meta('flushed') ?? 0);
    this.ctx.storage.transactionSync(() => {
      if (rules && flushed > 0) {
        const visitors = this.sql
          .exec<{ visitor: string }>('SELECT DISTINCT visitor FROM events WHERE archived = 0 AND seq <= ?', flushed)
          .toArray()
          .map((r) => r.visitor);
        for (let i = 0; i < visitors.length; i += 200) {
          const added: Contribution = new Map();
          for (const rows of loadVisitors(this.sql, visitors.slice(i, i + 200)).byVisitor.values()) {
            const events = rows.filter((r) => r.seq <= flushed).map((r) => r.event);
            for (const part of missing) addContribution(added, part.of(events, rules));
          }
          const c = pruneZeros(added);
          if (c.size) applyContribution(this.sql, c);
        }
      }
      for (const part of missing) this.setMeta(part.meta, '1');
    });
  }

  private async armFlush(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + FLUSH_AFTER_MS);
  }

  private setRules(given: StoreRules): void {
    // a caller that does not know the journey types (retention, a settings change) keeps the ones the object has
    const rules: StoreRules = {
      ...given,
      types: given.types === undefined ? (this.rules?.types ?? null) : given.types,
    };
    const sameTypes = JSON.stringify(this.rules?.types ?? null) === JSON.stringify(rules.types);
    if (
      this.rules &&
      this.rules.windowDays === rules.windowDays &&
      this.rules.retentionDays === rules.retentionDays &&
      sameTypes
    )
      return;
    // a new window or new journey types (docs/metrics.md › Journey types) place visits anew
    if (this.rules && (this.rules.windowDays !== rules.windowDays || !sameTypes)) this.rederive(this.rules, rules);
    this.rules = rules;
    this.setMeta('rules', JSON.stringify(rules));
  }

  /** A new journey window or types: every visitor's journeys are derived again, and the rollups move by the difference. */
  private rederive(from: JourneyRules, to: JourneyRules): void {
    this.flush();
    const visitors = this.sql
      .exec<{ visitor: string }>('SELECT DISTINCT visitor FROM events WHERE archived = 0')
      .toArray()
      .map((r) => r.visitor);
    for (let i = 0; i < visitors.length; i += 200) {
      const { byVisitor } = loadVisitors(this.sql, visitors.slice(i, i + 200));
      for (const rows of byVisitor.values()) {
        const events = rows.map((r) => r.event);
        const journeys = journeysOf(events, to);
        this.fold(contributionOfJourneys(journeys, events, to), contributionOf(events, from));
        const types = typesOfAnswers(journeys, to);
        for (const r of rows) {
          if (r.event.kind === 'answer' && (types.get(r.event.id) ?? null) !== r.journeyType)
            updateJourneyType(this.sql, r.event.id, types.get(r.event.id) ?? null);
        }
      }
      this.flush();
    }
  }

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
  }
}

function toStored(e: IncomingEvent): StoredEvent {
  const base = { id: e.id, at: e.at, touchpoint: e.touchpoint, channel: e.channel, context: e.context };
  if (e.kind === 'prompt') return { ...base, kind: 'prompt', outcome: e.outcome ?? 'shown' };
  return e.kind === 'visit'
    ? { ...base, kind: 'visit' }
    : { ...base, kind: 'answer', scores: e.scores ?? {}, ...(e.linked ? { linked: true } : {}) };
}

/** Per answer id, its journey type (docs/metrics.md › Journey types), while the site has two or more types. */
function typesOfAnswers(journeys: readonly Journey[], rules: JourneyRules | null): Map<string, string> {
  return rules?.types && rules.types.order.length > 1 ? answerTypes(journeys, rules.types) : new Map();
}

/** Per answer id, the context of the visit it was given in (rules.ts); answers no visit explains keep their own. */
function effectiveContexts(journeys: readonly Journey[]): Map<string, SegmentContext> {
  const out = new Map<string, SegmentContext>();
  for (const j of journeys) for (const { answer, step } of j.answers) out.set(answer.id, step.context);
  return out;
}

/** The rows of `c` with only `metric` kept. */
function onlyMetric(c: Contribution, metric: string): Contribution {
  const out: Contribution = new Map();
  for (const [key, metrics] of c) {
    const v = metrics.get(metric);
    if (v) addMetric(out, key, metric, v);
  }
  return out;
}
