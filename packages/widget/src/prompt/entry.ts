// Script-tag prompt chunk (dist/w/prompt.<hash>.js): hands the mount function to the loader's global.
import { mount } from './mount';

(window as unknown as { throughline?: { p?: (name: string, m: unknown) => void } }).throughline?.p?.('prompt', mount);
