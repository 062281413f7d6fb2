/**
 * The Notifier port with Electron's Notification: the OS notification centre, grouped under our AppUserModelId on
 * Windows (main.ts sets it before anything shows). A click — or the "Open" action button on macOS and Windows,
 * the platforms with action buttons — reports an activation; the engine answers it with presenter.open(view).
 * Where Electron has no notifications (Notification.isSupported() false: a Linux session without a notification
 * daemon, some Windows editions), node-notifier's adapter takes over with the same contract.
 */
import { Notification } from 'electron';
import { ACCEPT_GRACE_MS, createNodeNotifier } from '../engine/notify/node-notifier.js';
import type { Logger, Notifier, OsNotification } from '../engine/ports.js';

export interface ElectronNotifierOptions {
  logger: Logger;
  platform?: string;
  /** Windows AppUserModelId for the node-notifier fallback (Electron's own toasts use app.setAppUserModelId). */
  windowsAppId?: string;
  icon?: string;
  /** The action button's label, in the person's language (read at each show, so a locale change applies). */
  openLabel?: () => string;
  /** For tests: the fallback notifier (default node-notifier's). */
  fallback?: () => Notifier;
}

/** Platforms whose notification centres show action buttons through Electron. */
const ACTION_PLATFORMS = new Set(['darwin', 'win32']);

export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  if (!Notification.isSupported()) {
    options.logger.warn('Electron notifications are not supported here; using node-notifier');
    return options.fallback?.() ?? createNodeNotifier({
      logger: options.logger,
      ...(options.windowsAppId !== undefined ? { windowsAppId: options.windowsAppId } : {}),
      ...(options.icon !== undefined ? { icon: options.icon } : {}),
    });
  }
  const platform = options.platform ?? process.platform;
  const listeners = new Set<(n: OsNotification) => void>();
  // Strong references: a Notification collected by GC never reports its click.
  const shown = new Map<string, Notification>();

  const activate = (n: OsNotification) => {
    for (const listener of [...listeners]) {
      try {
        listener(n);
      } catch (error) {
        options.logger.error('notification click listener threw', { id: n.id, error: String(error) });
      }
    }
  };

  return {
    show(n) {
      return new Promise<void>((resolve, reject) => {
        // Same id: replace, never stack (the engine re-shows a notice after a re-plan).
        shown.get(n.id)?.close();
        const withActions = ACTION_PLATFORMS.has(platform);
        const notification = new Notification({
          title: n.title,
          body: n.body,
          urgency: n.urgency,
          // Critical (the final countdown) stays until the person acts.
          timeoutType: n.urgency === 'critical' ? 'never' : 'default',
          ...(options.icon !== undefined ? { icon: options.icon } : {}),
          ...(withActions ? { actions: [{ type: 'button' as const, text: options.openLabel?.() ?? 'Open' }] } : {}),
        });
        shown.set(n.id, notification);
        let settled = false;
        const settle = (error?: Error) => {
          if (settled) return;
          settled = true;
          clearTimeout(grace);
          if (error) reject(error);
          else resolve();
        };
        // Not every platform emits 'show'; no 'failed' within the grace period counts as accepted.
        const grace = setTimeout(() => settle(), ACCEPT_GRACE_MS);
        notification.on('show', () => settle());
        notification.on('failed', (_event, error) => {
          if (shown.get(n.id) === notification) shown.delete(n.id);
          settle(new Error(`notification "${n.id}" not shown: ${error}`));
        });
        notification.on('click', () => activate(n));
        notification.on('action', () => activate(n));
        notification.on('close', () => {
          if (shown.get(n.id) === notification) shown.delete(n.id);
        });
        notification.show();
      });
    },
    onActivate(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
