// Worker entry: one Hono app serves widget, ingest, dashboard API and dashboard; the site objects hold each
// site's events. Cron triggers (wrangler.jsonc): every 10 minutes the alert outbox (retries), once an hour the
// alert run, on Monday at 08:00 UTC the weekly digest, daily at 03:17 every site's retention.
import { app } from './app';
import { deliverDue } from './alerts/deliver';
import { runAlerts } from './alerts/run-alerts';
import { CRONS } from './alerts/crons';
import { retainAll } from './store/retention';

export { SiteStore } from './store/site-store';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const now = controller.scheduledTime;
    switch (controller.cron) {
      case CRONS.retention:
        return ctx.waitUntil(retainAll(env, now));
      case CRONS.alerts:
        return ctx.waitUntil(runAlerts(env, now, { digest: false }));
      case CRONS.digest:
        return ctx.waitUntil(runAlerts(env, now, { digest: true }));
      default:
        return ctx.waitUntil(deliverDue(env, now));
    }
  },
} satisfies ExportedHandler<Cloudflare.Env>;
