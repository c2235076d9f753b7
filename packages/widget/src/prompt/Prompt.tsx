// The prompt card: the questions, an optional comment, send, a thank-you state; closes on the button or Esc.
import type { Answers } from '@throughline/schema';
import { Component, h } from 'preact';
import { type Messages, messages } from './i18n';
import { PHONE } from './phone';
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

type Props = PromptProps & { dark: boolean; close(): void };
interface State {
  answers: Answers;
  comment: string;
  sent?: boolean;
  /** Text of the polite live region. */
  live: string;
  /** All questions (false: the first only, on a phone, until it is answered). */
  more: boolean;
  /** Build steps done: the heading, then one per question, then the comment and Send; shown after one more. */
  built: number;
  /** Corner of the viewport: bit 1 start side, bit 2 top. */
  corner: number;
}

// A class component, not hooks: preact/hooks would add ~1 kB gzip to the chunk for what four lifecycle lines do.
// No class fields with initialisers: at the build's target (ES2020) they come with a defineProperty helper (~150 B).
export class Prompt extends Component<Props, State> {
  declare m: Messages;
  declare id: string;
  /** Where focus was before it entered the card: it goes back there when the card leaves. */
  declare back?: HTMLElement;
  declare card?: HTMLElement | null;
  declare timers: ReturnType<typeof setTimeout>[];
  declare hit?: ReturnType<typeof setTimeout>;
  declare moves: number;
  declare gone?: boolean;

  constructor(props: Props) {
    super(props);
    this.m = messages(props.locale, props.prompt.wording, props.pack);
    this.id = 'tl' + Math.random().toString(36).slice(2, 8);
    this.timers = [];
    this.moves = 0;
    // On a phone the corner card opens compact, its first question only, and grows when the visitor answers it.
    this.state = {
      answers: {},
      comment: '',
      live: '',
      built: 0,
      corner: 0,
      more: !!props.inline || !matchMedia(PHONE).matches,
    };
  }

  later(fn: () => void, ms: number) {
    this.timers.push(setTimeout(() => this.gone || fn(), ms));
  }

  override componentDidMount() {
    this.componentDidUpdate(this.props, { ...this.state, built: -1 });
  }

  // The card is built in steps, each a task of its own after the frame that laid out the previous step: the heading,
  // then one question at a time, then the comment and Send, and only then is it shown, so that the frame that first
  // paints it lays out nothing new. Several short tasks instead of one long one, and no visible growth.
  override componentDidUpdate(_: Props, was: State) {
    const { built, sent } = this.state;
    if (built != was.built) {
      if (built <= this.props.dimensions.length + 1) {
        let once = 0;
        const next = () => once++ || this.later(() => this.setState({ built: built + 1 }), 0);
        requestAnimationFrame(next);
        this.later(next, 100);
      } else {
        if (!this.props.inline) this.check();
        this.announce();
        this.props.onShow?.();
      }
    }
    if (sent != was.sent) this.announce(), this.later(() => this.leave(), 4e3);
  }

  override componentWillUnmount() {
    this.gone = true;
    this.timers.forEach(clearTimeout);
    clearTimeout(this.hit);
  }

  /** A live region only speaks about changes made after it exists: the text comes a moment after the card. */
  announce() {
    this.later(() => this.setState({ live: this.m.t(this.state.sent ? 'thanks' : 'announce') }), 150);
  }

  // Never under someone else's layer (a consent banner at the top z-index): while the corner card shows, its corners
  // are hit-tested once a second; where one is covered it moves on to the next corner (bottom or top, end or start).
  check() {
    const el = this.card!;
    const r = el.getBoundingClientRect();
    const host = (el.getRootNode() as ShadowRoot).host;
    // 16 px in: inside a rounded corner of any usual radius.
    if (
      ![r.left + 16, r.right - 16].some((x) =>
        [r.top + 16, r.bottom - 16].some((y) => document.elementFromPoint(x, y) != host),
      )
    )
      this.moves = 0;
    // Covered everywhere (a modal over the page): back where it started, and no further moves until it is free.
    else if (this.moves++ < 4) this.setState({ corner: (this.state.corner + 1) % 4 });
    this.hit = setTimeout(() => this.check(), 1e3);
  }

  leave() {
    this.props.close();
    this.back?.focus();
  }

  dismiss() {
    this.props.onDismiss();
    this.leave();
  }

  // A button's handler, not a form's submission: a sandboxed frame without `allow-forms` blocks those.
  submit() {
    const { answers, comment } = this.state;
    this.props.onAnswer(answers, comment.trim().slice(0, 2000) || undefined);
    this.setState({ sent: true });
  }

  override render(
    { dimensions, prompt, theme, fromName, kind, name, inline, dark }: Props,
    { answers, comment, sent, live, more, built, corner }: State,
  ) {
    const { m, id } = this;
    const whole = built > dimensions.length && more;
    const shown = built > dimensions.length + 1;
    const style = {
      '--tl-c': theme.color,
      '--tl-on': onColor(theme.color),
      '--tl-r': `${theme.radius}px`,
      '--tl-f': theme.font,
      // The corner card keeps its size whatever CSS zoom the page sets (`html { zoom: 1.5 }`), so that it fits the viewport.
      '--tl-z': 1 / ((document.body as { currentCSSZoom?: number }).currentCSSZoom || 1),
    };
    const picked = Object.keys(answers).length;

    return (
      <section
        ref={(el) => void (this.card = el)}
        class={`card${inline ? '' : ' fixed'}${dark ? ' dark' : ''}${shown ? ' in' : ' wait'}${corner & 1 ? ' s' : ''}${corner & 2 ? ' t' : ''}`}
        role="region"
        aria-labelledby={id + 'h'}
        lang={m.lang}
        dir={m.dir}
        style={style}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), this.dismiss())}
        onFocusIn={(e) => (this.back ??= (e.relatedTarget as HTMLElement | null) ?? document.body)}
      >
        <div class="head">
          <h2 id={id + 'h'}>{m.t('title')}</h2>
          <button
            type="button"
            class="x"
            aria-label={m.t('close')}
            onClick={() => (sent ? this.leave() : this.dismiss())}
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              stroke-width="2.2"
              stroke-linecap="round"
            >
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
                legend={m.question(dim, fromName, kind, name)}
                m={m}
                value={answers[dim]}
                onPick={(v) => this.setState({ answers: { ...answers, [dim]: v }, more: true })}
              />
            ))}
            {whole && prompt.comment && (
              <label class="lbl">
                {m.t('comment')}
                <textarea
                  rows={1}
                  maxLength={2000}
                  value={comment}
                  onInput={(e) => this.setState({ comment: (e.target as HTMLTextAreaElement).value })}
                />
              </label>
            )}
            {whole && (
              <button type="button" class="send" onClick={() => this.submit()} disabled={!picked}>
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
}
