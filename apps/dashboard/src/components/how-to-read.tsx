// "How to read this": a short, collapsed explanation of a view's numbers, one tap away on every screen.
import type { ComponentChildren } from 'preact';

export function HowToRead({ children }: { children: ComponentChildren }) {
  return (
    <details class="how-to-read">
      <summary>How to read this</summary>
      <div class="how-to-read-body">
        {children}
        <p class="muted">Every definition, with its formula, is in docs/metrics.md in the Throughline repository.</p>
      </div>
    </details>
  );
}
