// Write-ahead, proven without a real crash: the engine writes an action's event first and its state second. Here
// the "crash" falls between the two (events in the outbox, state not changed); the next start must apply them
// to the state from the outbox, so nothing is asked, shown or reported twice — and, while the events wait for an
// upload, at every start again without counting a deferral twice or keeping a restart that failed.
import { afterAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../main/engine/node/outbox-pieces.js';
import { cleanDirs, createTestAgent, FLEET, makeTrust, quietLogger, serverEvents, startFleetServer, type FleetServer } from './harness.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday';
const servers: FleetServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  cleanDirs();
});

describe('engine write-ahead replay at start', () => {
  it('applies acknowledged, deferred and notified events left in the outbox to the state, once', async () => {
    const server = await startFleetServer(trust);
    servers.push(server);
    expect(await server.publish(trust.schedule(1))).toBe(201);
    const token = await server.storage.createEnrollmentToken(FLEET);
    const start = Date.parse('2026-12-09T09:30:00Z');
    const first = createTestAgent({ server, token, start }, trust);
    await first.engine.start();
    await first.engine.checkNow();
    await first.engine.stop();
    // The server goes away, and the "crash": events written, state untouched.
    await server.close();
    const store = first.store!;
    const outbox = createOutbox({ store, clock: first.time.clock, logger: quietLogger });
    const until = start + 3_600_000;
    const before = store.get('agent')!.maintenances[M]!;
    outbox.add({ type: 'acknowledged', at: new Date(start).toISOString(), maintenance: M });
    outbox.add({ type: 'deferred', at: new Date(start).toISOString(), maintenance: M, choice: '1h', until: new Date(until).toISOString(), untilMs: until, pendingSince: before.pendingSince });
    outbox.add({ type: 'notified', at: new Date(start).toISOString(), maintenance: M, notice: `${M}:replayed-notice` });
    expect(store.get('agent')!.maintenances[M]!.acknowledgedAt).toBeUndefined();

    await server.restart();
    const second = createTestAgent({ server, token, start, stateDir: first.stateDir }, trust);
    await second.engine.start();
    await second.engine.settled();
    const state = second.store!.get('agent')!.maintenances[M]!;
    expect(state.acknowledgedAt).toBe(start);
    expect(state.deferrals).toEqual({ count: before.deferrals.count + 1, until });
    expect(state.noticesShown).toContain(`${M}:replayed-notice`);
    // Asked again, the same answers write nothing new.
    expect((await second.engine.acknowledge(M)).ok).toBe(true);
    await second.engine.stop();
    const { byType } = await serverEvents(server, second.deviceId!);
    expect(byType).toMatchObject({ acknowledged: 1, deferred: 1 });
    expect(second.store!.get('outbox')!.events).toEqual([]);
  });

  it('counts a waiting deferral once, and ends a failed restart, however often the engine starts before an upload', async () => {
    const server = await startFleetServer(trust);
    servers.push(server);
    expect(await server.publish(trust.schedule(1))).toBe(201);
    const token = await server.storage.createEnrollmentToken(FLEET);
    const start = Date.parse('2026-12-09T09:30:00Z');
    const first = createTestAgent({ server, token, start }, trust);
    await first.engine.start();
    await first.engine.checkNow();
    await first.engine.stop();
    await server.close(); // no server from here on: the events keep waiting in the outbox
    const store = first.store!;
    const outbox = createOutbox({ store, clock: first.time.clock, logger: quietLogger });
    const before = store.get('agent')!.maintenances[M]!;
    const at = new Date(start).toISOString();
    // Written as the engine writes them: each event, then its state (two deferrals, a restart that failed).
    let count = before.deferrals.count;
    for (const until of [start - 7_200_000, start + 3_600_000]) {
      outbox.add({ type: 'deferred', at, maintenance: M, choice: '1h', until: new Date(until).toISOString(), untilMs: until, pendingSince: before.pendingSince });
      const agent = store.get('agent')!;
      count += 1;
      store.set('agent', { ...agent, maintenances: { ...agent.maintenances, [M]: { ...agent.maintenances[M]!, deferrals: { count, until } } } });
    }
    const started = outbox.add({ type: 'restart-started', at, maintenance: M, reason: 'user' });
    store.set('engine', { ...store.get('engine'), restarts: [{ event: started.id, maintenance: M, at: start }] });
    outbox.add({ type: 'failed', at, maintenance: M, reason: 'the restart command failed: exit 1' });
    store.set('engine', { ...store.get('engine'), restarts: [] });
    const deferrals = { count, until: start + 3_600_000 };

    for (let i = 0; i < 2; i++) {
      const again = createTestAgent({ server, token, start, stateDir: first.stateDir }, trust);
      await again.engine.start();
      await again.engine.settled();
      await again.engine.stop();
      expect(again.store!.get('engine')!.restarts ?? []).toEqual([]);
      expect(again.store!.get('agent')!.maintenances[M]!.deferrals).toEqual(deferrals);
      expect(again.store!.get('outbox')!.events.map((e) => e.type)).toEqual(expect.arrayContaining(['deferred', 'deferred', 'restart-started', 'failed']));
    }
  });
});
