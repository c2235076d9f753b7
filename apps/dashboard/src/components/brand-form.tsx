// Settings › Brand theme: the brand's name (used in the `theme` question) and the one sentence it promises, which the
// Consistency screen's thematic cohesion measures against (docs/metrics.md › Thematic cohesion).
import type { Site } from '@throughline/schema';
import { SettingsForm } from './settings-form';

const text = (f: HTMLFormElement, name: string) =>
  (f.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();

export function BrandForm({ site, onSaved }: { site: Site; onSaved: (s: Site) => void }) {
  const patch = (f: HTMLFormElement) => ({
    settings: { ...site.settings, brandName: text(f, 'brandName'), brandPromise: text(f, 'brandPromise') },
  });
  return (
    <SettingsForm
      id="brand"
      title="Brand theme"
      hint={
        <>
          What the brand promises, in one sentence. Add the <em>Brand fit</em> question to a prompt to ask visitors how
          well a touchpoint lives up to it.
        </>
      }
      site={site}
      onSaved={onSaved}
      patch={patch}
    >
      <div class="field">
        <label for="set-brand-name">Brand name in the question</label>
        <input
          id="set-brand-name"
          name="brandName"
          maxLength={80}
          defaultValue={site.settings.brandName}
          placeholder={site.name}
        />
        <p class="hint">
          “How well does this fit what {site.settings.brandName || site.name} promises?” Empty: the site's name.
        </p>
      </div>
      <div class="field">
        <label for="set-brand-promise">Brand promise</label>
        <textarea
          id="set-brand-promise"
          name="brandPromise"
          maxLength={300}
          rows={2}
          defaultValue={site.settings.brandPromise}
          placeholder="Gear that gets you outdoors with confidence"
        />
      </div>
    </SettingsForm>
  );
}
