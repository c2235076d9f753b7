// Signed journey links (docs/metrics.md › Journey link). A link carries a journey id in a URL (`tl_j`): on
// links to partner domains, in emails, in QR codes printed for one customer. Only the worker makes them: an
// HMAC-SHA256 over the site, the journey id and the expiry, with a Worker secret. A visit joins a linked journey only
// with a valid, unexpired link of its own site; anything else keeps the visitor's own id, so a link posted in a forum
// cannot merge strangers into a journey whose id its author knows for longer than the link lives.
import type { Bindings } from '../env';
import { base64url, hmac } from '../ids';

/** How long the widget's partner hand-over links live: long enough to follow a link, short enough to be useless when posted. */
export const HANDOVER_LINK_SECONDS = 60 * 60;

const enc = new TextEncoder();
const message = (site: string, journey: string, expires: string) => `journey-link\n${site}\n${journey}\n${expires}`;

async function key(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/**
 * The secret links are signed with: JOURNEY_LINK_SECRET when set, else one derived from the PEPPER secret (so a
 * deployment needs no new secret; rotating either ends every link).
 */
export async function journeyLinkSecret(env: Pick<Bindings, 'PEPPER' | 'JOURNEY_LINK_SECRET'>): Promise<string> {
  return env.JOURNEY_LINK_SECRET || hmac(env.PEPPER ?? '', 'journey-link-secret');
}

export interface SignOptions {
  secret: string;
  /** The site's id: a link works only for the site it was made for. */
  site: string;
  journey: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** A signed link for `journey`: `<journey>.<expiry base 36>.<signature>` (JourneyLinkSchema). */
export async function signJourneyLink({ secret, site, journey, expiresAt }: SignOptions): Promise<string> {
  const expires = Math.floor(expiresAt).toString(36);
  const sig = await crypto.subtle.sign('HMAC', await key(secret, 'sign'), enc.encode(message(site, journey, expires)));
  return `${journey}.${expires}.${base64url(new Uint8Array(sig))}`;
}

export interface VerifyOptions {
  secret: string;
  site: string;
  link: string | null | undefined;
  /** Unix milliseconds. */
  now: number;
}

/** The journey id and expiry of a link of `site` whose signature holds and that has not expired; else null. */
export async function verifyJourneyLink({
  secret,
  site,
  link,
  now,
}: VerifyOptions): Promise<{ journey: string; expiresAt: number } | null> {
  const m = /^([A-Za-z0-9_-]{8,64})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(link ?? '');
  if (!m) return null;
  const [, journey, expires, sig] = m as unknown as [string, string, string, string];
  const expiresAt = parseInt(expires, 36);
  if (!(expiresAt * 1000 > now)) return null;
  const bytes = Uint8Array.from(atob(sig.replace(/-/g, '+').replace(/_/g, '/') + '='), (ch) => ch.charCodeAt(0));
  // subtle.verify compares in constant time.
  const ok = await crypto.subtle.verify(
    'HMAC',
    await key(secret, 'verify'),
    bytes,
    enc.encode(message(site, journey, expires)),
  );
  return ok ? { journey, expiresAt } : null;
}

/**
 * The journey an event belongs to: the linked journey when `link` is a valid, unexpired link of `site`, else the
 * visitor's own id. Deterministic in its arguments (no clock, no storage), for whichever store keeps the events.
 * @example
 *   const journey = await resolveJourneyLink({ secret: await journeyLinkSecret(env), site: site.id, visitor, link: event.link, now: Date.now() });
 */
export async function resolveJourneyLink(o: VerifyOptions & { visitor: string }): Promise<string> {
  return (await verifyJourneyLink(o))?.journey ?? o.visitor;
}
