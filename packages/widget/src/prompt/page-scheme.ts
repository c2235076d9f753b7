// Dark mode follows the page, not only the system: the page's `color-scheme` (CSS on the root, or the
// `<meta name="color-scheme">`) says which schemes it supports; with both, the visitor's preference picks.
export function pageIsDark(): boolean {
  const declared = `${getComputedStyle(document.documentElement).colorScheme} ${document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? ''}`;
  if (!/dark/.test(declared)) return false;
  return !/light/.test(declared) || matchMedia('(prefers-color-scheme:dark)').matches;
}
