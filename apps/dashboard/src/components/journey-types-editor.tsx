// Journey types (docs/metrics.md › Journey types): a site's several journeys (buying, returning an item, getting
// support). Pick the one to edit; rename it, set its stages, and choose which touchpoints serve it and in which of
// its stages; add a type or delete one (the default stays).
import type { JourneyType } from '@throughline/schema';
import { useEffect, useState } from 'preact/hooks';
import { api, type TouchpointWithPrompt } from '../api/client';
import { useAction } from '../api/use-action';
import type { Resource } from '../api/use-resource';
import { StagesEditor } from './stages-editor';
import { ErrorMessage } from './states';

export function JourneyTypesEditor({
  siteId,
  types,
  touchpoints,
  onChanged,
}: {
  siteId: string;
  types: Resource<{ journeyTypes: JourneyType[] }>;
  touchpoints: TouchpointWithPrompt[];
  /** After a change that the rest of the setup shows (the default type's stages and touchpoints). */
  onChanged: () => void;
}) {
  const list = types.data?.journeyTypes ?? [];
  const [selected, setSelected] = useState<string>('');
  const type = list.find((t) => t.id === selected) ?? list.find((t) => t.isDefault);
  if (!type) return null;
  const replace = (t: JourneyType) => types.set({ journeyTypes: list.map((x) => (x.id === t.id ? t : x)) });
  const saved = (t: JourneyType) => {
    replace(t);
    if (t.isDefault) onChanged();
  };

  return (
    <section class="card editor-card journey-types" aria-labelledby="jt-h">
      <div class="editor-head">
        <div>
          <h2 id="jt-h">Journey types</h2>
          <p class="hint">
            A customer may have several journeys with you: buying, returning an item, getting support. Each has its own
            stages and touchpoints, and a touchpoint may serve more than one. The views filter by journey type; the
            journey map shows one at a time.
          </p>
        </div>
      </div>
      <div class="jt-pick">
        <div class="field">
          <label for="jt-select">Journey type to edit</label>
          <select
            id="jt-select"
            value={type.id}
            onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}
          >
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </div>
        <NewType
          siteId={siteId}
          onCreated={(t) => {
            types.set({ journeyTypes: [...list, t] });
            setSelected(t.id);
          }}
        />
      </div>
      <TypeName
        key={`name-${type.id}`}
        siteId={siteId}
        type={type}
        onSaved={saved}
        onDeleted={() => {
          types.set({ journeyTypes: list.filter((t) => t.id !== type.id) });
          setSelected('');
        }}
      />
      <StagesEditor
        key={`stages-${type.id}`}
        siteId={siteId}
        title={`Stages of ${type.name}`}
        stages={type.stages}
        used={new Set(type.touchpoints.map((t) => t.stage))}
        save={async (stages) => {
          const t = await api.patchJourneyType(siteId, type.id, { stages });
          saved(t);
          return t.stages;
        }}
        onSaved={() => {}}
      />
      <TypeTouchpoints key={`tps-${type.id}`} siteId={siteId} type={type} touchpoints={touchpoints} onSaved={saved} />
    </section>
  );
}

