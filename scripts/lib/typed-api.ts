// Hono's typed client of the worker's dashboard API: `hc<AppType>` needs a type argument, which JavaScript cannot
// write, so this one line is TypeScript (Node runs it as is: its types are only stripped). api-client.mjs uses it.
import type { AppType } from '../../worker/src/app';
import { type ClientRequestOptions, hc } from 'hono/client';

export const typedApi = (baseUrl: string, options: ClientRequestOptions) => hc<AppType>(baseUrl, options);
