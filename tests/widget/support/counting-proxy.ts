// A pass-through origin in front of the local worker that keeps the body of every POST /v1/events it forwards, and
// can hold some of them back a while: what a browser sends while a page is being left (keepalive fetches, beacons)
// is seen here, where a page's request events no longer reach the test.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  origin: string;
  /** Bodies of the POST /v1/events requests forwarded so far, in arrival order. */
  posts: string[];
  close(): Promise<void>;
}

/** `hold(body)` gives the milliseconds to wait before forwarding a POST /v1/events (0: at once). */
export async function startCountingProxy(
  worker: string,
  hold: (body: string) => number = () => 0,
): Promise<CountingProxy> {
  const posts: string[] = [];
  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const events = req.method === 'POST' && req.url?.startsWith('/v1/events');
      if (events) {
        posts.push(body.toString());
        await new Promise((r) => setTimeout(r, hold(body.toString())));
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !/^(host|connection|content-length)$/.test(k)),
      ) as Record<string, string>;
      const reply = await fetch(worker + req.url, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      const out: Record<string, string> = {};
      reply.headers.forEach((v, k) => {
        if (!/^(content-encoding|content-length|transfer-encoding|connection)$/.test(k)) out[k] = v;
      });
      res.writeHead(reply.status, out).end(Buffer.from(await reply.arrayBuffer()));
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
