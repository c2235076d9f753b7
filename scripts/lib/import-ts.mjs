// Imports the Worker's own TypeScript modules into a Node script (Node 22 strips the types), so that scripts
// run the same code as the Worker instead of a copy. Only the resolution differs: the Worker's sources import
// siblings without an extension, as bundlers allow, so a `.ts` is tried when a relative import is not found.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && /^\\.\\.?\\//.test(specifier)) return next(specifier + '.ts', context);
    throw e;
  }
}`;
let registered = false;

/**
 * `await importTs('/abs/path/worker/src/db/events.ts')`; the caller casts the result to the module's type,
 * `typeof import('…/worker/src/db/events')`.
 * @param {string} file
 * @returns {Promise<unknown>}
 */
export function importTs(file) {
  if (!registered) register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  registered = true;
  return import(pathToFileURL(file).href);
}
