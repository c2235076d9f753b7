// Runs the Worker locally with `wrangler dev` on a local D1: migrations first, then the server,
// resolved once it answers. Used by `pnpm dev`, the browser tests, screenshots and benchmarks.
import { execFileSync, spawn } from 'node:child_process';
import { WORKER, WRANGLER } from './paths.mjs';

// Request.cf (the country of a visit) would be fetched from Cloudflare at every start and reload, printing a stack
// trace each time when offline; locally it would be this machine's country anyway, so the placeholder serves.
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  NO_UPDATE_NOTIFIER: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
};

/** @param {{ persistTo?: string }} [opts] */
export function applyMigrations({ persistTo } = {}) {
  execFileSync(
    WRANGLER,
    ['d1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])],
    {
      cwd: WORKER,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...env, CI: 'true' },
    },
  );
}

/**
 * @param {{ port: number, persistTo?: string, vars?: Record<string,string>, quiet?: boolean }} opts
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startLocalWorker({ port, persistTo, vars = {}, quiet = false }) {
  applyMigrations({ persistTo });
  const args = [
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
    ...(persistTo ? ['--persist-to', persistTo] : []),
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child = spawn(WRANGLER, args, {
    cwd: WORKER,
    env,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit'],
    detached: true,
  });
  // Its own process group (detached), which stop() ends as a whole: wrangler runs workerd as a child.
  const group = child.pid;
  if (group === undefined) throw new Error(`could not start ${WRANGLER}`);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/api/v1/me`);
      if (res.status === 401) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      process.kill(-group);
      throw new Error(`wrangler dev did not start: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-group, 'SIGTERM');
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-group, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5000).unref();
      }),
  };
}
