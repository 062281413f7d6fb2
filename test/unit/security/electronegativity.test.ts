/**
 * Electronegativity (Doyensec's Electron security scanner, run programmatically) over the Electron shell: the
 * BUILT main process and preload (dist/main/electron, dist/preload — what ships) and their sources. Fails on
 * any HIGH severity finding; prints every other finding so a reviewer sees them.
 *
 * Offline, on purpose: the scanner fetches translations from S3 at start (locales/i18n.js) and its
 * AvailableSecurityFixesGlobalCheck asks GitHub about Electron releases. Its `got` is replaced in the require
 * cache by a stub that refuses (and records) every request, and the two Electron-version checks are excluded
 * (AvailableSecurityFixesGlobalCheck, ElectronVersionJSONCheck): the Electron version is pinned in package.json
 * and upgraded on purpose, not by a scan.
 *
 * The scanner reads one folder, and its global checks (navigation limits, permission handler, CSP) look at
 * everything it read together, so main, preload and the renderer's index.html are copied into one temp folder
 * laid out like the app. Its Babel parser reads the ESM output and the TypeScript sources as they are.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  manualReview: boolean;
}
type Run = (options: Record<string, unknown>) => Promise<{ globalChecks: number; atomicChecks: number; errors: Array<{ file: string; message: string; tolerable: boolean }>; issues: Issue[] }>;

/** Every request the scanner tries to make: refused here, recorded for the assertion below. */
const requested: string[] = [];
const gotPath = createRequire(join(scannerDir, 'package.json')).resolve('got');
const refuse = (url: unknown) => {
  requested.push(String(url));
  return Promise.reject(new Error('offline: electronegativity runs without network in CI'));
};
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(refuse, { default: refuse }) } as unknown as NodeJS.Module;
const loaded = require('@doyensec/electronegativity') as Run | { default: Run };
const run: Run = typeof loaded === 'function' ? loaded : loaded.default;
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const temp = mkdtempSync(join(tmpdir(), 'forewarn-electronegativity-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyTree(from: string, to: string, keep: (name: string) => boolean): number {
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) n += copyTree(join(from, entry.name), join(to, entry.name), keep);
    else if (keep(entry.name)) {
      copyFileSync(join(from, entry.name), join(to, entry.name));
      n += 1;
    }
  }
  return n;
}

async function scan(input: string): Promise<Issue[]> {
  const lang = process.env['LANG'];
  process.env['LANG'] = 'en-US';
  try {
    const result = await run({ input, isRelative: true, excludeFromScan: EXCLUDED, electronVersionOverride: electronVersion });
    expect(result.atomicChecks + result.globalChecks).toBeGreaterThan(30);
    // A file the parser could not read would be silently unchecked.
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    for (const i of result.issues) {
      console.log(`electronegativity ${i.severity.name}/${i.confidence.name} ${i.id} ${i.file}:${i.location.line}${i.manualReview ? ' (review)' : ''}`);
    }
    return result.issues;
  } finally {
    if (lang === undefined) delete process.env['LANG'];
    else process.env['LANG'] = lang;
  }
}

const high = (issues: Issue[]) => issues.filter((i) => i.severity.name === 'HIGH').map((i) => `${i.id} ${i.file}:${i.location.line}`);

describe('electronegativity', () => {
  it('finds no HIGH severity issue in the built main process and preload', async () => {
    const dist = join(root, 'dist');
    for (const built of ['main/electron/main.js', 'main/electron/windows.js', 'preload/preload.js']) {
      if (!existsSync(join(dist, built))) throw new Error(`dist/${built} is missing: run \`npm run build\` first (npm test does)`);
    }
    const app = join(temp, 'built');
    expect(copyTree(join(dist, 'main/electron'), join(app, 'main/electron'), (n) => n.endsWith('.js'))).toBeGreaterThan(5);
    copyTree(join(dist, 'preload'), join(app, 'preload'), (n) => n.endsWith('.js'));
    if (existsSync(join(dist, 'renderer/index.html'))) copyFileSync(join(dist, 'renderer/index.html'), join(app, 'index.html'));
    const issues = await scan(app);
    expect(high(issues)).toEqual([]);
    // The checks that matter most ran and found the protections in place (they report when they are missing).
    const ids = issues.map((i) => i.id);
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'EXPERIMENTAL_FEATURES_JS_CHECK']) {
      expect(ids, id).not.toContain(id);
    }
  }, 120_000);

  it('finds no HIGH severity issue in the sources', async () => {
    const src = join(temp, 'src');
    copyTree(join(root, 'main/electron'), join(src, 'main/electron'), (n) => n.endsWith('.ts'));
    copyTree(join(root, 'preload'), join(src, 'preload'), (n) => n === 'preload.ts');
    expect(high(await scan(src))).toEqual([]);
  }, 120_000);

  it('made no network request that got through (only the refused translation download)', () => {
    for (const url of requested) expect(url).toMatch(/electronegativity-i18n\.s3/);
  });
});
