// The engine through what goes wrong: the server down for a long stretch and flapping, a time-zone change, a
// clock jump, a server answering 304 forever past the schedule's expiry, an expired root, a rotated root and a
// schedule the agent must refuse — each against a real fleet server on loopback with a manual clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../core/agent-api.js';
import {
  cleanDirs, createTestAgent, FLEET, makeTrust, serverEvents, startFleetServer, type FleetServer, type TestAgent,
} from './harness.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const servers: FleetServer[] = [];
const agents: TestAgent[] = [];
afterAll(async () => {
  for (const a of agents) await a.engine.stop().catch(() => undefined);
  for (const s of servers) await s.stop();
  cleanDirs();
});

async function setup(options: { zone?: string; rootBytes?: Uint8Array; publish?: boolean } = {}) {
  const server = await startFleetServer(trust);
  servers.push(server);
  if (options.publish !== false) expect(await server.publish(trust.schedule(1))).toBe(201);
  const token = await server.storage.createEnrollmentToken(FLEET);
  const agent = createTestAgent({ server, token, ...(options.zone ? { zone: options.zone } : {}), ...(options.rootBytes ? { rootBytes: options.rootBytes } : {}) }, trust);
  agents.push(agent);
  await agent.engine.start();
  await agent.engine.checkNow();
  await agent.engine.settled();
  return { server, agent, engine: agent.engine };
}

const ok = (r: ActionResult) => expect(r.ok, JSON.stringify(r)).toBe(true);

/** Moves the wall clock (the server's too) and lets the engine's timer notice it. */
async function jumpTo(agent: TestAgent, server: FleetServer, at: number) {
  agent.time.jump(at - agent.time.clock.now());
  server.clock.now = at;
  await agent.runUntil(at + HOUR);
  server.clock.now = agent.time.clock.now();
}

