// The signed-in organization's sites, loaded once and shared by the header switcher and the sites list.
import type { Site } from '@throughline/schema';
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from './client';

interface State {
  sites?: Site[];
  error?: ApiError;
  loading: boolean;
}

let state: State = { loading: false };
let inflight: Promise<void> | undefined;
const listeners = new Set<(s: State) => void>();

function emit(next: State): void {
  state = next;
  for (const l of listeners) l(state);
}

/** Fetch the list (again); concurrent callers share one request. */
function loadSites(): Promise<void> {
  inflight ??= (async () => {
    emit({ ...state, loading: true, error: undefined });
    try {
      const { sites } = await api.sites();
      emit({ sites, loading: false });
    } catch (err) {
      emit({ sites: state.sites, loading: false, error: err as ApiError });
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}

/** Add a site created in this tab without refetching. */
export function addSite(site: Site): void {
  emit({ ...state, sites: [...(state.sites ?? []), site] });
}

/** Another person or organization is signed in: drop the list and load theirs. */
export function resetSites(): void {
  emit({ loading: false });
  void loadSites();
}

/** A site changed in this tab (renamed, new origins): every list shows the saved state. */
export function replaceSite(site: Site): void {
  if (state.sites) emit({ ...state, sites: state.sites.map((s) => (s.id === site.id ? site : s)) });
}

/** A site deleted in this tab; it is no longer the one to reopen. */
export function removeSite(id: string): void {
  if (state.sites) emit({ ...state, sites: state.sites.filter((s) => s.id !== id) });
  try {
    if (localStorage.getItem(LAST_SITE) === id) localStorage.removeItem(LAST_SITE);
  } catch {
    /* storage may be blocked */
  }
}

export function useSites(): State & { reload: () => void } {
  const [s, setS] = useState(state);
  useEffect(() => {
    listeners.add(setS);
    if (!state.sites && !inflight) void loadSites();
    else setS(state);
    return () => void listeners.delete(setS);
  }, []);
  return { ...s, reload: () => void loadSites() };
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
