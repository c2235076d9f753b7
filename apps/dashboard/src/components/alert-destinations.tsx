// Settings › Alerts: where the site's alerts go (a signed webhook or a Slack incoming webhook, for every alert or
// one team's touchpoints), "Send a test", what is open now and the latest deliveries with their retries.
import type { AlertsState, Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { useResource } from '../api/use-resource';
import { ShownOnce } from './snippet';
import { ErrorMessage, Loading } from './states';

type Kind = 'webhook' | 'slack';
const KIND_LABEL: Record<Kind, string> = { webhook: 'Webhook (signed JSON)', slack: 'Slack incoming webhook' };
const when = (iso: string) => new Date(iso).toLocaleString();

export function AlertDestinations({ site }: { site: Site }) {
  const state = useResource((s) => api.alerts(site.id, s), [site.id]);
  const canEdit = useCan('editor');
  const [kind, setKind] = useState<Kind>('slack');
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [tested, setTested] = useState<Record<string, string>>({});

  async function act(f: () => Promise<unknown>) {
    setError(undefined);
    try {
      await f();
      state.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    return act(async () => {
      const made = await api.addDestination(site.id, {
        kind,
        url: url.trim(),
        ...(team.trim() ? { team: team.trim() } : {}),
      });
      setSecret(made.secret);
      setUrl('');
      setTeam('');
    });
  };
  const test = (id: string) =>
    act(async () => {
      const r = await api.testDestination(site.id, id);
      setTested({
        ...tested,
        [id]: r.ok ? `Delivered (HTTP ${r.status}).` : `Not delivered: ${r.error}. It will be retried.`,
      });
    });
  const remove = (id: string) =>
    confirm('Remove this destination? Its delivery history goes with it.') &&
    act(() => api.removeDestination(site.id, id));

  return (
    <section class="card editor-card alert-section" aria-labelledby="alerts-h">
      <h2 id="alerts-h">Alerts</h2>
      <p class="muted">
        Quality falling at a touchpoint, a new “fix first” touchpoint and a sudden drop in answers are checked every
        hour; each new alert is sent once, and again only after it has cleared. A weekly digest goes out on Mondays.
      </p>
      {error && <ErrorMessage error={error} title="The alert setting was not changed" />}
      {!state.data ? (
        state.error ? (
          <ErrorMessage error={state.error} retry={state.reload} />
        ) : (
          <Loading rows={2} />
        )
      ) : (
        <Destinations state={state.data} canEdit={canEdit} tested={tested} onTest={test} onRemove={remove} />
      )}
      {canEdit && (
        <form class="alert-form" onSubmit={add} aria-label="New alert destination">
          <div class="field">
            <label for="al-kind">Destination</label>
            <select
              id="al-kind"
              value={kind}
              onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as Kind)}
            >
              {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          <div class="field grow">
            <label for="al-url">URL</label>
            <input
              id="al-url"
              type="url"
              required
              maxLength={500}
              value={url}
              placeholder={
                kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://cx.example.com/throughline-webhook'
              }
              onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="al-team">Only for team (optional)</label>
            <input
              id="al-team"
              maxLength={60}
              value={team}
              placeholder="Logistics"
              onInput={(e) => setTeam((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-secondary btn-sm">
              Add destination
            </button>
          </div>
        </form>
      )}
      {secret && (
        <ShownOnce
          message="Copy the webhook's signing secret now: it is shown only once."
          text={secret}
          label="Webhook signing secret, shown once"
        />
      )}
    </section>
  );
}

function Destinations({
  state,
  canEdit,
  tested,
  onTest,
  onRemove,
}: {
  state: AlertsState;
  canEdit: boolean;
  tested: Record<string, string>;
  onTest: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  return (
    <>
      {state.open.length > 0 && (
        <div class="callout" role="status">
          <strong>Open now:</strong> {state.open.map((a) => a.title).join('; ')}
        </div>
      )}
      {state.destinations.length === 0 ? (
        <p class="hint">No destinations yet: alerts show only in the dashboard until you add one.</p>
      ) : (
        <ul class="plain-list">
          {state.destinations.map((d) => (
            <li key={d.id} class="plain-item" data-testid="alert-destination">
              <span class="alert-destination-text">
                <strong>{d.kind === 'slack' ? 'Slack' : 'Webhook'}</strong> <span class="mono">{d.url}</span>
                {d.team ? <> · team {d.team}</> : <> · every alert</>}
                <br />
                <span class={`hint${d.last?.status === 'failed' ? ' text-danger' : ''}`}>
                  {d.last
                    ? `Last: ${d.last.event} ${d.last.status}${d.last.attempts > 1 ? ` after ${d.last.attempts} attempts` : ''}, ${when(d.last.at)}${d.last.error ? ` (${d.last.error})` : ''}`
                    : 'Nothing sent yet.'}
                </span>
                {tested[d.id] && (
                  <span class="hint" role="status">
                    {' '}
                    {tested[d.id]}
                  </span>
                )}
              </span>
              {canEdit && (
                <span class="tp-row-actions">
                  <button type="button" class="btn btn-secondary btn-sm" onClick={() => onTest(d.id)}>
                    Send a test
                  </button>
                  <button
                    type="button"
                    class="btn btn-ghost btn-sm btn-danger-text"
                    onClick={() => onRemove(d.id)}
                    aria-label={`Remove ${d.url}`}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
