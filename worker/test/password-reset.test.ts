// Password reset by a one-time link (issue 14): issued by an owner for a member, or asked for by email where the
// deployment has the email binding; single use, expiring, stored as a hash; the member's sessions end.
import type { Me } from '@throughline/schema';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { resetEmail } from '../src/auth/reset-email';
import { sha256 } from '../src/ids';
import { RESET_LIMITS } from '../src/routes/password-reset-routes';
import { BASE, db, invite, signup, worker, type Session } from './helpers';
import { CSRF_HEADER } from '@throughline/schema/constants';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'violet harbour seventeen';
const headers = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  [CSRF_HEADER]: '1',
  origin: BASE,
  ...extra,
});
const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  worker.fetch(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body), headers: headers(extra) });
const ip = () => ({ 'cf-connecting-ip': `203.0.113.${Math.floor(Math.random() * 250)}` });
const login = (email: string, password = PASSWORD) => post('/api/v1/auth/login', { email, password }, ip());
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-tl_session='))
    ?.split(';')[0] ?? '';
const me = (cookie: string) => worker.fetch(`${BASE}/api/v1/me`, { headers: { cookie } });
const tokenOf = (url: string) => url.split('/reset/')[1]!;

/** An owner and a viewer who joined their organization with an account of their own (signed in twice). */
async function team() {
  const owner = await signup();
  const email = `${crypto.randomUUID()}@example.com`;
  const joined = await post('/api/v1/invites/accept', {
    token: (await invite(owner)).token,
    email,
    password: PASSWORD,
  });
  const member = (await joined.json<Me>()).user.id;
  return { owner, email, member, sessions: [cookieOf(joined), cookieOf(await login(email))] };
}
const issue = (owner: Session, userId: string) => owner.send('POST', `/api/v1/members/${userId}/password-reset`);

describe('password reset link issued by an owner', () => {
  it("sets a new password once; the member's sessions end and the old password stops working", async () => {
    const { owner, email, member, sessions } = await team();
    const res = await issue(owner, member);
    expect(res.status).toBe(201);
    const link = await res.json<{ url: string; expiresAt: string }>();
    expect(link.url).toMatch(new RegExp(`^${BASE}/reset/tlr_`));
    const token = tokenOf(link.url);
    // Only the hash is kept.
    const row = await db
      .prepare('SELECT token_hash FROM password_resets WHERE user_id = ?')
      .bind(member)
      .first<{ token_hash: string }>();
    expect(row!.token_hash).toBe(await sha256(token));

    const preview = await worker.fetch(`${BASE}/api/v1/auth/reset/${token}`);
    expect(await preview.json()).toEqual({ email, expiresAt: link.expiresAt });
    expect((await post('/api/v1/auth/reset', { token, password: 'password123' })).status).toBe(400);
    const done = await post('/api/v1/auth/reset', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ email, signedIn: true });
    expect((await me(cookieOf(done))).status).toBe(200);
    for (const s of sessions) expect((await me(s)).status).toBe(401);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);

    const again = await post('/api/v1/auth/reset', { token, password: 'another fine phrase' });
    expect(again.status).toBe(410);
    expect((await worker.fetch(`${BASE}/api/v1/auth/reset/${token}`)).status).toBe(410);
  });

  it('works once when the link is used twice at the same moment', async () => {
    const { owner, member } = await team();
    const token = tokenOf((await (await issue(owner, member)).json<{ url: string }>()).url);
    const both = await Promise.all(
      [NEW_PASSWORD, 'another fine phrase'].map((password) => post('/api/v1/auth/reset', { token, password })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 410]);
  });

  it('a new link retires the open one, and an expired link is refused', async () => {
    const { owner, member } = await team();
    const first = tokenOf((await (await issue(owner, member)).json<{ url: string }>()).url);
    const second = tokenOf((await (await issue(owner, member)).json<{ url: string }>()).url);
    expect((await post('/api/v1/auth/reset', { token: first, password: NEW_PASSWORD })).status).toBe(410);
    await db
      .prepare("UPDATE password_resets SET expires_at = '2020-01-01T00:00:00.000Z' WHERE token_hash = ?")
      .bind(await sha256(second))
      .run();
    const expired = await post('/api/v1/auth/reset', { token: second, password: NEW_PASSWORD });
    expect(expired.status).toBe(410);
    expect((await expired.json<{ error: { code: string } }>()).error.code).toBe('reset_expired');
    expect((await post('/api/v1/auth/reset', { token: 'tlr_not-a-real-token', password: NEW_PASSWORD })).status).toBe(
      404,
    );
  });

  it("only an owner issues one, not for themselves, another organization's person, or one who belongs elsewhere", async () => {
    const { owner, member } = await team();
    const ownId = (await (await owner.get('/api/v1/me')).json<Me>()).user.id;
    expect((await issue(owner, ownId)).status).toBe(409);
    const stranger = await signup();
    const strangerId = (await (await stranger.get('/api/v1/me')).json<Me>()).user.id;
    expect((await issue(owner, strangerId)).status).toBe(404);
    // The stranger owns an organization the owner does not: adding them here does not hand over their account.
    const joined = await stranger.send('POST', '/api/v1/invites/accept', { token: (await invite(owner)).token });
    expect(joined.status).toBe(200);
    const elsewhere = await issue(owner, strangerId);
    expect(elsewhere.status).toBe(409);
    expect((await elsewhere.json<{ error: { code: string } }>()).error.code).toBe('member_elsewhere');
    // A viewer cannot issue one; nor can an API token.
    const viewer = {
      send: (m: string, p: string) =>
        worker.fetch(`${BASE}${p}`, {
          method: m,
          headers: { ...headers(), cookie: joined.headers.getSetCookie()[0]!.split(';')[0]! },
        }),
    } as Session;
    expect((await issue(viewer, member)).status).toBe(403);
    const token = (
      await (await owner.send('POST', '/api/v1/tokens', { name: 't', scope: 'write' })).json<{ token: string }>()
    ).token;
    const byToken = await worker.fetch(`${BASE}/api/v1/members/${member}/password-reset`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(403);
  });

  it('counts uses of reset links per address, like logins', async () => {
    // The counters are fixed 15-minute windows: a run that straddles a window's end is run again from a new address.
    const WINDOW_MS = 15 * 60 * 1000;
    let statuses: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const from = { 'cf-connecting-ip': `192.0.2.${77 + attempt}` };
      const window = Math.floor(Date.now() / WINDOW_MS);
      statuses = [];
      for (let i = 0; i <= RESET_LIMITS.use; i++)
        statuses.push(
          (await post('/api/v1/auth/reset', { token: `tlr_guess-${i}-abcdef`, password: NEW_PASSWORD }, from)).status,
        );
      if (Math.floor(Date.now() / WINDOW_MS) === window) break;
    }
    expect(statuses.slice(0, RESET_LIMITS.use).every((s) => s === 404)).toBe(true);
    expect(statuses[RESET_LIMITS.use]).toBe(429);
  });
});

