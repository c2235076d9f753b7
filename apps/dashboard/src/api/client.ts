// Typed fetch wrapper for the dashboard API under /api/v1: same-origin cookies, CSRF header, 4xx bodies as ApiError.
import type {
  JourneyType,
  JourneyTypeInput,
  JourneyTypePatch,
  JourneyTypes,
  ActionInput,
  Share,
  ShareCreated,
  ShareInfo,
  ShareInput,
  CommentThemes,
  Actions,
  ActionWithEffect,
  AlertDestinationInput,
  AlertsState,
  AnalyticsQuery,
  ErrorBody,
  ExportQuery,
  ApiTokens,
  DroppedTraffic,
  InviteAccept,
  InviteCreate,
  InviteCreated,
  InvitePreview,
  Invites,
  Login,
  Me,
  Members,
  Organizations,
  Overview,
  Prompt,
  PromptInput,
  ResponsesPage,
  PasswordChange,
  PasswordReset,
  PasswordResetDone,
  PasswordResetLink,
  PasswordResetOptions,
  PasswordResetPreview,
  ResponsesQuery,
  Role,
  Signup,
  Site,
  SiteCreate,
  Touchpoint,
  TokenCreated,
  TokenScope,
  TouchpointInput,
  Trends,
  VisitorDeletion,
  TrendsQuery,
} from '@throughline/schema';

export type TouchpointWithPrompt = Touchpoint & { prompt: Prompt | null };
export type TouchpointPatch = Partial<Omit<TouchpointInput, 'key'>>;

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

/** packages/schema SHARE_HEADER (the dashboard imports no runtime code from the schema package: it would bring zod). */
const SHARE_HEADER = 'x-throughline-share';
/** A shared link's token (/shared/{token}): every call carries it, and the worker reads it as a read-only caller. */
let shareToken: string | null = null;
export const setShareToken = (token: string | null) => void (shareToken = token);
export const isShared = () => shareToken !== null;

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      // The worker refuses state changes without this header (CSRF defence); sent on every call.
      headers: {
        'x-throughline': '1', accept: 'application/json', ...(shareToken ? { [SHARE_HEADER]: shareToken } : {}),
        ...(body === undefined ? {} : { 'content-type': body instanceof Blob ? 'text/csv' : 'application/json' }),
      },
      // A file (a CSV import) goes as it is; anything else as JSON.
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Could not reach Throughline. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    /* a non-JSON body (e.g. a proxy error page) is reported below */
  }
  if (!res.ok) {
    const err = (data as ErrorBody | undefined)?.error;
    if (res.status === 401 && !path.startsWith('/auth/') && !shareToken) onUnauthorized();
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? (res.status === 404 ? 'This is not available yet.' : `The server answered ${res.status} ${res.statusText}.`),
      err?.details,
    );
  }
  return data as T;
}

function qs(q: object): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

/** PATCH /sites/{id}: only the fields named change (packages/schema SitePatchSchema). */
export type SitePatch = Partial<Pick<Site, 'name' | 'origins' | 'settings'>>;

