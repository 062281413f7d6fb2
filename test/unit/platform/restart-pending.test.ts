import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectRestartPending, multiSzEntries, parseRegQuery, parseSoftwareUpdateList } from '../../../main/platform/restart-pending.js';
import { fakeBin, type FakeBin } from './fake-bin.js';

// Outputs in the formats reg.exe and softwareupdate print (CRLF for reg), kept as files next to this test.
const captured = (name: string) => readFileSync(join(import.meta.dirname, 'captured', name), 'utf8');

describe('parsers (captured outputs)', () => {
  it('parseRegQuery reads keys, subkeys and values', () => {
    const keys = parseRegQuery(captured('reg-cbs-reboot-pending.txt'));
    expect(keys.map((k) => k.path.split('\\').pop())).toEqual(['RebootPending', 'PackagesPending']);
    expect(keys[0]?.values).toEqual([{ name: '{8c8d7dfe-bd7b-4fbc-8ac4-f8e0c16a2f1a}', type: 'REG_DWORD', data: '0x1' }]);
  });

  it('a REG_MULTI_SZ with entries, and an empty one', () => {
    const value = parseRegQuery(captured('reg-pending-file-rename.txt'))[0]?.values[0];
    expect(value?.name).toBe('PendingFileRenameOperations');
    expect(multiSzEntries(value?.data ?? '')).toEqual(['\\??\\C:\\Program Files\\Contoso\\old.dll', '\\??\\C:\\Windows\\Temp\\Contoso.tmp']);
    const empty = parseRegQuery(captured('reg-pending-file-rename-empty.txt'))[0]?.values[0];
    expect(empty).toEqual({ name: 'PendingFileRenameOperations', type: 'REG_MULTI_SZ', data: '' });
    expect(multiSzEntries(empty?.data ?? '')).toEqual([]);
  });

  it('parseSoftwareUpdateList finds updates needing a restart in the 10.15+ and the older format', () => {
    expect(parseSoftwareUpdateList(captured('softwareupdate-catalina.txt'))).toEqual(['macOS Ventura 13.4.1-22F82']);
    expect(parseSoftwareUpdateList(captured('softwareupdate-mojave.txt'))).toEqual(['Security Update 2019-001-10.12.6']);
    expect(parseSoftwareUpdateList(captured('softwareupdate-none.txt'))).toEqual([]);
  });
});

