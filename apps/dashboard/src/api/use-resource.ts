// Load data for a view: loading, error and data states, aborted when the inputs change or the view unmounts.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './client';
import { onRefresh } from './refresh';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally after a successful change (no refetch). */
  set: (data: T) => void;
  /** When the data shown was loaded (or set). */
  updatedAt: Date | undefined;
}

export interface ResourceOptions {
  /** Reload on window focus and every minute while visible (api/refresh.ts), keeping the data shown meanwhile. */
  live?: boolean;
}

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  { live = false }: ResourceOptions = {},
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; updatedAt?: Date }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true, updatedAt: s.updatedAt }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, loading: false, updatedAt: new Date() }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const error =
          err instanceof ApiError ? err : new ApiError(0, 'client', err instanceof Error ? err.message : String(err));
        setState({ error, loading: false });
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => (live ? onRefresh(reload) : undefined), [live, reload]);
  const set = useCallback((data: T) => setState({ data, loading: false, updatedAt: new Date() }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, set, updatedAt: state.updatedAt };
}
