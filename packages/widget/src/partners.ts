// Partner touchpoints: a signed journey link travels as `tl_j` on links to partner domains (sdk.ts picks it up on
// arrival; the worker signs links and alone decides whether one holds).
import { JOURNEY_LINK_PARAM } from '@throughline/schema/constants';

/** A partner domain covers its subdomains on any port; one written with a port (`localhost:5174`) only that host and port. */
const isPartner = (url: URL, partners: string[]) =>
  partners.some((p) => (p.includes(':') ? url.host === p : url.hostname === p || url.hostname.endsWith('.' + p)));

/** Adds the signed journey link to a clicked link that leads to a partner domain. */
export function decorate(link: HTMLAnchorElement, partners: string[], journey: string): void {
  const url = new URL(link.href);
  if (url.host !== location.host && isPartner(url, partners)) {
    url.searchParams.set(JOURNEY_LINK_PARAM, journey);
    link.href = url.href;
  }
}
