/**
 * The composition root of the desktop app (main.ts runs it): the single-instance lock, the AppUserModelId, the
 * hardening, the custom protocol, the engine with its Electron adapters, the tray, the IPC handlers and the
 * login item — in the order Electron needs them. Exported as a function so the adapter tests can run it against
 * the electron mock.
 */
import { join } from 'node:path';
import { app, session, shell } from 'electron';
import { formatMessage } from '../../core/messages/index.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../engine/ports.js';
import { findManagedConfig, loadManagedConfig, managedConfigPaths, type ManagedConfigResult } from '../platform/managed-config.js';
import { createElectronAgent } from './compose.js';
import { registerIpc } from './ipc.js';
import { AUTOSTART_ARG, enableStartAtLogin } from './login-item.js';
import { createElectronNotifier } from './notifications.js';
import { shellPaths, type ShellPaths } from './paths.js';
import { registerPrivilegedScheme, registerRendererProtocol } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createElectronSignals } from './system-signals.js';
import { createTray, type TrayController } from './tray.js';
import { createWindowPresenter, type WindowPresenter } from './windows.js';

/** electron-builder.yml's appId: Windows groups our toasts under it (the installer registers the same id). */
export const APP_ID = 'dev.forewarn.agent';
/** The main-process global an unpackaged run leaves for the Playwright e2e spec. */
export const E2E_HANDLE = '__forewarnShell';

export interface StartOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  platform?: string;
  paths?: ShellPaths;
  logger?: Logger;
  /** Where the agent keeps its state (default <userData>/agent). */
  stateDir?: string;
}

export interface RunningApp {
  primary: true;
  engine: Engine;
  presenter: WindowPresenter;
  tray: TrayController;
  stop(): Promise<void>;
}

/** JSON lines on stderr: what `forewarn agent` logs too, so IT reads one format. */
export function stderrLogger(): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ level, at: new Date().toISOString(), message, ...fields })}\n`);
  return { debug: () => undefined, info: line('info'), warn: line('warn'), error: line('error') };
}

/** `--name=value` or `--name value` from argv. */
function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

/**
 * The managed config. `--config FILE` is honoured only in an unpackaged run (development, the e2e spec): in the
 * installed app only IT's machine-wide file counts, so a user cannot point the agent at another server or root.
 */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv, platform: string, packaged: boolean): ManagedConfigResult {
  const override = packaged ? undefined : argValue(argv, 'config');
  return override !== undefined ? loadManagedConfig(override, platform) : findManagedConfig(managedConfigPaths(platform, env), platform);
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp | { primary: false }> {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const logger = options.logger ?? stderrLogger();
  const paths = options.paths ?? shellPaths();

  // Before any window or notification exists, so Windows attributes them to the installed app.
  app.setAppUserModelId(APP_ID);
  // One agent per user: a second start (the login item racing a manual start) hands over and quits.
  // A start at login (AUTOSTART_ARG; macOS: wasOpenedAtLogin) that finds Forewarn running says so, and the running
  // one then shows nothing: the machine-wide and the per-user entries may both start it at login.
  const atLogin = argv.includes(AUTOSTART_ARG) || (platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  if (!app.requestSingleInstanceLock({ atLogin })) {
    logger.info('another Forewarn is running; asking it to show its status');
    app.quit();
    return { primary: false };
  }
  registerPrivilegedScheme();
  const log = (message: string, fields: Record<string, unknown>) => logger.warn(message, fields);
  // Every webContents, including any we did not create ourselves, gets the navigation/window/webview denials.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // A tray app: closing the last window must not quit it.
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  hardenSession(session.defaultSession);
  registerRendererProtocol(paths.renderer);

  const loaded = readConfig(argv, env, platform, app.isPackaged);
  if (loaded.ok) for (const w of loaded.warnings) logger.warn(w);
  else logger.error('no usable managed config', { ...loaded.error });

  // The tray is made below, once the engine its menu drives exists; the engine publishes nothing before start().
  const late: { tray?: TrayController } = {};
  const presenter = createWindowPresenter({ preload: paths.preload, logger, onSnapshot: (s) => late.tray?.update(s) });
  const clock = { now: () => Date.now() };
  // Only the engine calls this, after it decided the link is one the signed schedule lists (core/help-links.ts):
  // one place decides, so the view is never told "opened" for a link the shell then refused.
  const openExternal = (url: string) => void shell.openExternal(url);
  const notifier = createElectronNotifier({
    logger, platform, windowsAppId: APP_ID,
    openLabel: () => formatMessage('common.moreInfo', {}, { locale: presenter.latest()?.locale ?? 'en', zone: 'UTC', now: 0 }),
  });
  const signals = createElectronSignals({ clock, logger });
  const built = createElectronAgent({
    config: loaded.ok ? { ok: true, config: loaded.config } : { ok: false, message: loaded.error.message },
    stateDir: options.stateDir ?? join(app.getPath('userData'), 'agent'),
    // The installed app may restart (unless IT set `dryRun` in the managed config: createNodeAgent decides). An
    // unpackaged run (npm start, the e2e spec, development) never does: it would restart the developer's machine.
    allowRestart: app.isPackaged,
    logger, presenter, notifier, signals, openExternal, clock,
  });
  const { engine } = built;

  const unregister = registerIpc({ requests: engine, isOurs: presenter.isOurs, logger, locale: () => presenter.latest()?.locale ?? 'en' });

  const tray = createTray({
    assets: paths.assets, platform,
    actions: {
      openView: (request) => presenter.open(request),
      restartNow: (maintenance) => void engine.restartNow(maintenance),
      defer: (maintenance, seconds) => void engine.defer(maintenance, { kind: 'defer', seconds }),
      checkNow: () => void engine.checkNow(),
      about: () => app.showAboutPanel(),
    },
  });
  late.tray = tray;
  app.on('second-instance', (_event, otherArgv, _cwd, data) => {
    const started = data as { atLogin?: unknown } | undefined;
    if (started?.atLogin === true || otherArgv.includes(AUTOSTART_ARG)) return;
    presenter.open({ view: 'status' });
  });

  try {
    const result = enableStartAtLogin({ platform, env, packaged: app.isPackaged });
    logger.info('start at login', { result });
  } catch (error) {
    logger.warn('could not register to start at login', { error: String(error) });
  }

  await engine.start();
  if (built.store?.get('trust')?.lastGood === undefined) void engine.checkNow();
  // `--show=<view>`: open a view at start (the e2e spec; IT's "open the status window" shortcut).
  const show = argValue(argv, 'show');
  if (show === 'status' || show === 'help' || show === 'how-we-patch' || show === 'feedback') presenter.open({ view: show });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    signals.dispose();
    await engine.stop();
    tray.destroy();
  };
  app.on('before-quit', () => {
    // First, before Electron closes the windows: a countdown window that refuses to close would cancel the quit.
    presenter.release();
    void stop();
  });
  const running: RunningApp = { primary: true, engine, presenter, tray, stop };
  // The e2e spec (test/e2e/electron) reads the tray and views from the main process; never in the installed app.
  if (!app.isPackaged) Object.assign(globalThis, { [E2E_HANDLE]: running });
  return running;
}
