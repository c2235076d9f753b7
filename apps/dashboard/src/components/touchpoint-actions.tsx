// A touchpoint's actions: what the team changed, and whether quality moved after it (before and after windows,
// the change with its interval, the Welch test). Editors log new ones.
import type { Actions, ActionWithEffect } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import type { Resource } from '../api/use-resource';
import { formatP } from './score';
import { ErrorMessage, Loading } from './states';

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const VERDICT: Record<ActionWithEffect['effect']['verdict'], string> = {
  too_early: 'Too early to tell',
  improved: 'Quality went up',
  worsened: 'Quality went down',
  no_clear_change: 'No clear change',
};

function Effect({ e }: { e: ActionWithEffect['effect'] }) {
  const w = (label: string, s: typeof e.before) =>
    `${label} (${s.from} to ${s.to}): ${s.value === null ? 'no answers' : `${f1(s.value)}, ${s.n} answers`}`;
  return (
    <p class="hint">
      <strong class={`verdict verdict-${e.verdict}`}>{VERDICT[e.verdict]}</strong>
      {e.change !== null && e.ci && e.p !== null && (
        <>
          {' '}
          · change {e.change > 0 ? '+' : ''}
          {f1(e.change)} points (95% interval {f1(e.ci[0])} to {f1(e.ci[1])}, {formatP(e.p)})
        </>
      )}
      <br />
      {w('Before', e.before)} · {w('after', e.after)}
      {e.verdict === 'too_early' && <> · each window needs the minimum number of answers</>}
    </p>
  );
}

/** `actions`: the page's load of them (its chart marks the same actions). */
export function TouchpointActions({
  siteId,
  tpKey,
  actions,
}: {
  siteId: string;
  tpKey: string;
  actions: Resource<Actions>;
}) {
  const canEdit = useCan('editor');
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();

  async function log(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await api.logAction(siteId, tpKey, { day, title: title.trim(), note: note.trim() });
      setTitle('');
      setNote('');
      actions.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <section class="section card" aria-labelledby="actions-h">
      <h2 id="actions-h">Actions and their effect</h2>
      <p class="muted">
        Log what the team changed here. Quality in the {14} days before an action’s day is compared with the days from
        it on (as many, up to 14), with a two-sided Welch test.
      </p>
      {!actions.data ? (
        actions.error ? (
          <ErrorMessage error={actions.error} retry={actions.reload} />
        ) : (
          <Loading rows={1} />
        )
      ) : actions.data.actions.length === 0 ? (
        <p class="hint">No actions logged yet.</p>
      ) : (
        <ul class="plain-list">
          {actions.data.actions.map((a) => (
            <li key={a.id} class="action-item" data-testid="action">
              <strong>
                {a.day} · {a.title}
              </strong>{' '}
              <span class="hint">by {a.createdBy}</span>
              {a.note && <p>{a.note}</p>}
              <Effect e={a.effect} />
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form class="alert-form" onSubmit={log} aria-label="Log an action">
          {error && <ErrorMessage error={error} title="The action was not logged" />}
          <div class="field">
            <label for="act-day">Day it reached visitors</label>
            <input
              id="act-day"
              type="date"
              required
              value={day}
              onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field grow">
            <label for="act-title">What changed</label>
            <input
              id="act-title"
              required
              maxLength={120}
              value={title}
              placeholder="Voucher field moved above the total"
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field grow">
            <label for="act-note">Note (optional)</label>
            <input
              id="act-note"
              maxLength={2000}
              value={note}
              onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-secondary btn-sm">
              Log action
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
