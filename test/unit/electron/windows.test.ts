import { allowedHelpLinks, isAllowedHelpLink } from '../../../core/help-links.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { createWindowPresenter, viewUrl, windowOptions } = await import('../../../main/electron/windows.js');
const security = await import('../../../main/electron/security.js');
const S = await import('./snapshots.js');

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const PRELOAD = '/app/dist/preload/preload.js';
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => electron.resetElectronMock());

describe('window webPreferences', () => {
  it.each([
    ['contextIsolation', true], ['sandbox', true], ['nodeIntegration', false], ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false], ['webSecurity', true], ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false], ['webviewTag', false], ['preload', PRELOAD],
  ] as const)('every view has %s = %s', (flag, value) => {
    for (const view of ['notice', 'restart-prompt', 'countdown', 'how-we-patch', 'help', 'incident', 'feedback', 'status'] as const) {
      expect(windowOptions(view, PRELOAD).webPreferences![flag]).toBe(value);
    }
  });

  it('has no other preference that loosens anything (no enableBlinkFeatures, no additionalArguments)', () => {
    const prefs = windowOptions('status', PRELOAD).webPreferences!;
    expect(Object.keys(prefs).sort()).toEqual(['allowRunningInsecureContent', 'backgroundThrottling', 'contextIsolation', 'disableBlinkFeatures', 'experimentalFeatures',
      'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'sandbox', 'spellcheck',
      'webSecurity', 'webviewTag']);
  });

  it('the final countdown cannot be closed or minimised and stays on top in the taskbar', () => {
    const o = windowOptions('countdown', PRELOAD);
    expect(o).toMatchObject({ closable: false, minimizable: false, alwaysOnTop: true, skipTaskbar: false, fullscreenable: false });
    expect(windowOptions('restart-prompt', PRELOAD).closable).toBeUndefined();
  });
});

describe('the presenter', () => {
  it('makes each window with exactly secureWebPreferences (the literal copy in windows.ts has not drifted)', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.update(S.countdown());
    for (const view of ['status', 'countdown'] as const) p.open({ view });
    for (const win of electron.BrowserWindow.windows) expect(win.options['webPreferences']).toEqual(security.secureWebPreferences(PRELOAD));
    expect(electron.BrowserWindow.windows[1]!.options).toMatchObject({ closable: false, alwaysOnTop: true, minimizable: false });
  });

  it('loads each view from forewarn://app, never file://, and shows it when ready', async () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.open({ view: 'restart-prompt', maintenance: S.MAINTENANCE, notice: 'n 1' });
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith(`forewarn://app/index.html#/restart-prompt?maintenance=${S.MAINTENANCE}&notice=n+1`);
    expect(viewUrl({ view: 'status' })).toBe('forewarn://app/index.html#/status');
    await tick();
    expect(win.show).toHaveBeenCalled();
  });

  it('creates windows on demand, one per view, and forgets them (and their trust) when closed', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.open({ view: 'help' });
    p.open({ view: 'help' });
    expect(electron.BrowserWindow.windows).toHaveLength(1);
    const win = electron.BrowserWindow.windows[0]!;
    // The second open focuses it and tells the view which request it is.
    expect(win.focus).toHaveBeenCalledOnce();
    expect(win.webContents.send).toHaveBeenCalledWith('open-view', { view: 'help' });
    expect(p.isOurs(win.webContents.id)).toBe(true);
    win.close();
    expect(win.destroyed).toBe(true);
    expect(p.isOurs(win.webContents.id)).toBe(false);
    expect(p.window('help')).toBeUndefined();
    p.open({ view: 'help' });
    expect(electron.BrowserWindow.windows).toHaveLength(2);
  });

  it('pushes every snapshot to every open view and to the tray callback', () => {
    const onSnapshot = vi.fn();
    const p = createWindowPresenter({ preload: PRELOAD, logger, onSnapshot });
    p.open({ view: 'status' });
    p.open({ view: 'help' });
    const snap = S.upcoming();
    p.update(snap);
    for (const w of electron.BrowserWindow.windows) expect(w.webContents.send).toHaveBeenCalledWith('snapshot-changed', snap);
    expect(onSnapshot).toHaveBeenCalledWith(snap);
    expect(p.latest()).toBe(snap);
  });

  it('keeps the countdown window up while the countdown runs, then closes it', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.update(S.countdown());
    p.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    win.closable = true; // even a window manager that ignores closable: false
    win.close();
    expect(win.destroyed).toBe(false);
    win.minimize();
    expect(win.restore).toHaveBeenCalled();
    p.update(S.upcoming());
    expect(win.destroyed).toBe(true);
  });

  it('releases the countdown window when the app quits: closable, and its close no longer prevented', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.update(S.countdown());
    p.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.closable).toBe(false);
    p.release();
    expect(win.closable).toBe(true);
    const event = { preventDefault: vi.fn() };
    win.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    win.close();
    expect(win.destroyed).toBe(true);
    // Nothing opens a new unclosable countdown while quitting.
    p.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    p.update(S.countdown());
    expect(electron.BrowserWindow.windows).toHaveLength(1);
  });

  it('opens no countdown window without a countdown (a view asking for one through openView)', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    expect(electron.BrowserWindow.windows).toHaveLength(0);
    p.update(S.upcoming());
    p.open({ view: 'countdown', maintenance: S.MAINTENANCE });
    p.update(S.restartPending());
    expect(electron.BrowserWindow.windows).toHaveLength(0);
    expect(logger.warn).toHaveBeenCalledWith('countdown view ignored: no countdown is running', expect.anything());
  });

  it('opens the countdown the engine asks for just before it publishes the snapshot with it', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.update(S.upcoming());
    p.open({ view: 'countdown', maintenance: 'something-else' });
    expect(electron.BrowserWindow.windows).toHaveLength(0);
    p.update(S.countdown());
    expect(electron.BrowserWindow.windows).toHaveLength(1);
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.options).toMatchObject({ closable: false });
    // The running countdown's maintenance, whatever the request said.
    expect(win.loadURL).toHaveBeenCalledWith(`forewarn://app/index.html#/countdown?maintenance=${S.MAINTENANCE}`);
  });
});

describe('webContents and session hardening', () => {
  it('denies navigation, redirects, new windows and webviews', () => {
    const p = createWindowPresenter({ preload: PRELOAD, logger });
    p.open({ view: 'help' });
    const contents = electron.BrowserWindow.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, 'https://evil.example/');
      expect(e.preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(contents.windowOpenHandler!({ url: 'https://intranet.acme.example/patching' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    security.hardenSession(electron.session.defaultSession as never);
    const s = electron.session.defaultSession;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      s.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(s.permissionCheckHandler!({}, permission)).toBe(false);
    }
  });
});

describe('openExternal allowlist (the links of the signed schedule, core/help-links.ts)', () => {
  const snapshot = S.restartPending();
  it('lists the schedule links, the FAQ page, chat links and maintenance links, https only', () => {
    expect([...allowedHelpLinks(snapshot)].every((u) => u.startsWith('https://'))).toBe(true);
    expect(allowedHelpLinks(snapshot).has('https://intranet.acme.example/patching')).toBe(true);
  });
  it.each([
    ['https://intranet.acme.example/patching', true],
    ['https://intranet.acme.example/other/page?x=1', false],
    ['http://intranet.acme.example/patching', false],
    ['https://intranet.acme.example:8443/patching', false],
    ['https://evil.example/', false],
    ['https://user:pw@intranet.acme.example/patching', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedHelpLink(snapshot, url)).toBe(expected);
  });
});
