// Script-tag build of the core chunk (dist/w/core.<hash>.js): hands the SDK's `start` to the loader's global.
import { start } from './sdk';

(window as unknown as { throughline?: { p?: (name: string, m: unknown) => void } }).throughline?.p?.('core', start);
