// Which built-in wording a touchpoint's questions take when the site wrote none:
// the web's questions speak of a page and of finding things, which fits neither a shop counter, a delivery company
// nor a payment step. Decided from the touchpoint's setup in the config, first rule that holds:
//   partner  its owner is a partner or external firm (a carrier, a marketplace): "How was your experience with {touchpoint}?"
//   visit    its channel is offline (a counter, a platform, a leaflet; reached by QR code): "How was your visit to {touchpoint}?"
//   checkout its stage is Purchase, or its key or name says checkout, cart, basket, payment or order: "How easy was it to complete this step?"
//   (none)   the web's questions.
// Only the look-and-feel (sensorial) and ease (cognitive) questions differ; the others fit every channel.
import type { ConfigTouchpoint } from '@throughline/schema';

export type WordingKind = '' | 'Partner' | 'Visit' | 'Checkout';

export function wordingKind(
  t: Pick<ConfigTouchpoint, 'key' | 'name' | 'stage' | 'channel' | 'owner'> | undefined,
): WordingKind {
  if (!t) return '';
  if (t.owner == 'partner' || t.owner == 'external') return 'Partner';
  if (t.channel == 'offline') return 'Visit';
  return /^purchase$/i.test(t.stage) || /checkout|cart|basket|payment|order/i.test(t.key + ' ' + t.name)
    ? 'Checkout'
    : '';
}
