/**
 * The tray: an icon per plan status, the snapshot's tooltip ("Security updates Tuesday 22:00 — restart
 * needed"), and a menu rebuilt from each snapshot. What the menu offers follows plan(): "Restart now",
 * "Remind me later" and "Pick a time" are enabled only when the current prompt offers that choice (the views
 * show the same list), and every label is localized from core/messages in the snapshot's locale.
 *
 * trayMenuTemplate and trayIconPath are pure (tested without Electron); createTray wires them to Electron.
 */
import { join } from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Snapshot, ViewRequestArg } from '../../core/agent-api.js';
import { formatDateTime, formatMessage, type MessageId } from '../../core/messages/index.js';
import type { PlanStatus } from '../../core/policy/index.js';

/** What the menu's items do; main.ts binds them to the engine and the presenter. */
export interface TrayActions {
  openView(request: ViewRequestArg): void;
  restartNow(maintenance: string): void;
  defer(maintenance: string, seconds: number): void;
  checkNow(): void;
  about(): void;
}

/** The icon file for a status (F4's assets): macOS template images, Windows .ico, PNG elsewhere. */
export function trayIconPath(status: PlanStatus, platform: string, assets: string): string {
  if (platform === 'darwin') return join(assets, 'tray', 'mac', `${status}Template.png`);
  if (platform === 'win32') return join(assets, 'tray', 'win', `${status}.ico`);
  // nativeImage picks <status>@2x.png beside it on high-DPI screens.
  return join(assets, 'tray', `${status}.png`);
}

/** The menu for a snapshot (pure). */
export function trayMenuTemplate(snapshot: Snapshot, actions: TrayActions): MenuItemConstructorOptions[] {
  const ctx = { locale: snapshot.locale, zone: snapshot.zone, now: snapshot.at };
  const t = (id: MessageId, values: Record<string, string | number> = {}) => formatMessage(id, values, ctx);
  const prompt = snapshot.prompt;
  const choices = prompt?.choices ?? [];
  const restart = choices.find((c) => c.kind === 'restart-now');
  const defers = choices.filter((c) => c.kind === 'defer');
  const pick = choices.find((c) => c.kind === 'pick-time');
  const next = snapshot.focus;

  return [
    {
      id: 'next',
      label: next ? t('menu.next', { title: next.title, start: formatDateTime(next.start, ctx) }) : t('status.pending', { count: 0 }),
      enabled: next !== undefined,
      click: () => next && actions.openView({ view: 'status', maintenance: next.id }),
    },
    { type: 'separator' },
    {
      id: 'restart-now',
      label: t('prompt.choice.restartNow'),
      enabled: prompt !== undefined && restart !== undefined,
      click: () => prompt && actions.restartNow(prompt.maintenance),
    },
    {
      id: 'remind-later',
      label: t('common.remindLater'),
      enabled: prompt !== undefined && defers.length > 0,
      // Electron needs a non-empty submenu; a disabled item never opens it.
      submenu: (defers.length > 0 ? defers : [{ label: t('common.remindLater'), kind: 'defer' as const, seconds: 0, until: 0 }]).map((c) => ({
        label: c.label,
        enabled: defers.length > 0,
        click: () => prompt && c.kind === 'defer' && actions.defer(prompt.maintenance, c.seconds),
      })),
    },
    {
      id: 'pick-time',
      label: t('prompt.choice.pickTime'),
      enabled: prompt !== undefined && pick !== undefined,
      // The time picker is in the restart prompt, limited to the offered range.
      click: () => prompt && actions.openView({ view: 'restart-prompt', maintenance: prompt.maintenance }),
    },
    { type: 'separator' },
    { id: 'how-we-patch', label: t('policy.title'), enabled: snapshot.schedule !== undefined, click: () => actions.openView({ view: 'how-we-patch' }) },
    { id: 'help', label: t('help.title'), click: () => actions.openView({ view: 'help' }) },
    { id: 'feedback', label: t('feedback.title'), click: () => actions.openView({ view: 'feedback' }) },
    { id: 'check-now', label: t('ui.status.checkNow'), click: () => actions.checkNow() },
    { type: 'separator' },
    { id: 'about', label: t('menu.about'), click: () => actions.about() },
  ];
}

export interface TrayController {
  update(snapshot: Snapshot): void;
  destroy(): void;
}

/** The Tray itself: created once, its image, tooltip and menu replaced on every snapshot. */
export function createTray(options: { assets: string; actions: TrayActions; platform?: string; initialStatus?: PlanStatus }): TrayController {
  const platform = options.platform ?? process.platform;
  const image = (status: PlanStatus) => nativeImage.createFromPath(trayIconPath(status, platform, options.assets));
  const tray = new Tray(image(options.initialStatus ?? 'idle'));
  let status: PlanStatus | undefined;
  // Windows and Linux: a left click opens "Am I up to date?"; macOS shows the menu on click by itself.
  tray.on('click', () => options.actions.openView({ view: 'status' }));
  return {
    update(snapshot) {
      if (snapshot.tray.status !== status) {
        status = snapshot.tray.status;
        tray.setImage(image(status));
      }
      tray.setToolTip(snapshot.tray.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(snapshot, options.actions)));
    },
    destroy: () => tray.destroy(),
  };
}
