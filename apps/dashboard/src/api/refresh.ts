// Keeps analytics views fresh: a refresh signal when the window regains focus or the tab becomes visible, and every
// minute while the page is visible (a hidden tab asks nothing of the server).
const REFRESH_MS = 60_000;
/** Focus and visibilitychange fire together on a tab switch: one refresh for both. */
const DEDUPE_MS = 2_000;

const listeners = new Set<() => void>();
let started = false;
let last = 0;

function emit(): void {
  if (document.visibilityState !== 'visible' || Date.now() - last < DEDUPE_MS) return;
  last = Date.now();
  for (const l of [...listeners]) l();
}

function start(): void {
  if (started) return;
  started = true;
  window.addEventListener('focus', emit);
  document.addEventListener('visibilitychange', emit);
  setInterval(emit, REFRESH_MS);
}

/** Calls `fn` on every refresh signal until the returned function is called. */
export function onRefresh(fn: () => void): () => void {
  start();
  listeners.add(fn);
  return () => void listeners.delete(fn);
}
