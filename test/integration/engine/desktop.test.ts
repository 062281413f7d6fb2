// The engine with the REAL node-notifier adapter: a notice due on the engine's clock reaches dunst on a
// throwaway Xvfb/D-Bus desktop (test/support/desktop.ts), is read back from dunst's history, and a click on it
// (dunst's default action) opens the notice view through the Presenter.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeNotifier, type NodeNotifier } from '../../../main/engine/notify/node-notifier.js';
import { describeWithDesktop, startDesktop, type Desktop } from '../../support/desktop.js';
import { cleanDirs, createTestAgent, FLEET, makeTrust, quietLogger, startFleetServer, type FleetServer } from './harness.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday';

/** Waits for a condition that another process makes true; bounded, never a timed assertion. */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithDesktop('engine notifications on a real desktop (dunst)', () => {
  let desktop: Desktop;
  let server: FleetServer;
  let notifier: NodeNotifier;
  beforeAll(async () => { desktop = await startDesktop(); server = await startFleetServer(trust); }, 30_000);
  afterAll(async () => {
    notifier?.close();
    await desktop?.stop();
    await server?.stop();
    cleanDirs();
  });

  it('shows the due notice through dunst, and a click opens its view', async () => {
    expect(await server.publish(trust.schedule(1))).toBe(201);
    notifier = createNodeNotifier({ logger: quietLogger, platform: 'linux', env: { ...process.env, ...desktop.env } });
    const agent = createTestAgent({ server, token: await server.storage.createEnrollmentToken(FLEET), notifier }, trust);
    await agent.engine.start();
    await agent.engine.checkNow();
    await desktop.closeAll();
    await agent.runUntil(Date.parse('2026-12-02T10:00:00Z'));
    await until('dunst displays the notice', async () => (await desktop.displayed()) >= 1);

    const snap = await agent.engine.getSnapshot();
    const notice = snap.notices.find((n) => n.id === `${M}:advance:604800`)!;
    expect(notice).toBeDefined();
    await desktop.invokeAction();
    await until('the click reaches the presenter', () => agent.rec.opened.some((r) => r.notice === notice.id));
    expect(agent.rec.opened.find((r) => r.notice === notice.id)).toEqual({ view: 'notice', maintenance: M, notice: notice.id });

    await desktop.closeAll();
    const seen = (await desktop.history()).find((h) => h.summary === notice.title);
    expect(seen, JSON.stringify(await desktop.history())).toBeDefined();
    expect(seen).toMatchObject({ appname: 'Forewarn', urgency: 'low' });
    expect(seen!.body).toContain('Your computer will get updates on');
    await agent.engine.stop();
  }, 60_000);
});
