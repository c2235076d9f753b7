// The prompt card: the questions, an optional comment, send, a thank-you state; closes on the button or Esc.
import type { Answers } from '@throughline/schema';
import { h } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messages } from './i18n';
import { Scale } from './Scale';
import type { PromptProps } from './types';

/** Text colour with at least 4.5:1 contrast on the brand colour (hex colours; white otherwise). */
export function onColor(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // White wins when its contrast (1.05 / (L + .05)) beats black's ((L + .05) / .05).
  return 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? '#fff' : '#111827';
}

export function Prompt(props: PromptProps & { dark: boolean; close(): void }) {
  const { dimensions, prompt, theme, locale, fromName, inline, dark } = props;
  const m = useMemo(() => messages(locale, prompt.wording, props.pack), [locale, prompt]);
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [live, setLive] = useState('');
  const [back, setBack] = useState<HTMLElement | null>(null);
  // On a phone (context.ts PHONE; not imported, so that the npm build keeps no chunk shared with the core) the corner
  // card opens compact, its first question only, and grows when the visitor answers it.
  const [more, setMore] = useState(!!inline || !matchMedia('(max-width:480px),(max-height:480px) and (pointer:coarse)').matches);
  const id = useMemo(() => 'tl' + Math.random().toString(36).slice(2, 8), []);
  // The card is built in steps, each a task of its own (effects run after the frame that laid out the previous step):
  // the heading, then one question at a time, then the comment and Send, and only then is it shown, so that the frame
  // that first paints it lays out nothing new. Several short tasks instead of one long one, and no visible growth.
  const [built, setBuilt] = useState(0);
  const whole = built > dimensions.length && more;
  const shown = built > dimensions.length + 1;
  useEffect(() => void (shown || setBuilt(built + 1)), [built]);

  // Never under someone else's layer (a consent banner at the top z-index): while the corner card shows, its corners
  // are hit-tested once a second; where one is covered it moves on to the next corner (bottom or top, end or start).
  const card = useRef<HTMLElement>(null);
  const [corner, setCorner] = useState(0);
  useEffect(() => {
    if (inline || !shown) return;
    let t: ReturnType<typeof setTimeout>;
    let moves = 0;
    const check = () => {
      const el = card.current!;
      const r = el.getBoundingClientRect();
      const host = (el.getRootNode() as ShadowRoot).host;
      // 16 px in: inside a rounded corner of any usual radius.
      if (![r.left + 16, r.right - 16].some((x) => [r.top + 16, r.bottom - 16].some((y) => document.elementFromPoint(x, y) != host))) moves = 0;
      // Covered everywhere (a modal over the page): back where it started, and no further moves until it is free.
      else if (moves++ < 4) setCorner((c) => (c + 1) % 4);
      t = setTimeout(check, 1e3);
    };
    check();
    return () => clearTimeout(t);
  }, [shown]);

  // Announce once shown: a live region only speaks about changes made after it exists.
  useEffect(() => {
    if (!shown) return;
    const t = setTimeout(() => setLive(m.t(sent ? 'thanks' : 'announce')), 150);
    if (sent) {
      const done = setTimeout(leave, 4000);
      return () => (clearTimeout(t), clearTimeout(done));
    }
    return () => clearTimeout(t);
  }, [sent, shown]);

  function leave() {
    props.close();
    back?.focus();
  }

  function dismiss() {
    props.onDismiss();
    leave();
  }

  // A button's handler, not a form's submission: a sandboxed frame without `allow-forms` blocks those.
  function submit() {
    if (!Object.keys(answers).length) return;
    props.onAnswer(answers, comment.trim().slice(0, 2000) || undefined);
    setSent(true);
  }

  const style = {
    '--tl-c': theme.color,
    '--tl-on': onColor(theme.color),
    '--tl-r': `${theme.radius}px`,
    '--tl-f': theme.font,
    // The corner card keeps its size whatever CSS zoom the page sets (`html { zoom: 1.5 }`), so that it fits the viewport.
    '--tl-z': 1 / ((document.body as { currentCSSZoom?: number }).currentCSSZoom || 1),
  };

  return (
    <section
      ref={card}
      class={`card${inline ? '' : ' fixed'}${dark ? ' dark' : ''}${shown ? ' in' : ' wait'}${corner & 1 ? ' s' : ''}${corner & 2 ? ' t' : ''}`}
      role="region"
      aria-labelledby={id + 'h'}
      lang={m.lang}
      dir={m.dir}
      style={style}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), dismiss())}
      onFocusIn={(e) => back || setBack((e.relatedTarget as HTMLElement | null) ?? document.body)}
    >
      <div class="head">
        <h2 id={id + 'h'}>{m.t('title')}</h2>
        <button type="button" class="x" aria-label={m.t('close')} onClick={sent ? leave : dismiss}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {sent ? (
        <div class="thanks">
          <b>{m.t('thanks')}</b>
          <p>{m.t('thanksBody')}</p>
        </div>
      ) : (
        <div class="b">
          {dimensions.slice(0, more ? built : built && 1).map((dim) => (
            <Scale
              key={dim}
              dim={dim}
              id={id + dim}
              legend={m.question(dim, fromName)}
              m={m}
              value={answers[dim]}
              onPick={(v) => (setAnswers({ ...answers, [dim]: v }), setMore(true))}
            />
          ))}
          {whole && prompt.comment && (
            <label class="lbl">
              {m.t('comment')}
              <textarea rows={1} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
            </label>
          )}
          {whole && (
            <button type="button" class="send" onClick={submit} disabled={!Object.keys(answers).length}>
              {m.t('send')}
            </button>
          )}
        </div>
      )}
      <div class="sr" role="status" aria-live="polite">
        {live}
      </div>
    </section>
  );
}
