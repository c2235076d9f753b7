// Load a view's module on demand (dynamic import), so the first screen ships only what it needs.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from './states';

// biome-ignore lint/suspicious/noExplicitAny: one cache for views of every props type; each lazyView reads back its own.
const cache = new Map<() => Promise<unknown>, ComponentType<any>>();

export function lazyView<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return function LazyView(props: P) {
    // biome-ignore lint/suspicious/noExplicitAny: as the cache above.
    const [Comp, setComp] = useState<ComponentType<any> | undefined>(() => cache.get(load));
    const [error, setError] = useState<Error>();
    useEffect(() => {
      if (Comp) return;
      load().then(
        (c) => {
          cache.set(load, c);
          setComp(() => c);
        },
        (e: Error) => setError(e),
      );
    }, []);
    if (error)
      return (
        <ErrorMessage
          error="This screen could not be loaded. Reload the page to get the latest version."
          retry={() => location.reload()}
        />
      );
    if (!Comp) return <Loading />;
    return <Comp {...(props as object)} />;
  };
}
