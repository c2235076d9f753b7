// The demo organization's journey: an outdoor gear shop with six stages and ten touchpoints
// across web pages, an email link, a shop counter reached by QR code and a partner's tracking page.
export const DEMO_LOGIN = {
  email: 'demo@throughline.dev',
  password: 'demo-password-1',
  organization: 'Demo Outdoor Co.',
};
export const DEMO_SITE_NAME = 'Demo Outdoor Co. web shop';

/**
 * @import { Channel, Owner } from '@throughline/schema'
 * @typedef {'sensorial' | 'affective' | 'cognitive' | 'importance'} DemoDimension the dimensions the demo asks and simulates
 * @typedef {{ key: string, name: string, stage: string, channel: Channel, owner: Owner, team: string, match: string[], dims: DemoDimension[], mean: Record<DemoDimension, number> }} DemoTouchpoint
 */

/** @type {DemoDimension[]} */
const sac = ['sensorial', 'affective', 'cognitive'];

/** key, name, stage, channel, owner, team, URL rules, prompt dimensions, and the simulated mean per dimension (1–5). */
/** @type {DemoTouchpoint[]} */
export const DEMO_TOUCHPOINTS = [
  {
    key: 'home',
    name: 'Home page',
    stage: 'Awareness',
    channel: 'web',
    owner: 'brand',
    team: 'Digital',
    match: ['/demo/', '/demo/index.html'],
    dims: sac,
    mean: { sensorial: 4.4, affective: 4.1, cognitive: 4.0, importance: 3.0 },
  },
  {
    key: 'product',
    name: 'Product page',
    stage: 'Consideration',
    channel: 'web',
    owner: 'brand',
    team: 'Digital',
    match: ['/demo/product*'],
    dims: sac,
    mean: { sensorial: 4.3, affective: 4.0, cognitive: 3.8, importance: 4.2 },
  },
  {
    key: 'size-guide',
    name: 'Size guide',
    stage: 'Consideration',
    channel: 'web',
    owner: 'brand',
    team: 'Digital',
    match: ['/demo/size-guide*'],
    dims: ['cognitive', 'affective', 'importance'],
    mean: { sensorial: 3.6, affective: 3.2, cognitive: 2.6, importance: 3.9 },
  },
  {
    key: 'cart',
    name: 'Cart',
    stage: 'Purchase',
    channel: 'web',
    owner: 'brand',
    team: 'Checkout',
    match: ['/demo/cart*'],
    dims: sac,
    mean: { sensorial: 4.0, affective: 3.9, cognitive: 4.1, importance: 3.6 },
  },
  {
    key: 'checkout',
    name: 'Checkout',
    stage: 'Purchase',
    channel: 'web',
    owner: 'brand',
    team: 'Checkout',
    match: ['/demo/checkout*'],
    dims: ['cognitive', 'affective', 'importance'],
    mean: { sensorial: 3.4, affective: 2.7, cognitive: 2.4, importance: 4.7 },
  },
  {
    key: 'delivery',
    name: 'Parcel tracking (SwiftShip)',
    stage: 'Use',
    channel: 'web',
    owner: 'partner',
    team: 'Logistics',
    match: ['/demo/delivery*'],
    dims: sac,
    mean: { sensorial: 2.8, affective: 2.9, cognitive: 3.1, importance: 4.4 },
  },
  {
    key: 'welcome-email',
    name: 'Welcome email link',
    stage: 'Use',
    channel: 'email',
    owner: 'brand',
    team: 'CRM',
    match: ['/demo/setup*?src=email'],
    dims: sac,
    mean: { sensorial: 4.2, affective: 4.3, cognitive: 4.2, importance: 2.4 },
  },
  {
    key: 'store-counter',
    name: 'Shop counter (QR)',
    stage: 'Support',
    channel: 'offline',
    owner: 'brand',
    team: 'Stores',
    match: [],
    dims: sac,
    mean: { sensorial: 4.5, affective: 4.6, cognitive: 4.3, importance: 3.8 },
  },
  {
    key: 'help',
    name: 'Help centre',
    stage: 'Support',
    channel: 'web',
    owner: 'brand',
    team: 'Service',
    match: ['/demo/help*'],
    dims: sac,
    mean: { sensorial: 3.5, affective: 3.0, cognitive: 3.2, importance: 4.1 },
  },
  {
    key: 'rewards',
    name: 'Rewards club',
    stage: 'Loyalty',
    channel: 'web',
    owner: 'brand',
    team: 'CRM',
    match: ['/demo/rewards*'],
    dims: sac,
    mean: { sensorial: 4.3, affective: 4.4, cognitive: 4.0, importance: 2.2 },
  },
];

