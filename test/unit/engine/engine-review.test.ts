// Review fixes, each with the engine built from fakes for every port (see engine-language.test.ts):
// replay at start is idempotent per event (deferrals are not counted again at every start, a failed restart ends
// its restart-started); a request never throws across the boundary (no managed config, an unexpected error, the
// control channel); nothing runs after stop(); a server's `retry:` cannot make the SSE client reconnect hot.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../core/agent-api.js';
import type { ForewarnEvent } from '../../../core/events/index.js';
import { parseScheduleSource, validateSchedule } from '../../../core/schedule/index.js';
import { createEngine, type Engine, type EngineOptions, type EnginePieces, type UploadOutcome } from '../../../main/engine/engine.js';
import { ScheduleStream } from '../../../main/engine/fetch/sse.js';
import { BACKOFF_CAP_MS } from '../../../main/engine/fetch/timing.js';
import { serveControl } from '../../../main/engine/node/control.js';
import type { Store } from '../../../main/engine/ports.js';
import type { PersistedState } from '../../../main/engine/state/types.js';
import { manualTime, type ManualTime } from '../../support/manual-time.js';

const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
if (!source.ok) throw new Error('example does not parse');
const checked = validateSchedule(source.document);
if (!checked.ok) throw new Error('example invalid');
const schedule = checked.schedule;
const M = '2026-12-patch-tuesday';
const NOW = Date.parse('2026-12-09T09:30:00Z'); // the restart is pending, with deferrals offered
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function memoryStore(initial: Partial<PersistedState> = {}): Store<PersistedState> {
  const data = new Map<keyof PersistedState, unknown>(Object.entries(initial) as Array<[keyof PersistedState, unknown]>);
  return {
    get: (key) => structuredClone(data.get(key)) as never,
    set: (key, value) => void data.set(key, structuredClone(value)),
  };
}

/** An outbox over the store, as the real one keeps it (events waiting, nothing uploaded). */
function storeOutbox(store: Store<PersistedState>): EnginePieces['outbox'] {
  let n = 0;
  return {
    add: (event) => {
      const e = { ...event, id: `event-${Date.now()}-${++n}` } as ForewarnEvent;
      const box = store.get('outbox') ?? { events: [], dropped: 0 };
      store.set('outbox', { ...box, events: [...box.events, e] });
      return e;
    },
  };
}

const validTrust: EnginePieces['trust'] = {
  start: () => ({ rejections: [] }),
  current: () => ({ status: 'valid', schedule, version: schedule.version, expires: schedule.expires, rootVersion: 1 }),
};

function engineWith(extra: Partial<EngineOptions> & { time?: ManualTime } = {}): Engine {
  const time = extra.time ?? manualTime(NOW);
  return createEngine({
    clock: time.clock,
    timers: time.timers,
    store: memoryStore(),
    notifier: { show: async () => undefined, onActivate: () => () => undefined },
    presenter: { open: () => undefined, update: () => undefined },
    rebooter: { dryRun: true, restart: async () => undefined },
    signals: {
      zone: () => 'UTC', locale: () => 'en-US', busy: async () => ({}), restartPending: async () => false, lastBoot: () => 0,
      on: () => () => undefined,
    },
    logger: quiet,
    config: { ok: true, config: { fleet: 'acme-laptops', groups: [], tags: [] } },
    ...extra,
  });
}

function deferred(id: string, until: number, pendingSince: number): ForewarnEvent {
  return {
    id, type: 'deferred', at: new Date(NOW).toISOString(), maintenance: M, choice: '1h', until: new Date(until).toISOString(),
    untilMs: until, pendingSince,
  } as ForewarnEvent;
}

