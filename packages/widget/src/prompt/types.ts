// The contract between the loader and the lazily loaded prompt chunk (types only: no code crosses it).
import type { Answers, Prompt, Theme } from '@throughline/schema';

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
