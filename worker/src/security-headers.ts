// Headers on every response the Worker itself makes; static assets get theirs from public/_headers.
// HTTPS only (HSTS), no content sniffing, and the dashboard API's answers (authenticated, per person) never cached.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

const HSTS = 'max-age=63072000; includeSubDomains';

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const set = (res: Response) => {
    res.headers.set('x-content-type-options', 'nosniff');
    if (!res.headers.has('strict-transport-security')) res.headers.set('strict-transport-security', HSTS);
    if (c.req.path.startsWith('/api/') && !res.headers.has('cache-control'))
      res.headers.set('cache-control', 'no-store');
  };
  try {
    set(c.res);
  } catch {
    // A response passed through from a fetch has immutable headers: copy it.
    c.res = new Response(c.res.body, c.res);
    set(c.res);
  }
});
