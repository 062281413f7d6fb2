import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { autostartEntry, autostartPath, enableStartAtLogin, quoteExecArg } = await import('../../../main/electron/login-item.js');

let home: string;
beforeEach(() => {
  electron.resetElectronMock();
  home = mkdtempSync(join(tmpdir(), 'forewarn-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('start at login', () => {
  it.each(['darwin', 'win32'])('%s: a login item through setLoginItemSettings({ openAtLogin: true })', (platform) => {
    expect(enableStartAtLogin({ platform, packaged: true, home })).toBe('login-item');
    expect(electron.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--autostart'] });
    expect(readdirSync(home)).toEqual([]);
  });

  it('linux: writes ~/.config/autostart/forewarn.desktop (0644, whole) once, then leaves it alone', () => {
    const exe = '/opt/Forewarn/forewarn';
    expect(enableStartAtLogin({ platform: 'linux', packaged: true, home, env: {}, executable: exe })).toBe('autostart-written');
    const path = join(home, '.config', 'autostart', 'forewarn.desktop');
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(autostartEntry(exe, ['--autostart']));
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Forewarn\n/);
    expect(text).toContain('\nExec=/opt/Forewarn/forewarn --autostart\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    // Atomic: no temporary file left beside it.
    expect(readdirSync(join(home, '.config', 'autostart'))).toEqual(['forewarn.desktop']);
    expect(enableStartAtLogin({ platform: 'linux', packaged: true, home, env: {}, executable: exe })).toBe('autostart-unchanged');
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('linux: honours an absolute XDG_CONFIG_HOME and the AppImage path', () => {
    const env = { XDG_CONFIG_HOME: join(home, 'cfg'), APPIMAGE: '/home/a b/Forewarn.AppImage' };
    enableStartAtLogin({ platform: 'linux', packaged: true, home, env });
    const text = readFileSync(join(home, 'cfg', 'autostart', 'forewarn.desktop'), 'utf8');
    expect(text).toContain('\nExec="/home/a b/Forewarn.AppImage" --autostart\n');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/autostart/forewarn.desktop');
  });

  it('quotes Exec arguments per the Desktop Entry spec', () => {
    expect(quoteExecArg('/usr/bin/forewarn')).toBe('/usr/bin/forewarn');
    expect(quoteExecArg('/a b/$x"y`z\\')).toBe('"/a b/\\$x\\"y\\`z\\\\"');
    expect(quoteExecArg('100%')).toBe('100%%');
  });

  it('an unpackaged run (npm start, tests) registers nothing anywhere', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      expect(enableStartAtLogin({ platform, packaged: false, home, env: {} })).toBe('skipped');
    }
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(readdirSync(home)).toEqual([]);
  });
});
