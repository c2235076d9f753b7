// A user action that calls the API: busy while it runs, the error it ended with (for the form to show), and its
// result — the try/catch/finally every form would otherwise write again.
import { useState } from 'preact/hooks';
import { ApiError } from './client';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string>();
  /** Runs `fn`; its result, or undefined when it failed (then `error` says why). */
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
