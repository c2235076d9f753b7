// Script-tag prompt chunk (dist/w/prompt.<hash>.js): hands `show` (trigger, card, prompt events) to the loader's global.
import { show } from './show';

(window as unknown as { throughline?: { p?: (name: string, m: unknown) => void } }).throughline?.p?.('prompt', show);
