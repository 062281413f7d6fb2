// The outbox over the real conf store in a temp folder: persisted before add returns, checked, bounded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7Generator } from '../../../../main/engine/ids.js';
import { Outbox } from '../../../../main/engine/outbox/outbox.js';
import { openConfStore, type StateStore } from '../../../../main/engine/state/conf-store.js';

let now = Date.parse('2026-11-23T10:00:00Z');
const clock = { now: () => now };
let dir: string;
let store: StateStore;

function openStore(): StateStore {
  const r = openConfStore({ cwd: dir, clock });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.store;
}
const onDisk = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
const outbox = (limit?: number) => new Outbox({ store, ids: uuidv7Generator(clock), clock, ...(limit ? { limit } : {}) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-outbox-'));
  store = openStore();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('outbox', () => {
  it('gives each event a UUIDv7 id and `at`, and has it on disk when add returns', () => {
    const box = outbox();
    const e = box.add({ type: 'restart-started', maintenance: '2026-12-patch', scheduleVersion: 3 });
    expect(e).toMatchObject({ type: 'restart-started', at: '2026-11-23T10:00:00.000Z', maintenance: '2026-12-patch' });
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    // The file on disk, read independently, already holds it.
    expect(onDisk().outbox.events).toEqual([e]);
    const d = box.add({ type: 'deferred', maintenance: '2026-12-patch', choice: '1h', until: '2026-11-23T11:00:00Z', at: '2026-11-23T10:00:01Z' });
    expect(d.at).toBe('2026-11-23T10:00:01Z');
    // A new process (a new store and outbox on the same folder) sees both, oldest first.
    store = openStore();
    expect(outbox().pending().map((x) => x.id)).toEqual([e.id, d.id]);
    expect(d.id > e.id).toBe(true);
  });

  it('refuses an invalid event by field path and persists nothing', () => {
    const box = outbox();
    expect(() => box.add({ type: 'deferred', choice: '1h', until: 'tomorrow' } as any)).toThrow(/a deferred event is invalid: until: must be an RFC 3339/);
    expect(() => box.add({ type: 'exploded' } as any)).toThrow(/type: must be one of/);
    expect(onDisk().outbox.events).toEqual([]);
  });

  it('removes answered events, pending(max) gives the oldest', () => {
    const box = outbox();
    const ids = Array.from({ length: 5 }, () => box.add({ type: 'notified', maintenance: 'm1' }).id);
    expect(box.pending(2).map((e) => e.id)).toEqual(ids.slice(0, 2));
    box.remove([ids[0]!, ids[3]!]);
    expect(onDisk().outbox.events.map((e: any) => e.id)).toEqual([ids[1], ids[2], ids[4]]);
    expect(box.size()).toBe(3);
  });

  it('drops the oldest low-value events when full, never an acknowledgement, and counts them on disk', () => {
    const box = outbox(3);
    const ack = box.add({ type: 'acknowledged', maintenance: 'm1' });
    const n1 = box.add({ type: 'notified', maintenance: 'm1' });
    const n2 = box.add({ type: 'delivered', maintenance: 'm1' });
    const def = box.add({ type: 'deferred', maintenance: 'm1', choice: '1h', until: '2026-11-23T11:00:00Z' });
    expect(box.pending().map((e) => e.id)).toEqual([ack.id, n2.id, def.id]);
    expect(box.dropped).toBe(1);
    const more = [box.add({ type: 'feedback', text: 'ok' }), box.add({ type: 'failed', reason: 'disk full' })];
    // Only never-drop events left: it grows past 3 rather than lose one.
    expect(box.pending().map((e) => e.id)).toEqual([ack.id, def.id, ...more.map((e) => e.id)]);
    expect(onDisk().outbox).toMatchObject({ dropped: 2 });
    expect(n1.id).not.toBe(n2.id);
  });

  it('keeps one dropped report (same id and count) until settled, then subtracts only its count', () => {
    const box = outbox(1);
    box.add({ type: 'acknowledged', maintenance: 'm1' });
    box.add({ type: 'notified' });
    box.add({ type: 'notified' });
    expect(box.dropped).toBe(2);
    const report = box.droppedReport()!;
    expect(report).toMatchObject({ type: 'events-dropped', count: 2 });
    expect(onDisk().outbox.droppedReport).toMatchObject({ id: report.id, count: 2 });
    box.add({ type: 'notified' }); // dropped while the report is in flight
    now += 60_000;
    store = openStore(); // a restart in between: the report is the same event
    const again = outbox(1);
    expect(again.droppedReport()).toEqual(report);
    again.settle({ remove: [], droppedReportSettled: true });
    expect(again.dropped).toBe(1);
    expect(onDisk().outbox.droppedReport).toBeUndefined();
    expect(again.droppedReport()).toMatchObject({ count: 1 });
  });
});
