// The routes the API documents, read from its own OpenAPI document, so that matrices over "every route"
// grow with the API by themselves; and a sample body for each from its JSON Schema.
import { DEFAULT_STAGES } from '@throughline/schema';
import { RawBody, worker } from './helpers';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

export interface ApiRoute {
  method: string;
  /** As documented, under /api/v1: `/sites/{id}/touchpoints/{key}`. */
  path: string;
  params: string[];
  body?: Schema;
  /** Required query parameters, with sample values. */
  query: Record<string, string>;
  writes: boolean;
}

interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
}

export async function documentedRoutes(): Promise<ApiRoute[]> {
  const res = await worker.fetch('https://tl.test/api/v1/openapi.json');
  const doc = await res.json<{ paths: Record<string, Record<string, Operation>> }>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      body: op.requestBody?.content['application/json']?.schema,
      query: Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, String(sample(p.schema))]),
      ),
      writes: !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()),
    })),
  );
}

/** The smallest value that the schema accepts, as far as a plain reading of it allows. */
function sample(s: Schema | undefined): unknown {
  if (!s) return undefined;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.oneOf ?? s.anyOf ?? s.allOf;
  if (alt?.length) return sample(alt[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return crypto.randomUUID();
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'email') return `${crypto.randomUUID()}@example.com`;
      if (s.format === 'uri') return 'https://hooks.example.com/throughline';
      if (s.format === 'date') return new Date().toISOString().slice(0, 10);
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    default:
      return null;
  }
}

/** Bodies that a plain reading of the schema cannot make valid (they must agree with the fixture's journey). */
const EXAMPLES: Record<string, () => unknown> = {
  // New passwords must not be among the first guesses, which a plain sample of the schema is.
  'POST /auth/signup': () => ({
    email: `${crypto.randomUUID()}@example.com`,
    password: 'tangerine lighthouse 7',
    organization: 'Acme',
  }),
  'POST /auth/password': () => ({ current: 'correct horse battery', password: 'tangerine lighthouse 7' }),
  'PUT /sites/{id}/stages': () => ({ stages: [...DEFAULT_STAGES] }),
  'POST /sites/{id}/journey-types': () => ({
    name: 'Support',
    slug: `support-${crypto.randomUUID().slice(0, 8)}`,
    stages: ['Ask', 'Solved'],
  }),
  'POST /sites/{id}/touchpoints': () => ({
    key: `desk-${crypto.randomUUID().slice(0, 8)}`,
    name: 'Desk',
    stage: 'Support',
  }),
  'POST /sites/{id}/import.csv': () =>
    new RawBody(
      'text/csv',
      `at,touchpoint,sensorial\r\n${new Date(Date.now() - 30 * 86_400_000).toISOString()},checkout,4\r\n`,
    ),
  'POST /sites/{id}/import': () => ({
    events: [
      {
        id: crypto.randomUUID(),
        type: 'answer',
        visitor: 'imported-visitor',
        touchpoint: 'checkout',
        at: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        answers: { sensorial: 3 },
      },
    ],
  }),
};

/** A valid body for the route: its example, else a sample of its schema; undefined when it takes none. */
export const bodyFor = (route: ApiRoute) => EXAMPLES[`${route.method} ${route.path}`]?.() ?? sample(route.body);

/** A tenant's values for the path parameters of its routes, by collection (first path segment), then by name. */
export type ParamValues = Record<string, Record<string, string>>;

/** The values of the route's path parameters, or why there are none (a parameter nobody taught the tests). */
export function paramsFor(route: ApiRoute, values: ParamValues): Record<string, string> | string {
  const own = values[route.path.split('/')[1]!];
  const missing = route.params.filter((p) => own?.[p] === undefined);
  return missing.length
    ? `no test value for {${missing.join('}, {')}} of ${route.method} ${route.path}: add it to the ParamValues`
    : own!;
}

/** `/sites/{id}/touchpoints/{key}` with the values of `params` filled in. */
export function fill(route: ApiRoute, params: Record<string, string>): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `{${name}}`));
  const query = new URLSearchParams(route.query).toString();
  return `/api/v1${path}${query ? `?${query}` : ''}`;
}