describe('engine resilience against a real server', () => {
  it('loses and doubles nothing while the server is down for days and then flapping', async () => {
    const { server, agent, engine } = await setup();
    const delivered = (await serverEvents(server, agent.deviceId!)).byType['delivered'];
    expect(delivered).toBe(2);

    await server.close();
    const texts: string[] = [];
    ok(await engine.acknowledge(M));
    for (let day = 0; day < 2; day++) {
      const text = `offline day ${day}`;
      texts.push(text);
      ok(await engine.reportProblem({ text }));
      await agent.runUntil(agent.time.clock.now() + DAY);
      server.clock.now = agent.time.clock.now();
    }
    const waiting = agent.store!.get('outbox')!.events;
    expect(waiting.filter((e) => e.type === 'feedback' || e.type === 'acknowledged')).toHaveLength(3);
    // The retries ran on the scheduler's wake-ups (capped at 15 min apart), a bounded number of them, not a loop.
    expect(agent.engine.wakeups).toBeLessThan(2 * 24 * 12);

    // Flapping: up, an action, down, an action, up…
    for (let round = 0; round < 6; round++) {
      if (round % 2 === 0) await server.restart();
      else await server.close();
      const text = `flap ${round}`;
      texts.push(text);
      ok(await engine.reportProblem({ text }));
      await agent.runUntil(agent.time.clock.now() + 20 * 60_000);
      server.clock.now = agent.time.clock.now();
    }
    await server.restart();
    await agent.runUntil(agent.time.clock.now() + HOUR);
    expect(agent.store!.get('outbox')!.events).toEqual([]);
    const { events, byType } = await serverEvents(server, agent.deviceId!);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const feedback = events.filter((e) => e.type === 'feedback').map((e) => JSON.parse(e.body).text as string);
    expect(feedback.sort()).toEqual(texts.sort());
    expect(byType).toMatchObject({ acknowledged: 1, delivered: 2 });
  });

  it('enrolls again when IT reset the device, and the waiting events go out with the new credential', async () => {
    const { server, agent, engine } = await setup();
    const credential = () => readFileSync(join(agent.stateDir, 'credential.json'), 'utf8');
    const before = credential();
    const reset = await fetch(`${server.url}/v1/fleets/${FLEET}/devices/${agent.deviceId}/reset`, { method: 'POST', headers: { authorization: `Bearer ${server.admin}` } });
    expect(reset.status).toBe(200);
    ok(await engine.reportProblem({ text: 'after the reset' }));
    await engine.settled();
    expect(agent.store!.get('outbox')!.events).toEqual([]);
    const feedback = (await serverEvents(server, agent.deviceId!)).events.filter((e) => e.type === 'feedback');
    expect(feedback.map((e) => JSON.parse(e.body).text)).toEqual(['after the reset']);
    expect(credential()).not.toBe(before); // the old one was refused (401): a new enrollment
    expect((await engine.getSnapshot()).errors).toEqual([]);
  });

  it('restarts by itself at the deadline after the final countdown (dry run), with restart-started reported', async () => {
    const { server, agent, engine } = await setup();
    await jumpTo(agent, server, Date.parse('2026-12-09T09:30:00Z'));
    expect(agent.rebooter.records).toEqual([]);
    await agent.runUntil(Date.parse('2026-12-11T06:00:00Z'));
    server.clock.now = agent.time.clock.now();
    expect(agent.rec.opened.some((r) => r.view === 'countdown' && r.maintenance === M)).toBe(true);
    expect(agent.rebooter.records).toEqual([{ maintenance: M, reason: 'deadline', argv: ['systemctl', 'reboot'], dryRun: true }]);
    const forced = agent.rec.shown.filter((n) => n.id.startsWith(`${M}:forced-warning`));
    expect(forced.length).toBeGreaterThanOrEqual(1);
    await engine.stop();
    const started = (await serverEvents(server, agent.deviceId!)).events.filter((e) => e.type === 'restart-started').map((e) => JSON.parse(e.body));
    expect(started).toEqual([expect.objectContaining({ maintenance: M, reason: 'deadline' })]);
  });

  it('re-plans on a time-zone change: the local 22:00 window moves with the computer', async () => {
    const { agent, engine } = await setup({ zone: 'Europe/Paris' });
    let snap = await engine.getSnapshot();
    expect(snap.zone).toBe('Europe/Paris');
    expect(snap.maintenances.find((m) => m.id === M)!.start).toBe(Date.parse('2026-12-08T21:00:00Z'));
    agent.env['TZ'] = 'Asia/Tokyo';
    agent.signals.check(); // what the engine's wake-up does: sees the new zone, emits zone-changed
    await engine.settled();
    snap = agent.rec.snapshots.at(-1)!;
    expect(snap.zone).toBe('Asia/Tokyo');
    expect(snap.maintenances.find((m) => m.id === M)!.start).toBe(Date.parse('2026-12-08T13:00:00Z'));
  });

  it('re-plans at once after a clock jump: notices missed meanwhile come as one catch-up', async () => {
    const { server, agent, engine } = await setup();
    const before = agent.rec.shown.length;
    await jumpTo(agent, server, Date.parse('2026-12-08T12:00:00Z'));
    const snap = await engine.getSnapshot();
    expect(snap.at).toBeGreaterThanOrEqual(Date.parse('2026-12-08T12:00:00Z'));
    expect(snap.tray.status).toBe('upcoming');
    const fresh = agent.rec.shown.slice(before).filter((n) => n.id.startsWith(M));
    // The 7-day and 1-day notices were missed: one notice stands in for them, not two.
    expect(fresh.length).toBe(1);
    await engine.stop();
    const notified = (await serverEvents(server, agent.deviceId!)).events.filter((e) => e.type === 'notified').map((e) => JSON.parse(e.body));
    const forM = notified.filter((n) => n.maintenance === M);
    expect(forM).toHaveLength(1);
    expect(forM[0].supersedes?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('a server answering 304 forever cannot freeze the agent: past expiry it shows the error and reports it once', async () => {
    const { server, agent, engine } = await setup();
    await jumpTo(agent, server, Date.parse('2027-11-21T00:00:00Z'));
    for (let i = 0; i < 3; i++) ok(await engine.checkNow());
    await engine.settled();
    const snap = await engine.getSnapshot();
    expect(agent.store!.get('trust')!.lastCheck!.outcome).toBe('unchanged'); // the server said 304
    expect(snap.tray.status).toBe('error');
    expect(snap.errors.map((e) => e.kind)).toEqual(['expired-schedule']);
    expect(await engine.acknowledge(M)).toMatchObject({ ok: false, error: { code: 'no-schedule' } });
    await engine.stop();
    const rejected = (await serverEvents(server, agent.deviceId!)).events.filter((e) => e.type === 'schedule-rejected').map((e) => JSON.parse(e.body));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ reason: 'expired', scheduleVersion: 1 });
  });

  it('an expired root turns the tray to the error state with a reason IT can act on', async () => {
    const { server, agent, engine } = await setup();
    await jumpTo(agent, server, Date.parse('2027-12-02T00:00:00Z'));
    const snap = await engine.getSnapshot();
    expect(snap.tray.status).toBe('error');
    expect(snap.errors[0]).toMatchObject({ kind: 'expired-schedule', detail: expect.stringMatching(/root \(version 1\) expired/) });
  });

  it('follows a rotated root from the server and accepts the schedule signed by the new keys', async () => {
    const { server, agent, engine } = await setup();
    expect(await server.putRoot(trust.root2)).toBe(201);
    expect(await server.publish(trust.schedule(2, {}, trust.scheduleKey2))).toBe(201);
    ok(await engine.checkNow());
    await engine.settled();
    const snap = await engine.getSnapshot();
    expect(snap.schedule?.version).toBe(2);
    expect(snap.errors).toEqual([]);
    expect(agent.store!.get('trust')!.rootChain).toHaveLength(1);
    await engine.stop();
    const { byType } = await serverEvents(server, agent.deviceId!);
    expect(byType['delivered']).toBe(4); // two maintenances, for each version
    expect(byType['schedule-rejected']).toBeUndefined();
  });

  it('refuses a schedule its pinned root does not vouch for, keeps nothing, and reports it once', async () => {
    const other = makeTrust();
    const { server, agent, engine } = await setup({ rootBytes: other.root1 });
    for (let i = 0; i < 3; i++) ok(await engine.checkNow());
    await engine.settled();
    const snap = await engine.getSnapshot();
    expect(snap.tray.status).toBe('error');
    expect(snap.errors.map((e) => e.kind)).toContain('no-schedule');
    await engine.stop();
    const rejected = (await serverEvents(server, agent.deviceId!)).events.filter((e) => e.type === 'schedule-rejected').map((e) => JSON.parse(e.body));
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatch(/unknown-key|threshold-not-met/);
  });
});