describe('write-ahead replay is idempotent per event', () => {
  it('two deferrals and a failed restart waiting in the outbox: every start leaves the count and the restarts alone', async () => {
    const pendingSince = NOW - 3_600_000;
    const events: ForewarnEvent[] = [
      deferred('d1', NOW - 1_800_000, pendingSince),
      deferred('d2', NOW + 3_600_000, pendingSince),
      { id: 'r1', type: 'restart-started', at: new Date(NOW - 60_000).toISOString(), maintenance: M, reason: 'user' } as ForewarnEvent,
      { id: 'f1', type: 'failed', at: new Date(NOW - 59_000).toISOString(), maintenance: M, reason: 'the restart command failed' } as ForewarnEvent,
    ];
    // Both deferrals are in the state already (count 2, the last until); the failed restart is no longer pending.
    const store = memoryStore({
      agent: { maintenances: { [M]: { noticesShown: [], pendingSince, deferrals: { count: 2, until: NOW + 3_600_000 } } } },
      outbox: { events, dropped: 0 },
      engine: { restarts: [] },
    });
    for (let start = 0; start < 3; start++) {
      const engine = engineWith({ store, pieces: { trust: validTrust, outbox: storeOutbox(store) } });
      await engine.start();
      await engine.stop();
      expect(store.get('engine')!.restarts ?? []).toEqual([]);
      expect(store.get('agent')!.maintenances[M]!.deferrals).toEqual({ count: 2, until: NOW + 3_600_000 });
    }
  });

  it('a deferral made by the engine is not counted again at the next starts while its event waits', async () => {
    const store = memoryStore();
    const pieces = { trust: validTrust, outbox: storeOutbox(store) };
    const first = engineWith({ store, pieces });
    await first.start();
    expect((await first.defer(M, { kind: 'defer', seconds: 3600 })).ok).toBe(true);
    // A second deferral an hour and a minute later (the first has run out).
    await first.stop();
    const later = manualTime(NOW + 3_660_000);
    const second = engineWith({ store, pieces, time: later });
    await second.start();
    expect((await second.defer(M, { kind: 'defer', seconds: 3600 })).ok).toBe(true);
    await second.stop();
    const after = store.get('agent')!.maintenances[M]!.deferrals;
    expect(after.count).toBe(2);
    for (let i = 0; i < 2; i++) {
      const again = engineWith({ store, pieces, time: later });
      await again.start();
      await again.stop();
      expect(store.get('agent')!.maintenances[M]!.deferrals).toEqual(after);
    }
  });
});

describe('a request never throws across the boundary', () => {
  it('without a managed config, reporting a problem is refused, not thrown', async () => {
    const engine = engineWith({ config: { ok: false, message: 'no managed config file' } });
    await engine.start();
    const viaHandle = await engine.handle('reportProblem', [{ text: 'the tray is empty' }]);
    expect(viaHandle).toMatchObject({ ok: false, error: { code: 'not-running', message: 'Forewarn is not ready yet. Please try again in a moment.' } });
    expect((await engine.reportProblem({ text: 'again' })).ok).toBe(false);
    await engine.stop();
  });

  it('an unexpected failure inside a request is logged and answered as an error', async () => {
    const errors: string[] = [];
    let broken = false;
    const store = memoryStore();
    const engine = engineWith({
      store,
      logger: { ...quiet, error: (message: string) => void errors.push(message) },
      pieces: {
        trust: { start: () => ({ rejections: [] }), current: (now) => { if (broken) throw new Error('disk on fire'); return validTrust.current(now); } },
        outbox: storeOutbox(store),
      },
    });
    await engine.start();
    broken = true;
    const result = await engine.handle('acknowledge', [M]) as ActionResult;
    expect(result).toMatchObject({ ok: false, error: { code: 'not-running' } });
    expect(result.ok === false && result.error.detail).toMatch(/disk on fire/);
    expect(errors).toContain('request failed');
  });

  it('the control channel answers a failed request and keeps serving the next one', async () => {
    const input = new PassThrough();
    const written: string[] = [];
    let calls = 0;
    const engine = {
      handle: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return { ok: true, snapshot: { tray: { status: 'ok' } } };
      },
      settled: async () => undefined,
    } as unknown as Engine;
    const ended = new Promise<void>((resolve) => serveControl({ engine, input, write: (l) => void written.push(l), onEnd: resolve }));
    input.write('{"id":"1","channel":"checkNow","args":[]}\n');
    input.write('{"id":"2","channel":"checkNow","args":[]}\n');
    input.end();
    await ended;
    expect(written.map((l) => JSON.parse(l) as { id: string; ok: boolean })).toEqual([
      { id: '1', ok: false, error: { code: 'not-running', message: 'the request failed', detail: 'boom' } },
      { id: '2', ok: true, status: 'ok' },
    ]);
  });
});

