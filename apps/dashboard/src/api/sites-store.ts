// The signed-in organization's sites, loaded once and shared by the header switcher and the sites list: a signal,
// like the session (api/session.ts), so every component that reads it re-renders when it changes.
import { signal } from '@preact/signals';
import type { Site } from '@throughline/schema';
import { useEffect } from 'preact/hooks';
import { api, type ApiError } from './client';

interface State {
  sites?: Site[];
  error?: ApiError;
  loading: boolean;
}

const store = signal<State>({ loading: false });
let inflight: Promise<void> | undefined;

function emit(next: State): void {
  store.value = next;
}

/** Fetch the list (again); concurrent callers share one request. */
function loadSites(): Promise<void> {
  inflight ??= (async () => {
    emit({ ...store.value, loading: true, error: undefined });
    try {
      const { sites } = await api.sites();
      emit({ sites, loading: false });
    } catch (err) {
      emit({ sites: store.value.sites, loading: false, error: err as ApiError });
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}

/** Add a site created in this tab without refetching. */
export function addSite(site: Site): void {
  emit({ ...store.value, sites: [...(store.value.sites ?? []), site] });
}

/** Another person or organization is signed in: drop the list and load theirs. */
export function resetSites(): void {
  emit({ loading: false });
  void loadSites();
}

/** A site changed in this tab (renamed, new origins): every list shows the saved state. */
export function replaceSite(site: Site): void {
  if (store.value.sites) emit({ ...store.value, sites: store.value.sites.map((s) => (s.id === site.id ? site : s)) });
}

/** A site deleted in this tab; it is no longer the one to reopen. */
export function removeSite(id: string): void {
  if (store.value.sites) emit({ ...store.value, sites: store.value.sites.filter((s) => s.id !== id) });
  try {
    if (localStorage.getItem(LAST_SITE) === id) localStorage.removeItem(LAST_SITE);
  } catch {
    /* storage may be blocked */
  }
}

export function useSites(): State & { reload: () => void } {
  useEffect(() => {
    if (!store.value.sites && !inflight) void loadSites();
  }, []);
  return { ...store.value, reload: () => void loadSites() };
}

const LAST_SITE = 'throughline:last-site';
export const rememberSite = (id: string) => {
  try {
    localStorage.setItem(LAST_SITE, id);
  } catch {
    /* storage may be blocked; the first site is a fine default */
  }
};
export const lastSite = (): string | null => {
  try {
    return localStorage.getItem(LAST_SITE);
  } catch {
    return null;
  }
};
