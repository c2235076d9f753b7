// "Does this URL match?": tries a URL against the rules being edited, with the widget's own matcher
// (packages/widget/src/touchpoint-match.ts), so what the editor says is what visitors' browsers will do.
import { useState } from 'preact/hooks';
import { matchRule } from '../../../../packages/widget/src/touchpoint-match';

/** The first rule that matches `url` (relative URLs are read against the site's first origin), or why none does. */
function testUrl(rules: string[], url: string, base: string): { ok: boolean; rule?: string; message: string } {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return { ok: false, message: 'That is not a URL. Paste an address like https://shop.example.com/checkout.' };
  }
  if (!rules.length) return { ok: false, message: 'There are no URL rules yet.' };
  const rule = rules.find((r) => matchRule(r, u));
  return rule
    ? { ok: true, rule, message: `Matches ${rule}` }
    : { ok: false, message: `No rule matches ${u.pathname}${u.search}${u.hash}.` };
}

export function UrlMatcher({ id, rules, base }: { id: string; rules: string[]; base: string }) {
  const [url, setUrl] = useState('');
  const result = url.trim() ? testUrl(rules, url.trim(), base) : undefined;
  return (
    <div class="url-matcher">
      <label for={id}>Does this URL match?</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        value={url}
        placeholder={`${base}/checkout?step=pay`}
        onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
      />
      <p
        class={`match-result ${result ? (result.ok ? 'match-yes' : 'match-no') : ''}`}
        role="status"
        aria-live="polite"
        data-testid="match-result"
      >
        {result ? (
          result.ok ? (
            <>
              ✓ Matches <code>{result.rule}</code>
            </>
          ) : (
            result.message
          )
        ) : (
          'Paste a page address to check it against the rules above.'
        )}
      </p>
    </div>
  );
}
