// The install snippet for a site, and secrets shown once, with a copy button (keyboard reachable, result announced).
import { useState } from 'preact/hooks';

export function installSnippet(siteKey: string): string {
  return `<script async src="${location.origin}/w.js" data-site="${siteKey}"></script>`;
}

export function CopyBox({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }
  return (
    <div class="copy-box">
      <pre tabIndex={0} role="region" aria-label={label}>
        <code>{text}</code>
      </pre>
      <button type="button" class="btn btn-secondary btn-sm" onClick={copy}>
        {state === 'copied' ? 'Copied ✓' : 'Copy'}
      </button>
      <span class="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to clipboard'
          : state === 'failed'
            ? 'Could not copy; select the text and copy it by hand'
            : ''}
      </span>
      {state === 'failed' && <p class="field-error">Copy failed: select the text and press Ctrl+C.</p>}
    </div>
  );
}

/** A secret the API returns once (an invite link, an API token): what to do with it, and the text to copy. */
export function ShownOnce({ message, text, label }: { message: string; text: string; label: string }) {
  return (
    <div class="callout callout-ok" role="status">
      <div>
        <strong>{message}</strong>
        <CopyBox text={text} label={label} />
      </div>
    </div>
  );
}