describe('nothing runs after stop()', () => {
  it('an upload failure and a wake-up queued behind stop() arm no timer and make no request', async () => {
    const time = manualTime(NOW);
    let gate: Promise<void> = Promise.resolve();
    let releaseGate = (): void => undefined;
    let answerFlush = (_: UploadOutcome): void => undefined;
    let flushes = 0;
    let checkIns = 0;
    const store = memoryStore();
    const engine = engineWith({
      time, store, checkInEveryMs: 1000,
      signals: {
        zone: () => 'UTC', locale: () => 'en-US', restartPending: async () => false, lastBoot: () => 0, on: () => () => undefined,
        busy: async () => { await gate; return {}; },
      },
      pieces: {
        trust: validTrust,
        outbox: storeOutbox(store),
        uploader: {
          // The first upload waits for the test; the next ones fail at once (events still waiting).
          flush: () => {
            flushes += 1;
            return flushes === 1 ? new Promise<UploadOutcome>((resolve) => { answerFlush = resolve; }) : Promise.resolve({ remaining: 1 });
          },
        },
        enroller: { ensure: async () => ({ ok: true }), checkIn: async () => { checkIns += 1; } },
      },
    });
    await engine.start();
    expect(checkIns).toBe(1);
    // A re-plan is under way (waiting for the busy check) when stop() is asked for: stop waits behind it.
    gate = new Promise<void>((resolve) => { releaseGate = resolve; });
    const replanning = engine.replan('test');
    await Promise.resolve();
    const stopped = engine.stop();
    // Meanwhile the upload fails (events still waiting) and the check-in falls due: both queue behind stop().
    answerFlush({ remaining: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    const uploadsBefore = flushes;
    time.advance(1000);
    releaseGate();
    await replanning;
    await stopped;
    await engine.settled();
    expect(time.pending()).toBe(0);
    expect(checkIns).toBe(1);
    expect(flushes).toBe(uploadsBefore);
  });
});

describe('the SSE client honours `retry:` only up to its backoff cap', () => {
  it('retry: 9999999999 waits the cap, never a delay Node would clamp to 1 ms', async () => {
    const time = manualTime(NOW);
    const delays: number[] = [];
    const timers = {
      setTimeout: (callback: () => void, ms: number) => { delays.push(ms); return time.timers.setTimeout(callback, ms); },
      clearTimeout: time.timers.clearTimeout,
    };
    const stream = new ScheduleStream({
      serverUrl: 'http://127.0.0.1:1', fleet: 'acme-laptops', clock: time.clock, timers, random: () => 0.5, logger: quiet,
      credential: () => 'secret', currentVersion: () => 1, onNewer: () => undefined,
      http: async () => new Response('retry: 9999999999\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    });
    let down!: () => void;
    const wentDown = new Promise<void>((resolve) => { down = resolve; });
    (stream as unknown as { options: { onStatus: (s: string) => void } }).options.onStatus = (s) => { if (s === 'down') down(); };
    stream.start();
    await wentDown;
    stream.stop();
    const reconnect = delays.at(-1)!;
    expect(reconnect).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(reconnect).toBeGreaterThan(1000);
  });
});
