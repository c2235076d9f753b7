// The width of an element, kept up to date as it resizes (0 until it is first laid out): for drawings that size
// themselves to their box.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export function useWidth<E extends Element>(): [(el: E | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ro = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((el: E | null) => {
    ro.current?.disconnect();
    if (!el) return;
    ro.current = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.current.observe(el);
    setWidth(el.clientWidth);
  }, []);
  useEffect(() => () => ro.current?.disconnect(), []);
  return [ref, width];
}
