// Live preview of a touchpoint's prompt: the widget's real prompt component (packages/widget/src/prompt),
// mounted inline with the form's current settings and the chosen locale's built-in text pack. Nothing is sent.
import type { Prompt, Theme } from '@throughline/schema';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCALES } from '../../../../packages/widget/src/prompt/locales';
import { mount } from '../../../../packages/widget/src/prompt/mount';

const DEFAULT_THEME: Theme = { color: '#4f46e5', font: 'system-ui, sans-serif', radius: 12 };

/** The built-in text pack of a locale's language (`de-CH` → the German pack), none for English. */
export const packOf = (locale: string) => LOCALES[locale.split(/[-_]/)[0]!.toLowerCase()];

export function PromptPreview({ prompt, locale, theme }: { prompt: Prompt; locale: string; theme?: Theme }) {
  const host = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState('');
  const [round, setRound] = useState(0);
  const key = JSON.stringify([prompt, locale, theme]);
  useEffect(() => {
    if (!host.current) return;
    setNote('');
    return mount({
      dimensions: prompt.dimensions,
      prompt,
      theme: theme ?? DEFAULT_THEME,
      locale,
      pack: packOf(locale),
      inline: host.current,
      onAnswer: () => setNote('Preview only: this answer was not sent.'),
      onDismiss: () => setNote('Closed. Visitors can always dismiss the prompt.'),
    });
  }, [key, round]);
  return (
    <div class="prompt-preview">
      <div class="prompt-preview-head">
        <span class="field-label">Preview ({locale})</span>
        {note && (
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => setRound((r) => r + 1)}>
            Show again
          </button>
        )}
      </div>
      <div ref={host} class="prompt-preview-host" data-testid="prompt-preview" />
      <p class="hint" role="status">
        {note}
      </p>
    </div>
  );
}
