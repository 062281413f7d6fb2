import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { createElectronNotifier } = await import('../../../main/electron/notifications.js');
const { createWindowPresenter } = await import('../../../main/electron/windows.js');

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const notice = {
  id: 'n-advance-1', title: 'Coming tomorrow: December updates', body: 'Your computer will get updates…', urgency: 'normal' as const,
  opens: { view: 'notice' as const, maintenance: '2026-12-patch-tuesday', notice: 'n-advance-1' },
};

beforeEach(() => electron.resetElectronMock());

describe('the Electron notifier', () => {
  it('shows an OS notification with the title, body and urgency, resolving once the OS accepted it', async () => {
    const notifier = createElectronNotifier({ logger, platform: 'linux' });
    await notifier.show(notice);
    const n = electron.Notification.instances[0]!;
    expect(n.options).toMatchObject({ title: notice.title, body: notice.body, urgency: 'normal', timeoutType: 'default' });
    // Linux notification daemons get no action buttons from Electron.
    expect(n.options['actions']).toBeUndefined();
  });

  it.each(['darwin', 'win32'])('adds an action button on %s, labelled in the reader’s language', async (platform) => {
    const notifier = createElectronNotifier({ logger, platform, openLabel: () => 'Mehr erfahren' });
    await notifier.show({ ...notice, urgency: 'critical' });
    expect(electron.Notification.instances[0]!.options).toMatchObject({ actions: [{ type: 'button', text: 'Mehr erfahren' }], timeoutType: 'never' });
  });

  it('a click or the action button leads to the view it names (the engine wires activation to presenter.open)', async () => {
    const notifier = createElectronNotifier({ logger, platform: 'darwin' });
    const presenter = createWindowPresenter({ preload: '/p.js', logger });
    // What createEngine does on start (main/engine/engine.ts): notifier.onActivate((n) => presenter.open(n.opens)).
    notifier.onActivate((n) => presenter.open(n.opens));
    await notifier.show(notice);
    electron.Notification.instances[0]!.emit('click', {});
    const win = electron.BrowserWindow.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('forewarn://app/index.html#/notice?maintenance=2026-12-patch-tuesday&notice=n-advance-1');
    electron.Notification.instances[0]!.emit('action', {}, 0);
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('replaces a notification with the same id instead of stacking it', async () => {
    const notifier = createElectronNotifier({ logger, platform: 'linux' });
    await notifier.show(notice);
    await notifier.show(notice);
    expect(electron.Notification.instances[0]!.close).toHaveBeenCalledOnce();
    expect(electron.Notification.instances[1]!.close).not.toHaveBeenCalled();
  });

  it('rejects when the OS refuses it, naming the notification', async () => {
    electron.Notification.outcome = 'failed';
    const notifier = createElectronNotifier({ logger, platform: 'win32' });
    await expect(notifier.show(notice)).rejects.toThrow('notification "n-advance-1" not shown: no notification service');
  });

  it('stops reporting clicks to a listener that unsubscribed', async () => {
    const notifier = createElectronNotifier({ logger, platform: 'linux' });
    const listener = vi.fn();
    const off = notifier.onActivate(listener);
    await notifier.show(notice);
    off();
    electron.Notification.instances[0]!.emit('click', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('falls back to node-notifier when Electron has no notifications here', () => {
    electron.Notification.supported = false;
    const notifier = createElectronNotifier({ logger, platform: 'linux' }) as { backend?: () => string };
    // node-notifier's adapter (main/engine/notify/node-notifier.ts) is the one with backend().
    expect(typeof notifier.backend).toBe('function');
    expect(logger.warn).toHaveBeenCalledWith('Electron notifications are not supported here; using node-notifier');
    expect(electron.Notification.instances).toHaveLength(0);
  });
});
