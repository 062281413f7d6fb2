/**
 * Builds the Linux app folder (linux-unpacked) offline with the real electron-builder and a stand-in Electron
 * dist (the Electron binary cannot be downloaded here; ../shared/ENVIRONMENT.md), then reads app.asar back:
 * what the agent needs is inside, nothing else is (no server, CLI, tests, sources, maps, docs), node-notifier's
 * helper programs are unpacked, and the security fuses were flipped in the binary.
 *
 * Needs the build output (npm run build): it fails, naming what is missing, rather than skip.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;

/** @electron/fuses' marker: the fuse wire follows it as [version, length, ...states] ('0' off, '1' on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
/** Electron's own defaults, so every fuse the config sets must really be flipped to pass. */
const ELECTRON_DEFAULT_WIRE = '10110001';

/** What the package needs from `npm run build`, and which build makes it. */
const BUILDS: Array<[path: string, made: string]> = [
  [pkg.main as string, 'the main process (tsc: main/electron/)'],
  ['dist/core/agent-api.js', 'core/ (tsc)'],
  ['dist/preload', 'the preload script (preload/)'],
  ['dist/renderer/index.html', 'the renderer (vite build -c renderer/vite.config.ts)'],
];

/** Bare package names that compiled JavaScript imports (import/export from, import(), require()). */
function importedPackages(dirs: string[]): Set<string> {
  const names = new Set<string>();
  const patterns = [/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(c|m)?js$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const pattern of patterns) {
          for (const [, spec] of text.matchAll(pattern)) {
            if (spec!.startsWith('.') || spec!.startsWith('/') || isBuiltin(spec!) || spec === 'electron' || spec!.startsWith('electron/')) continue;
            const parts = spec!.split('/');
            names.add(spec!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
          }
        }
      }
    }
  };
  dirs.forEach(visit);
  return names;
}

/** Package folders (`node_modules/a`, `node_modules/a/node_modules/b`) that `roots` need at run time. */
function runtimeClosure(roots: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const resolveFrom = (fromDir: string, name: string): string | undefined => {
    for (let dir = fromDir; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules/')) || '') {
      const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
      if (existsSync(join(ROOT, candidate, 'package.json'))) return candidate;
      if (dir === '') return undefined;
    }
  };
  const queue: Array<[from: string, name: string]> = [...roots].map((name) => ['', name]);
  while (queue.length > 0) {
    const [from, name] = queue.pop()!;
    const dir = resolveFrom(from, name);
    if (dir === undefined) {
      if (from === '') throw new Error(`the agent imports ${name}, which is not installed`);
      continue; // an optional dependency that is not installed on this platform
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Record<string, any>;
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) queue.push([dir, dep]);
  }
  return found;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`electron-builder failed (${error.message.split('\n')[0]}):\n${output.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-25).join('\n')}`));
      else resolve(output);
    });
  });
}

