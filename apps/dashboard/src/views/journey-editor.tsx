// Journey setup: journey types and their stages, touchpoints with URL rules, and each touchpoint's prompt.
import type { Prompt } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError, type TouchpointWithPrompt } from '../api/client';
import { useCan } from '../api/session';
import { useResource } from '../api/use-resource';
import { Link } from '../components/link';
import { PartnersEditor } from '../components/partners-editor';
import { PromptForm } from '../components/prompt-form';
import { PromptReachPanel } from '../components/prompt-reach-panel';
import { QrPanel } from '../components/qr-panel';
import { dimLabel } from '../components/score';
import { JourneyTypesEditor } from '../components/journey-types-editor';
import { StagesEditor } from '../components/stages-editor';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { ChannelIcon, CHANNEL_LABELS } from '../components/touchpoint-card';
import { TouchpointForm } from '../components/touchpoint-form';
import type { ViewProps } from './view-props';

export function JourneyEditorView({ site, setSite }: ViewProps) {
  const stages = useResource((s) => api.stages(site.id, s), [site.id]);
  const tps = useResource((s) => api.touchpoints(site.id, s), [site.id]);
  const types = useResource((s) => api.journeyTypes(site.id, s), [site.id]);
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // ?prompt=key opens that touchpoint's prompt editor (Priorities links here when importance is not asked)
  const [promptOpen, setPromptOpen] = useState<string | null>(() => new URLSearchParams(location.search).get('prompt'));
  const [deleteError, setDeleteError] = useState<ApiError>();
  const canEdit = useCan('editor');

  if (stages.error) return <ErrorMessage error={stages.error} retry={stages.reload} />;
  if (tps.error) return <ErrorMessage error={tps.error} retry={tps.reload} />;
  if (!stages.data || !tps.data) return <Loading rows={5} label="Loading journey setup…" />;
  const stageList = stages.data.stages;
  const list = tps.data.touchpoints;
  const used = new Set(list.map((t) => t.stage));
  const done = () => {
    setAdding(null);
    setEditing(null);
    tps.reload();
    types.reload(); // a new touchpoint serves the default type
  };

  async function remove(t: TouchpointWithPrompt) {
    if (!confirm(`Delete "${t.name}"? Its answers stay stored, but it leaves the journey map.`)) return;
    setDeleteError(undefined);
    try {
      await api.deleteTouchpoint(site.id, t.key);
      tps.reload();
      types.reload();
    } catch (err) {
      setDeleteError(err as ApiError);
    }
  }
  const setPrompt = (key: string, p: Prompt) =>
    tps.set({ touchpoints: list.map((t) => (t.key === key ? { ...t, prompt: p } : t)) });

  return (
    <div class="editor">
      <div class="view-head">
        <div>
          <h1>Journey setup</h1>
          <p class="muted">
            Journey types and their stages, the touchpoints in each, and what visitors are asked there.
          </p>
        </div>
        <Link class="btn btn-secondary" href={`/sites/${encodeURIComponent(site.id)}/install`}>
          Install snippet
        </Link>
      </div>
      {!canEdit && (
        <p class="callout callout-info" role="note">
          You have the viewer role: you see the journey setup as it is. Editors and owners change it.
        </p>
      )}
      <fieldset class="bare" disabled={!canEdit}>
        {types.error ? (
          <StagesEditor siteId={site.id} stages={stageList} used={used} onSaved={(s) => stages.set({ stages: s })} />
        ) : (
          <JourneyTypesEditor
            siteId={site.id}
            types={types}
            touchpoints={list}
            onChanged={() => {
              stages.reload();
              tps.reload();
            }}
          />
        )}
        <PartnersEditor site={site} onSaved={setSite} />
      </fieldset>
      {deleteError && <ErrorMessage error={deleteError} title="The touchpoint was not deleted" />}
      <section class="section" aria-labelledby="tps-h">
        <div class="editor-head">
          <div>
            <h2 id="tps-h">Touchpoints</h2>
            <p class="hint">
              Every touchpoint of the site, by its stage in the default journey; which other journey types it serves is
              set above.
            </p>
          </div>
          {canEdit && list.length > 0 && adding === null && (
            <button type="button" class="btn btn-primary btn-sm" onClick={() => setAdding(stageList[0] ?? '')}>
              + Add touchpoint
            </button>
          )}
        </div>
        {list.length === 0 && adding === null && (
          <Empty
            title="Add the first touchpoint"
            action={
              canEdit && (
                <button type="button" class="btn btn-primary" onClick={() => setAdding(stageList[0] ?? '')}>
                  Add a touchpoint
                </button>
              )
            }
          >
            <p>
              A touchpoint is a place where customers meet your brand: a product page, the checkout, a delivery, a shop
              counter. Web touchpoints are recognised by URL rules; offline ones by a QR code.
            </p>
          </Empty>
        )}
        {adding !== null && (
          <div class="card editor-card">
            <h3>New touchpoint</h3>
            <TouchpointForm
              siteId={site.id}
              origin={site.origins[0] ?? location.origin}
              stages={stageList}
              defaultStage={adding}
              onDone={done}
              onCancel={() => setAdding(null)}
            />
          </div>
        )}
        {stageList.map((stage) => {
          const inStage = list.filter((t) => t.stage === stage);
          if (inStage.length === 0 && list.length === 0) return null;
          return (
            <div class="editor-stage" key={stage}>
              <h3 class="editor-stage-h">
                {stage} <span class="muted">({inStage.length})</span>
                {canEdit && (
                  <button
                    type="button"
                    class="btn btn-ghost btn-sm"
                    onClick={() => setAdding(stage)}
                    aria-label={`Add touchpoint to ${stage}`}
                  >
                    + Add
                  </button>
                )}
              </h3>
              {inStage.length === 0 && <p class="hint">No touchpoints in this stage.</p>}
              <ul class="tp-list">
                {inStage.map((t) => (
                  <li key={t.key} class="card tp-row">
                    {editing === t.key ? (
                      <TouchpointForm
                        siteId={site.id}
                        origin={site.origins[0] ?? location.origin}
                        stages={stageList}
                        initial={t}
                        onDone={done}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <div class="tp-row-main">
                          <div class="tp-row-title">
                            <strong>{t.name}</strong> <code class="muted">{t.key}</code>
                          </div>
                          <div class="tp-meta">
                            <span class="tp-channel">
                              <ChannelIcon channel={t.channel} />
                              {CHANNEL_LABELS[t.channel]}
                            </span>
                            <span class="badge badge-neutral">{t.owner}</span>
                            {t.match.length ? (
                              t.match.map((m) => (
                                <code class="rule" key={m}>
                                  {m}
                                </code>
                              ))
                            ) : t.code ? (
                              <span class="hint">Reached by QR code or link</span>
                            ) : (
                              <span class="hint">No URL rules</span>
                            )}
                          </div>
                          <div class="hint">
                            {t.prompt
                              ? `${t.prompt.enabled ? 'Asks' : 'Paused:'} ${t.prompt.dimensions.map(dimLabel).join(', ')} · ${Math.round(t.prompt.sampling * 100)}% of visits`
                              : 'No prompt yet: visits are counted, nobody is asked.'}
                          </div>
                        </div>
                        {canEdit && (
                          <div class="tp-row-actions">
                            <button
                              type="button"
                              class="btn btn-secondary btn-sm"
                              aria-expanded={promptOpen === t.key}
                              onClick={() => setPromptOpen(promptOpen === t.key ? null : t.key)}
                            >
                              {t.prompt ? 'Prompt' : 'Add prompt'}
                            </button>
                            <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(t.key)}>
                              Edit
                            </button>
                            <button
                              type="button"
                              class="btn btn-ghost btn-sm btn-danger-text"
                              onClick={() => remove(t)}
                              aria-label={`Delete ${t.name}`}
                            >
                              Delete
                            </button>
                          </div>
                        )}
                        {t.code && (t.channel === 'offline' || !t.match.length) && (
                          <QrPanel siteId={site.id} tpKey={t.key} name={t.name} code={t.code} />
                        )}
                        {promptOpen === t.key && (
                          <div class="tp-prompt">
                            <PromptReachPanel site={site} tpKey={t.key} />
                            <PromptForm
                              siteId={site.id}
                              tpKey={t.key}
                              prompt={t.prompt}
                              onSaved={(p) => setPrompt(t.key, p)}
                              brand={site.settings?.brandName || site.name}
                            />
                          </div>
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </div>
  );
}
