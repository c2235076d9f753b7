// Partner domains of a site: links from the site to these domains carry the visitor's journey id, so a partner's
// page (a carrier's tracking page with this site's script tag) continues the same journey as a partner touchpoint.
import type { Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { SettingsForm } from './settings-form';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function PartnersEditor({ site, onSaved }: { site: Site; onSaved: (s: Site) => void }) {
  const [text, setText] = useState(site.settings.partners.join('\n'));

  function patch() {
    const partners = [...new Set(text.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')).filter(Boolean))];
    const bad = partners.filter((d) => !DOMAIN.test(d));
    if (bad.length) return `Not a domain: ${bad.join(', ')}. Write them like carrier.example.com.`;
    setText(partners.join('\n'));
    return { settings: { ...site.settings, partners } };
  }

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
          Journeys cross firms: a carrier's tracking page, a payment provider, a booking partner. Links to these domains carry the visitor's journey
          id, so answers on a partner's page (with this site's script tag) join the same journey. Mark those touchpoints with the owner <em>Partner</em>.
        </>
      }
    >
      <div class="field">
        <label for="partners">Domains, one per line</label>
        <textarea id="partners" rows={2} class="mono" value={text} placeholder="track.swiftship.example" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
    </SettingsForm>
  );
}
