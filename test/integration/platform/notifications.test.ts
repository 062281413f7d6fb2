// Real notifications: the Notifier adapter delivers to dunst on Xvfb and a private session D-Bus
// (test/support/desktop.ts), and what dunst received is read back from its history.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createNodeNotifier, type NodeNotifier } from '../../../main/engine/notify/node-notifier.js';
import type { Logger, OsNotification } from '../../../main/engine/ports.js';
import { describeWithDesktop, startDesktop, type Desktop } from '../../support/desktop.js';

const logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
const logger: Logger = Object.fromEntries((['debug', 'info', 'warn', 'error'] as const).map((level) =>
  [level, (message: string, fields?: Record<string, unknown>) => void logs.push({ level, message, fields })])) as unknown as Logger;

const note = (id: string, over: Partial<OsNotification> = {}): OsNotification => ({
  id, title: `Restart tonight (${id})`, body: 'Save your work: the computer restarts at 22:00.\nIt takes about 10 minutes.',
  urgency: 'normal', opens: { view: 'restart-prompt', maintenance: '2026-12-patch-tuesday', notice: id }, ...over,
});

describeWithDesktop('OS notifications through the Notifier adapter (dunst on Xvfb)', () => {
  let desktop: Desktop;
  const notifiers: NodeNotifier[] = [];
  const make = (linuxBackend: 'auto' | 'node-notifier' = 'auto', env?: NodeJS.ProcessEnv) => {
    const n = createNodeNotifier({ logger, platform: 'linux', linuxBackend, env: env ?? { ...process.env, ...desktop.env } });
    notifiers.push(n);
    return n;
  };

  beforeAll(async () => { desktop = await startDesktop(); }, 30_000);
  afterAll(async () => { await desktop?.stop(); });
  afterEach(async () => {
    for (const n of notifiers.splice(0)) n.close();
    await desktop.closeAll();
  });

  it('delivers title, body, app name and each urgency to the daemon (notify-send backend)', async () => {
    const notifier = make();
    for (const urgency of ['low', 'normal', 'critical'] as const) await notifier.show(note(`u-${urgency}`, { urgency }));
    expect(notifier.backend()).toBe('notify-send');
    expect(await desktop.displayed()).toBe(3);
    await desktop.closeAll();
    const seen = (await desktop.history()).filter((h) => h.summary.startsWith('Restart tonight (u-'));
    expect(seen.map((h) => [h.summary, h.urgency]).sort()).toEqual([
      ['Restart tonight (u-critical)', 'critical'], ['Restart tonight (u-low)', 'low'], ['Restart tonight (u-normal)', 'normal']]);
    for (const h of seen) {
      expect(h.appname).toBe('Forewarn');
      expect(h.body).toBe('Save your work: the computer restarts at 22:00.\nIt takes about 10 minutes.');
      expect(h.defaultAction).toBe('default'); // clickable
    }
  });

  it('a click on the notification reaches onActivate with the view it opens', async () => {
    const notifier = make();
    const clicked = new Promise<OsNotification>((resolve) => notifier.onActivate(resolve));
    await notifier.show(note('click-me', { opens: { view: 'countdown', maintenance: 'm-1', notice: 'click-me' } }));
    await desktop.invokeAction();
    const got = await clicked;
    expect(got.id).toBe('click-me');
    expect(got.opens).toEqual({ view: 'countdown', maintenance: 'm-1', notice: 'click-me' });
  });

  it('showing the same id again replaces the notification, and the click reports the newest one', async () => {
    const notifier = make();
    const clicks: OsNotification[] = [];
    notifier.onActivate((n) => clicks.push(n));
    await notifier.show(note('same', { title: 'First version' }));
    await notifier.show(note('same', { title: 'Second version', opens: { view: 'notice', notice: 'same' } }));
    expect(await desktop.displayed()).toBe(1);
    const clicked = new Promise<void>((resolve) => notifier.onActivate(() => resolve()));
    await desktop.invokeAction();
    await clicked;
    expect(clicks.map((c) => [c.title, c.opens.view])).toEqual([['Second version', 'notice']]);
    await desktop.closeAll();
    const titles = (await desktop.history()).map((h) => h.summary);
    expect(titles).toContain('Second version');
    expect(titles).not.toContain('First version');
  });

  it('a title that looks like an option or shell syntax is shown as text', async () => {
    const notifier = make();
    await notifier.show(note('odd', { title: '--urgency=low $(touch /tmp/forewarn-pwned) `id`', body: '-x "quoted" & <b>' }));
    await desktop.closeAll();
    const h = (await desktop.history()).find((x) => x.summary.startsWith('--urgency'));
    expect(h?.summary).toBe('--urgency=low $(touch /tmp/forewarn-pwned) `id`');
    expect(h?.urgency).toBe('normal');
  });

  it('node-notifier (the fallback backend) delivers too', async () => {
    // node-notifier runs notify-send with process.env only: point it at this desktop for the test.
    const saved = { DISPLAY: process.env['DISPLAY'], DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] };
    Object.assign(process.env, desktop.env);
    try {
      const notifier = make('node-notifier');
      await notifier.show(note('nn', { title: 'Via node-notifier', urgency: 'critical', body: 'Line one\nLine two' }));
      expect(notifier.backend()).toBe('node-notifier');
      await desktop.closeAll();
      const h = (await desktop.history()).find((x) => x.summary === 'Via node-notifier');
      expect(h).toMatchObject({ appname: 'Forewarn', urgency: 'critical', body: 'Line one\nLine two' });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });

  it('show() rejects clearly when no notification daemon is running, with either backend', async () => {
    const bare = await startDesktop({ daemon: false });
    try {
      const env = { ...process.env, ...bare.env };
      await expect(make('auto', env).show(note('nobody'))).rejects.toThrow(/notification "nobody" not shown: notify-send failed: .*org\.freedesktop\.Notifications/);
      const saved = process.env['DBUS_SESSION_BUS_ADDRESS'];
      process.env['DBUS_SESSION_BUS_ADDRESS'] = bare.env.DBUS_SESSION_BUS_ADDRESS;
      try {
        await expect(make('node-notifier', env).show(note('nobody-nn'))).rejects.toThrow(/notification "nobody-nn" not shown: .*Notifications/);
      } finally {
        if (saved === undefined) delete process.env['DBUS_SESSION_BUS_ADDRESS']; else process.env['DBUS_SESSION_BUS_ADDRESS'] = saved;
      }
      // No session bus at all (and no X display to autolaunch one from).
      const noBus = { PATH: process.env['PATH'], DBUS_SESSION_BUS_ADDRESS: `unix:path=${bare.env.DBUS_SESSION_BUS_ADDRESS.replace(/^unix:path=([^,]+).*$/, '$1')}-gone` };
      await expect(make('auto', noBus).show(note('no-bus'))).rejects.toThrow(/notification "no-bus" not shown: notify-send failed: /);
    } finally {
      await bare.stop();
    }
  }, 30_000);
});