describe('electron-builder --linux --dir (offline, stand-in Electron)', () => {
  let work: string;
  let app: string;
  let asarPath: string;
  let entries: string[];

  beforeAll(async () => {
    const missing = BUILDS.filter(([path]) => !existsSync(join(ROOT, path)));
    if (missing.length > 0) {
      throw new Error(`the package test needs the build output first; missing: ${missing.map(([path, made]) => `${path} (${made})`).join(', ')}. Run npm run build.`);
    }
    work = mkdtempSync(join(tmpdir(), 'forewarn-package-'));
    // The stand-in Electron dist: an "electron" file carrying a fuse wire at Electron's defaults, so
    // electron-builder's fuse step has something real to flip and the test can read it back.
    const dist = join(work, 'electron-dist');
    mkdirSync(join(dist, 'resources'), { recursive: true });
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n# stand-in\n${FUSE_SENTINEL}`), Buffer.from([1, FUSES.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]));
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), 'v45.4.1');
    writeFileSync(join(dist, 'LICENSE'), 'stand-in');
    writeFileSync(join(dist, 'LICENSES.chromium.html'), '<p>stand-in</p>');
    const out = join(work, 'release');
    // Proxy variables pointing at a closed port (and no internet here): a download attempt fails the build.
    const env = { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9',
      http_proxy: 'http://127.0.0.1:9', NO_PROXY: '', no_proxy: '', ELECTRON_BUILDER_CACHE: join(work, 'cache'), CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
    await run(join(ROOT, 'node_modules/.bin/electron-builder'), ['--linux', '--dir', `-c.electronDist=${dist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`], env);
    app = join(out, 'linux-unpacked');
    asarPath = join(app, 'resources', 'app.asar');
    entries = listPackage(asarPath, { isPack: false }).map((p) => p.split('\\').join('/'));
  }, 150_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const top = (): Set<string> => new Set(entries.map((p) => p.split('/')[1]!));

  it('ships the main process, preload, renderer, core and the tray icons', () => {
    const has = (path: string): boolean => entries.includes(path);
    expect(has(`/${pkg.main}`), pkg.main).toBe(true);
    expect(has('/dist/core/agent-api.js')).toBe(true);
    expect(entries.some((p) => /^\/dist\/preload\/.+\.(c|m)?js$/.test(p)), 'a preload script').toBe(true);
    expect(has('/dist/renderer/index.html')).toBe(true);
    expect(entries.some((p) => /^\/dist\/renderer\/assets\/.+\.js$/.test(p)), 'the renderer bundle').toBe(true);
    const icons = readdirSync(join(ROOT, 'assets/tray'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => `/${relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/')}`);
    expect(icons.length).toBeGreaterThanOrEqual(30);
    expect(icons.filter((p) => !has(p)), 'tray icons missing from app.asar').toEqual([]);
    expect(has('/assets/icon.png')).toBe(true);
  });

  it('its package.json starts a file inside the archive and names the desktop entry Electron reports', () => {
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, any>;
    expect(entries).toContain(`/${packaged.main}`);
    expect(packaged.type).toBe('module');
    expect(packaged.desktopName).toBe(`${config.linux.desktop.entry.StartupWMClass}.desktop`);
  });

  it('holds nothing but dist/ (core, main, preload, renderer), assets/, node_modules/ and package.json', () => {
    expect([...top()].sort()).toEqual(['assets', 'dist', 'node_modules', 'package.json']);
    expect([...new Set(entries.filter((p) => p.startsWith('/dist/')).map((p) => p.split('/')[2]))].sort()).toEqual(['core', 'main', 'preload', 'renderer']);
    expect(entries.filter((p) => /^\/assets\/[^/]+$/.test(p)).sort()).toEqual(['/assets/icon.png', '/assets/tray']);
  });

  it('has no tests, TypeScript sources, source maps, docs, server or CLI anywhere', () => {
    const offending = entries.filter((p) => /\.(ts|tsx|cts|mts|map|md)$/.test(p) || /\/(test|tests|__tests__|docs)\//.test(`${p}/`)
      || /^\/dist\/(server|cli|test|dashboard|scripts)\b/.test(p) || /\.test\.js$/.test(p));
    expect(offending.slice(0, 20), `${offending.length} files that must not ship`).toEqual([]);
  });

  it('ships exactly the packages the agent imports, with their dependencies: never the server’s', () => {
    // Package roots: node_modules/a, node_modules/@s/a, node_modules/a/node_modules/b, … holding a package.json.
    const packageRoot = /^node_modules\/(@[^/]+\/)?[^/@][^/]*(\/node_modules\/(@[^/]+\/)?[^/@][^/]*)*$/;
    const shipped = new Set(entries.filter((p) => p.endsWith('/package.json')).map((p) => p.slice(1, -'/package.json'.length)).filter((d) => packageRoot.test(d)));
    const imports = importedPackages(['dist/main', 'dist/core', 'dist/preload'].map((d) => join(ROOT, d)));
    expect(imports).toContain('node-notifier'); // the scan finds real imports
    const needed = runtimeClosure(imports);
    const everything = runtimeClosure(Object.keys(pkg.dependencies as Record<string, string>));
    const serverOnly = [...everything].filter((dir) => !needed.has(dir));
    expect(serverOnly, 'the server’s packages exist, so the next check means something').toContain('node_modules/fastify');
    expect([...needed].filter((dir) => !shipped.has(dir)).sort(), 'imported at run time but not in app.asar: add them to files in electron-builder.yml').toEqual([]);
    expect(serverOnly.filter((dir) => shipped.has(dir)).sort(), 'not needed by the agent but shipped: drop them from files').toEqual([]);
  });

  it('unpacks node-notifier’s helper programs next to the archive, where the OS can run them', () => {
    const vendor = entries.filter((p) => p.startsWith('/node_modules/node-notifier/vendor/') && 'size' in statFile(asarPath, p.slice(1)));
    expect(vendor.length).toBeGreaterThan(0);
    expect(vendor).toContain('/node_modules/node-notifier/vendor/mac.noindex/terminal-notifier.app/Contents/MacOS/terminal-notifier');
    for (const path of vendor) {
      expect((statFile(asarPath, path.slice(1)) as { unpacked?: boolean }).unpacked, path).toBe(true);
      expect(existsSync(join(app, 'resources', 'app.asar.unpacked', path)), path).toBe(true);
    }
    // And nothing our own: the agent's code stays inside the integrity-checked archive.
    expect(existsSync(join(app, 'resources', 'app.asar.unpacked', 'dist'))).toBe(false);
  });

  it('flipped the Electron fuses in the packaged binary as electron-builder.yml says', () => {
    const binary = readFileSync(join(app, config.linux.executableName as string));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary[at], 'fuse wire version').toBe(1);
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    const expected = FUSES.map((name, i) => (name in config.electronFuses ? (config.electronFuses[name] ? '1' : '0') : ELECTRON_DEFAULT_WIRE[i])).join('');
    expect(wire).toBe(expected);
    expect(wire).not.toBe(ELECTRON_DEFAULT_WIRE);
    expect(wire[FUSES.indexOf('runAsNode')]).toBe('0');
    expect(wire[FUSES.indexOf('onlyLoadAppFromAsar')]).toBe('1');
  });
});
