// A local HTTP receiver for the worker tests' outbound deliveries (alerts' webhooks and Slack payloads): it keeps
// every request it gets, answers with the status a test asks for, and lists what it got. Loopback only; started
// once per run (vitest globalSetup), so nothing leaves the machine.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    receiverUrl: string;
  }
}

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
  });

export default async function setup(project: TestProject) {
  const got = new Map<string, Received[]>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    // GET /got/<box>: what was delivered to /in/<box>/...
    if (req.method === 'GET' && url.pathname.startsWith('/got/')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(got.get(url.pathname.slice(5)) ?? []));
      return;
    }
    const [, kind, box] = url.pathname.split('/');
    if (kind !== 'in' || !box) {
      res.statusCode = 404;
      res.end();
      return;
    }
    // /in/<box>?status=500 answers 500 (a receiver that is down)
    const status = Number(url.searchParams.get('status') ?? 200);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    got.set(box, [...(got.get(box) ?? []), { path: url.pathname, headers, body: await read(req), status }]);
    res.statusCode = status;
    res.end(status < 300 ? 'ok' : 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('receiverUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
