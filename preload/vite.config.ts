// Bundles the sandboxed preload into ONE CommonJS file: sandboxed preloads are not ES modules and may require
// only 'electron', so nothing else may stay an import. Not minified: electronegativity and reviewers read it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    target: 'es2023',
    lib: { entry: 'preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.js' },
    rollupOptions: { external: ['electron'] },
  },
});
