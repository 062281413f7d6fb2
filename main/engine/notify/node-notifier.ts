/**
 * The Notifier port over the OS's own notifications, for the Node agent, `forewarn preview`, and as the app's
 * fallback when Electron's Notification is unavailable.
 *
 * macOS and Windows: node-notifier 10 (terminal-notifier / SnoreToast), with `wait` so a click comes back as the
 * 'activate' response. node-notifier gives no "accepted" signal while it waits for a click, so show() resolves
 * when the callback reports success or, failing an early error, after ACCEPT_GRACE_MS.
 *
 * Linux: notify-send directly, with `--action=default=Open` (which implies --wait) and `--print-id`, because
 * node-notifier's notify-send backend cannot report a click: it passes only urgency/expire-time/icon/category/
 * hint/app-name (no --action, --wait or --replace-id) and runs a shell string. notify-send (libnotify >= 0.7.10)
 * prints the notification id once the daemon accepted it — show() resolves then, or rejects with notify-send's
 * own error (e.g. no notification daemon) — and prints "default" when the person clicks it: that is onActivate.
 * notify-send block-buffers stdout into a pipe, so it runs under coreutils' `stdbuf -oL` to see the id at once.
 * Where notify-send lacks --action/--print-id, or stdbuf is missing, node-notifier shows the notification
 * (no clicks: the tray and the windows still lead to every view).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import notifier from 'node-notifier';
import { runCommand } from '../../platform/run-command.js';
import type { Logger, Notifier, OsNotification } from '../ports.js';

export const APP_NAME = 'Forewarn';
/** How long the macOS/Windows backends get to fail before show() counts the notification as shown. */
export const ACCEPT_GRACE_MS = 1_500;
/** How long notify-send gets to print the id before show() gives up (a hung D-Bus, a daemon that never answers). */
export const ACCEPT_TIMEOUT_MS = 10_000;

export type LinuxBackend = 'auto' | 'notify-send' | 'node-notifier';

export interface NodeNotifierOptions {
  logger: Logger;
  platform?: string;
  /** Environment for notify-send (DISPLAY, DBUS_SESSION_BUS_ADDRESS); node-notifier always uses process.env. */
  env?: NodeJS.ProcessEnv;
  /** Absolute path of the icon; default assets/icon.png of this package when it exists. */
  icon?: string;
  /**
   * Windows: the AppUserModelID the installer registered (its Start-menu shortcut). Toasts from an unregistered
   * id are silently dropped by Windows, so without one SnoreToast's own id is used.
   */
  windowsAppId?: string;
  /** Linux only; default 'auto' (notify-send with actions when it supports them). */
  linuxBackend?: LinuxBackend;
}

export interface NodeNotifier extends Notifier {
  /** Which backend shows notifications (known after the first show() on Linux). */
  backend(): 'notify-send' | 'node-notifier' | 'unknown';
  /** Stops waiting for clicks (ends the notify-send processes); shown notifications stay on screen. */
  close(): void;
}

function defaultIcon(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // Source tree (main/engine/notify) and build (dist/main/engine/notify) sit at different depths.
  return [join(here, '../../../assets/icon.png'), join(here, '../../../../assets/icon.png')].find((p) => existsSync(p));
}

/** The notify-send argv for a notification (pure, for tests): app name, urgency, click action, stable stack tag. */
export function notifySendArgs(n: OsNotification, options: { icon?: string; replaceId?: number } = {}): string[] {
  const args = ['--print-id', `--app-name=${APP_NAME}`, `--urgency=${n.urgency}`, '--action=default=Open',
    // dunst (and others honouring the tag) replace a notification with the same tag instead of stacking it.
    `--hint=string:x-dunst-stack-tag:forewarn-${n.id}`];
  if (options.replaceId !== undefined) args.push(`--replace-id=${options.replaceId}`);
  if (options.icon !== undefined) args.push(`--icon=${options.icon}`);
  // `--` so a title starting with "-" is never read as an option.
  return [...args, '--', n.title, n.body];
}

interface Waiting {
  child: ChildProcess;
  osId: number | null;
}

