import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSystemSignals } from '../../../main/platform/system-signals.js';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { createSecrets, SafeStorageSecrets } = await import('../../../main/electron/secrets.js');
const { createElectronSignals } = await import('../../../main/electron/system-signals.js');
const { FileSecrets } = await import('../../../main/engine/enroll/file-secrets.js');

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let dir: string;
beforeEach(() => {
  electron.resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'forewarn-adapters-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('safeStorage secrets', () => {
  it('keeps the credential sealed by the OS key store in a 0600 file, and reads it back', () => {
    const paths = { sealed: join(dir, 'credential.sealed.json'), plain: join(dir, 'credential.json') };
    const secrets = createSecrets(paths, logger);
    secrets.set('device', 'fw_secret_token_123');
    expect(readFileSync(paths.sealed, 'utf8')).not.toContain('fw_secret_token_123');
    expect(statSync(paths.sealed).mode & 0o777).toBe(0o600);
    expect(createSecrets(paths, logger).get('device')).toBe('fw_secret_token_123');
    expect(existsSync(paths.plain)).toBe(false);
    secrets.delete('device');
    expect(secrets.get('device')).toBeUndefined();
  });

  it('a value it cannot decrypt (another machine’s key) reads as absent, so the device enrolls again', () => {
    const path = join(dir, 's.json');
    const secrets = new SafeStorageSecrets(path, logger);
    secrets.set('device', 'x');
    electron.safeStorage.decryptString.mockImplementationOnce(() => { throw new Error('bad key'); });
    expect(secrets.get('device')).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith('a stored secret cannot be decrypted and is ignored', expect.objectContaining({ name: 'device' }));
  });

  it('without an OS key store, falls back to the 0600 plain file and says so', () => {
    electron.safeStorage.available = false;
    const paths = { sealed: join(dir, 'a'), plain: join(dir, 'b') };
    const secrets = createSecrets(paths, logger);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('no OS key store'), expect.anything());
    secrets.set('device', 'plain_token');
    expect(new FileSecrets(paths.plain, logger).get('device')).toBe('plain_token');
    expect(statSync(paths.plain).mode & 0o777).toBe(0o600);
    expect(existsSync(paths.sealed)).toBe(false);
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('a credential kept in plain text while there was no key store is still found, and moved into the sealed file', () => {
    const paths = { sealed: join(dir, 'credential.sealed.json'), plain: join(dir, 'credential.json') };
    // A Linux login where the keyring was not ready: the credential went to the plain file.
    electron.safeStorage.available = false;
    createSecrets(paths, logger).set('device', 'fw_token_plain');
    // The next start (or later in the same one) the keyring is there.
    electron.safeStorage.available = true;
    const secrets = createSecrets(paths, logger);
    expect(secrets.get('device')).toBe('fw_token_plain');
    // Sealed first, then the plain copy gone.
    expect(new SafeStorageSecrets(paths.sealed, logger).get('device')).toBe('fw_token_plain');
    expect(readFileSync(paths.sealed, 'utf8')).not.toContain('fw_token_plain');
    expect(existsSync(paths.plain)).toBe(false);
    expect(secrets.get('device')).toBe('fw_token_plain');
  });

  it('a plain value newer than the sealed one (written while the keyring was away) wins and replaces it', () => {
    const paths = { sealed: join(dir, 'credential.sealed.json'), plain: join(dir, 'credential.json') };
    createSecrets(paths, logger).set('device', 'old');
    electron.safeStorage.available = false;
    const secrets = createSecrets(paths, logger);
    secrets.set('device', 'new');
    electron.safeStorage.available = true;
    expect(secrets.get('device')).toBe('new');
    expect(new SafeStorageSecrets(paths.sealed, logger).get('device')).toBe('new');
    expect(existsSync(paths.plain)).toBe(false);
  });

  it('if sealing fails the plain value is kept and still returned', () => {
    const paths = { sealed: join(dir, 'credential.sealed.json'), plain: join(dir, 'credential.json') };
    new FileSecrets(paths.plain, logger).set('device', 'fw_token_plain');
    electron.safeStorage.encryptString.mockImplementationOnce(() => { throw new Error('keyring locked'); });
    const secrets = createSecrets(paths, logger);
    expect(secrets.get('device')).toBe('fw_token_plain');
    expect(new FileSecrets(paths.plain, logger).get('device')).toBe('fw_token_plain');
    expect(secrets.get('device')).toBe('fw_token_plain');
    expect(existsSync(paths.plain)).toBe(false);
  });

  it('a key store that goes away keeps working from the plain file and deletes reach both files', () => {
    const paths = { sealed: join(dir, 'credential.sealed.json'), plain: join(dir, 'credential.json') };
    const secrets = createSecrets(paths, logger);
    secrets.set('device', 'sealed_token');
    electron.safeStorage.available = false;
    expect(secrets.get('device')).toBeUndefined();
    secrets.set('proposed', 'p');
    secrets.delete('device');
    electron.safeStorage.available = true;
    expect(secrets.get('device')).toBeUndefined();
    expect(secrets.get('proposed')).toBe('p');
  });
});

describe('powerMonitor feeds the engine', () => {
  it.each([['suspend', 'suspend'], ['resume', 'resume'], ['lock-screen', 'lock'], ['unlock-screen', 'unlock']] as const)(
    'powerMonitor %s -> the engine’s %s', (from, to) => {
      const signals = createElectronSignals({ clock: { now: () => 0 }, logger, base: createSystemSignals({ clock: { now: () => 0 } }) });
      const listener = vi.fn();
      const off = signals.on(to, listener);
      electron.powerMonitor.emit(from);
      expect(listener).toHaveBeenCalledOnce();
      off();
      electron.powerMonitor.emit(from);
      expect(listener).toHaveBeenCalledOnce();
      signals.dispose();
      expect(electron.powerMonitor.listenerCount(from)).toBe(0);
    });

  it('passes zone, locale and the Node checks through to the Node signals', () => {
    const env: Record<string, string> = { TZ: 'Asia/Tokyo', LANG: 'fr_FR.UTF-8' };
    const base = createSystemSignals({ clock: { now: () => 0 }, env, platform: 'linux', root: dir });
    const signals = createElectronSignals({ clock: { now: () => 0 }, logger, base });
    expect(signals.zone()).toBe('Asia/Tokyo');
    expect(signals.locale()).toBe(base.locale());
    const listener = vi.fn();
    signals.on('zone-changed', listener);
    // A change only the Node check sees (no OS event for it) still reaches the engine through the wrapper.
    env['TZ'] = 'Europe/Paris';
    signals.check();
    expect(listener).toHaveBeenCalledOnce();
    signals.dispose();
  });
});
