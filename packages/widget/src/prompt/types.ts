// The contract between the loader and the lazily loaded prompt chunk (types only: no code crosses it).
import type { WordingKind } from './wording-kind';
import type { AnswerEvent, Answers, PromptEvent, Prompt, SiteConfig, Theme } from '@throughline/schema';

export interface PromptProps {
  /** Questions asked, in order; `handoff` already added when the visitor came from another touchpoint. */
  dimensions: (keyof Answers)[];
  prompt: Prompt;
  theme: Theme;
  /** BCP 47 locale of the page, e.g. `de-CH`. */
  locale: string;
  /** The locale's built-in text pack (locales.ts), when there is one. */
  pack?: string | undefined;
  /** Display name of the previous touchpoint, for the handoff question. */
  fromName?: string | undefined;
  /** Which built-in questions fit this touchpoint (wording-kind.ts), and its display name for them. */
  kind?: WordingKind;
  name?: string | undefined;
  /** Render inside this element instead of as a corner card. */
  inline?: Element | null;
  /** CSP nonce for the fallback <style> when constructable stylesheets are missing. */
  nonce?: string | undefined;
  onAnswer(answers: Answers, comment?: string): void;
  /** The visitor closed the prompt (button or Esc) without answering. */
  onDismiss(): void;
  /** The card has become visible (built and shown; once per mount). */
  onShow?(): void;
}

/** Renders the prompt; returns a function that removes it. */
export type MountPrompt = (props: PromptProps) => () => void;

/** What the core's `emit` adds to an event before it is queued: its id, touchpoint, time and the tab's journey link. */
type Added = 'id' | 'touchpoint' | 'at' | 'link';

/**
 * What the core hands the prompt chunk once a touchpoint may ask (prompt enabled, recontact, budget and sampling
 * passed). Every function is the core's, guarded: nothing thrown reaches the host page.
 */
export interface Asking {
  config: SiteConfig;
  /** The touchpoint that asks. */
  key: string;
  /** The touchpoint's prompt. */
  prompt: Prompt;
  /** Ask now, whatever the trigger (the `show` command). */
  force?: boolean | undefined;
  /** Custom events (`throughline('event', name)`) reach `event` triggers through this set. */
  events: Set<(name: string) => void>;
  /** The previous touchpoint of the journey, sent with the answer. */
  from?: string | undefined;
  /** Counts the showing against the ask budget; false when the prompt may not appear (route left, consent withdrawn, nothing can be remembered). */
  begin(): boolean;
  /** Still on this touchpoint, with consent. */
  live(): boolean;
  locale(): string;
  /** Loads a lazily loaded part (a locale's text pack). */
  load(name: string): Promise<unknown>;
  /** Remembers the prompt as done (answered or dismissed), for its recontact period. */
  done(): void;
  /** Queues an event of this touchpoint. */
  emit(e: Omit<AnswerEvent, Added> | Omit<PromptEvent, Added>): void;
  /** The `inline` option: an element or a selector. */
  inline?: Element | string | null | undefined;
  nonce?: string | undefined;
}

/** Arms the prompt of a touchpoint; returns a function that disarms it and removes the card. */
export type ShowPrompt = (a: Asking) => () => void;
