// Partner touchpoints: a signed journey link travels as `tl_j` on links to partner domains (sdk.ts picks it up on
// arrival; the worker signs links and alone decides whether one holds).

/** The link parameter that carries a signed journey link; the loader picks it up on arrival. */
export const JOURNEY_PARAM = 'tl_j';

const isPartner = (host: string, partners: string[]) => partners.some((p) => host === p || host.endsWith('.' + p));

/** Adds the signed journey link to a clicked link that leads to a partner domain. */
export function decorate(link: HTMLAnchorElement, partners: string[], journey: string): void {
  const url = new URL(link.href);
  if (url.host !== location.host && isPartner(url.hostname, partners)) {
    url.searchParams.set(JOURNEY_PARAM, journey);
    link.href = url.href;
  }
}
