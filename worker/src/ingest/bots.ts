// Obvious bots by user agent: crawlers, monitors, headless browsers and HTTP libraries. Their events are
// dropped with a 2xx (retrying would not help them) and counted per site and day; the user agent is not stored.

const BOT_PATTERN = new RegExp(
  [
    // "Googlebot/2.1", "bingbot/2.0", "Slackbot-LinkExpanding", "robot"; not phone models such as "CUBOT P30".
    '\\bbot\\b',
    'bot/',
    'bot-',
    'bot;',
    'robot',
    'crawl',
    'spider',
    'slurp',
    'headless',
    'phantomjs',
    'puppeteer',
    'playwright',
    'selenium',
    'lighthouse',
    'pagespeed',
    'pingdom',
    'uptime',
    'monitor',
    'preview',
    'facebookexternalhit',
    'embedly',
    'curl/',
    'wget/',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'go-http-client',
    'okhttp',
    'java/',
    'node-fetch',
    'axios/',
    'httpclient',
    'libwww',
    'scrapy',
  ].join('|'),
  'i',
);

/**
 * True for a user agent that is plainly not a person's browser. None at all is not proof (server-side senders).
 * `allowHeadless` lets headless Chromium through: the browser tests drive it against a local worker.
 */
export function isBot(userAgent: string | null | undefined, { allowHeadless = false } = {}): boolean {
  if (!userAgent) return false;
  if (allowHeadless && /HeadlessChrome\//.test(userAgent) && !/bot|crawl|spider/i.test(userAgent)) return false;
  return BOT_PATTERN.test(userAgent);
}
