// Login throttling. Every attempt is counted before its password is verified, in one D1
// batch, so that no account gets more verifications per window than the limit, however many arrive at once.
// Counted per account and client address together (10 per 15 min), per client address (50), and per account over
// all addresses (100). A stranger therefore locks out only their own address; only a spread attack from many
// addresses reaches the account-wide limit, and a browser that has logged in to the account before (a signed
// "known browser" cookie) has its own budget and is never held by that limit, so a stranger cannot lock out an owner.
// Keys hold only peppered hashes (of the address with the day, and of the email), never an address or an email.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { bumpAll, clear } from '../db/rate-counters';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { hmac, newSecret, sameSecret } from '../ids';

const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_LIMITS = { accountClient: 10, client: 50, account: 100, knownBrowser: 10 } as const;
/** New accounts per client address and window (signup, and invites accepted with a new account): each tells whether an email has an account. */
const NEW_ACCOUNTS_PER_CLIENT = 50;
const KNOWN_BROWSER_COOKIE = '__Host-tl_known';
const KNOWN_BROWSER_DAYS = 180;

const tooMany = () =>
  new ApiError(429, 'too_many_attempts', 'too many login attempts; try again in 15 minutes', undefined, {
    'retry-after': String(LOGIN_WINDOW_MS / 1000),
  });

/** The throttle keys of one login attempt: peppered hashes only. */
async function keys(c: Context<AppEnv>, email: string) {
  const pepper = c.env.PEPPER ?? '';
  const ip = c.req.header('cf-connecting-ip') ?? 'local';
  const account = await hmac(pepper, `login-account\n${email}`);
  const client = await hmac(pepper, `login-client\n${new Date().toISOString().slice(0, 10)}\n${ip}`);
  const known = await knownBrowser(c, email);
  return { account, client, known };
}

/** The id of this browser's known-browser cookie when it is valid for `email`, else null. */
async function knownBrowser(c: Context<AppEnv>, email: string): Promise<string | null> {
  const [nonce, sig] = (getCookie(c, KNOWN_BROWSER_COOKIE) ?? '').split('.');
  if (!nonce || !sig) return null;
  return sameSecret(sig, await hmac(c.env.PEPPER ?? '', `known-browser\n${nonce}\n${email}`)) ? nonce : null;
}

/**
 * Counts this attempt and refuses it (429) when over a limit, before any password is verified. Returns what to
 * call once the password was right: it clears this browser's or address's count for the account and remembers
 * the browser.
 */
export async function countLoginAttempt(c: Context<AppEnv>, email: string): Promise<() => Promise<void>> {
  const { account, client, known } = await keys(c, email);
  const own = known ? `login-known:${account}:${known}` : `login-account-client:${account}:${client}`;
  const counted = known
    ? ([
        [own, LOGIN_LIMITS.knownBrowser],
        [`login-client:${client}`, LOGIN_LIMITS.client],
      ] as const)
    : ([
        [own, LOGIN_LIMITS.accountClient],
        [`login-client:${client}`, LOGIN_LIMITS.client],
        [`login-account:${account}`, LOGIN_LIMITS.account],
      ] as const);
  const counts = await bumpAll(
    c.env.DB,
    counted.map(([k]) => k),
    LOGIN_WINDOW_MS,
  );
  if (counts.some((n, i) => n > counted[i]![1])) throw tooMany();
  return async () => {
    await clear(c.env.DB, own, LOGIN_WINDOW_MS);
    if (!known) {
      const nonce = newSecret().slice(0, 22);
      const sig = await hmac(c.env.PEPPER ?? '', `known-browser\n${nonce}\n${email}`);
      setCookie(c, KNOWN_BROWSER_COOKIE, `${nonce}.${sig}`, {
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        maxAge: KNOWN_BROWSER_DAYS * 86_400,
      });
    }
  };
}

/** Counts an attempt to make an account from this address, refusing it (429) over the limit: see NEW_ACCOUNTS_PER_CLIENT. */
export const countNewAccount = (c: Context<AppEnv>) => countForClient(c, 'signup', NEW_ACCOUNTS_PER_CLIENT);

/**
 * Counts one attempt at `purpose` from this client address (and, with `email`, for that account over all
 * addresses), refusing it (429) over `limit` per window, like a login: password reset links are used and asked for
 * under these.
 */
export async function countForClient(
  c: Context<AppEnv>,
  purpose: string,
  limit: number,
  email?: { email: string; limit: number },
): Promise<void> {
  const ip = c.req.header('cf-connecting-ip') ?? 'local';
  const pepper = c.env.PEPPER ?? '';
  const client = await hmac(pepper, `login-client\n${new Date().toISOString().slice(0, 10)}\n${ip}`);
  const counted: [string, number][] = [[`${purpose}-client:${client}`, limit]];
  if (email) counted.push([`${purpose}-account:${await hmac(pepper, `login-account\n${email.email}`)}`, email.limit]);
  const counts = await bumpAll(
    c.env.DB,
    counted.map(([k]) => k),
    LOGIN_WINDOW_MS,
  );
  if (counts.some((n, i) => n > counted[i]![1])) throw tooMany();
}
