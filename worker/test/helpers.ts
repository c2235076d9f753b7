// Test helpers: a signed-up session that calls the API like the dashboard does (cookie + CSRF header).
import { exports } from 'cloudflare:workers';

const BASE = 'https://tl.test';

/** The Worker under test (its default export), called in-process. */
export const worker = (exports as unknown as { default: Fetcher }).default;

export interface Session {
  cookie: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

export const visitor = () => crypto.randomUUID().replace(/-/g, '');

export async function signup(email = `${crypto.randomUUID()}@example.com`, organization = 'Acme'): Promise<Session> {
  const res = await worker.fetch(`${BASE}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-throughline': '1', origin: BASE },
    body: JSON.stringify({ email, password: 'correct horse battery', organization }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const send = (method: string, path: string, body?: unknown) =>
    worker.fetch(`${BASE}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-throughline': '1', origin: BASE },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { cookie, get: (path) => send('GET', path), send };
}

export async function createSiteWithTouchpoints(s: Session, origins: string[] = []) {
  const site = await (await s.send('POST', '/api/v1/sites', { name: 'Shop', origins })).json<{ id: string; key: string }>();
  for (const [key, stage] of [['home', 'Awareness'], ['cart', 'Purchase'], ['checkout', 'Purchase']] as const) {
    const res = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key, name: key, stage, match: [`/${key}*`] });
    if (res.status !== 201) throw new Error(`touchpoint failed: ${await res.text()}`);
  }
  return site;
}
