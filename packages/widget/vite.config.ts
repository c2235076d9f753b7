// `vite build` makes every widget output (served from the worker's asset root: dist/w.js at /w.js):
//   dist/w/prompt.<hash>.js  the Preact prompt chunk (IIFE), loaded only when a prompt is due (or, for a delayed
//                            trigger, while the page is idle once it is armed);
//   dist/w/core.<hash>.js    the SDK engine (sdk.ts: config, touchpoints, visits, asking, delivery), IIFE;
//   dist/w/l.<hash>/<lang>.js  the prompt's text packs besides English;
//   dist/npm/                the npm ESM entry (throughline.js), with the same chunks as lazy imports, and its
//                            declarations (throughline.d.ts, JSDoc included) emitted from the same source, src/npm.ts;
//   dist/w.js                the loader (IIFE, no Preact), told the chunk paths at build time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type UserConfig } from 'vite';
import { writeNpmTypes } from './npm-types.ts';
import { LOCALES } from './src/prompt/locales.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = here + 'dist/';
// Classic JSX (`h` from preact): the automatic runtime's jsx() wrapper costs ~130 B gzip more in the prompt chunk.
const base: InlineConfig = {
  configFile: false,
  root: here,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
};

/**
 * Terser for the script-tag outputs: two compress passes over the whole IIFE (toplevel) take ~160 B gzip more off
 * the first prompt than the default minifier (measured in docs/benchmarks.md).
 */
const min = {
  minify: 'terser',
  terserOptions: {
    ecma: 2020,
    toplevel: true,
    compress: { passes: 2, pure_getters: true, unsafe_arrows: true },
    format: { comments: /allFunctionsCalledOnLoad/ },
  },
} as const;

/**
 * V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): every function of the file is compiled while
 * the script streams in, off the main thread, instead of lazily on first call inside the tasks that run them. Each
 * script-tag output runs nearly all of its functions when it is used, so none is compiled in vain.
 */
const banner = '//# allFunctionsCalledOnLoad';

/** One self-contained IIFE chunk at a content-hashed path under dist/w/. */
const chunk = (entry: string, name: string) =>
  build({
    ...base,
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2020',
      ...min,
      rollupOptions: {
        input: here + 'src/' + entry,
        output: { format: 'iife', postBanner: banner, entryFileNames: `w/${name}.[hash].js` },
      },
    },
  });

/** JSON with every non-ASCII character escaped, so that a script served without a charset still reads right. */
const ascii = (v: unknown) =>
  JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** Locale packs are data: each calls the loader's global with its text. */
function writePacks(): string {
  const hash = createHash('sha256').update(JSON.stringify(LOCALES)).digest('base64url').slice(0, 8);
  const dir = `w/l.${hash}/`;
  mkdirSync(dist + dir, { recursive: true });
  for (const [lang, text] of Object.entries(LOCALES))
    writeFileSync(
      `${dist}${dir}${lang}.js`,
      `window.throughline&&throughline.p&&throughline.p(${ascii(lang)},${ascii(text)})\n`,
    );
  return dir;
}

export default defineConfig(async ({ command }): Promise<UserConfig> => {
  const chunks: Record<string, string> = { prompt: 'w/prompt.js', core: 'w/core.js', l: 'w/l/' };
  if (command === 'build') {
    await build({
      ...base,
      build: {
        outDir: dist + 'npm',
        emptyOutDir: true,
        target: 'es2020',
        minify: false,
        lib: { entry: here + 'src/npm.ts', formats: ['es'], fileName: 'throughline' },
        rollupOptions: { output: { chunkFileNames: '[name].[hash].js' } },
      },
    });
    writeNpmTypes(here + 'src/npm.ts', dist + 'npm/throughline.d.ts');
    await chunk('prompt/entry.ts', 'prompt');
    await chunk('core-entry.ts', 'core');
    const files = readdirSync(dist + 'w');
    for (const name of ['prompt', 'core'])
      chunks[name] = 'w/' + files.find((f) => f.startsWith(name + '.') && f.endsWith('.js'));
    chunks.l = writePacks();
  }
  const { configFile: _, ...shared } = base;
  return {
    ...shared,
    define: { __CHUNKS__: JSON.stringify(chunks) },
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2020',
      ...min,
      rollupOptions: {
        input: here + 'src/loader.ts',
        output: { format: 'iife', postBanner: banner, entryFileNames: 'w.js' },
      },
    },
  };
});
