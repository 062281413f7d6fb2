import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(require('app-builder-lib/scheme.json'));
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a misspelt key, so the schema check above can fail', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(require('app-builder-lib/scheme.json'));
    expect(validate({ ...config, prodctName: 'x' })).toBe(false);
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
    });
    expect(config.asar).toBe(true);
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
