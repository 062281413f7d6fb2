import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { APP_ID, startApp } = await import('../../../main/electron/app.js');
const S = await import('./snapshots.js');

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let dir: string;
let running: { stop(): Promise<void> } | undefined;

beforeEach(() => {
  electron.resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'forewarn-app-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  electron.app.userData = join(dir, 'userData');
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const options = (argv: string[] = []) => ({
  argv: ['electron', '.', '--config', join(dir, 'no-config.json'), ...argv], env: {}, platform: 'linux', logger,
  paths: { renderer: join(dir, 'renderer'), preload: join(dir, 'preload.js'), assets: join(dir, 'assets') },
});
const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0] ?? Infinity;

describe('the composition root', () => {
  it('uses electron-builder.yml’s appId as the AppUserModelId', () => {
    const yml = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as { appId: string };
    expect(APP_ID).toBe(yml.appId);
  });

  it('a second instance sets the AppUserModelId, hands over and quits before doing anything else', async () => {
    electron.app.gotLock = false;
    await expect(startApp(options())).resolves.toEqual({ primary: false });
    expect(electron.app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.Tray.instances).toHaveLength(0);
  });

  it('the first instance wires everything in order, and a second start shows its status window', async () => {
    const started = await startApp(options());
    if (!started.primary) throw new Error('expected the primary instance');
    running = started;
    const app = electron.app;
    // AppUserModelId before the lock; the privileged scheme before ready (Electron refuses it later).
    expect(order(app.setAppUserModelId)).toBeLessThan(order(app.requestSingleInstanceLock));
    expect(order(electron.protocol.registerSchemesAsPrivileged)).toBeLessThan(order(app.whenReady));
    expect(electron.protocol.handlers.has('forewarn')).toBe(true);
    expect(electron.session.defaultSession.permissionRequestHandler).toBeDefined();
    expect(electron.ipcMain.handlers.size).toBe(8);
    // The state lives in electron-store's file under userData.
    expect(existsSync(join(dir, 'userData', 'agent', 'state.json'))).toBe(true);
    // No managed config: the tray shows the error state, and nothing is registered to start at login (unpackaged).
    const tray = electron.Tray.instances[0]!;
    await vi.waitFor(() => expect(tray.setToolTip).toHaveBeenCalled());
    expect((tray.image as { path: string }).path).toBe(join(dir, 'assets', 'tray', 'error.png'));
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.windows).toHaveLength(0);

    // A start at login that finds Forewarn running (machine-wide and per-user entries) shows nothing.
    app.emit('second-instance', {}, ['electron', '.', '--autostart'], '/', { atLogin: false });
    app.emit('second-instance', {}, ['electron', '.'], '/', { atLogin: true });
    expect(electron.BrowserWindow.windows).toHaveLength(0);
    app.emit('second-instance', {}, ['electron', '.']);
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('forewarn://app/index.html#/status');
    app.emit('second-instance', {}, ['electron', '.']);
    expect(electron.BrowserWindow.windows).toHaveLength(1);
    expect(win.focus).toHaveBeenCalled();
  });

  it('hardens every webContents the app creates, even ones it did not make itself', async () => {
    const started = await startApp(options());
    running = started as { stop(): Promise<void> };
    const contents = new electron.MockWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const e = { preventDefault: vi.fn() };
    contents.emit('will-navigate', e, 'https://evil.example/');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('`--show=status` opens the status view at start; a closed last window does not quit the tray app', async () => {
    running = await startApp(options(['--show=status'])) as { stop(): Promise<void> };
    expect(electron.BrowserWindow.windows[0]!.loadURL).toHaveBeenCalledWith('forewarn://app/index.html#/status');
    expect(electron.app.listenerCount('window-all-closed')).toBe(1);
    electron.BrowserWindow.windows[0]!.close();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('before-quit releases the countdown window, so it cannot cancel the quit (the restart at the deadline)', async () => {
    const started = await startApp(options());
    if (!started.primary) throw new Error('expected the primary instance');
    running = started;
    started.presenter.update(S.countdown());
    started.presenter.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.closable).toBe(false);
    electron.app.emit('before-quit', { preventDefault: vi.fn() });
    expect(win.closable).toBe(true);
    const event = { preventDefault: vi.fn() };
    win.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    win.close();
    expect(win.destroyed).toBe(true);
  });

  it('refuses help links outside the signed schedule with a reason the view can show', async () => {
    running = await startApp(options(['--show=help'])) as { stop(): Promise<void> };
    const win = electron.BrowserWindow.windows[0]!;
    const handler = electron.ipcMain.handlers.get('openHelpLink')!;
    const result = await handler({ sender: { id: win.webContents.id }, senderFrame: { url: 'forewarn://app/index.html#/help', parent: null } }, 'https://evil.example/') as any;
    expect(result).toMatchObject({ ok: false, error: { code: 'not-offered', message: expect.stringContaining('signed schedule') } });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
