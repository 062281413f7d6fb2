// Builds the agent's views into <repo>/dist/renderer. Electron loads them through its custom protocol
// (forewarn://app/index.html) and `forewarn preview` serves them over http, so every URL is relative (base './').
// The CSP forbids inline script and style: no modulepreload polyfill (an inline script), no inlined assets.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => decodeURIComponent(new URL(path, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
  },
});
