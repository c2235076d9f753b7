// Persistent state in localStorage (shared across tabs and reloads), with an in-memory fallback; never throws.
const mem: Record<string, string> = {};

function store(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

/** Reads a JSON value, or undefined when absent or unreadable. */
export function get<T>(key: string): T | undefined {
  try {
    const raw = store()?.getItem(key) ?? mem[key];
    return raw == null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/**
 * JSON text of a value, immune to a page's `Array.prototype.toJSON` (Prototype.js and its heirs make arrays serialise
 * as strings): the page's method is set aside for this synchronous call only and put back before anything else runs.
 */
export function json(value: unknown): string {
  const proto = Array.prototype as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  const aside = !!own?.configurable && delete proto.toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    if (aside) Object.defineProperty(proto, 'toJSON', own!);
  }
}

/**
 * Writes a JSON value; true when it was stored. When storage is full, the keys other sites of ours left on this
 * origin (`tl:<other site>:…`) are removed to make room, once; when it is blocked, the memory copy serves this page.
 */
export function set(key: string, value: unknown): boolean {
  const raw = json(value);
  mem[key] = raw;
  for (let room = 0; room < 2; room++)
    try {
      store()!.setItem(key, raw);
      return true;
    } catch {
      for (const k of keys('tl:')) if (!k.startsWith(key.slice(0, key.indexOf(':', 3) + 1))) del(k);
    }
  return false;
}

export function del(key: string): void {
  delete mem[key];
  try {
    store()!.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

/** Keys that start with `prefix`, stored or in memory. */
export function keys(prefix: string): string[] {
  const out = new Set(Object.keys(mem));
  try {
    for (let i = 0, s = store()!; i < s.length; i++) out.add(s.key(i)!);
  } catch {
    /* memory only */
  }
  return [...out].filter((k) => k.startsWith(prefix));
}
