// Builds the IT dashboard into <repo>/dist/dashboard, served by server/routes/dashboard.ts under /dashboard/.
// The dashboard's CSP forbids inline script and style, so nothing may be inlined into index.html: no
// modulepreload polyfill (an inline script), no inlined assets.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => decodeURIComponent(new URL(path, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/dashboard'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
  },
});
