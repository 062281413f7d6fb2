import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'release'],
    // CLI tests spawn the real command; keep them from starving on 2-core machines.
    testTimeout: 30_000,
    // The JSON report is what .ci/run counts for its closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    hookTimeout: 60_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
