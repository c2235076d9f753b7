// Partner domains as site owners type them, made into the API's form, and which of them the site's allowed origins
// do not cover: a partner's page sends its answers from its own origin, which ingest refuses (403) unless allowed.

/** Same rule as packages/schema PartnerDomainSchema: a domain, or for local testing localhost / an IPv4 address; a port optional. */
const PARTNER =
  /^(?=.{1,253}$)(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/;

/** One per line, comma or space; a scheme and a path are dropped (`https://track.carrier.example/parcel` → `track.carrier.example`). */
export const parsePartners = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map((d) =>
        d
          .trim()
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/.*$/, ''),
      )
      .filter(Boolean),
  ),
];

export const isPartnerDomain = (d: string) => PARTNER.test(d);

/**
 * The partners no allowed origin covers, as the widget matches them (packages/widget partners.ts): a domain covers
 * its subdomains on any port; one written with a port, only that host and port.
 */
export function partnersWithoutOrigin(partners: string[], origins: string[]): string[] {
  const hosts = origins.flatMap((o) => {
    try {
      const u = new URL(o);
      return [{ host: u.host, hostname: u.hostname }];
    } catch {
      return [];
    }
  });
  const covered = (p: string) =>
    hosts.some((h) => (p.includes(':') ? h.host === p : h.hostname === p || h.hostname.endsWith(`.${p}`)));
  return partners.filter((p) => !covered(p));
}

/** The origin to add for a partner that has none: http for local addresses, https otherwise. */
export const originFor = (partner: string) => `${/^(localhost|\d)/.test(partner) ? 'http' : 'https'}://${partner}`;
