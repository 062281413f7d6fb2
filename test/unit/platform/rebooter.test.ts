import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRebooter, restartCommand, WINDOWS_REASON_MAX } from '../../../main/platform/rebooter.js';
import { fakeBin, silentLogger, type FakeBin } from './fake-bin.js';

describe('restartCommand (pure, every OS)', () => {
  it('Windows: shutdown.exe /r with delay, comment and the planned OS-hotfix reason code', () => {
    expect(restartCommand('win32', { reason: 'Patch Tuesday', delaySeconds: 60 })).toEqual([
      ['shutdown.exe', '/r', '/t', '60', '/c', 'Patch Tuesday', '/d', 'p:2:17']]);
    expect(restartCommand('win32', { reason: 'x' })[0]?.[3]).toBe('0'); // default: no forced close (/t>0 implies /f)
  });

  it('Windows: the comment is one line and at most 512 characters; a bad delay is refused by name', () => {
    const argv = restartCommand('win32', { reason: `line1\r\nline2\t${'é'.repeat(600)}` })[0] ?? [];
    expect(argv[5]?.startsWith('line1 line2 é')).toBe(true);
    expect(argv[5]).toHaveLength(WINDOWS_REASON_MAX);
    expect(restartCommand('win32', { reason: 'The "December" update' })[0]?.[5]).toBe("The 'December' update");
    expect(() => restartCommand('win32', { reason: 'x', delaySeconds: -1 })).toThrow(/delaySeconds must be an integer/);
    expect(() => restartCommand('win32', { reason: 'x', delaySeconds: 1.5 })).toThrow(/delaySeconds/);
  });

  it('macOS: System Events restart first (apps can save), shutdown -r now as the privileged fallback', () => {
    expect(restartCommand('darwin', { reason: 'r' })).toEqual([
      ['osascript', '-e', 'tell app "System Events" to restart'], ['shutdown', '-r', 'now']]);
  });

  it('Linux: systemctl reboot (logind), then shutdown -r +0', () => {
    expect(restartCommand('linux', { reason: 'r' })).toEqual([['systemctl', 'reboot'], ['shutdown', '-r', '+0']]);
  });

  it('refuses a platform it does not know, naming it', () => {
    expect(() => restartCommand('aix', { reason: 'r' })).toThrow(/no restart command for platform "aix"/);
  });
});

describe('createRebooter', () => {
  let bin: FakeBin;
  afterEach(() => bin?.cleanup());
  const withFakes = (systemctlExit: number) => {
    bin = fakeBin();
    // Each fake leaves a marker with its argv: proof that it ran, and with what.
    bin.add('systemctl', `echo "$@" > "$(dirname "$0")/systemctl.ran"\nexit ${systemctlExit}`);
    bin.add('shutdown', `echo "$@" > "$(dirname "$0")/shutdown.ran"\necho "shutdown: not allowed" >&2\nexit 1`);
    return bin;
  };

  it('dry-run records and logs the argv and runs nothing, even with a working systemctl on PATH', async () => {
    const b = withFakes(0);
    const { logger, lines } = silentLogger();
    const rebooter = createRebooter({ dryRun: true, logger, platform: 'linux', env: b.env });
    expect(rebooter.dryRun).toBe(true);
    await rebooter.restart({ maintenance: 'm-1', reason: 'Kernel update' });
    expect(existsSync(join(b.dir, 'systemctl.ran'))).toBe(false);
    expect(rebooter.records).toEqual([{ maintenance: 'm-1', reason: 'Kernel update', argv: ['systemctl', 'reboot'], dryRun: true }]);
    expect(lines.find((l) => l.message.includes('dry run'))?.fields).toMatchObject({ maintenance: 'm-1', argv: ['systemctl', 'reboot'] });
  });

  it('for real on Linux it runs systemctl reboot through PATH (the marker proves the same PATH is used)', async () => {
    const b = withFakes(0);
    const rebooter = createRebooter({ dryRun: false, logger: silentLogger().logger, platform: 'linux', env: b.env });
    await rebooter.restart({ maintenance: 'm-1', reason: 'Kernel update' });
    expect(readFileSync(join(b.dir, 'systemctl.ran'), 'utf8').trim()).toBe('reboot');
    expect(existsSync(join(b.dir, 'shutdown.ran'))).toBe(false);
  });

  it('falls back to shutdown when systemctl fails, and rejects naming every failure when both do', async () => {
    const b = withFakes(1);
    const rebooter = createRebooter({ dryRun: false, logger: silentLogger().logger, platform: 'linux', env: b.env });
    await expect(rebooter.restart({ maintenance: 'm-2', reason: 'r' })).rejects.toThrow(
      /restart failed on linux: systemctl reboot \(exit 1\); shutdown -r \+0 \(exit 1: shutdown: not allowed\)/);
    expect(readFileSync(join(b.dir, 'shutdown.ran'), 'utf8').trim()).toBe('-r +0');
    expect(rebooter.records.map((r) => r.argv[0])).toEqual(['systemctl', 'shutdown']);
  });

  it('a missing command is reported as missing, not as a crash', async () => {
    bin = fakeBin();
    const rebooter = createRebooter({ dryRun: false, logger: silentLogger().logger, platform: 'linux', env: { PATH: bin.dir } });
    await expect(rebooter.restart({ maintenance: 'm', reason: 'r' })).rejects.toThrow(/systemctl reboot \(systemctl: .*ENOENT/);
  });
});
