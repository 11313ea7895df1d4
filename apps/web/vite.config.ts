import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // No source maps in the build: the server would publish them along with the bundle (the dev server keeps its own).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  // `vite` in dev talks to a locally running `npm start` (default port 8787) through the same origin.
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } } },
});
