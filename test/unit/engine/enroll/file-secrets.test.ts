// The Node Secrets adapter on real files: 0600 from the first byte, atomic replace, a loose mode fixed and reported.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FileSecrets } from '../../../../main/engine/enroll/file-secrets.js';
import { recordingLogger } from '../../../integration/engine/fetch-support.js';

const dir = mkdtempSync(join(tmpdir(), 'forewarn-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

it.skipIf(process.platform === 'win32')('creates the file 0600 in a 0700 folder, and keeps values across instances', () => {
  const path = join(dir, 'a', 'secrets.json');
  const secrets = new FileSecrets(path, recordingLogger());
  expect(secrets.get('x')).toBeUndefined();
  secrets.set('x', 'one');
  secrets.set('y', 'two');
  expect(mode(path)).toBe(0o600);
  expect(mode(join(dir, 'a'))).toBe(0o700);
  const again = new FileSecrets(path, recordingLogger());
  expect([again.get('x'), again.get('y')]).toEqual(['one', 'two']);
  again.delete('x');
  expect(new FileSecrets(path, recordingLogger()).get('x')).toBeUndefined();
  // No temporary files are left behind by the atomic writes.
  expect(readdirSync(join(dir, 'a'))).toEqual(['secrets.json']);
});

it.skipIf(process.platform === 'win32')('fixes a group/other-readable file to 0600 and warns', () => {
  const path = join(dir, 'loose.json');
  writeFileSync(path, JSON.stringify({ 'device-credential:acme': 'c' }));
  chmodSync(path, 0o644);
  const logger = recordingLogger();
  expect(new FileSecrets(path, logger).get('device-credential:acme')).toBe('c');
  expect(mode(path)).toBe(0o600);
  expect(logger.lines).toContainEqual({ level: 'warn', message: 'the secrets file was readable by others; its mode was set to 0600', fields: { path, mode: '0644' } });
});

it('treats a damaged file as empty (the device enrolls again) and says so', () => {
  const path = join(dir, 'damaged.json');
  writeFileSync(path, '{not json', { mode: 0o600 });
  const logger = recordingLogger();
  const secrets = new FileSecrets(path, logger);
  expect(secrets.get('x')).toBeUndefined();
  expect(logger.lines[0]?.message).toMatch(/damaged/);
  secrets.set('x', 'fresh');
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ x: 'fresh' });
});
