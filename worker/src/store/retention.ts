// Retention (ARCHITECTURE.md › Choices and why): raw visits older than each site's retention are dropped by the daily
// cron; rollups stay. Sites are read from D1 in pages, and each of their objects applies its own rule.
import { SiteSettingsSchema } from '@throughline/schema';
import { allStores, rulesOf } from './site-stores';

const PAGE = 200;

export async function retainAll(env: Cloudflare.Env, now: number): Promise<{ sites: number; visitsDropped: number }> {
  let after = '';
  let sites = 0;
  let visitsDropped = 0;
  for (;;) {
    const { results } = await env.DB.prepare('SELECT id, settings FROM sites WHERE id > ? ORDER BY id LIMIT ?')
      .bind(after, PAGE)
      .all<{ id: string; settings: string }>();
    for (const row of results) {
      const settings = SiteSettingsSchema.parse(JSON.parse(row.settings));
      const done = await Promise.all(
        allStores(env, row.id, settings.shards).map((s) => s.retain(now, rulesOf(settings))),
      );
      visitsDropped += done.reduce((n, d) => n + d.visitsDropped, 0);
      sites++;
    }
    if (results.length < PAGE) return { sites, visitsDropped };
    after = results[results.length - 1]!.id;
  }
}
