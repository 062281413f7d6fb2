/**
 * The Presenter port with BrowserWindows: one window per view, created when the engine (or the tray) asks for it
 * and destroyed when closed — nothing hidden stays loaded. Every window gets secureWebPreferences and the
 * hardened webContents handlers; the set of our webContents ids is what ipc.ts trusts.
 *
 * The final countdown window cannot be put away: not closable, not minimisable, always on top, and shown in the
 * taskbar; it closes itself once the snapshot no longer has a countdown (the restart was cancelled or done).
 * It exists only while the latest snapshot has a countdown: a request for it without one (a view asking through
 * openView) is held until the next snapshot and dropped if that has none — the engine asks for the window just
 * before it publishes the snapshot with the countdown. Once the app quits (before-quit), release() makes it
 * closable again: a window that refuses to close cancels app.quit(), which would cancel the very restart
 * (macOS asks every app to quit) or leave the agent lingering after SIGTERM.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { AgentEvents, Snapshot } from '../../core/agent-api.js';
import type { Logger, Presenter, ViewName, ViewRequest } from '../engine/ports.js';
import { pushEvent } from './ipc.js';
import { APP_ORIGIN, hardenWebContents, secureWebPreferences } from './security.js';

export interface WindowPresenterOptions {
  preload: string;
  logger: Logger;
  /** Every snapshot the engine publishes (the tray follows it). */
  onSnapshot?: (snapshot: Snapshot) => void;
}

export interface WindowPresenter extends Presenter {
  /** True for the webContents of a window this presenter made and has not yet destroyed. */
  isOurs(webContentsId: number): boolean;
  /** The window showing `view`, if open. */
  window(view: ViewName): BrowserWindow | undefined;
  /** The last snapshot the engine published. */
  latest(): Snapshot | undefined;
  /** Sends an event to every open view. */
  broadcast<E extends keyof AgentEvents>(channel: E, payload: AgentEvents[E]): void;
  /** The app is quitting (before-quit): no window may refuse to close any more, and no countdown opens. */
  release(): void;
}

const SIZES: Readonly<Record<ViewName, { width: number; height: number }>> = {
  notice: { width: 520, height: 420 },
  'restart-prompt': { width: 560, height: 600 },
  countdown: { width: 520, height: 380 },
  'how-we-patch': { width: 720, height: 720 },
  help: { width: 640, height: 640 },
  incident: { width: 560, height: 520 },
  feedback: { width: 560, height: 560 },
  status: { width: 560, height: 520 },
};

/** `forewarn://app/index.html#/<view>?maintenance=…&notice=…`: what the renderer's router reads. */
export function viewUrl(request: ViewRequest): string {
  const query = new URLSearchParams();
  if (request.maintenance !== undefined) query.set('maintenance', request.maintenance);
  if (request.notice !== undefined) query.set('notice', request.notice);
  const q = query.toString();
  return `${APP_ORIGIN}/index.html#/${request.view}${q ? `?${q}` : ''}`;
}

/** The BrowserWindow options for a view (pure; the countdown's extra constraints live here). */
export function windowOptions(view: ViewName, preload: string): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    ...SIZES[view],
    show: false,
    title: 'Forewarn',
    autoHideMenuBar: true,
    backgroundColor: '#00000000',
    webPreferences: secureWebPreferences(preload),
  };
  if (view !== 'countdown') return base;
  return { ...base, closable: false, minimizable: false, maximizable: false, fullscreenable: false, alwaysOnTop: true, skipTaskbar: false, resizable: false };
}

export function createWindowPresenter(options: WindowPresenterOptions): WindowPresenter {
  const open = new Map<ViewName, BrowserWindow>();
  const ours = new Set<number>();
  let snapshot: Snapshot | undefined;
  /** A countdown request that came before any snapshot with a countdown; honoured by the next one only. */
  let pendingCountdown: ViewRequest | undefined;
  let quitting = false;
  const log = (message: string, fields: Record<string, unknown>) => options.logger.warn(message, fields);

  const create = (request: ViewRequest): BrowserWindow => {
    const win = new BrowserWindow({
      ...windowOptions(request.view, options.preload),
      // secureWebPreferences() spelled out where the window is made, so static checkers (electronegativity runs
      // in CI) see every flag; windows.test.ts asserts the two stay identical.
      webPreferences: {
        preload: options.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
        backgroundThrottling: false,
      },
    });
    const contents = win.webContents;
    const id = contents.id;
    ours.add(id);
    hardenWebContents(contents, log);
    open.set(request.view, win);
    if (request.view === 'countdown') {
      win.setAlwaysOnTop(true, 'screen-saver');
      // Belt and braces for window managers that ignore closable/minimizable.
      win.on('close', (event) => {
        if (!quitting && snapshot?.countdown !== undefined) event.preventDefault();
      });
      win.on('minimize', () => win.restore());
    }
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      ours.delete(id);
      if (open.get(request.view) === win) open.delete(request.view);
    });
    contents.once('destroyed', () => ours.delete(id));
    void win.loadURL(viewUrl(request)).catch((error: unknown) => options.logger.error('view failed to load', { view: request.view, error: String(error) }));
    return win;
  };

  /** Focuses the view's window (telling it the request) or makes it. */
  const show = (request: ViewRequest): void => {
    const existing = open.get(request.view);
    if (existing && !existing.isDestroyed()) {
      // Same view, maybe another maintenance or notice: the renderer switches on 'open-view'.
      pushEvent(existing.webContents, 'open-view', request);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    create(request);
  };

  /** The countdown window, for the countdown the latest snapshot has (its maintenance, whatever was asked). */
  const openCountdown = (request: ViewRequest): void => {
    const countdown = snapshot?.countdown;
    if (quitting || countdown === undefined) return;
    show({ ...request, view: 'countdown', maintenance: countdown.maintenance });
  };

  const presenter: WindowPresenter = {
    open(request) {
      if (request.view !== 'countdown') return show(request);
      if (quitting) {
        options.logger.info('countdown view not opened: the app is quitting', { maintenance: request.maintenance });
        return;
      }
      if (snapshot?.countdown !== undefined) return openCountdown(request);
      pendingCountdown = request;
      options.logger.info('countdown view held until a snapshot with a countdown', { maintenance: request.maintenance });
    },
    update(value) {
      snapshot = value as Snapshot;
      presenter.broadcast('snapshot-changed', snapshot);
      const countdown = open.get('countdown');
      if (countdown && !countdown.isDestroyed() && snapshot.countdown === undefined) {
        countdown.setClosable(true);
        countdown.destroy();
      }
      const pending = pendingCountdown;
      pendingCountdown = undefined;
      if (pending !== undefined) {
        if (snapshot.countdown !== undefined) openCountdown(pending);
        else options.logger.warn('countdown view ignored: no countdown is running', { maintenance: pending.maintenance });
      }
      options.onSnapshot?.(snapshot);
    },
    isOurs: (id) => ours.has(id),
    window: (view) => open.get(view),
    latest: () => snapshot,
    broadcast(channel, payload) {
      for (const win of open.values()) if (!win.isDestroyed()) pushEvent(win.webContents, channel, payload);
    },
    release() {
      quitting = true;
      pendingCountdown = undefined;
      const countdown = open.get('countdown');
      if (countdown && !countdown.isDestroyed()) countdown.setClosable(true);
    },
  };
  return presenter;
}
