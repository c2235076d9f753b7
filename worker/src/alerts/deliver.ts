// The delivery outbox: each pending delivery is POSTed to its destination (signed when a webhook, shaped for Slack
// when a Slack destination); a failure is retried with backoff, and after the last attempt it stays failed and is
// shown in Settings.
import { dueDeliveries, markAttemptFailed, markSent } from '../db/alerts';
import { slackBody, type AlertMessage } from './messages';
import { SIGNATURE_HEADER } from '@throughline/schema';
import { signatureOf } from './sign';

/** Minutes to wait after the 1st, 2nd, … failed attempt; a delivery that fails once more than this is failed. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
const TIMEOUT_MS = 10_000;

export interface Target {
  kind: 'webhook' | 'slack';
  url: string;
  secret: string;
}
export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** One POST of a message to a destination. Never throws: a network error is a failed attempt. */
async function post(target: Target, message: AlertMessage, deliveryId: string, now: number): Promise<AttemptResult> {
  const body = JSON.stringify(target.kind === 'slack' ? slackBody(message) : message);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Throughline-Alerts/1' };
  if (target.kind === 'webhook') {
    headers['x-throughline-event'] = message.event;
    headers['x-throughline-delivery'] = deliveryId;
    headers[SIGNATURE_HEADER] = await signatureOf(target.secret, body, Math.floor(now / 1000));
  }
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok
      ? { ok: true, status: res.status, error: null }
      : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, status: null, error: err instanceof Error ? err.message.slice(0, 200) : 'network error' };
  }
}

/**
 * One attempt at a delivery (its `attempts` so far given), recorded: sent, or failed with the next try after the
 * backoff, or failed for good after the last. The outbox and "Send a test" both go through here.
 */
export async function attemptDelivery(
  env: Cloudflare.Env,
  d: Target & { id: string; attempts: number },
  message: AlertMessage,
  now: number,
): Promise<AttemptResult> {
  const result = await post(d, message, d.id, now);
  const attempts = d.attempts + 1;
  if (result.ok) await markSent(env.DB, d.id, attempts, new Date(now).toISOString());
  else {
    const wait = BACKOFF_MINUTES[attempts - 1];
    await markAttemptFailed(
      env.DB,
      d.id,
      attempts,
      result.error ?? 'failed',
      wait === undefined ? null : new Date(now + wait * 60_000).toISOString(),
    );
  }
  return result;
}

/** Sends every delivery due at `now` (at most `limit`): what was sent and what failed. */
export async function deliverDue(
  env: Cloudflare.Env,
  now: number,
  limit = 200,
): Promise<{ sent: number; failed: number }> {
  const due = await dueDeliveries(env.DB, new Date(now).toISOString(), limit);
  let sent = 0;
  for (const d of due) if ((await attemptDelivery(env, d, JSON.parse(d.payload) as AlertMessage, now)).ok) sent++;
  return { sent, failed: due.length - sent };
}
