// Asking, from the moment a touchpoint may ask: arms its trigger, shows the card when it fires (with the locale's text
// pack), and records what the visitor does with it. Lives in the lazy chunk: pages where no prompt is due never load it.
import type { Asking, PromptProps, ShowPrompt } from './types';
import { mount } from './mount';
import { arm } from './triggers';
import { wordingKind } from './wording-kind';

/** Locales with a built-in text pack besides English (see locales.ts). */
const PACKS = /^(de|fr|es|nl|ja|ar)$/;

/**
 * The locale's text pack, when it has one (fetched once, however often asked for).
 * @public exported only because the npm bundle is smaller that way (tests/size/check-size.mjs)
 */
export const pack = (a: Pick<Asking, 'load'>, locale: string) => {
  const base = locale.slice(0, 2).toLowerCase();
  return PACKS.test(base) ? (a.load(base) as Promise<string>).catch(() => undefined) : Promise.resolve(undefined);
};

export const show: ShowPrompt = (a) => {
  const p = a.prompt;
  const find = (key?: string) => a.config.touchpoints.find((t) => t.key == key);
  const fromName = find(a.from)?.name;
  const here = find(a.key);
  const props = {
    kind: wordingKind(here),
    name: here?.name,
    // Arrived from another touchpoint: how smooth the move was is asked too.
    dimensions: fromName && !p.dimensions.includes('handoff') ? [...p.dimensions, 'handoff' as const] : p.dimensions,
    prompt: p,
    theme: a.config.theme,
    fromName,
    inline: typeof a.inline == 'string' ? document.querySelector(a.inline) : a.inline,
    nonce: a.nonce,
  };
  // What the visitor does with the card, recorded as prompt events beside the answer itself.
  const onShow = () => a.emit({ type: 'prompt', outcome: 'shown' });
  const onDismiss = () => {
    a.done();
    a.emit({ type: 'prompt', outcome: 'dismissed' });
  };
  const onAnswer: PromptProps['onAnswer'] = (answers, comment) => {
    a.done();
    a.emit({ type: 'answer', from: a.from, answers, comment });
    a.emit({ type: 'prompt', outcome: 'answered' });
  };
  let unmount = () => {};
  // Fetched ahead while the trigger waits, so that when it fires only the rendering is left.
  pack(a, a.locale());
  const fire = () => {
    // Where the showing cannot be remembered (storage blocked or full), asking would repeat on every page: only an
    // explicit `show` asks there.
    if (!a.begin()) return;
    const locale = a.locale();
    pack(a, locale)
      // Rendered in a task of its own, apart from compiling the chunk: two short tasks, not one long one.
      .then((text) =>
        new Promise<void>((r) => setTimeout(r)).then(
          () => a.live() && (unmount = mount({ ...props, locale, pack: text, onAnswer, onDismiss, onShow })),
        ),
      )
      .catch(() => {});
  };
  // `show` asks now, whatever the trigger.
  const disarm = a.force ? (fire(), () => {}) : arm(p.trigger, fire, a.events);
  return () => (disarm(), unmount());
};
