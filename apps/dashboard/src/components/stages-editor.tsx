// Edit the ordered stages of a journey (the site's default one, or a journey type's): rename, reorder, add, remove;
// saved with one request.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorMessage } from './states';

/** `save`: how the stages are written (default: the site's stages, `PUT /stages`); `title`: the card's heading. */
export function StagesEditor({
  siteId,
  stages,
  used,
  onSaved,
  save: write,
  title = 'Stages',
}: {
  siteId: string;
  stages: string[];
  used: Set<string>;
  onSaved: (s: string[]) => void;
  save?: (stages: string[]) => Promise<string[]>;
  title?: string;
}) {
  const [draft, setDraft] = useState(stages);
  const { busy, error, setError, run } = useAction();
  const [saved, setSaved] = useState(false);
  const dirty = draft.join('\n') !== stages.join('\n');

  const update = (next: string[]) => {
    setDraft(next);
    setSaved(false);
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...draft];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    update(next);
  };

  async function save(e: Event) {
    e.preventDefault();
    const clean = draft.map((s) => s.trim()).filter(Boolean);
    if (new Set(clean).size !== clean.length)
      return setError(new ApiError(400, 'client', 'Stage names must be unique.'));
    const res = await run(() => (write ? write(clean) : api.putStages(siteId, clean).then((r) => r.stages)));
    if (res) {
      onSaved(res);
      setDraft(res);
      setSaved(true);
    }
  }

  return (
    <form class="card editor-card" onSubmit={save} aria-labelledby="stages-h">
      <div class="editor-head">
        <div>
          <h2 id="stages-h">{title}</h2>
          <p class="hint">The columns of the journey map, in the order customers go through them.</p>
        </div>
      </div>
      {error && <ErrorMessage error={error} title="Stages were not saved" />}
      <ol class="stage-list">
        {draft.map((s, i) => (
          <li key={i} class="stage-item">
            <span class="stage-index" aria-hidden="true">
              {i + 1}
            </span>
            <label class="visually-hidden" for={`stage-${i}`}>
              Stage {i + 1} name
            </label>
            <input
              id={`stage-${i}`}
              value={s}
              maxLength={60}
              required
              onInput={(e) => update(draft.map((x, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : x)))}
            />
            <button
              type="button"
              class="btn btn-ghost btn-sm icon-btn"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${s} up`}
            >
              ↑
            </button>
            <button
              type="button"
              class="btn btn-ghost btn-sm icon-btn"
              disabled={i === draft.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${s} down`}
            >
              ↓
            </button>
            <button
              type="button"
              class="btn btn-ghost btn-sm icon-btn"
              disabled={draft.length <= 1 || used.has(stages[i] ?? '')}
              title={used.has(s) ? 'Touchpoints use this stage: move them first' : undefined}
              onClick={() => update(draft.filter((_, j) => j !== i))}
              aria-label={`Remove ${s}`}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={draft.length >= 20}
          onClick={() => update([...draft, ''])}
        >
          + Add stage
        </button>
        <span class="header-spacer" />
        {saved && !dirty && (
          <span class="saved" role="status">
            Saved
          </span>
        )}
        {dirty && (
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => update(stages)}>
            Undo changes
          </button>
        )}
        <button type="submit" class="btn btn-primary btn-sm" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save stages'}
        </button>
      </div>
    </form>
  );
}
