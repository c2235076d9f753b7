// A person's own account (issue 15, L6 and L7): joining again after removal, changing the password, ending other
// sessions, deleting the account; new passwords that are not among the first guesses; signups counted per address.
import type { Me } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, invite, sessionFor, signup, worker } from './helpers';
import { CSRF_HEADER } from '@throughline/schema/constants';

const PASSWORD = 'correct horse battery';

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return worker.fetch(`${BASE}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', origin: BASE, ...headers },
  });
}
const sessionCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-tl_session='))
    ?.split(';')[0] ?? '';
const as = sessionFor;
const login = (email: string, password = PASSWORD, ip = `198.51.100.${Math.floor(Math.random() * 200)}`) =>
  post('/api/v1/auth/login', { email, password }, { 'cf-connecting-ip': ip });

describe('account', () => {
  it('a removed member can log in to hear why, and join again by a new invite link with their password', async () => {
    const owner = await signup();
    const email = `${crypto.randomUUID()}@example.com`;
    const joined = await post('/api/v1/invites/accept', {
      token: (await invite(owner)).token,
      email,
      password: PASSWORD,
    });
    const id = (await joined.json<Me>()).user.id;
    expect((await owner.send('DELETE', `/api/v1/members/${id}`)).status).toBe(204);
    const refused = await login(email);
    expect(refused.status).toBe(403);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe('no_organization');
    expect((await login(email, 'wrong password!')).status).toBe(401);
    const again = (await invite(owner)).token;
    expect((await post('/api/v1/invites/accept', { token: again, email, password: 'wrong password!' })).status).toBe(
      401,
    );
    const back = await post('/api/v1/invites/accept', { token: again, email, password: PASSWORD });
    expect(back.status).toBe(200);
    expect((await as(sessionCookie(back)).get('/api/v1/me')).status).toBe(200);
  });

  it('changes the password: the old one and every other session stop working, this browser goes on', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    const first = await signup(email);
    const second = as(sessionCookie(await login(email)));
    expect(
      (
        await first.send('POST', '/api/v1/auth/password', {
          current: 'wrong password!',
          password: 'a brand new phrase',
        })
      ).status,
    ).toBe(403);
    expect(
      (await first.send('POST', '/api/v1/auth/password', { current: PASSWORD, password: 'password123' })).status,
    ).toBe(400);
    const changed = await first.send('POST', '/api/v1/auth/password', {
      current: PASSWORD,
      password: 'a brand new phrase',
    });
    expect(changed.status).toBe(204);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await first.get('/api/v1/me')).status).toBe(401); // the old id was replaced ...
    expect((await as(sessionCookie(changed)).get('/api/v1/me')).status).toBe(200); // ... by a new one
    expect((await login(email)).status).toBe(401);
    expect((await login(email, 'a brand new phrase')).status).toBe(200);
  });

  it('ends every other session of the person', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    const first = await signup(email);
    const others = [as(sessionCookie(await login(email))), as(sessionCookie(await login(email)))];
    const res = await first.send('POST', '/api/v1/auth/sessions/end-others');
    expect(await res.json()).toEqual({ ended: 2 });
    for (const o of others) expect((await o.get('/api/v1/me')).status).toBe(401);
    expect((await first.get('/api/v1/me')).status).toBe(200);
  });

  it('deletes an account, but not the last owner of a team nor the only member of an organization with sites', async () => {
    const owner = await signup();
    const viewerEmail = `${crypto.randomUUID()}@example.com`;
    const viewer = as(
      sessionCookie(
        await post('/api/v1/invites/accept', {
          token: (await invite(owner)).token,
          email: viewerEmail,
          password: PASSWORD,
        }),
      ),
    );
    expect((await owner.send('DELETE', '/api/v1/me', { password: PASSWORD })).status).toBe(409);
    expect((await viewer.send('DELETE', '/api/v1/me', { password: 'wrong password!' })).status).toBe(403);
    // The viewer also owns an organization of their own (made when the account was made) only if they signed up; here they did not.
    expect((await viewer.send('DELETE', '/api/v1/me', { password: PASSWORD })).status).toBe(204);
    expect((await login(viewerEmail)).status).toBe(401);
    const alone = await signup();
    await createSiteWithTouchpoints(alone);
    const res = await alone.send('DELETE', '/api/v1/me', { password: PASSWORD });
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('delete_sites_first');
  });
});

describe('new passwords and signups (L7)', () => {
  it('refuses passwords that are among the first guesses', async () => {
    for (const password of [
      'password123',
      '1234567890',
      'aaaaaaaaaaaa',
      'qwertyuiop',
      'Password2024!',
      'abcdefghijkl',
      'letmein12345',
    ]) {
      const res = await post('/api/v1/auth/signup', {
        email: `${crypto.randomUUID()}@example.com`,
        password,
        organization: 'Acme',
      });
      expect(res.status, password).toBe(400);
    }
    expect(
      (
        await post('/api/v1/auth/signup', {
          email: `${crypto.randomUUID()}@example.com`,
          password: 'tangerine lighthouse 7',
          organization: 'Acme',
        })
      ).status,
    ).toBe(201);
  });

  it('counts signups per address, so that asking which emails have an account is slow', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    await signup(email);
    const ip = { 'cf-connecting-ip': '192.0.2.199' };
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++)
      statuses.push(
        (await post('/api/v1/auth/signup', { email, password: PASSWORD, organization: 'Acme' }, ip)).status,
      );
    expect(statuses.slice(0, 50).every((st) => st === 409)).toBe(true);
    expect(statuses[50]).toBe(429);
  });
});
