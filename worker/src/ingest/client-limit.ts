// The order of ingest's limits. The site key is public, so whatever anyone can send must not spend
// the site's budget: first the sender's own limits — per client address (a daily peppered hash of site and
// address, so a new user agent per batch does not make a new client) and per visitor hash — then the batch's
// origin and events are checked, and only a batch the site would store spends the site's budget. A batch refused
// by the address limit costs no D1 write at all; one refused by the visitor or site limit one counter upsert.
import { countDropped } from '../db/dropped-traffic';
import type { Bindings } from '../env';
import { sha256 } from '../ids';
import { CLIENT_LIMIT, siteLimitExceeded, tooMany, visitorLimitExceeded } from './rate-limit';

/** The client an ingest batch comes from: its address with the site, the day and the pepper; never stored. */
export function clientHash(req: Request, siteKey: string, pepper: string, now = new Date()): Promise<string> {
  const ip = req.headers.get('cf-connecting-ip') ?? 'local';
  return sha256(`client\n${now.toISOString().slice(0, 10)}\n${pepper}\n${siteKey}\n${ip}`);
}

/** Throws a 429 when the sender (address, then visitor) is over its limit; runs before anything else of the batch. */
export async function refuseOverLimitSender(
  env: Bindings,
  req: Request,
  siteKey: string,
  events: number,
): Promise<void> {
  const [client, visitor] = await Promise.all([
    clientHash(req, siteKey, env.PEPPER ?? '').then((key) => env.INGEST_CLIENT_LIMITER.limit({ key })),
    visitorLimitExceeded(env, req, siteKey),
  ]);
  if (!client.success) throw tooMany('this address sends too many batches', CLIENT_LIMIT.periodSeconds);
  if (visitor) {
    await countDropped(env.DB, siteKey, 'rate_limited', events);
    throw visitor;
  }
}

/** Throws a 429 when the site is over its limit; called only for a batch that would be stored. */
export async function refuseOverLimitSite(env: Bindings, siteKey: string, events: number): Promise<void> {
  const limited = await siteLimitExceeded(env, siteKey);
  if (limited) {
    await countDropped(env.DB, siteKey, 'rate_limited', events);
    throw limited;
  }
}
