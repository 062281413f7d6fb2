// The conf adapter on real files in a temp folder: creation, durability, migration at open, recovery from a
// corrupt file, and the refusal of a newer agent's file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateEvent } from '../../../../core/events/index.js';
import { openConfStore, type OpenConfStoreOptions } from '../../../../main/engine/state/conf-store.js';
import { DEVICE_ID_PATTERN } from '../../../../main/engine/state/schema.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const clock = { now: () => NOW };
let dir: string;
const main = () => join(dir, 'state.json');
const backup = () => join(dir, 'state.bak.json');
const open = (extra: Partial<OpenConfStoreOptions> = {}) => openConfStore({ cwd: dir, clock, ...extra });
const opened = (extra: Partial<OpenConfStoreOptions> = {}) => {
  const r = open(extra);
  if (!r.ok) throw new Error(r.refusal.message);
  return r;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store opened once and changed once: state.json and state.bak.json both hold the acknowledgement. */
function seeded() {
  const { store } = opened();
  store.set('agent', { maintenances: { m1: { noticesShown: ['m1:advance'], deferrals: { count: 0 }, acknowledgedAt: NOW } } });
  return store.snapshot();
}

describe('conf state store', () => {
  it('creates a fresh state with an enrollable device id, a 0600 file and an identical backup', () => {
    const r = opened();
    expect(r.firstRun).toBe(true);
    expect(r.recovered).toBeUndefined();
    const state = r.store.snapshot();
    expect(state.device.id).toMatch(/^fw-[a-z2-7]{26}$/);
    expect(state.device.id).toMatch(DEVICE_ID_PATTERN);
    expect(state).toMatchObject({ schemaVersion: 1, trust: { rootChain: [] }, agent: { maintenances: {} }, outbox: { events: [], dropped: 0 } });
    expect(JSON.parse(readFileSync(main(), 'utf8'))).toEqual(state);
    expect(readFileSync(backup(), 'utf8')).toBe(readFileSync(main(), 'utf8'));
    if (process.platform !== 'win32') expect(statSync(main()).mode & 0o777).toBe(0o600);
    // Two installations never share an id.
    const other = mkdtempSync(join(tmpdir(), 'fw-store-'));
    try {
      const second = openConfStore({ cwd: other, clock });
      expect(second.ok && second.store.get('device')!.id).not.toBe(state.device.id);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('makes set durable on return: a new file (renamed into place, not rewritten in place) and the backup follow', () => {
    const { store } = opened();
    const inodeBefore = statSync(main()).ino;
    store.set('trust', { rootChain: [], etag: '"v7"' });
    // Read back from disk by a second, independent open: what set wrote is there.
    expect(JSON.parse(readFileSync(main(), 'utf8')).trust.etag).toBe('"v7"');
    expect(JSON.parse(readFileSync(backup(), 'utf8')).trust.etag).toBe('"v7"');
    // conf/atomically wrote a temp file and renamed it: state.json is a new inode.
    expect(statSync(main()).ino).not.toBe(inodeBefore);
    // No temp file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['state.bak.json', 'state.json']);
    const again = opened();
    expect(again.firstRun).toBe(false);
    expect(again.store.get('trust')!.etag).toBe('"v7"');
    expect(again.store.get('device')).toEqual(store.get('device'));
  });

  it('removes temp files a killed writer left behind', () => {
    opened();
    writeFileSync(join(dir, 'state.json.tmp-17000000001234ab'), '{"half":');
    writeFileSync(join(dir, 'state.bak.json.tmp-123-abcdef'), '');
    opened();
    expect(readdirSync(dir).sort()).toEqual(['state.bak.json', 'state.json']);
  });

  it('migrates a version-0 file once at open, writing the new shape and its backup', () => {
    writeFileSync(main(), JSON.stringify({ deviceId: 'laptop-0001', outbox: [], droppedEvents: 2, agent: { maintenances: {} } }));
    const r = opened();
    expect(r.migratedFrom).toBe(0);
    expect(r.store.snapshot()).toMatchObject({ schemaVersion: 1, device: { id: 'laptop-0001' }, outbox: { events: [], dropped: 2 } });
    const onDisk = JSON.parse(readFileSync(main(), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(readFileSync(backup(), 'utf8')).toBe(readFileSync(main(), 'utf8'));
    expect(opened().migratedFrom).toBeUndefined();
  });

  const corruptions: Array<[string, (good: string) => string, RegExp]> = [
    ['truncated mid-JSON', (good) => good.slice(0, Math.floor(good.length / 2)), /state\.json: not valid JSON/],
    ['garbage', () => '\u0000\u0017garbage\u00ff not json', /state\.json: not valid JSON/],
    ['empty', () => '', /state\.json: the file is empty/],
    ['schema-invalid', (good) => JSON.stringify({ ...JSON.parse(good), outbox: { events: [{ id: 'nope', type: 'acknowledged', at: 'x' }], dropped: 0 } }),
      /state\.json: outbox\.events\.0\.id: must be a UUIDv7/],
  ];

  for (const [name, corrupt, reason] of corruptions) {
    it(`recovers from the backup when state.json is ${name}, keeps the corrupt file and reports it`, () => {
      const before = seeded();
      const good = readFileSync(main(), 'utf8');
      const bad = corrupt(good);
      writeFileSync(main(), bad);
      const r = opened();
      expect(r.recovered).toMatchObject({ source: 'backup', reason: expect.stringMatching(reason) });
      const state = r.store.snapshot();
      // Everything the backup held is back: the device and the acknowledgement.
      expect(state.device).toEqual(before.device);
      expect(state.agent).toEqual(before.agent);
      // One store-recovered event, valid per core/events, in the persisted outbox.
      const events = state.outbox.events;
      expect(events.map((e) => e.type)).toEqual(['store-recovered']);
      expect(validateEvent(events[0]).ok).toBe(true);
      expect(events[0]).toMatchObject({ source: 'backup', at: '2026-11-23T10:00:00.000Z' });
      expect(JSON.parse(readFileSync(main(), 'utf8')).outbox.events).toEqual(events);
      // The corrupt file is moved aside with a timestamp, byte for byte.
      const aside = readdirSync(dir).filter((n) => n.includes('.corrupt-'));
      expect(aside).toEqual(['state.corrupt-20261123T100000000Z.json']);
      expect(r.recovered!.movedAside).toEqual(aside);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(bad);
      // Opening again is clean: nothing more to recover, the event is not added twice.
      const again = opened();
      expect(again.recovered).toBeUndefined();
      expect(again.store.get('outbox')!.events).toHaveLength(1);
    });
  }

  it('starts fresh, still reporting it, when the backup is corrupt too', () => {
    const before = seeded();
    writeFileSync(main(), '{"schemaVersion":1,"dev');
    writeFileSync(backup(), 'not json either');
    const r = opened();
    expect(r.recovered).toMatchObject({ source: 'fresh', reason: expect.stringMatching(/state\.json: not valid JSON.*; state\.bak\.json: not valid JSON/) });
    const state = r.store.snapshot();
    expect(state.device.id).not.toBe(before.device.id);
    expect(state.agent).toEqual({ maintenances: {} });
    expect(state.outbox.events).toHaveLength(1);
    expect(state.outbox.events[0]).toMatchObject({ type: 'store-recovered', source: 'fresh' });
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-')).sort())
      .toEqual(['state.bak.corrupt-20261123T100000000Z.json', 'state.corrupt-20261123T100000000Z.json']);
  });

  it('recovers from the backup when state.json was deleted', () => {
    const before = seeded();
    rmSync(main());
    const r = opened();
    expect(r.recovered).toMatchObject({ source: 'backup', reason: 'state.json is missing', movedAside: [] });
    expect(r.store.get('agent')).toEqual(before.agent);
  });

  it('refuses a file from a newer agent with a clear error, touching no file', () => {
    seeded();
    const newer = JSON.stringify({ schemaVersion: 2, device: { id: 'laptop-0001' }, somethingNew: [1, 2, 3] });
    writeFileSync(main(), newer);
    const backupBefore = readFileSync(backup(), 'utf8');
    const mtime = statSync(main()).mtimeMs;
    const r = open();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ kind: 'newer-version', fileVersion: 2, supported: 1, path: main() });
    expect(r.refusal.message).toMatch(/schemaVersion 2, written by a newer Forewarn agent.*will not overwrite it/);
    expect(readFileSync(main(), 'utf8')).toBe(newer);
    expect(statSync(main()).mtimeMs).toBe(mtime);
    expect(readFileSync(backup(), 'utf8')).toBe(backupBefore);
    expect(readdirSync(dir).sort()).toEqual(['state.bak.json', 'state.json']);
  });

  it('refuses, rather than starting fresh, when state.json is corrupt and the backup is from a newer agent', () => {
    seeded();
    writeFileSync(main(), '{');
    writeFileSync(backup(), JSON.stringify({ schemaVersion: 3 }));
    const r = open();
    expect(r).toMatchObject({ ok: false, refusal: { fileVersion: 3, path: backup() } });
    expect(readFileSync(main(), 'utf8')).toBe('{');
  });
});
