// Beside a touchpoint's prompt: what visitors did with it in the last 28 days (shown, answered, dismissed), the
// site's ask budget that decides how often anyone is asked, and how long a score takes to reach the minimum n.
import type { Site } from '@throughline/schema';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { Link } from './link';
import { budgetText, reachEstimate } from './prompt-reach';

const DAYS = 28;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const pct = (v: number) => `${Math.round(v)}%`;

export function PromptReachPanel({ site, tpKey }: { site: Site; tpKey: string }) {
  const to = isoDay(Date.now());
  const from = isoDay(Date.now() - (DAYS - 1) * 86_400_000);
  const overview = useResource((s) => api.overview(site.id, { from, to }, s), [site.id, from, to]);
  const tp = overview.data?.touchpoints.find((t) => t.key === tpKey);
  const { minN, budget } = site.settings;
  const settings = `/sites/${encodeURIComponent(site.id)}/settings`;
  const estimate = tp ? reachEstimate({ answers: tp.n, days: DAYS, minN }) : null;
  const rate = tp?.prompts;
  return (
    <section class="prompt-reach" aria-label="Reach of this prompt">
      <p>
        <strong>Ask budget:</strong> each visitor is asked at most {budgetText(budget)}, across all touchpoints (
        <Link href={settings}>change in Settings</Link>). Sampling and recontact below ask less often, never more.
      </p>
      {overview.error && <p class="muted">The last {DAYS} days’ numbers could not be read.</p>}
      {rate && (
        <p data-testid="prompt-rate">
          <strong>Last {DAYS} days:</strong>{' '}
          {rate.shown === 0 ? (
            tp!.n > 0 ? (
              'the widget recorded no prompt shown here (imported answers carry none).'
            ) : (
              'this prompt was not shown.'
            )
          ) : (
            <>
              shown {rate.shown} time{rate.shown === 1 ? '' : 's'}; answered {pct(rate.answerRate ?? 0)}
              {rate.answerRateCi && (
                <span class="muted">
                  {' '}
                  (95% interval {pct(rate.answerRateCi[0])}–{pct(rate.answerRateCi[1])})
                </span>
              )}
              , dismissed {pct(rate.dismissRate ?? 0)}.
            </>
          )}
        </p>
      )}
      {estimate && (
        <p data-testid="prompt-estimate">
          {estimate.kind === 'none' && (
            <>
              No answers here in the last {DAYS} days, so no pace to estimate from: a score needs {minN} answers.
            </>
          )}
          {estimate.kind === 'enough' && (
            <>
              {tp!.n} answers in the last {DAYS} days: enough for a score (minimum {minN}).
            </>
          )}
          {estimate.kind === 'days' && (
            <>
              At the last {DAYS} days’ pace ({estimate.perDay.toFixed(2)} answers a day), a score needs about{' '}
              {estimate.days} days to reach the minimum of {minN} answers.
            </>
          )}
        </p>
      )}
    </section>
  );
}
