// POST /v1/events: the widget's visits and answers. JSON or text/plain (sendBeacon, no preflight).
import { IngestRequestSchema, MAX_BODY_BYTES, MAX_EVENT_AGE_DAYS } from '@throughline/schema';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { countDropped } from '../db/dropped-traffic';
import { configVersionOf } from '../db/site-config';
import type { AppEnv } from '../env';
import { ApiError, invalid } from '../errors';
import { isBot } from '../ingest/bots';
import { checkEvents } from '../ingest/check-events';
import { refuseOverLimitSender, refuseOverLimitSite } from '../ingest/client-limit';
import { incomingOf } from '../ingest/incoming';
import { journeyLinkSecret, verifyJourneyLink } from '../ingest/journey-link';
import { ingestSite } from '../ingest/site-cache';
import { storeEvents } from '../store/site-stores';
import { corsHeaders, originAllowed } from './public-cors';

/** Reads of the site per batch at most: a config that changes again and again meanwhile gets a 503 and a retry. */
const MAX_SITE_READS = 3;

export const ingestRoute = new Hono<AppEnv>()
  // A preflight (a JSON POST from a browser; the widget's text/plain needs none) names its site in the URL,
  // /v1/events?site=KEY, and gets CORS only from that site's allowed origins. Origins the cache does not know yet
  // are checked again on a fresh read.
  .options('/events', async (c) => {
    const key = c.req.query('site');
    let { site, cached } = key ? await ingestSite(c.env.DB, key) : { site: null, cached: false };
    if (site && cached && !originAllowed(c.req.raw, site))
      site = (await ingestSite(c.env.DB, key!, { fresh: true })).site;
    return c.body(null, 204, site && originAllowed(c.req.raw, site) ? corsHeaders(c.req.raw) : {});
  })
  .post(
    '/events',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the body is over ${MAX_BODY_BYTES} bytes`);
      },
    }),
    async (c) => {
      for (const [k, v] of Object.entries(corsHeaders(c.req.raw))) c.header(k, v);
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ApiError(400, 'malformed_json', 'the body is not valid JSON');
      }
      const parsed = IngestRequestSchema.safeParse(body);
      if (!parsed.success) throw invalid(parsed.error);
      const { site: key, visitor, events } = parsed.data;
      // The sender's limits first; the site's only for a batch it would store (ingest/client-limit.ts).
      await refuseOverLimitSender(c.env, c.req.raw, key, events.length);
      let siteLimitChecked = false;
      const bot = isBot(c.req.header('user-agent'), { allowHeadless: c.env.ALLOW_HEADLESS === 'true' });
      const country = (c.req.raw as { cf?: { country?: string } }).cf?.country ?? null;
      // The site usually comes from this isolate's cache. What a cached copy refuses is decided again on a fresh
      // read (any rejected event: most reasons do not depend on the config, but reading again is cheap next to a
      // wrong refusal), and events are stored only while config_version is still the one they were checked by.
      let { site, cached } = await ingestSite(c.env.DB, key);
      let reads = cached ? 0 : 1;
      const refresh = async () => {
        if (reads++ >= MAX_SITE_READS)
          throw new ApiError(503, 'config_changing', 'the site changed while storing; retry', undefined, {
            'retry-after': '1',
          });
        ({ site, cached } = await ingestSite(c.env.DB, key, { fresh: true }));
      };
      for (;;) {
        if (!site) throw new ApiError(404, 'unknown_site', `no site with key "${key}"`);
        if (!originAllowed(c.req.raw, site)) {
          if (cached) {
            await refresh();
            continue;
          }
          throw new ApiError(403, 'origin_not_allowed', 'this origin is not allowed for the site');
        }
        if (bot) {
          await countDropped(c.env.DB, key, 'bots', events.length);
          return c.json({ accepted: 0, duplicates: 0, rejected: [], dropped: events.length }, 202);
        }
        const touchpoints = site.channels;
        const { valid, rejected } = checkEvents(events, {
          touchpoints,
          now: Date.now(),
          maxAgeDays: MAX_EVENT_AGE_DAYS,
          sendQuery: site.sendQuery,
        });
        if (rejected.length && cached) {
          await refresh();
          continue;
        }
        if (!valid.length)
          throw new ApiError(400, 'no_valid_events', rejected[0]?.reason ?? 'no valid events', { rejected });
        if (!siteLimitChecked) {
          await refuseOverLimitSite(c.env, key, valid.length);
          siteLimitChecked = true;
        }
        // A cached config decides nothing for good: store only while it is still the site's current one.
        if (cached && (await configVersionOf(c.env.DB, site.id)) !== site.configVersion) {
          await refresh();
          continue;
        }
        // docs/metrics.md › Journey link: an event that arrived with a valid signed link joins that journey
        // (the secret is derived only for a batch that carries a link: most carry none)
        const secret = valid.some((e) => e.link) ? await journeyLinkSecret(c.env) : '';
        const now = Date.now();
        const incoming = await Promise.all(
          valid.map(async (event) => {
            const joined = event.link
              ? await verifyJourneyLink({ secret, site: site!.id, link: event.link, now })
              : null;
            return {
              ...incomingOf(event, joined?.journey ?? visitor, touchpoints.get(event.touchpoint)!, country, 'widget'),
              linked: !!joined,
            };
          }),
        );
        const { rowsWritten, accepted, duplicates } = await storeEvents(
          c.env,
          site.id,
          site.settings,
          incoming,
          site.types,
        );
        c.header('x-rows-written', String(rowsWritten));
        return c.json({ accepted, duplicates, rejected }, 202);
      }
    },
  );
