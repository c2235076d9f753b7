// What the widget fetches: GET /v1/sites/{key}/config. Imported by the widget as types only.
import { z } from 'zod';
import { TouchpointSchema, PromptInputSchema } from './journey';

/**
 * A CSS colour the prompt can use anywhere a colour goes, and nothing that makes a visitor's browser fetch something:
 * `#4f46e5`, `rgb(79 70 229)`, `oklch(0.5 0.2 270 / 80%)`, `rebeccapurple`; never `url(…)` or `var(…)`.
 */
export const ThemeColorSchema = z
  .string()
  .max(60)
  .regex(
    /^(#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([-+0-9a-z.%\s,/]*\)|[a-z]{3,30})$/i,
    'a CSS colour: #rrggbb, rgb(…), hsl(…), oklch(…) or a colour name',
  );
/** A font-family list: names, quotes, commas and spaces only. */
export const ThemeFontSchema = z
  .string()
  .max(200)
  .regex(/^[\w\s,'".-]+$/, 'a font-family list, such as "Inter, system-ui, sans-serif"');
/**
 * A partner's domain name (lower case, no scheme or path): `carrier.example`, which also covers its subdomains and
 * any port. For trying a partner page locally, `localhost` or an IPv4 address, and a port, which then must match too:
 * `localhost:5174`, `127.0.0.1:8788`.
 */
export const PartnerDomainSchema = z
  .string()
  .max(253)
  .transform((d) => d.trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/,
        'a domain name such as carrier.example (or, for local testing, localhost:5174)',
      ),
  );

export const ThemeSchema = z.strictObject({
  /** Brand colour, a CSS colour (ThemeColorSchema). */
  color: ThemeColorSchema.default('#4f46e5'),
  font: ThemeFontSchema.default('system-ui, sans-serif'),
  radius: z.int().min(0).max(32).default(12),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const AskBudgetSchema = z.strictObject({
  /** At most this many prompts per visitor per period, shared across touchpoints. */
  prompts: z.int().min(0).max(100).default(1),
  periodDays: z.int().min(1).max(365).default(7),
});
export type AskBudget = z.infer<typeof AskBudgetSchema>;

export const SiteSettingsSchema = z.strictObject({
  theme: ThemeSchema.default({ color: '#4f46e5', font: 'system-ui, sans-serif', radius: 12 }),
  budget: AskBudgetSchema.default({ prompts: 1, periodDays: 7 }),
  /** Partner domains to which the journey id travels on links (with consent). */
  partners: z.array(PartnerDomainSchema).max(20).default([]),
  /** Send query strings with visits (off by default: they may hold personal data). */
  sendQuery: z.boolean().default(false),
  /** Minimum answers before a score is shown. */
  minN: z.int().min(1).max(1000).default(5),
  /** Quadrant thresholds on the 0–100 scale; the midpoint unless set. */
  thresholds: z
    .strictObject({ importance: z.number().min(0).max(100), quality: z.number().min(0).max(100) })
    .default({ importance: 50, quality: 50 }),
  /** A gap between a visitor's visits longer than this many days starts a new journey (docs/metrics.md › The model, "Journey"). */
  journeyWindowDays: z.int().min(1).max(365).default(30),
  /** Raw visits older than this many days are dropped; rollups stay (default about 13 months). */
  retentionDays: z.int().min(31).max(3650).default(395),
  /** The brand's name in the `theme` question ("How well does this fit what <brand> promises?"); the site's name when empty. */
  brandName: z.string().trim().max(80).default(''),
  /** The brand theme: one sentence of what the brand promises (docs/metrics.md › Thematic cohesion). Not the visual `theme`. */
  brandPromise: z.string().trim().max(300).default(''),
  /** Site objects the site's visitors are split over (1, 2, 4 or 8); settable while the site has no events. */
  shards: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]).default(1),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const ConfigTouchpointSchema = TouchpointSchema.extend({
  prompt: PromptInputSchema.nullable(),
});
export type ConfigTouchpoint = z.infer<typeof ConfigTouchpointSchema>;

export const SiteConfigSchema = z.object({
  site: z.string(),
  stages: z.array(z.string()),
  touchpoints: z.array(ConfigTouchpointSchema),
  theme: ThemeSchema,
  budget: AskBudgetSchema,
  partners: z.array(z.string()),
  sendQuery: z.boolean(),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
