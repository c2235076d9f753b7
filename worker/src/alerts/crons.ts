// The cron triggers of wrangler.jsonc `triggers.crons`, by what each one runs (src/index.ts `scheduled`).
export const CRONS = {
  outbox: '*/10 * * * *',
  alerts: '7 * * * *',
  digest: '0 8 * * 1',
  retention: '17 3 * * *',
} as const;
