// `vite build` makes every widget output, in order:
//   1. dist/w/prompt.<hash>.js — the Preact prompt chunk (IIFE, immutable URL), loaded by w.js only when a prompt is due;
//   2. dist/npm/ — the npm ESM entry with the prompt as a lazy chunk;
//   3. dist/w.js — the loader (IIFE, no Preact), told the prompt chunk's name at build time.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type UserConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = (p: string) => here + 'src/' + p;
const jsx: UserConfig = { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } }, logLevel: 'warn', configFile: false, root: here };

export default defineConfig(async ({ command }) => {
  if (command === 'build') {
    await build({
      ...jsx,
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2020',
        rollupOptions: { input: src('prompt/entry.ts'), output: { format: 'iife', entryFileNames: 'w/prompt.[hash].js' } },
      },
    });
    await build({
      ...jsx,
      build: {
        outDir: 'dist/npm',
        emptyOutDir: true,
        target: 'es2020',
        minify: false,
        lib: { entry: src('npm.ts'), formats: ['es'], fileName: 'throughline' },
        rollupOptions: { output: { chunkFileNames: '[name].[hash].js' } },
      },
    });
  }
  let prompt = 'w/prompt.js';
  try {
    prompt = 'w/' + readdirSync(here + 'dist/w').find((f) => f.startsWith('prompt.'));
  } catch {
    /* dev server: no chunk built */
  }
  return {
    ...jsx,
    configFile: undefined,
    define: { __PROMPT__: JSON.stringify(prompt) },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2020',
      rollupOptions: { input: src('loader.ts'), output: { format: 'iife', entryFileNames: 'w.js' } },
    },
  };
});
