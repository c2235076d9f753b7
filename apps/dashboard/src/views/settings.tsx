// Site settings: name and allowed origins, the prompt's look (with the widget's real prompt as preview), how often
// visitors are asked, how scores are shown, and (owners only) deleting the site.
import { AlertDestinations } from '../components/alert-destinations';
import { SharesSection } from '../components/shares-section';
import type { Prompt, Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { replaceSite } from '../api/sites-store';
import { DEFAULT_PROMPT_DIMENSIONS } from '../constants';
import { BrandForm } from '../components/brand-form';
import { DeleteSite } from '../components/delete-site';
import { PromptPreview } from '../components/prompt-preview';
import { SettingsForm } from '../components/settings-form';
import { parseOrigins } from '../site-input';
import type { ViewProps } from './view-props';

const SAMPLE_PROMPT: Prompt = {
  dimensions: [...DEFAULT_PROMPT_DIMENSIONS],
  wording: {},
  sampling: 1,
  trigger: { type: 'immediate' },
  recontactDays: 30,
  comment: true,
  enabled: true,
};
const num = (form: HTMLFormElement, name: string) => Number((form.elements.namedItem(name) as HTMLInputElement).value);

export function SettingsView({ site, setSite }: ViewProps) {
  const saved = (s: Site) => {
    setSite(s);
    replaceSite(s);
  };
  const common = { site, onSaved: saved };
  return (
    <div class="editor">
      <div class="view-head">
        <div>
          <h1>Settings</h1>
          <p class="muted">
            How {site.name} talks to visitors and how its scores are shown. Changes reach the widget within a minute.
          </p>
        </div>
      </div>
      <GeneralForm {...common} />
      <ThemeForm {...common} />
      <BrandForm {...common} />
      <AskingForm {...common} />
      <ScoresForm {...common} />
      <AlertDestinations site={site} />
      <SharesSection site={site} />
      <DeleteSite site={site} />
    </div>
  );
}

type FormProps = { site: Site; onSaved: (s: Site) => void };

function GeneralForm({ site, onSaved }: FormProps) {
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(site.origins.join('\n'));
  return (
    <SettingsForm
      id="general"
      title="Site"
      site={site}
      onSaved={onSaved}
      patch={() => ({ name: name.trim(), origins: parseOrigins(origins) })}
    >
      <div class="field">
        <label for="set-name">Name</label>
        <input
          id="set-name"
          value={name}
          required
          maxLength={120}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="set-origins">Allowed origins</label>
        <textarea
          id="set-origins"
          rows={3}
          class="mono"
          value={origins}
          aria-describedby="set-origins-hint"
          onInput={(e) => setOrigins((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="hint" id="set-origins-hint">
          One per line, like https://shop.example.com. The widget's answers are accepted only from these addresses.
        </p>
      </div>
    </SettingsForm>
  );
}

function ThemeForm({ site, onSaved }: FormProps) {
  const [theme, setTheme] = useState(site.settings.theme);
  const set = (part: Partial<typeof theme>) => setTheme({ ...theme, ...part });
  const hex = /^#[0-9a-f]{6}$/i.test(theme.color) ? theme.color : '#4f46e5';
  const patch = () =>
    CSS.supports('color', theme.color)
      ? { settings: { ...site.settings, theme } }
      : `"${theme.color}" is not a CSS colour. Try a value like #4f46e5.`;
  return (
    <SettingsForm
      id="theme"
      title="Look of the prompt"
      hint="Brand colour, font and corner radius. Host pages can still override them with CSS custom properties."
      site={site}
      onSaved={onSaved}
      patch={patch}
    >
      <div class="prompt-layout">
        <div class="editor-card">
          <div class="field">
            <label for="set-color">Brand colour</label>
            <div class="color-field">
              <input
                type="color"
                value={hex}
                aria-label="Pick the brand colour"
                onInput={(e) => set({ color: (e.currentTarget as HTMLInputElement).value })}
              />
              <input
                id="set-color"
                class="mono"
                value={theme.color}
                maxLength={40}
                required
                onInput={(e) => set({ color: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
          </div>
          <div class="field">
            <label for="set-font">Font</label>
            <input
              id="set-font"
              value={theme.font}
              maxLength={200}
              required
              onInput={(e) => set({ font: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="set-radius">Corner radius (px)</label>
            <input
              id="set-radius"
              type="number"
              min={0}
              max={32}
              step={1}
              value={theme.radius}
              required
              onInput={(e) => set({ radius: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </div>
        </div>
        <PromptPreview
          prompt={SAMPLE_PROMPT}
          locale="en"
          theme={CSS.supports('color', theme.color) ? theme : { ...theme, color: hex }}
        />
      </div>
    </SettingsForm>
  );
}

function AskingForm({ site, onSaved }: FormProps) {
  const { budget, sendQuery } = site.settings;
  const patch = (f: HTMLFormElement) => ({
    settings: {
      ...site.settings,
      budget: { prompts: num(f, 'prompts'), periodDays: num(f, 'periodDays') },
      sendQuery: (f.elements.namedItem('sendQuery') as HTMLInputElement).checked,
    },
  });
  return (
    <SettingsForm
      id="asking"
      title="Asking visitors"
      hint="The ask budget is shared by every touchpoint of the journey: a visitor is asked at most this often, whatever each prompt's sampling says."
      site={site}
      onSaved={onSaved}
      patch={patch}
    >
      <div class="field-row">
        <div class="field">
          <label for="set-prompts">At most this many prompts</label>
          <input
            id="set-prompts"
            name="prompts"
            type="number"
            min={0}
            max={100}
            step={1}
            defaultValue={String(budget.prompts)}
            required
          />
        </div>
        <div class="field">
          <label for="set-period">per this many days</label>
          <input
            id="set-period"
            name="periodDays"
            type="number"
            min={1}
            max={365}
            step={1}
            defaultValue={String(budget.periodDays)}
            required
          />
        </div>
      </div>
      <label class="check">
        <input type="checkbox" name="sendQuery" defaultChecked={sendQuery} /> Send query strings with visits (they may
        hold personal data; off unless you need them)
      </label>
    </SettingsForm>
  );
}

function ScoresForm({ site, onSaved }: FormProps) {
  const { minN, thresholds } = site.settings;
  const patch = (f: HTMLFormElement) => ({
    settings: {
      ...site.settings,
      minN: num(f, 'minN'),
      thresholds: { importance: num(f, 'importance'), quality: num(f, 'quality') },
    },
  });
  return (
    <SettingsForm
      id="scores"
      title="Scores"
      hint="Below the minimum number of answers a score is not shown. The thresholds split the priority matrix into quadrants (0–100; 50 is the scale's midpoint)."
      site={site}
      onSaved={onSaved}
      patch={patch}
    >
      <div class="field-row">
        <div class="field">
          <label for="set-minn">Minimum answers per score</label>
          <input
            id="set-minn"
            name="minN"
            type="number"
            min={1}
            max={1000}
            step={1}
            defaultValue={String(minN)}
            required
          />
        </div>
        <div class="field">
          <label for="set-imp">Importance threshold</label>
          <input
            id="set-imp"
            name="importance"
            type="number"
            min={0}
            max={100}
            step="any"
            defaultValue={String(thresholds.importance)}
            required
          />
        </div>
        <div class="field">
          <label for="set-qual">Quality threshold</label>
          <input
            id="set-qual"
            name="quality"
            type="number"
            min={0}
            max={100}
            step="any"
            defaultValue={String(thresholds.quality)}
            required
          />
        </div>
      </div>
    </SettingsForm>
  );
}