describe('detectRestartPending (real code paths: temp roots, fake programs on PATH)', () => {
  let bin: FakeBin;
  const dirs: string[] = [];
  const tempRoot = () => {
    const d = mkdtempSync(join(tmpdir(), 'forewarn-root-'));
    dirs.push(d);
    mkdirSync(join(d, 'run'));
    return d;
  };
  afterEach(() => {
    bin?.cleanup();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A fake reg.exe: answers from <name>.out files next to it (exit 0), else "unable to find" (exit 1). */
  const fakeReg = (outputs: Partial<Record<'cbs' | 'wu' | 'sm', string>>) => {
    bin = fakeBin();
    for (const [name, text] of Object.entries(outputs)) writeFileSync(join(bin.dir, `${name}.out`), text);
    bin.add('reg', `echo "$@" >> "$(dirname "$0")/calls.log"
case "$2" in
  *RebootPending) f=cbs;; *RebootRequired) f=wu;; *"Session Manager") f=sm;; *) f=none;;
esac
if [ -f "$(dirname "$0")/$f.out" ]; then cat "$(dirname "$0")/$f.out"; exit 0; fi
echo "ERROR: The system was unable to find the specified registry key or value." >&2; exit 1`);
    return bin;
  };

  it('Windows: nothing pending when none of the keys exist; the 64-bit view is asked for', async () => {
    const b = fakeReg({});
    expect(await detectRestartPending({ platform: 'win32', env: b.env })).toEqual({ pending: false, reasons: [], unknown: [] });
    const calls = readFileSync(join(b.dir, 'calls.log'), 'utf8').trim().split('\n');
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.endsWith('/reg:64'))).toBe(true);
    expect(calls[2]).toContain('/v PendingFileRenameOperations');
  });

  it('Windows: each key is its own reason', async () => {
    const b = fakeReg({ cbs: captured('reg-cbs-reboot-pending.txt'), wu: '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\x\\RebootRequired\r\n', sm: captured('reg-pending-file-rename.txt') });
    expect((await detectRestartPending({ platform: 'win32', env: b.env })).reasons).toEqual([
      'cbs:RebootPending', 'windows-update:RebootRequired', 'session-manager:PendingFileRenameOperations']);
  });

  it('Windows: an empty PendingFileRenameOperations is not a pending restart', async () => {
    const b = fakeReg({ sm: captured('reg-pending-file-rename-empty.txt') });
    expect((await detectRestartPending({ platform: 'win32', env: b.env })).pending).toBe(false);
  });

  it('Windows: reg missing is "unknown", not pending', async () => {
    bin = fakeBin();
    const report = await detectRestartPending({ platform: 'win32', env: { PATH: bin.dir } });
    expect(report.pending).toBe(false);
    expect(report.unknown).toHaveLength(3);
    expect(report.unknown[0]).toMatch(/^cbs:RebootPending: reg: .*ENOENT/);
  });

  it('Linux: /run/reboot-required with its .pkgs list (duplicates folded)', async () => {
    bin = fakeBin();
    const root = tempRoot();
    expect((await detectRestartPending({ platform: 'linux', root, env: bin.env })).pending).toBe(false);
    writeFileSync(join(root, 'run/reboot-required'), '*** System restart required ***\n');
    expect((await detectRestartPending({ platform: 'linux', root, env: bin.env })).reasons).toEqual(['reboot-required']);
    writeFileSync(join(root, 'run/reboot-required.pkgs'), 'linux-image-6.1.0-40-amd64\nlibc6\nlinux-image-6.1.0-40-amd64\n');
    expect(await detectRestartPending({ platform: 'linux', root, env: bin.env })).toEqual({
      pending: true, reasons: ['reboot-required:linux-image-6.1.0-40-amd64', 'reboot-required:libc6'], unknown: [] });
  });

  it('Linux: needs-restarting -r exit 1 means needed, exit 0 means not (RHEL/Fedora)', async () => {
    bin = fakeBin();
    const root = tempRoot();
    bin.add('needs-restarting', '[ "$1" = "-r" ] || exit 9\necho "Core libraries or services have been updated since boot-up"\nexit 1');
    expect(await detectRestartPending({ platform: 'linux', root, env: bin.env })).toEqual({ pending: true, reasons: ['needs-restarting'], unknown: [] });
    bin.add('needs-restarting', 'echo "No core libraries or services have been updated since boot-up."\nexit 0');
    expect((await detectRestartPending({ platform: 'linux', root, env: bin.env })).pending).toBe(false);
  });

  it('Linux: a hanging needs-restarting is cut off by the timeout and reported, never pending', async () => {
    bin = fakeBin();
    bin.add('needs-restarting', 'exec sleep 30');
    const report = await detectRestartPending({ platform: 'linux', root: tempRoot(), env: bin.env, timeoutMs: 200 });
    expect(report.pending).toBe(false);
    expect(report.unknown).toEqual(['needs-restarting: needs-restarting timed out after 200 ms']);
  });

  it('macOS: softwareupdate --list --no-scan, reading stdout and stderr', async () => {
    bin = fakeBin();
    writeFileSync(join(bin.dir, 'list.txt'), captured('softwareupdate-catalina.txt'));
    bin.add('softwareupdate', `[ "$1 $2" = "--list --no-scan" ] || exit 9\ncat "$(dirname "$0")/list.txt"`);
    expect(await detectRestartPending({ platform: 'darwin', env: bin.env })).toEqual({
      pending: true, reasons: ['softwareupdate:macOS Ventura 13.4.1-22F82'], unknown: [] });
    bin.add('softwareupdate', 'echo "No new software available." >&2');
    expect((await detectRestartPending({ platform: 'darwin', env: bin.env })).pending).toBe(false);
  });

  it('an unknown platform says so', async () => {
    expect(await detectRestartPending({ platform: 'sunos' })).toEqual({ pending: false, reasons: [], unknown: ['no pending-restart detection for platform "sunos"'] });
  });
});