function NewType({ siteId, onCreated }: { siteId: string; onCreated: (t: JourneyType) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [stages, setStages] = useState('Request, Resolution');
  const { busy, error, run } = useAction();
  if (!open) {
    return (
      <button type="button" class="btn btn-secondary btn-sm" onClick={() => setOpen(true)}>
        + New journey type
      </button>
    );
  }
  async function create(e: Event) {
    e.preventDefault();
    const t = await run(() =>
      api.createJourneyType(siteId, {
        name: name.trim(),
        stages: stages
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    );
    if (t) {
      onCreated(t);
      setOpen(false);
      setName('');
    }
  }
  return (
    <form class="jt-new" onSubmit={create}>
      {error && <ErrorMessage error={error} title="The journey type was not made" />}
      <div class="field">
        <label for="jt-new-name">Name</label>
        <input
          id="jt-new-name"
          value={name}
          required
          maxLength={60}
          placeholder="Returns"
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="jt-new-stages">Stages, in order, separated by commas</label>
        <input
          id="jt-new-stages"
          value={stages}
          required
          onInput={(e) => setStages((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
          {busy ? 'Creating…' : 'Create journey type'}
        </button>
      </div>
    </form>
  );
}

function TypeName({
  siteId,
  type,
  onSaved,
  onDeleted,
}: {
  siteId: string;
  type: JourneyType;
  onSaved: (t: JourneyType) => void;
  onDeleted: () => void;
}) {
  const [name, setName] = useState(type.name);
  const { busy, error, run } = useAction();
  async function save(e: Event) {
    e.preventDefault();
    const t = await run(() => api.patchJourneyType(siteId, type.id, { name: name.trim() }));
    if (t) onSaved(t);
  }
  async function remove() {
    if (
      !confirm(
        `Delete the journey type "${type.name}"? Its visits then count in the other types their touchpoints serve.`,
      )
    )
      return;
    if ((await run(() => api.deleteJourneyType(siteId, type.id))) !== undefined) onDeleted();
  }
  return (
    <form class="jt-name" onSubmit={save}>
      {error && <ErrorMessage error={error} title="The journey type was not changed" />}
      <div class="field">
        <label for="jt-name">Name</label>
        <input
          id="jt-name"
          value={name}
          required
          maxLength={60}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="form-actions">
        <span class="hint">
          In links and the API: <code>journey={type.slug}</code>
        </span>
        <span class="header-spacer" />
        {!type.isDefault && (
          <button type="button" class="btn btn-ghost btn-sm btn-danger-text" disabled={busy} onClick={remove}>
            Delete journey type
          </button>
        )}
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy || name.trim() === type.name}>
          Rename
        </button>
      </div>
    </form>
  );
}

/** Which touchpoints serve the type, each in one of its stages. */
function TypeTouchpoints({
  siteId,
  type,
  touchpoints,
  onSaved,
}: {
  siteId: string;
  type: JourneyType;
  touchpoints: TouchpointWithPrompt[];
  onSaved: (t: JourneyType) => void;
}) {
  const initial = () => new Map(type.touchpoints.map((t) => [t.key, t.stage]));
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial()), [type]);
  const { busy, error, run } = useAction();
  const dirty = JSON.stringify([...draft]) !== JSON.stringify([...initial()]);
  const set = (key: string, stage: string | null) => {
    const next = new Map(draft);
    if (stage === null) next.delete(key);
    else next.set(key, stage);
    setDraft(next);
  };
  async function save(e: Event) {
    e.preventDefault();
    const list = touchpoints.filter((t) => draft.has(t.key)).map((t) => ({ key: t.key, stage: draft.get(t.key)! }));
    const t = await run(() => api.patchJourneyType(siteId, type.id, { touchpoints: list }));
    if (t) onSaved(t);
  }
  return (
    <form class="jt-touchpoints" onSubmit={save} aria-labelledby="jt-tps-h">
      <h3 id="jt-tps-h">Part of {type.name}</h3>
      <p class="hint">Tick what serves this journey, and its stage here.</p>
      {error && <ErrorMessage error={error} title="The touchpoints were not saved" />}
      {touchpoints.length === 0 ? (
        <p class="hint">Add touchpoints below first.</p>
      ) : (
        <ul class="jt-tp-list">
          {touchpoints.map((t) => {
            const stage = draft.get(t.key);
            return (
              <li key={t.key} class="jt-tp">
                <label class="check">
                  <input
                    type="checkbox"
                    checked={stage !== undefined}
                    onChange={(e) =>
                      set(
                        t.key,
                        (e.currentTarget as HTMLInputElement).checked
                          ? type.stages.includes(t.stage)
                            ? t.stage
                            : type.stages[0]!
                          : null,
                      )
                    }
                  />
                  {t.name}
                </label>
                {stage !== undefined && (
                  <>
                    <label class="visually-hidden" for={`jt-stage-${t.key}`}>
                      Stage of {t.name} in {type.name}
                    </label>
                    <select
                      id={`jt-stage-${t.key}`}
                      value={stage}
                      onChange={(e) => set(t.key, (e.currentTarget as HTMLSelectElement).value)}
                    >
                      {type.stages.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div class="form-actions">
        <span class="header-spacer" />
        <button type="submit" class="btn btn-primary btn-sm" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save touchpoints'}
        </button>
      </div>
    </form>
  );
}
