// A box that scrolls sideways on narrow screens (wide tables, charts). It is focusable and named,
// so keyboard users can scroll it too (axe: scrollable-region-focusable).
import type { ComponentChildren } from 'preact';

export function ScrollBox({
  label,
  class: cls = 'table-wrap',
  children,
}: {
  label: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={cls} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
