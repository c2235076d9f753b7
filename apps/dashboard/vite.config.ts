// Vite build of the dashboard SPA: emitted to dist/ and served by the worker at `/` next to `/api/v1`.
import { defineConfig } from 'vite';

// `vite dev` proxies the API to the worker started by `pnpm dev` (override with THROUGHLINE_API).
const api = process.env.THROUGHLINE_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', assetsDir: 'assets', target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': { target: api, changeOrigin: true }, '/w.js': { target: api, changeOrigin: true } } },
});
