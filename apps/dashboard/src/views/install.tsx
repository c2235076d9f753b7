// Install a site's widget: the script tag, SPA usage, and links for offline touchpoints.
import { FirstVisitCheck } from '../components/first-visit-check';
import { CopyBox, installSnippet } from '../components/snippet';
import type { ViewProps } from './view-props';

export function InstallView({ site }: ViewProps) {
  return (
    <div class="page-narrow">
      <div class="view-head">
        <div>
          <h1>Install</h1>
          <p class="muted">
            Add one script tag to every page of {site.name}. It loads asynchronously and never blocks the page.
          </p>
        </div>
      </div>
      <section class="card install-step">
        <h2>1. Add the script tag</h2>
        <p class="muted">Paste it before the closing &lt;/body&gt; tag, or in your tag manager.</p>
        <CopyBox text={installSnippet(site.key)} label="Install snippet" />
        <FirstVisitCheck siteId={site.id} />
      </section>
      <section class="card install-step">
        <h2>2. Name touchpoints in a single-page app (optional)</h2>
        <p class="muted">
          URL rules in Journey setup find most pages. Where a URL says too little, name the touchpoint yourself:
        </p>
        <CopyBox text={`throughline('touchpoint', 'checkout')`} label="Touchpoint call" />
      </section>
      <section class="card install-step">
        <h2>3. Allowed origins</h2>
        <p class="muted">The widget only accepts answers from these origins:</p>
        {site.origins.length ? (
          <ul class="origin-list">
            {site.origins.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p class="callout callout-info">No origins yet: answers will be refused until you add the site's address.</p>
        )}
        <p class="hint">
          Site key: <code>{site.key}</code>
        </p>
      </section>
    </div>
  );
}