/**
 * The second journey type of the demo (docs/metrics.md › Journey types): returning an item. Two touchpoints serve it
 * alone (they sit in Support in the site's own stages, as every touchpoint has one there); the help centre and the
 * shop counter serve both journeys.
 */
/** @type {DemoTouchpoint[]} */
export const DEMO_RETURN_TOUCHPOINTS = [
  {
    key: 'returns-form',
    name: 'Returns form',
    stage: 'Support',
    channel: 'web',
    owner: 'brand',
    team: 'Service',
    match: ['/demo/returns*'],
    dims: sac,
    mean: { sensorial: 3.9, affective: 3.4, cognitive: 3.0, importance: 4.3 },
  },
  {
    key: 'refund-email',
    name: 'Refund email link',
    stage: 'Support',
    channel: 'email',
    owner: 'brand',
    team: 'CRM',
    match: ['/demo/refund*?src=email'],
    dims: sac,
    mean: { sensorial: 4.0, affective: 4.2, cognitive: 4.1, importance: 3.5 },
  },
];
export const DEMO_JOURNEY_TYPES = [
  {
    name: 'Returns',
    slug: 'returns',
    stages: ['Start a return', 'Send back', 'Refund'],
    touchpoints: [
      { key: 'help', stage: 'Start a return' },
      { key: 'returns-form', stage: 'Start a return' },
      { key: 'store-counter', stage: 'Send back' },
      { key: 'refund-email', stage: 'Refund' },
    ],
  },
];
/** Paths of customers returning an item (simulated apart from the buying paths, so those stay as they were). */
export const DEMO_RETURN_PATHS = [
  ['returns-form', 'store-counter', 'refund-email'],
  ['help', 'returns-form', 'refund-email'],
  ['returns-form', 'help', 'store-counter', 'refund-email'],
];

/**
 * A recent regression, so the demo shows a trend alert: the cart's redesign went live 7 days ago and its
 * experience scores dropped by this much (1–5 scale); importance did not change.
 */
export const DEMO_REGRESSION = { touchpoint: 'cart', days: 7, drop: 0.9 };

/** Typical paths through the journey; each simulated visitor follows one, possibly stopping early. */
export const DEMO_PATHS = [
  ['home', 'product', 'size-guide', 'cart', 'checkout', 'delivery', 'welcome-email', 'rewards'],
  ['home', 'product', 'cart', 'checkout', 'delivery', 'help', 'store-counter'],
  ['product', 'cart', 'checkout', 'delivery', 'welcome-email'],
  ['home', 'product', 'size-guide', 'product', 'cart'],
  ['store-counter', 'home', 'product', 'cart', 'checkout', 'rewards'],
  ['home', 'help', 'store-counter', 'rewards'],
];

/** @type {Record<string, string[]>} */
export const DEMO_COMMENTS = {
  checkout: ['The address form kept resetting.', 'Too many steps to pay.', 'Could not find where to enter my voucher.'],
  delivery: ['Tracking page did not match the email.', 'No idea when the parcel will arrive.'],
  'size-guide': ['Sizes are confusing between brands.'],
  home: ['Lovely photos!', 'Clean and quick.'],
  'store-counter': ['Staff were super helpful.'],
  help: ['Search did not find my question.'],
};

/**
 * Staff answers on the staff pages (/e/{code}): per touchpoint, responses [tools, support, pride] 1–5, five or more
 * each so that the Employees screen shows a pulse. The partner's parcel tracking and the checkout are low on both
 * sides, the shop counter high on both: the service-profit chain the screen is there to show.
 */
export const DEMO_PULSE = {
  'store-counter': [
    [5, 4, 5],
    [4, 5, 5],
    [5, 5, 4],
    [4, 4, 5],
    [5, 4, 4],
    [4, 5, 5],
  ],
  cart: [
    [4, 4, 4],
    [4, 3, 5],
    [5, 4, 4],
    [4, 4, 4],
    [3, 4, 5],
  ],
  help: [
    [3, 4, 4],
    [3, 3, 4],
    [4, 3, 4],
    [3, 4, 3],
    [3, 3, 4],
  ],
  checkout: [
    [2, 3, 3],
    [2, 2, 3],
    [3, 2, 4],
    [2, 3, 3],
    [1, 2, 3],
  ],
  delivery: [
    [2, 2, 3],
    [1, 2, 2],
    [2, 3, 2],
    [2, 1, 3],
    [3, 2, 2],
  ],
};

/** The demo brand's promise (Settings › Brand theme). */
export const DEMO_BRAND_PROMISE = 'Gear that gets you outdoors with confidence';
