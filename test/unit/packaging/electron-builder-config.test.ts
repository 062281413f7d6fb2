import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  // Compiling the schema takes seconds: once for the file.
  const validate = new Ajv({ strict: false, allErrors: true }).compile(require('app-builder-lib/scheme.json'));

  it('is valid against electron-builder’s own configuration schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a misspelt key, top-level or nested, so the schema check above can fail', () => {
    expect(validate({ ...config, prodctName: 'x' })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, notarise: true } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
  });

  it('builds for Windows, macOS and Linux under one appId', () => {
    expect(config.appId).toBe('dev.forewarn.agent');
    expect(config.productName).toBe('Forewarn');
    for (const os of ['win', 'mac', 'linux']) expect(config[os]?.target?.length, os).toBeGreaterThan(0);
  });

  it('sets the Electron security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('unpacks node-notifier’s helper programs (an OS cannot run a file inside an asar)', () => {
    expect(config.asarUnpack).toEqual(['node_modules/node-notifier/vendor/**']);
  });

  it('installs per machine on Windows (NSIS and MSI) with the app icon', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.msi.perMachine).toBe(true);
    expect(config.win.icon).toBe('assets/icon.ico');
  });

  it('builds a notarized, hardened dmg and pkg on macOS, credentials coming only from the environment', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg', 'pkg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true); // a boolean: Apple ID, password and API key are environment variables
    expect(config.mac.category).toMatch(/^public\.app-category\./);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    const yml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    expect(yml).not.toMatch(/^\s*(appleId|appleIdPassword|teamId|password|apiKey)\s*:/im);
  });

  it('signs macOS with a minimal entitlements file: JIT only', () => {
    expect(config.mac.entitlements).toBe('assets/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(new URL(`../../../${config.mac.entitlements}`, import.meta.url), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('builds deb, rpm and AppImage on Linux with an icon, a maintainer and a desktop entry matching Electron’s WM_CLASS', () => {
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['deb', 'rpm', 'AppImage']);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.linux.category).toBe('System');
    // Electron sets the Linux app_id / WM_CLASS from package.json's desktopName.
    expect(`${config.linux.desktop.entry.StartupWMClass}.desktop`).toBe(config.extraMetadata.desktopName);
    expect(config.deb.depends).toContain('libnotify-bin'); // node-notifier's fallback runs notify-send
  });

  it('points every icon setting at a file that exists', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.dmg.icon, config.linux.icon]) {
      expect(existsSync(new URL(`../../../${icon}`, import.meta.url)), icon).toBe(true);
    }
  });

  it('ships only compiled agent code, never the server, the CLI or keys', () => {
    const files: string[] = config.files;
    expect(files.some((f) => f.includes('server'))).toBe(false);
    expect(files.some((f) => f.includes('cli'))).toBe(false);
    expect(files.some((f) => /\.key\b|examples/.test(f))).toBe(false);
  });

  it('matches package.json: ESM, a forewarn bin', () => {
    expect(pkg.name).toBe('forewarn');
    expect(pkg.type).toBe('module');
    expect(pkg.bin.forewarn).toBe('bin/forewarn.js');
  });
});
