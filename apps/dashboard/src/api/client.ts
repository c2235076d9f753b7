// The dashboard's calls to /api/v1 through Hono's typed client: paths, parameters, bodies and replies come from the
// worker's routes (AppType), so a renamed route or field fails the type check here. One fetch wrapper adds what every
// call needs (same-origin cookies, the CSRF header, a shared link's token) and turns a 4xx/5xx body into ApiError.
import { CSRF_HEADER, SHARE_HEADER } from '@throughline/schema/constants';
import type { ErrorBody } from '@throughline/schema';
import type { AppType } from '@throughline/worker/src/app';
import { type ClientResponse, hc, parseResponse } from 'hono/client';

/** An error the API answered (or a network failure, status 0); `message` is meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};
/** Called on every 401 so that the app can show the login screen. */
export function setUnauthorizedHandler(fn: UnauthorizedListener): void {
  onUnauthorized = fn;
}

const BASE = '/api/v1';

/** A shared link's token (/shared/{token}): every call carries it, and the worker reads it as a read-only caller. */
let shareToken: string | null = null;
export const setShareToken = (token: string | null) => void (shareToken = token);
export const isShared = () => shareToken !== null;

/** fetch for every call: a network failure or an error reply becomes an ApiError; a 2xx passes through. */
async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  // The worker refuses state changes without this header (CSRF defence); sent on every call.
  headers.set(CSRF_HEADER, '1');
  headers.set('accept', 'application/json');
  if (shareToken) headers.set(SHARE_HEADER, shareToken);
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Could not reach Throughline. Check your connection and try again.');
  }
  if (res.ok) return res;
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    /* a non-JSON body (e.g. a proxy error page) is reported below */
  }
  const err = body?.error;
  const path = new URL(res.url || String(input), location.origin).pathname;
  if (res.status === 401 && !path.startsWith(`${BASE}/auth/`) && !shareToken) onUnauthorized();
  throw new ApiError(
    res.status,
    err?.code ?? `http_${res.status}`,
    err?.message ??
      (res.status === 404 ? 'This is not available yet.' : `The server answered ${res.status} ${res.statusText}.`),
    err?.details,
  );
}

// An absolute base: `$url` (the QR and export links) builds a URL object from it.
const client = hc<AppType>(location.origin + BASE, { fetch: send });
const site = client.sites[':id'];
const touchpoint = site.touchpoints[':key'];

/** The reply's body (JSON, or nothing for a 204); `send` has already thrown for anything but a 2xx. */
const call = <T extends ClientResponse<unknown>>(res: Promise<T>) => parseResponse(res);
/** Options for a read that a newer one may cancel. */
const abortable = (signal?: AbortSignal) => ({ init: signal ? { signal } : {} });
/** A query without its empty values, so the URL names only the filters in use. */
function query<Q extends object>(q: Q): Q {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Q;
}

type Body<F> = F extends (args: infer A, ...rest: never[]) => unknown
  ? A extends { json: infer J }
    ? J
    : never
  : never;
type Query<F> = F extends (args: infer A, ...rest: never[]) => unknown
  ? A extends { query: infer Q }
    ? Q
    : never
  : never;
/** The query of the analytics reads (overview, comment themes). */
export type AnalyticsQuery = Query<typeof site.analytics.overview.$get>;
export type TrendsQuery = Query<typeof site.analytics.trends.$get>;
export type ResponsesQuery = Query<typeof site.responses.$get>;
/** PATCH /sites/{id}: only the fields named change. */
export type SitePatch = Body<typeof site.$patch>;
type TouchpointPatch = Body<typeof touchpoint.$patch>;
/** A touchpoint as GET …/touchpoints lists it, with its prompt. */
export type TouchpointWithPrompt = Awaited<ReturnType<typeof api.touchpoints>>['touchpoints'][number];

/** Path parameters as they go into the URL: hono's client puts them in as given. */
const enc = <T extends Record<string, string>>(param: T): T =>
  Object.fromEntries(Object.entries(param).map(([k, v]) => [k, encodeURIComponent(v)])) as T;
const p = (id: string) => ({ param: enc({ id }) });
const tp = (id: string, key: string) => ({ param: enc({ id, key }) });

