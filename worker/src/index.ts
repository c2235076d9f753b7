// Worker entry: one Hono app serves widget, ingest, dashboard API and dashboard; the site objects hold each
// site's events; a daily cron applies every site's retention.
import { app } from './app';
import { retainAll } from './store/retention';

export { SiteStore } from './store/site-store';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(retainAll(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Cloudflare.Env>;
