// When a due prompt appears: immediately (on a phone: at the first scroll, or after 5 s), after N seconds, at a scroll depth, on exit intent, or on a custom event.
import type { Trigger } from '@throughline/schema';
import { PHONE } from './phone';

/** Arms a trigger; `fire` runs at most once. Returns a function that disarms it. */
export function arm(trigger: Trigger, fire: () => void, events: Set<(name: string) => void>): () => void {
  let off = () => {};
  const once = () => {
    off();
    fire();
  };
  const on = (type: string, fn: (e: Event) => void, target: EventTarget = window) => {
    target.addEventListener(type, fn, { passive: true });
    off = () => target.removeEventListener(type, fn);
  };
  if (trigger.type === 'delay') {
    const t = setTimeout(once, trigger.seconds * 1e3);
    off = () => clearTimeout(t);
  } else if (trigger.type === 'scroll') {
    const check = () => {
      const d = document.documentElement;
      if (((scrollY + innerHeight) / d.scrollHeight) * 100 >= trigger.percent) once();
    };
    on('scroll', check);
    check();
  } else if (trigger.type === 'exit') {
    on('mouseout', (e) => !(e as MouseEvent).relatedTarget && (e as MouseEvent).clientY <= 0 && once(), document);
  } else if (trigger.type === 'event') {
    const fn = (name: string) => name === trigger.name && once();
    events.add(fn);
    off = () => events.delete(fn);
  } else if (matchMedia(PHONE).matches) {
    // On a phone the page comes first: an immediate prompt waits until the visitor scrolls, or for 5 s.
    const t = setTimeout(once, 5e3);
    on('scroll', once);
    const un = off;
    off = () => (un(), clearTimeout(t));
  } else once();
  return () => off();
}