export function createNodeNotifier(options: NodeNotifierOptions): NodeNotifier {
  const platform = options.platform ?? process.platform;
  const icon = options.icon ?? defaultIcon();
  const listeners = new Set<(n: OsNotification) => void>();
  const waiting = new Map<string, Waiting>();
  let linuxBackend: Promise<'notify-send' | 'node-notifier'> | null = null;
  let chosen: 'notify-send' | 'node-notifier' | 'unknown' = platform === 'linux' ? 'unknown' : 'node-notifier';

  const activate = (n: OsNotification) => {
    for (const listener of [...listeners]) {
      try {
        listener(n);
      } catch (error) {
        options.logger.error('notification click listener threw', { id: n.id, error: String(error) });
      }
    }
  };

  const pickLinuxBackend = async (): Promise<'notify-send' | 'node-notifier'> => {
    const wanted = options.linuxBackend ?? 'auto';
    if (wanted !== 'auto') return wanted;
    const [help, stdbuf] = await Promise.all([
      runCommand('notify-send', ['--help'], { env: options.env, timeoutMs: 5_000 }),
      runCommand('stdbuf', ['--version'], { env: options.env, timeoutMs: 5_000 }),
    ]);
    const capable = help.kind === 'exited' && help.code === 0 && help.stdout.includes('--action') && help.stdout.includes('--print-id');
    const backend = capable && stdbuf.kind === 'exited' && stdbuf.code === 0 ? 'notify-send' : 'node-notifier';
    options.logger.info('notifications: Linux backend chosen', { backend, clicks: backend === 'notify-send' });
    return backend;
  };

  const showWithNotifySend = (n: OsNotification) => new Promise<void>((resolve, reject) => {
    const previous = waiting.get(n.id);
    // The old process waits for a notification we now replace: it would never report the click, so end it.
    // Killing notify-send leaves its notification on screen; --replace-id then updates it in place.
    if (previous) {
      waiting.delete(n.id);
      previous.child.kill();
    }
    const args = notifySendArgs(n, { icon, replaceId: previous?.osId ?? undefined });
    const child = spawn('stdbuf', ['-oL', 'notify-send', ...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry: Waiting = { child, osId: null };
    waiting.set(n.id, entry);
    let settled = false;
    let stderr = '';
    let buffered = '';
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill();
      settle(new Error(`notification "${n.id}" not shown: notify-send did not answer within ${ACCEPT_TIMEOUT_MS} ms`));
    }, ACCEPT_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        // notify-send prints 0 before failing when no daemon answers; real ids start at 1 (the spec's "none" is 0).
        if (entry.osId === null && /^[1-9]\d*$/.test(line)) {
          entry.osId = Number(line);
          settle();
        } else if (line === 'default' && waiting.get(n.id) === entry) {
          activate(n);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', (error) => {
      if (waiting.get(n.id) === entry) waiting.delete(n.id);
      settle(new Error(`notification "${n.id}" not shown: cannot run notify-send (${error.message})`));
    });
    child.on('close', (code, signal) => {
      if (waiting.get(n.id) === entry) waiting.delete(n.id);
      // The last line is the D-Bus error; libnotify's warnings come before it.
      const why = stderr.trim().split('\n').pop()?.trim() || (signal ? `ended by ${signal}` : `exit code ${String(code)}`);
      settle(new Error(`notification "${n.id}" not shown: notify-send failed: ${why}`));
    });
  });

  const showWithNodeNotifier = (n: OsNotification, clicks: boolean) => new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      if (error) reject(error);
      else resolve();
    };
    // Only while waiting for a click is there no early answer (see the file comment).
    const grace = clicks ? setTimeout(() => settle(), ACCEPT_GRACE_MS) : undefined;
    notifier.notify({
      title: n.title,
      message: n.body,
      icon,
      wait: clicks,
      // Per backend: notify-send's -a/-u/-h; WindowsToaster's appID and id (replaces the toast); macOS group (replaces).
      'app-name': APP_NAME,
      urgency: n.urgency,
      // node-notifier otherwise sends 10 s; a negative timeout leaves it to the daemon (critical: until dismissed).
      'expire-time': -1,
      hint: `string:x-dunst-stack-tag:forewarn-${n.id}`,
      ...(options.windowsAppId !== undefined ? { appID: options.windowsAppId } : {}),
      id: n.id,
      group: `forewarn-${n.id}`,
    } as Parameters<typeof notifier.notify>[0], (error: Error | string | null, response: string) => {
      // node-notifier hands notify-send's stderr as the "error": empty means success.
      const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
      // "Command failed: notify-send …" then the backend's own error on the last line: keep that line.
      const failed = text.trim() === '' ? null : text.trim().split('\n').pop()?.trim() ?? text;
      if (failed !== null) return settle(new Error(`notification "${n.id}" not shown: ${failed}`));
      settle();
      if (clicks && (response === 'activate' || response === 'click' || response === 'clicked')) activate(n);
    });
  });

  return {
    backend: () => chosen,
    async show(n) {
      if (platform !== 'linux') return showWithNodeNotifier(n, true);
      linuxBackend ??= pickLinuxBackend();
      chosen = await linuxBackend;
      return chosen === 'notify-send' ? showWithNotifySend(n) : showWithNodeNotifier(n, false);
    },
    onActivate(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      for (const [id, entry] of waiting) {
        waiting.delete(id);
        entry.child.kill();
      }
    },
  };
}
