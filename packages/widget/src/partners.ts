// Partner touchpoints: the journey id travels as `tl_j` on links to partner domains, and is picked up on arrival.

export const JOURNEY_PARAM = 'tl_j';
const VALID = /^[A-Za-z0-9_-]{8,64}$/;

const isPartner = (host: string, partners: string[]) => partners.some((p) => host === p || host.endsWith('.' + p));

/** Adds the journey id to a clicked link that leads to a partner domain. */
export function decorate(link: HTMLAnchorElement, partners: string[], journey: string): void {
  const url = new URL(link.href);
  if (url.host !== location.host && isPartner(url.hostname, partners)) {
    url.searchParams.set(JOURNEY_PARAM, journey);
    link.href = url.href;
  }
}

/** Reads a journey id handed over by a partner and removes it from the address bar. */
export function adoptJourney(): string | undefined {
  const url = new URL(location.href);
  const id = url.searchParams.get(JOURNEY_PARAM);
  if (id == null) return;
  url.searchParams.delete(JOURNEY_PARAM);
  history.replaceState(history.state, '', url.href);
  return VALID.test(id) ? id : undefined;
}
