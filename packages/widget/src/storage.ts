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

/** Writes a JSON value; falls back to memory when storage is full or blocked. */
export function set(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  mem[key] = raw;
  try {
    store()!.setItem(key, raw);
  } catch {
    /* memory copy above is the fallback */
  }
}

export function del(key: string): void {
  delete mem[key];
  try {
    store()!.removeItem(key);
  } catch {
    /* nothing stored */
  }
}