export const api = {
  me: (signal?: AbortSignal) => request<Me>('GET', '/me', undefined, signal),
  login: (body: Login) => request<Me>('POST', '/auth/login', body),
  signup: (body: Signup) => request<Me>('POST', '/auth/signup', body),
  logout: () => request<void>('POST', '/auth/logout'),
  changePassword: (body: PasswordChange) => request<void>('POST', '/auth/password', body),
  endOtherSessions: () => request<{ ended: number }>('POST', '/auth/sessions/end-others'),
  resetOptions: (signal?: AbortSignal) => request<PasswordResetOptions>('GET', '/auth/reset', undefined, signal),
  resetPreview: (token: string, signal?: AbortSignal) => request<PasswordResetPreview>('GET', `/auth/reset/${enc(token)}`, undefined, signal),
  resetPassword: (body: PasswordReset) => request<PasswordResetDone>('POST', '/auth/reset', body),
  requestReset: (email: string) => request<{ message: string }>('POST', '/auth/reset/request', { email }),
  organizations: (signal?: AbortSignal) => request<Organizations>('GET', '/organizations', undefined, signal),
  switchOrganization: (organization: string) => request<Me>('POST', '/auth/switch', { organization }),

  sites: (signal?: AbortSignal) => request<{ sites: Site[] }>('GET', '/sites', undefined, signal),
  site: (id: string, signal?: AbortSignal) => request<Site>('GET', `/sites/${enc(id)}`, undefined, signal),
  createSite: (body: SiteCreate) => request<Site>('POST', '/sites', body),
  patchSite: (id: string, body: SitePatch) => request<Site>('PATCH', `/sites/${enc(id)}`, body),
  importCsv: (id: string, file: Blob) => request<{ accepted: number; duplicates: number }>('POST', `/sites/${enc(id)}/import.csv`, file),
  deleteSite: (id: string) => request<void>('DELETE', `/sites/${enc(id)}`),

  stages: (id: string, signal?: AbortSignal) => request<{ stages: string[] }>('GET', `/sites/${enc(id)}/stages`, undefined, signal),
  putStages: (id: string, stages: string[]) => request<{ stages: string[] }>('PUT', `/sites/${enc(id)}/stages`, { stages }),
  journeyTypes: (id: string, signal?: AbortSignal) => request<JourneyTypes>('GET', `/sites/${enc(id)}/journey-types`, undefined, signal),
  createJourneyType: (id: string, body: JourneyTypeInput) => request<JourneyType>('POST', `/sites/${enc(id)}/journey-types`, body),
  patchJourneyType: (id: string, type: string, body: JourneyTypePatch) => request<JourneyType>('PATCH', `/sites/${enc(id)}/journey-types/${enc(type)}`, body),
  deleteJourneyType: (id: string, type: string) => request<void>('DELETE', `/sites/${enc(id)}/journey-types/${enc(type)}`),

  touchpoints: (id: string, signal?: AbortSignal) =>
    request<{ touchpoints: TouchpointWithPrompt[] }>('GET', `/sites/${enc(id)}/touchpoints`, undefined, signal),
  createTouchpoint: (id: string, body: TouchpointInput) => request<Touchpoint>('POST', `/sites/${enc(id)}/touchpoints`, body),
  patchTouchpoint: (id: string, key: string, body: TouchpointPatch) =>
    request<Touchpoint>('PATCH', `/sites/${enc(id)}/touchpoints/${enc(key)}`, body),
  deleteTouchpoint: (id: string, key: string) => request<void>('DELETE', `/sites/${enc(id)}/touchpoints/${enc(key)}`),
  putPrompt: (id: string, key: string, body: PromptInput) =>
    request<Prompt>('PUT', `/sites/${enc(id)}/touchpoints/${enc(key)}/prompt`, body),

  overview: (id: string, q: AnalyticsQuery, signal?: AbortSignal) =>
    request<Overview>('GET', `/sites/${enc(id)}/analytics/overview${qs(q)}`, undefined, signal),
  trends: (id: string, q: TrendsQuery, signal?: AbortSignal) =>
    request<Trends>('GET', `/sites/${enc(id)}/analytics/trends${qs(q)}`, undefined, signal),
  /** Events ingest answered but did not store, per day: from obvious bots, or refused by rate limits. */
  dropped: (id: string, q: Pick<AnalyticsQuery, 'from' | 'to'>, signal?: AbortSignal) =>
    request<DroppedTraffic>('GET', `/sites/${enc(id)}/traffic/dropped${qs(q)}`, undefined, signal),
  responses: (id: string, q: ResponsesQuery, signal?: AbortSignal) =>
    request<ResponsesPage>('GET', `/sites/${enc(id)}/responses${qs(q)}`, undefined, signal),
  members: (signal?: AbortSignal) => request<Members>('GET', '/members', undefined, signal),
  /** `revokeTokens`: also revoke the API tokens that member made. */
  setRole: (userId: string, role: Role, revokeTokens = false) =>
    request<unknown>('PATCH', `/members/${enc(userId)}${revokeTokens ? '?revokeTokens=true' : ''}`, { role }),
  /** A one-time password reset link for a member, to pass on to them. */
  resetLink: (userId: string) => request<PasswordResetLink>('POST', `/members/${enc(userId)}/password-reset`),
  removeMember: (userId: string, revokeTokens = false) => request<void>('DELETE', `/members/${enc(userId)}${revokeTokens ? '?revokeTokens=true' : ''}`),
  invites: (signal?: AbortSignal) => request<Invites>('GET', '/invites', undefined, signal),
  createInvite: (body: InviteCreate) => request<InviteCreated>('POST', '/invites', body),
  revokeInvite: (id: string) => request<void>('DELETE', `/invites/${enc(id)}`),
  invitePreview: (token: string, signal?: AbortSignal) => request<InvitePreview>('GET', `/invites/preview/${enc(token)}`, undefined, signal),
  acceptInvite: (body: InviteAccept) => request<Me>('POST', '/invites/accept', body),
  siteActions: (id: string, signal?: AbortSignal) => request<Actions>('GET', `/sites/${enc(id)}/actions`, undefined, signal),
  actions: (id: string, key: string, signal?: AbortSignal) =>
    request<Actions>('GET', `/sites/${enc(id)}/touchpoints/${enc(key)}/actions`, undefined, signal),
  logAction: (id: string, key: string, body: ActionInput) => request<ActionWithEffect>('POST', `/sites/${enc(id)}/touchpoints/${enc(key)}/actions`, body),
  removeAction: (id: string, key: string, action: string) => request<void>('DELETE', `/sites/${enc(id)}/touchpoints/${enc(key)}/actions/${enc(action)}`),
  commentThemes: (id: string, q: AnalyticsQuery, signal?: AbortSignal) =>
    request<CommentThemes>('GET', `/sites/${enc(id)}/comments/themes${qs(q)}`, undefined, signal),
  shareInfo: (signal?: AbortSignal) => request<ShareInfo>('GET', '/share-info', undefined, signal),
  shares: (id: string, signal?: AbortSignal) => request<{ shares: Share[] }>('GET', `/sites/${enc(id)}/shares`, undefined, signal),
  createShare: (id: string, body: ShareInput) => request<ShareCreated>('POST', `/sites/${enc(id)}/shares`, body),
  revokeShare: (id: string, share: string) => request<void>('DELETE', `/sites/${enc(id)}/shares/${enc(share)}`),
  alerts: (id: string, signal?: AbortSignal) => request<AlertsState>('GET', `/sites/${enc(id)}/alerts`, undefined, signal),
  addDestination: (id: string, body: AlertDestinationInput) =>
    request<AlertsState['destinations'][number] & { secret: string | null }>('POST', `/sites/${enc(id)}/alerts/destinations`, body),
  removeDestination: (id: string, dest: string) => request<void>('DELETE', `/sites/${enc(id)}/alerts/destinations/${enc(dest)}`),
  testDestination: (id: string, dest: string) =>
    request<{ ok: boolean; status: number | null; error: string | null }>('POST', `/sites/${enc(id)}/alerts/destinations/${enc(dest)}/test`),

  tokens: (signal?: AbortSignal) => request<ApiTokens>('GET', '/tokens', undefined, signal),
  createToken: (name: string, scope: TokenScope) => request<TokenCreated>('POST', '/tokens', { name, scope }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${enc(id)}`),

  deleteVisitor: (id: string, visitor: string) => request<VisitorDeletion>('DELETE', `/sites/${enc(id)}/visitors/${enc(visitor)}`),
  qrUrl: (id: string, key: string) => `${BASE}/sites/${enc(id)}/touchpoints/${enc(key)}/qr.svg`,
  exportUrl: (id: string, format: 'csv' | 'json', q: ExportQuery) => `${BASE}/sites/${enc(id)}/export.${format}${qs(q)}`,
};
