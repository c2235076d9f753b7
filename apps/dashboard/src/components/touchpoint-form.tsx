// Add or edit a touchpoint: name, key, stage, channel, owner, the team that looks after it and the URL rules that
// recognise its pages.
import type { Touchpoint } from '@throughline/schema';
import { CHANNELS, OWNERS } from '../constants';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { ErrorMessage } from './states';
import { UrlMatcher } from './url-matcher';
import { CHANNEL_LABELS } from './touchpoint-card';

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function TouchpointForm({
  siteId,
  origin,
  stages,
  initial,
  defaultStage,
  onDone,
  onCancel,
}: {
  siteId: string;
  /** The site's first allowed origin: relative URLs in the matcher are read against it. */
  origin: string;
  stages: string[];
  initial?: Touchpoint;
  defaultStage?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const editing = !!initial;
  const [name, setName] = useState(initial?.name ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(editing);
  const [stage, setStage] = useState(initial?.stage ?? defaultStage ?? stages[0] ?? '');
  const [channel, setChannel] = useState<Touchpoint['channel']>(initial?.channel ?? 'web');
  const [owner, setOwner] = useState<Touchpoint['owner']>(initial?.owner ?? 'brand');
  const [team, setTeam] = useState(initial?.team ?? '');
  const [match, setMatch] = useState(initial?.match.join('\n') ?? '');
  const pick = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLTextAreaElement).value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = (f: string) => `tp-${initial?.key ?? 'new'}-${f}`;
  const rules = () =>
    match
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const body = {
      name: name.trim(),
      stage,
      channel,
      owner,
      team: team.trim(),
      match: rules(),
    };
    setBusy(true);
    setError(undefined);
    try {
      if (editing) await api.patchTouchpoint(siteId, initial.key, body);
      else await api.createTouchpoint(siteId, { key, ...body });
      onDone();
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  }

  return (
    <form class="tp-form" onSubmit={submit} aria-label={editing ? `Edit ${initial.name}` : 'New touchpoint'}>
      {error && (
        <ErrorMessage error={error} title={editing ? 'Changes were not saved' : 'The touchpoint was not added'} />
      )}
      <div class="field-row">
        <div class="field">
          <label for={id('name')}>Name</label>
          <input
            id={id('name')}
            ref={first}
            value={name}
            required
            maxLength={120}
            placeholder="Checkout"
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setName(v);
              if (!keyTouched) setKey(slug(v));
            }}
          />
        </div>
        <div class="field">
          <label for={id('key')}>Key</label>
          <input
            id={id('key')}
            value={key}
            required
            disabled={editing}
            pattern="[a-z0-9][a-z0-9_\-]*"
            maxLength={64}
            aria-describedby={id('key-hint')}
            onInput={(e) => {
              setKeyTouched(true);
              setKey((e.currentTarget as HTMLInputElement).value);
            }}
          />
          <p class="hint" id={id('key-hint')}>
            {editing
              ? 'Answers are filed under the key, so it cannot change.'
              : 'Lowercase letters, digits, - and _. It cannot change later.'}
          </p>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for={id('stage')}>Stage</label>
          <select id={id('stage')} value={stage} onChange={(e) => setStage(pick(e))}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('channel')}>Channel</label>
          <select id={id('channel')} value={channel} onChange={(e) => setChannel(pick(e) as Touchpoint['channel'])}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c] ?? c}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('owner')}>Owner</label>
          <select id={id('owner')} value={owner} onChange={(e) => setOwner(pick(e) as Touchpoint['owner'])}>
            {OWNERS.map((o) => (
              <option key={o} value={o}>
                {o[0]!.toUpperCase() + o.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('team')}>Team</label>
          <input
            id={id('team')}
            maxLength={60}
            value={team}
            placeholder="Logistics"
            aria-describedby={id('team-hint')}
            onInput={(e) => setTeam(pick(e))}
          />
          <p class="hint" id={id('team-hint')}>
            Who looks after it: its alerts go to this team’s destinations (Settings › Alerts).
          </p>
        </div>
      </div>
      <div class="field">
        <label for={id('match')}>URL rules</label>
        <textarea
          id={id('match')}
          rows={3}
          value={match}
          onInput={(e) => setMatch(pick(e))}
          placeholder={'/checkout*\n/cart?step=pay'}
          aria-describedby={id('match-hint')}
          class="mono"
        />
        <p class="hint" id={id('match-hint')}>
          One path pattern per line; <code>*</code> matches anything, <code>?param=value</code> must be in the query.
          Leave empty for offline touchpoints (reached by QR code) or pages that call{' '}
          <code>throughline('touchpoint', key)</code>.
        </p>
        {channel !== 'offline' && <UrlMatcher id={id('try')} rules={rules()} base={origin} />}
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save touchpoint' : 'Add touchpoint'}
        </button>
        <button type="button" class="btn btn-ghost btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
