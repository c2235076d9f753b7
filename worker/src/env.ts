// Bindings and per-request variables of the Worker.
import type { Role, TokenScope } from '@throughline/schema';
import type { SiteStore } from './store/site-store';

export interface Bindings {
  /** The control plane: accounts, organizations, sessions, sites, setup. */
  DB: D1Database;
  /** Each site's events, journeys and rollups (store/site-store.ts). */
  SITE_STORE: DurableObjectNamespace<SiteStore>;
  ASSETS: Fetcher;
  /** Secret mixed into every password hash (wrangler secret put PEPPER). */
  PEPPER?: string;
  ENVIRONMENT?: string;
  /** Secret that journey links are signed with (wrangler secret put JOURNEY_LINK_SECRET); derived from PEPPER when unset. */
  JOURNEY_LINK_SECRET?: string;
  /** Ingest rate limits (wrangler.jsonc `ratelimits`): per site key, per daily visitor hash, per client address. */
  INGEST_SITE_LIMITER: RateLimit;
  INGEST_VISITOR_LIMITER: RateLimit;
  /** Per client address and site, whatever its user agent (worker/src/ingest/client-limit.ts). */
  INGEST_CLIENT_LIMITER: RateLimit;
  /** The dashboard's public address (https://cx.example.com): alerts link to it. Optional. */
  PUBLIC_URL?: string;
  /** "true" only where browser tests drive headless Chromium: its events are then not dropped as a bot's. */
  ALLOW_HEADLESS?: string;
  /**
   * Cloudflare's email binding (wrangler.jsonc `"send_email": [{ "name": "EMAIL" }]`), optional: with it, people ask
   * for a password reset link by email themselves; without it, only an owner issues one (routes/password-reset-routes.ts).
   */
  EMAIL?: SendEmail;
  /** The sender of those emails, an address on a domain set up for Email Sending; default `no-reply@<this host>`. */
  EMAIL_FROM?: string;
}

/** Who is calling the dashboard API: from a session cookie or an API token. */
interface Caller {
  userId: string | null;
  orgId: string;
  role: Role;
  via: 'session' | 'token' | 'share';
  /** For a share link: the one site it opens (read-only, a few read routes). */
  siteId?: string;
  /** For an API token: what it may do. */
  scope?: TokenScope;
}

export type AppEnv = { Bindings: Bindings; Variables: { caller: Caller } };

declare global {
  namespace Cloudflare {
    // `env` from 'cloudflare:workers' (and in tests) has our bindings.
    interface Env extends Bindings {}
  }
}
