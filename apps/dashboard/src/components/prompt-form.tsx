// Edit a touchpoint's prompt: which dimensions (1–3), wording per locale, sampling, trigger, recontact period,
// beside a live preview of the widget's real prompt.
import type { Dimension, Prompt, Trigger } from '@throughline/schema';
import { DIMENSIONS, DEFAULT_PROMPT_DIMENSIONS } from '../constants';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { messages } from '../../../../packages/widget/src/prompt/i18n';
import { THEME_QUESTION, withThemeWording } from '../../../../packages/schema/src/brand';
import { packOf, PromptPreview } from './prompt-preview';
import { dimLabel } from './score';
import { ErrorMessage } from './states';

const ASKABLE = DIMENSIONS.filter((d) => d !== 'handoff');
const LANGUAGES: Record<string, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  nl: 'Nederlands',
  ja: '日本語',
  ar: 'العربية',
};

/** `brand`: the brand's name in the `theme` question (site settings' brand name, else the site's name). */
export function PromptForm({
  siteId,
  tpKey,
  prompt,
  onSaved,
  brand = '',
}: {
  siteId: string;
  tpKey: string;
  prompt: Prompt | null;
  onSaved: (p: Prompt) => void;
  brand?: string;
}) {
  const [dims, setDims] = useState<Dimension[]>(prompt?.dimensions ?? [...DEFAULT_PROMPT_DIMENSIONS]);
  const [trigger, setTrigger] = useState<Trigger>(prompt?.trigger ?? { type: 'immediate' });
  const [wording, setWording] = useState<Prompt['wording']>(prompt?.wording ?? {});
  const [locale, setLocale] = useState('en');
  const locales = [...new Set([...Object.keys(LANGUAGES), ...Object.keys(wording)])];
  const builtIn = messages(locale, {}, packOf(locale));
  const [sampling, setSampling] = useState(String(Math.round((prompt?.sampling ?? 1) * 100)));
  const [recontact, setRecontact] = useState(String(prompt?.recontactDays ?? 30));
  const [comment, setComment] = useState(prompt?.comment ?? true);
  const [enabled, setEnabled] = useState(prompt?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const id = (f: string) => `pr-${tpKey}-${f}`;

  function toggle(d: Dimension, on: boolean) {
    setDims(on ? [...dims, d] : dims.filter((x) => x !== d));
    setSaved(false);
  }

  /** The prompt as the form stands: wording trimmed, empty entries and locales dropped (they fall back to built-in text). */
  function current(): Prompt {
    const clean: Prompt['wording'] = {};
    for (const [loc, w] of Object.entries(wording)) {
      const kept = Object.fromEntries(dims.map((d) => [d, (w[d] ?? '').trim()]).filter(([, v]) => v));
      if (Object.keys(kept).length) clean[loc] = kept;
    }
    return {
      dimensions: dims,
      wording: clean,
      sampling: Math.max(0, Math.min(100, Number(sampling) || 0)) / 100,
      trigger,
      recontactDays: Math.max(0, Math.min(365, Math.round(Number(recontact) || 0))),
      comment,
      enabled,
    };
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (dims.length < 1 || dims.length > 3)
      return setError(new ApiError(400, 'client', 'Choose one to three questions.'));
    const body = current();
    setBusy(true);
    setError(undefined);
    try {
      onSaved((await api.putPrompt(siteId, tpKey, body)) ?? body);
      setSaved(true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const num = (v: string) => Number(v) || 0;
  return (
    <div class="prompt-layout">
      <form class="prompt-form" onSubmit={submit} onInput={() => setSaved(false)}>
        {error && <ErrorMessage error={error} title="The prompt was not saved" />}
        <fieldset>
          <legend class="field-label">Questions (choose 1–3)</legend>
          <div class="dim-choices">
            {ASKABLE.map((d) => (
              <label class="check" key={d}>
                <input
                  type="checkbox"
                  checked={dims.includes(d)}
                  disabled={!dims.includes(d) && dims.length >= 3}
                  onChange={(e) => toggle(d, (e.currentTarget as HTMLInputElement).checked)}
                />
                {dimLabel(d)}
              </label>
            ))}
          </div>
          <p class="hint">
            A handoff question is added automatically when the visitor arrives from another touchpoint.
          </p>
        </fieldset>
        <div class="field-inline">
          <label for={id('locale')}>Wording for</label>
          <select
            id={id('locale')}
            value={locale}
            onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value)}
          >
            {locales.map((l) => (
              <option key={l} value={l}>
                {LANGUAGES[l] ?? l}
                {wording[l] && Object.values(wording[l]!).some(Boolean) ? ' ✓' : ''}
              </option>
            ))}
          </select>
        </div>
        {dims.map((d) => (
          <div class="field" key={d}>
            <label for={id(`w-${d}`)}>
              {dimLabel(d)} question ({LANGUAGES[locale] ?? locale})
            </label>
            <input
              id={id(`w-${d}`)}
              maxLength={200}
              lang={locale}
              dir={builtIn.dir}
              value={wording[locale]?.[d] ?? ''}
              placeholder={
                d === 'theme'
                  ? (THEME_QUESTION[locale] ?? THEME_QUESTION.en!).replace('{brand}', brand)
                  : builtIn.question(d)
              }
              onInput={(e) =>
                setWording({
                  ...wording,
                  [locale]: { ...wording[locale], [d]: (e.currentTarget as HTMLInputElement).value },
                })
              }
            />
          </div>
        ))}
        <p class="hint">
          Leave a question empty to use the built-in text shown in grey, which visitors see in their own language.
        </p>
        <div class="field-row">
          <div class="field">
            <label for={id('sampling')}>Ask % of eligible visits</label>
            <input
              id={id('sampling')}
              type="number"
              min={0}
              max={100}
              step={1}
              value={sampling}
              onInput={(e) => setSampling((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for={id('trigger')}>Show</label>
            <select
              id={id('trigger')}
              value={trigger.type}
              onChange={(e) => {
                const t = (e.currentTarget as HTMLSelectElement).value;
                setTrigger(
                  t === 'delay'
                    ? { type: 'delay', seconds: 5 }
                    : t === 'scroll'
                      ? { type: 'scroll', percent: 50 }
                      : t === 'event'
                        ? { type: 'event', name: 'purchase' }
                        : { type: t as 'immediate' | 'exit' },
                );
              }}
            >
              <option value="immediate">Right away</option>
              <option value="delay">After a delay</option>
              <option value="scroll">After scrolling</option>
              <option value="exit">On exit intent</option>
              <option value="event">On a custom event</option>
            </select>
          </div>
          {trigger.type === 'delay' && (
            <div class="field">
              <label for={id('delay')}>Seconds</label>
              <input
                id={id('delay')}
                type="number"
                min={0}
                max={600}
                value={trigger.seconds}
                onInput={(e) =>
                  setTrigger({ type: 'delay', seconds: num((e.currentTarget as HTMLInputElement).value) })
                }
              />
            </div>
          )}
          {trigger.type === 'scroll' && (
            <div class="field">
              <label for={id('scroll')}>Scroll depth %</label>
              <input
                id={id('scroll')}
                type="number"
                min={0}
                max={100}
                value={trigger.percent}
                onInput={(e) =>
                  setTrigger({ type: 'scroll', percent: num((e.currentTarget as HTMLInputElement).value) })
                }
              />
            </div>
          )}
          {trigger.type === 'event' && (
            <div class="field">
              <label for={id('event')}>Event name</label>
              <input
                id={id('event')}
                value={trigger.name}
                maxLength={64}
                onInput={(e) => setTrigger({ type: 'event', name: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
          )}
          <div class="field">
            <label for={id('recontact')}>Ask again after (days)</label>
            <input
              id={id('recontact')}
              type="number"
              min={0}
              max={365}
              value={recontact}
              onInput={(e) => setRecontact((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="form-actions">
          <label class="check">
            <input
              type="checkbox"
              checked={comment}
              onChange={(e) => setComment((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Offer a comment box
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Prompt enabled
          </label>
          <span class="header-spacer" />
          {saved && (
            <span class="saved" role="status">
              Saved
            </span>
          )}
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
            {busy ? 'Saving…' : prompt ? 'Save prompt' : 'Create prompt'}
          </button>
        </div>
      </form>
      <PromptPreview prompt={withThemeWording(current(), brand)} locale={locale} />
    </div>
  );
}
