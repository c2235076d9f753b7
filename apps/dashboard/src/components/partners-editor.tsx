// Partner domains of a site: links from the site to these domains carry the visitor's journey id, so a partner's
// page (a carrier's tracking page with this site's script tag) continues the same journey as a partner touchpoint.
import type { Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { isPartnerDomain, originFor, parsePartners, partnersWithoutOrigin } from '../partner-origins';
import { Link } from './link';
import { SettingsForm } from './settings-form';

export function PartnersEditor({ site, onSaved }: { site: Site; onSaved: (s: Site) => void }) {
  const [text, setText] = useState(site.settings.partners.join('\n'));

  function patch() {
    const partners = parsePartners(text);
    const bad = partners.filter((d) => !isPartnerDomain(d));
    if (bad.length) return `Not a domain: ${bad.join(', ')}. Write them like carrier.example.com.`;
    setText(partners.join('\n'));
    return { settings: { ...site.settings, partners } };
  }

  const unallowed = partnersWithoutOrigin(site.settings.partners, site.origins);
  return (
    <SettingsForm
      id="partners"
      title="Partner domains"
      saveLabel="Save partner domains"
      site={site}
      onSaved={onSaved}
      patch={patch}
      hint={
        <>
          Journeys cross firms: a carrier's tracking page, a payment provider, a booking partner. Links to these domains
          carry the visitor's journey id, so answers on a partner's page (with this site's script tag) join the same
          journey. Mark those touchpoints with the owner <em>Partner</em>.
        </>
      }
    >
      <div class="field">
        <label for="partners">Domains, one per line</label>
        <textarea
          id="partners"
          rows={2}
          class="mono"
          value={text}
          placeholder="track.swiftship.example"
          aria-describedby="partners-hint"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="hint" id="partners-hint">
          For local testing: <code>localhost:5174</code> (with a port, only that port matches).
        </p>
      </div>
      {unallowed.length > 0 && (
        <div class="callout callout-warn" role="status" data-testid="partner-origin-warning">
          <p>
            Answers from{' '}
            {unallowed.length === 1
              ? 'this partner are refused until its origin is'
              : 'these partners are refused until their origins are'}{' '}
            allowed: add{' '}
            {unallowed.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <code>{originFor(p)}</code>
              </span>
            ))}{' '}
            to the allowed origins in <Link href={`/sites/${encodeURIComponent(site.id)}/settings`}>Settings</Link>.
            Until then their visitors may see the prompt, but nothing they answer is kept.
          </p>
        </div>
      )}
    </SettingsForm>
  );
}