describe('password reset by email', () => {
  it('sends a link where the email binding is configured, and answers the same for an unknown email', async () => {
    const { email, member } = await team();
    expect(await (await worker.fetch(`${BASE}/api/v1/auth/reset`)).json()).toEqual({ email: true });
    const res = await post('/api/v1/auth/reset/request', { email: email.toUpperCase() }, ip());
    expect(res.status).toBe(202);
    const rows = await db
      .prepare('SELECT created_by, expires_at FROM password_resets WHERE user_id = ?')
      .bind(member)
      .all<{ created_by: string | null; expires_at: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.created_by).toBeNull();
    expect(Date.parse(rows.results[0]!.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    const unknown = await post('/api/v1/auth/reset/request', { email: `${crypto.randomUUID()}@example.com` }, ip());
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await res.json());
  });

  it('sends at most a few per account and window, whatever the address', async () => {
    const { email } = await team();
    const statuses: number[] = [];
    for (let i = 0; i <= RESET_LIMITS.requestPerAccount; i++)
      statuses.push((await post('/api/v1/auth/reset/request', { email }, ip())).status);
    expect(statuses).toEqual([...Array(RESET_LIMITS.requestPerAccount).fill(202), 429]);
  });

  it('says plainly that no email is sent where the binding is absent', async () => {
    const without = { ...env, EMAIL: undefined };
    const options = await app.request(`${BASE}/api/v1/auth/reset`, {}, without);
    expect(await options.json()).toEqual({ email: false });
    const res = await app.request(
      `${BASE}/api/v1/auth/reset/request`,
      { method: 'POST', headers: headers(), body: JSON.stringify({ email: 'a@example.com' }) },
      without,
    );
    expect(res.status).toBe(501);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('email_not_configured');
    expect(body.error.message).toMatch(/sends no email.*owner/);
  });

  it('writes the link into the message, escaped in its HTML part', () => {
    const mail = resetEmail('no-reply@tl.test', 'a@example.com', 'https://tl.test/reset/tlr_a"b', 60);
    expect(mail.text).toContain('https://tl.test/reset/tlr_a"b');
    expect(mail.html).toContain('href="https://tl.test/reset/tlr_a&#34;b"');
    expect(mail.subject).toMatch(/reset/i);
  });
});
