// publish -> fetch -> notify -> acknowledge / defer (each offered option) / pick a time / restart now (dry run)
// -> every event at the real fleet server exactly once, and the compliance funnel shows the device's states.
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionResult, Snapshot } from '../../../core/agent-api.js';
import {
  cleanDirs, createTestAgent, makeTrust, serverEvents, startFleetServer, type FleetServer,
} from './harness.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday';
const HOUR = 3_600_000;
const servers: FleetServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  cleanDirs();
});

function ok(r: ActionResult): Snapshot {
  if (!r.ok) throw new Error(`refused: ${r.error.code}: ${r.error.message}`);
  return r.snapshot;
}

describe('engine against a real fleet server', () => {
  it('fetches, notifies, takes every answer, restarts (dry run) and reports each event exactly once', async () => {
    const server = await startFleetServer(trust);
    servers.push(server);
    expect(await server.publish(trust.schedule(1))).toBe(201);
    const token = await server.storage.createEnrollmentToken('acme-laptops');
    const agent = createTestAgent({ server, token, tags: ['windows'] }, trust);
    const { engine, rec } = agent;
    await engine.start();
    await engine.checkNow();
    await engine.settled();

    // Fetched and verified: the schedule is in use, `delivered` once per maintenance for this computer.
    let snap = await engine.getSnapshot();
    expect(snap.schedule?.version).toBe(1);
    expect(snap.errors).toEqual([]);
    expect(snap.maintenances.map((m) => m.id)).toEqual([M, '2026-12-urgent-windows-fix', '2026-11-phishing-payslip']);
    expect((await serverEvents(server, agent.deviceId!)).byType['delivered']).toBe(3);
    // Checked in after enrolling: the server knows its tags and zone.
    expect(await server.storage.device('acme-laptops', agent.deviceId!)).toMatchObject({ tags: ['windows'], zone: 'UTC' });

    // The 7-day notice comes due on the computer's clock; it is shown once, and a click opens its view.
    await agent.runUntil(Date.parse('2026-12-02T10:00:00Z'));
    const advance = rec.shown.find((n) => n.id === `${M}:advance:604800`);
    expect(advance, rec.shown.map((n) => n.id).join(', ')).toBeDefined();
    expect(advance!.title).toMatch(/Monthly updates/);
    rec.notifier.click(advance!);
    expect(rec.opened.at(-1)).toEqual({ view: 'notice', maintenance: M, notice: advance!.id });
    snap = await engine.getSnapshot();
    expect(snap.notices.some((n) => n.id === advance!.id && n.title === advance!.title)).toBe(true);

    // Acknowledged twice: one event.
    ok(await engine.acknowledge(M));
    snap = ok(await engine.acknowledge(M));
    expect(snap.maintenances.find((m) => m.id === M)?.acknowledgedAt).toBe(agent.time.clock.now());

    // After the window the restart is pending: the prompt opens with the schedule's choices.
    await agent.runUntil(Date.parse('2026-12-09T09:30:00Z'));
    expect(rec.opened.some((r) => r.view === 'restart-prompt' && r.maintenance === M)).toBe(true);
    snap = await engine.getSnapshot();
    expect(snap.tray.status).toBe('restart-pending');
    const defers = snap.prompt!.choices.filter((c) => c.kind === 'defer');
    expect(defers.map((c) => c.kind === 'defer' && c.seconds)).toEqual([3600, 14400, 86400]);
    expect(snap.prompt!.choices.map((c) => c.label)).toContain('Restart now');

    // A choice not offered is refused with a typed error; bad arguments are refused before the engine.
    const refused = await engine.defer(M, { kind: 'defer', seconds: 7 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-offered' } });
    expect(await engine.handle('defer', [M, { kind: 'defer', seconds: -1 }])).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: /defer: 1\.seconds/ } });

    // Each offered deferral, in turn; then no deferral is left.
    let deferred = 0;
    for (const seconds of [3600, 14400]) {
      snap = ok(await engine.defer(M, { kind: 'defer', seconds }));
      deferred += 1;
      expect(snap.maintenances.find((m) => m.id === M)?.deferralsUsed).toBe(deferred);
      await agent.runUntil(agent.time.clock.now() + seconds * 1000 + 60_000);
    }
    snap = await engine.getSnapshot();
    const dayOption = snap.prompt!.choices.find((c) => c.kind === 'defer' && c.seconds === 86400);
    expect(dayOption).toBeDefined();
    ok(await engine.defer(M, { kind: 'defer', seconds: 86400 }));
    deferred += 1;
    expect(await engine.defer(M, { kind: 'defer', seconds: 3600 })).toMatchObject({ ok: false, error: { code: 'no-deferrals-left' } });

    // A picked time within the offered range, then "restart now" (dry run: the argv is only recorded).
    snap = await engine.getSnapshot();
    const pick = snap.prompt!.choices.find((c) => c.kind === 'pick-time');
    expect(pick).toBeDefined();
    if (pick?.kind !== 'pick-time') throw new Error('no pick-time');
    ok(await engine.defer(M, { kind: 'pick-time', at: pick.earliest + HOUR }));
    ok(await engine.restartNow(M));
    expect(agent.rebooter.records).toEqual([{ maintenance: M, reason: 'user', argv: ['systemctl', 'reboot'], dryRun: true }]);

    // The computer restarts: after the new boot, with nothing pending, `completed`.
    await agent.runUntil(agent.time.clock.now() + 60_000);
    agent.reboot();
    await engine.replan('test: rebooted');
    await engine.settled();
    snap = await engine.getSnapshot();
    expect(snap.maintenances.find((m) => m.id === M)?.completedAt).toBeDefined();
    expect(agent.store!.get('engine')?.restarts).toEqual([]);

    // Everything uploaded, each event exactly once; the outbox is empty.
    await engine.stop();
    expect(agent.store!.get('outbox')?.events).toEqual([]);
    const { events, byType } = await serverEvents(server, agent.deviceId!);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(byType).toMatchObject({ acknowledged: 1, deferred: deferred + 1, 'restart-started': 1, completed: 1, delivered: 3 });
    const notifiedIds = events.filter((e) => e.type === 'notified').map((e) => JSON.parse(e.body).notice as string);
    expect(new Set(notifiedIds).size).toBe(notifiedIds.length);
    expect(notifiedIds.sort()).toEqual(rec.shown.map((n) => n.id).sort());

    // IT's view: the funnel shows this device through to completed.
    server.clock.now = agent.time.clock.now();
    const funnel = (await server.compliance()).find((f) => f.maintenance === M)!;
    expect(funnel).toMatchObject({ targeted: 1, delivered: 1, notified: 1, responded: 1, restartStarted: 1, completed: 1 });
  });
});
