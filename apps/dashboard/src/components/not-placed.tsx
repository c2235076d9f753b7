// Priorities: the touchpoints not on the chart yet, each with the reason: too few answers on quality or importance, or a
// prompt that never asks importance (then more answers would not help: the prompt editor is where to fix it).
import type { TouchpointScores } from '@throughline/schema';
import type { TouchpointWithPrompt } from '../api/client';
import { Link } from './link';
import { countOf } from './score';

/** Why a touchpoint has no place on the chart, in a few words; `ask` when the fix is to ask importance. */
function reasonNotPlaced(
  t: TouchpointScores,
  prompt: TouchpointWithPrompt['prompt'] | undefined,
  minN: number,
): { text: string; ask: boolean } {
  const imp = t.scores.importance?.n ?? 0;
  const asksImportance = prompt?.dimensions.includes('importance') ?? false;
  if (t.importance == null && !asksImportance && imp < minN)
    return {
      text:
        `${prompt ? 'its prompt does not ask importance' : 'it has no prompt, so importance is not asked'}, and loyalty does not yet show it ` +
        `(${t.derivedImportance.n} of ${minN} rated journeys, with outcomes that differ)`,
      ask: true,
    };
  const missing = [
    t.quality == null ? `on quality (has ${t.qualityStat.n})` : null,
    t.importance == null ? `on importance (has ${imp})` : null,
  ].filter(Boolean);
  return { text: `needs ${minN} answers ${missing.join(' and ')}`, ask: false };
}

export function NotPlaced({
  thin,
  prompts,
  minN,
  siteId,
}: {
  thin: TouchpointScores[];
  prompts?: Map<string, TouchpointWithPrompt['prompt']>;
  minN: number;
  siteId: string;
}) {
  if (thin.length === 0) return null;
  return (
    <section class="section" aria-labelledby="not-placed-h">
      <h2 id="not-placed-h">Not placed yet</h2>
      <ul class="not-placed" data-testid="not-placed">
        {thin.map((t) => {
          const r = prompts ? reasonNotPlaced(t, prompts.get(t.key) ?? null, minN) : null;
          return (
            <li key={t.key} data-testid={`not-placed-${t.key}`}>
              <strong>{t.name}</strong> ({countOf(t.n, 'answer')}){r ? `: ${r.text}` : ''}
              {r?.ask && (
                <>
                  {' — '}
                  <Link href={`/sites/${encodeURIComponent(siteId)}/journey?prompt=${encodeURIComponent(t.key)}`}>
                    Add importance to its prompt
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
