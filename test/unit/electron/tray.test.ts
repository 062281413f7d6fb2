import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { createTray, trayIconPath, trayMenuTemplate } = await import('../../../main/electron/tray.js');
const S = await import('./snapshots.js');

const actions = () => ({ openView: vi.fn(), restartNow: vi.fn(), defer: vi.fn(), checkNow: vi.fn(), about: vi.fn() });
const byId = (items: any[], id: string) => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

beforeEach(() => electron.resetElectronMock());

describe('tray menu from the snapshot', () => {
  it('lists every item the issue names, in order, with localized labels', () => {
    const items = trayMenuTemplate(S.restartPending(), actions()).filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual([
      expect.stringMatching(/^Next: December security updates\. /),
      'Restart now', 'Remind me later', 'Pick a time',
      'How we keep your computer up to date', 'Help', 'Tell IT about a problem', 'Check now', 'About Forewarn',
    ]);
  });

  it('enables restart, remind-later and pick-a-time only when the prompt offers them', () => {
    const idle = trayMenuTemplate(S.upcoming(), actions());
    for (const id of ['restart-now', 'remind-later', 'pick-time']) expect(byId(idle, id).enabled).toBe(false);

    const pending = trayMenuTemplate(S.restartPending(), actions());
    for (const id of ['restart-now', 'remind-later', 'pick-time']) expect(byId(pending, id).enabled).toBe(true);

    const none = trayMenuTemplate(S.noDeferralsLeft(), actions());
    expect(byId(none, 'restart-now').enabled).toBe(true);
    expect(byId(none, 'remind-later').enabled).toBe(false);
    expect(byId(none, 'pick-time').enabled).toBe(false);

    const countdown = trayMenuTemplate(S.countdown(), actions());
    expect(byId(countdown, 'remind-later').enabled).toBe(false);
  });

  it('offers each deferral the prompt offers, and a click defers by exactly that', () => {
    const a = actions();
    const remind = byId(trayMenuTemplate(S.restartPending(), a), 'remind-later');
    expect(remind.submenu.map((i: any) => i.label)).toEqual(['Remind me in 1 hour', 'Remind me in 4 hours']);
    remind.submenu[1].click();
    expect(a.defer).toHaveBeenCalledWith(S.MAINTENANCE, 14_400);
  });

  it('routes each item to its action', () => {
    const a = actions();
    const items = trayMenuTemplate(S.restartPending(), a);
    byId(items, 'restart-now').click();
    byId(items, 'pick-time').click();
    byId(items, 'how-we-patch').click();
    byId(items, 'help').click();
    byId(items, 'feedback').click();
    byId(items, 'check-now').click();
    byId(items, 'about').click();
    expect(a.restartNow).toHaveBeenCalledWith(S.MAINTENANCE);
    expect(a.openView.mock.calls.map((c) => c[0])).toEqual([
      { view: 'restart-prompt', maintenance: S.MAINTENANCE }, { view: 'how-we-patch' }, { view: 'help' }, { view: 'feedback' },
    ]);
    expect(a.checkNow).toHaveBeenCalledOnce();
    expect(a.about).toHaveBeenCalledOnce();
  });

  it('says nothing is planned when there is no maintenance, and disables that line', () => {
    const next = byId(trayMenuTemplate(S.idle(), actions()), 'next');
    expect(next.label).toBe('No updates are planned.');
    expect(next.enabled).toBe(false);
  });

  it('speaks the snapshot locale (German)', () => {
    const items = trayMenuTemplate({ ...S.restartPending(), locale: 'de' }, actions());
    expect(byId(items, 'about').label).toBe('Über Forewarn');
    expect(byId(items, 'next').label).toMatch(/^Als Nächstes: December security updates\. /);
  });
});

describe('tray icon and tooltip', () => {
  it('picks the per-OS icon file for each status', () => {
    expect(trayIconPath('overdue', 'darwin', '/a')).toBe('/a/tray/mac/overdueTemplate.png');
    expect(trayIconPath('overdue', 'win32', '/a')).toBe('/a/tray/win/overdue.ico');
    expect(trayIconPath('restart-pending', 'linux', '/a')).toBe('/a/tray/restart-pending.png');
  });

  it('finds an icon in assets/ for every status on every OS (and the @2x beside each PNG)', () => {
    const assets = fileURLToPath(new URL('../../../assets', import.meta.url));
    const missing: string[] = [];
    for (const status of ['idle', 'upcoming', 'action-needed', 'restart-pending', 'overdue', 'error'] as const) {
      for (const platform of ['darwin', 'win32', 'linux']) {
        const file = trayIconPath(status, platform, assets);
        for (const f of file.endsWith('.png') ? [file, file.replace(/\.png$/, '@2x.png')] : [file]) if (!existsSync(f)) missing.push(f);
      }
    }
    expect(missing).toEqual([]);
  });

  it('follows each snapshot: icon per status, the snapshot tooltip, a rebuilt menu', () => {
    const a = actions();
    const tray = createTray({ assets: '/a', platform: 'linux', actions: a });
    const instance = electron.Tray.instances[0]!;
    tray.update(S.upcoming());
    expect(instance.tooltip).toBe('Updates are coming soon – December security updates, tomorrow');
    expect((instance.image as { path: string }).path).toBe('/a/tray/upcoming.png');
    tray.update(S.restartPending());
    expect((instance.image as { path: string }).path).toBe('/a/tray/restart-pending.png');
    expect(byId(instance.menu!.template, 'restart-now').enabled).toBe(true);
    // A click on the icon (Windows, Linux) opens "Am I up to date?".
    instance.emit('click');
    expect(a.openView).toHaveBeenCalledWith({ view: 'status' });
  });
});