export const api = {
  me: (signal?: AbortSignal) => call(client.me.$get({}, abortable(signal))),
  login: (json: Body<typeof client.auth.login.$post>) => call(client.auth.login.$post({ json })),
  signup: (json: Body<typeof client.auth.signup.$post>) => call(client.auth.signup.$post({ json })),
  logout: () => call(client.auth.logout.$post()),
  changePassword: (json: Body<typeof client.auth.password.$post>) => call(client.auth.password.$post({ json })),
  endOtherSessions: () => call(client.auth.sessions['end-others'].$post()),
  resetOptions: (signal?: AbortSignal) => call(client.auth.reset.$get({}, abortable(signal))),
  resetPreview: (token: string, signal?: AbortSignal) =>
    call(client.auth.reset[':token'].$get({ param: enc({ token }) }, abortable(signal))),
  resetPassword: (json: Body<typeof client.auth.reset.$post>) => call(client.auth.reset.$post({ json })),
  requestReset: (email: string) => call(client.auth.reset.request.$post({ json: { email } })),
  organizations: (signal?: AbortSignal) => call(client.organizations.$get({}, abortable(signal))),
  switchOrganization: (organization: string) => call(client.auth.switch.$post({ json: { organization } })),

  sites: (signal?: AbortSignal) => call(client.sites.$get({}, abortable(signal))),
  site: (id: string, signal?: AbortSignal) => call(site.$get(p(id), abortable(signal))),
  createSite: (json: Body<typeof client.sites.$post>) => call(client.sites.$post({ json })),
  patchSite: (id: string, json: SitePatch) => call(site.$patch({ ...p(id), json })),
  /** A CSV file goes as it is, as text/csv. */
  importCsv: (id: string, file: Blob) =>
    call(site['import.csv'].$post(p(id), { init: { body: file, headers: { 'content-type': 'text/csv' } } })),
  deleteSite: (id: string) => call(site.$delete(p(id))),

  stages: (id: string, signal?: AbortSignal) => call(site.stages.$get(p(id), abortable(signal))),
  putStages: (id: string, stages: string[]) => call(site.stages.$put({ ...p(id), json: { stages } })),
  journeyTypes: (id: string, signal?: AbortSignal) => call(site['journey-types'].$get(p(id), abortable(signal))),
  createJourneyType: (id: string, json: Body<(typeof site)['journey-types']['$post']>) =>
    call(site['journey-types'].$post({ ...p(id), json })),
  patchJourneyType: (id: string, typeId: string, json: Body<(typeof site)['journey-types'][':typeId']['$patch']>) =>
    call(site['journey-types'][':typeId'].$patch({ param: enc({ id, typeId }), json })),
  deleteJourneyType: (id: string, typeId: string) =>
    call(site['journey-types'][':typeId'].$delete({ param: enc({ id, typeId }) })),

  touchpoints: (id: string, signal?: AbortSignal) => call(site.touchpoints.$get(p(id), abortable(signal))),
  createTouchpoint: (id: string, json: Body<typeof site.touchpoints.$post>) =>
    call(site.touchpoints.$post({ ...p(id), json })),
  patchTouchpoint: (id: string, key: string, json: TouchpointPatch) =>
    call(touchpoint.$patch({ ...tp(id, key), json })),
  deleteTouchpoint: (id: string, key: string) => call(touchpoint.$delete(tp(id, key))),
  putPrompt: (id: string, key: string, json: Body<typeof touchpoint.prompt.$put>) =>
    call(touchpoint.prompt.$put({ ...tp(id, key), json })),

  overview: (id: string, q: AnalyticsQuery, signal?: AbortSignal) =>
    call(site.analytics.overview.$get({ ...p(id), query: query(q) }, abortable(signal))),
  trends: (id: string, q: TrendsQuery, signal?: AbortSignal) =>
    call(site.analytics.trends.$get({ ...p(id), query: query(q) }, abortable(signal))),
  /** Employee pulse beside customer quality per touchpoint (staff pages /e/{code}). */
  pulse: (id: string, q: Query<typeof site.analytics.pulse.$get>, signal?: AbortSignal) =>
    call(site.analytics.pulse.$get({ ...p(id), query: query(q) }, abortable(signal))),
  /** Events ingest answered but did not store, per day: from obvious bots, or refused by rate limits. */
  dropped: (id: string, q: Query<typeof site.traffic.dropped.$get>, signal?: AbortSignal) =>
    call(site.traffic.dropped.$get({ ...p(id), query: query(q) }, abortable(signal))),
  responses: (id: string, q: ResponsesQuery, signal?: AbortSignal) =>
    call(site.responses.$get({ ...p(id), query: query(q) }, abortable(signal))),
  members: (signal?: AbortSignal) => call(client.members.$get({}, abortable(signal))),
  /** `revokeTokens`: also revoke the API tokens that member made. */
  setRole: (userId: string, role: Body<(typeof client.members)[':userId']['$patch']>['role'], revokeTokens = false) =>
    call(
      client.members[':userId'].$patch({ param: enc({ userId }), query: revokeQuery(revokeTokens), json: { role } }),
    ),
  /** A one-time password reset link for a member, to pass on to them. */
  resetLink: (userId: string) => call(client.members[':userId']['password-reset'].$post({ param: enc({ userId }) })),
  removeMember: (userId: string, revokeTokens = false) =>
    call(client.members[':userId'].$delete({ param: enc({ userId }), query: revokeQuery(revokeTokens) })),
  invites: (signal?: AbortSignal) => call(client.invites.$get({}, abortable(signal))),
  createInvite: (json: Body<typeof client.invites.$post>) => call(client.invites.$post({ json })),
  revokeInvite: (id: string) => call(client.invites[':id'].$delete({ param: enc({ id }) })),
  invitePreview: (token: string, signal?: AbortSignal) =>
    call(client.invites.preview[':token'].$get({ param: enc({ token }) }, abortable(signal))),
  acceptInvite: (json: Body<typeof client.invites.accept.$post>) => call(client.invites.accept.$post({ json })),
  siteActions: (id: string, signal?: AbortSignal) => call(site.actions.$get(p(id), abortable(signal))),
  actions: (id: string, key: string, signal?: AbortSignal) =>
    call(touchpoint.actions.$get(tp(id, key), abortable(signal))),
  logAction: (id: string, key: string, json: Body<typeof touchpoint.actions.$post>) =>
    call(touchpoint.actions.$post({ ...tp(id, key), json })),
  removeAction: (id: string, key: string, action: string) =>
    call(touchpoint.actions[':action'].$delete({ param: enc({ id, key, action }) })),
  /** Partner-owned touchpoints with their scores and handoffs (`touchpoint`: one of them). */
  partners: (id: string, q: Query<typeof site.analytics.partners.$get>, signal?: AbortSignal) =>
    call(site.analytics.partners.$get({ ...p(id), query: query(q) }, abortable(signal))),
  /** A signed journey link for one customer's journey (with `touchpoint`: its hosted page's address carrying it). */
  journeyLink: (id: string, json: Body<(typeof site)['journey-links']['$post']>) =>
    call(site['journey-links'].$post({ ...p(id), json })),
  commentThemes: (id: string, q: AnalyticsQuery, signal?: AbortSignal) =>
    call(site.comments.themes.$get({ ...p(id), query: query(q) }, abortable(signal))),
  shareInfo: (signal?: AbortSignal) => call(client['share-info'].$get({}, abortable(signal))),
  shares: (id: string, signal?: AbortSignal) => call(site.shares.$get(p(id), abortable(signal))),
  createShare: (id: string, json: Body<typeof site.shares.$post>) => call(site.shares.$post({ ...p(id), json })),
  revokeShare: (id: string, share: string) => call(site.shares[':share'].$delete({ param: enc({ id, share }) })),
  alerts: (id: string, signal?: AbortSignal) => call(site.alerts.$get(p(id), abortable(signal))),
  addDestination: (id: string, json: Body<typeof site.alerts.destinations.$post>) =>
    call(site.alerts.destinations.$post({ ...p(id), json })),
  removeDestination: (id: string, destination: string) =>
    call(site.alerts.destinations[':destination'].$delete({ param: enc({ id, destination }) })),
  testDestination: (id: string, destination: string) =>
    call(site.alerts.destinations[':destination'].test.$post({ param: enc({ id, destination }) })),

  tokens: (signal?: AbortSignal) => call(client.tokens.$get({}, abortable(signal))),
  createToken: (name: string, scope: Body<typeof client.tokens.$post>['scope']) =>
    call(client.tokens.$post({ json: { name, scope } })),
  revokeToken: (id: string) => call(client.tokens[':id'].$delete({ param: enc({ id }) })),

  deleteVisitor: (id: string, visitorId: string) =>
    call(site.visitors[':visitorId'].$delete({ param: enc({ id, visitorId }) })),
  /** `link`: one customer's code, joining their journey. */
  qrUrl: (id: string, key: string, link?: string) => {
    const url = touchpoint['qr.svg'].$url({ ...tp(id, key), query: link ? { link } : {} });
    return url.pathname + url.search;
  },
  /** The staff page's QR code (/e/{code}), not the customers'. */
  staffQrUrl: (id: string, key: string) => touchpoint['staff-qr.svg'].$url(tp(id, key)).pathname,
  exportUrl: (id: string, format: 'csv' | 'json', q: Query<(typeof site)['export.csv']['$get']>) => {
    const url = site[`export.${format}`].$url({ ...p(id), query: query(q) });
    return url.pathname + url.search;
  },
};

function revokeQuery(revokeTokens: boolean) {
  return revokeTokens ? { revokeTokens: 'true' as const } : {};
}
