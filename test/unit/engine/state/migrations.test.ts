import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../../../main/engine/state/migrations.js';
import { validateState } from '../../../../main/engine/state/schema.js';

const acknowledged = { id: '0193a0b0-1234-7abc-8def-0123456789ab', type: 'acknowledged', at: '2026-12-01T09:00:00Z', maintenance: 'm1' };

/** The pre-release agent's file (version 0): no schemaVersion, device fields at the top, the outbox an array. */
const v0 = {
  deviceId: 'laptop-0001', fleet: 'acme', enrolledAt: 1_700_000_000_000,
  trust: { etag: '"abc"' },
  agent: { maintenances: { m1: { noticesShown: ['m1:advance:86400'], deferrals: { count: 1, until: 1_700_000_360_000 }, acknowledgedAt: 1_700_000_000_500 } } },
  outbox: [acknowledged],
  droppedEvents: 4,
  futureField: { kept: true },
};

describe('state migrations', () => {
  it('form one chain from 0 to the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[0, 1]]);
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
  });

  it('migrate a version-0 file to a valid version 1, keeping every decision and unknown field', () => {
    const before = structuredClone(v0);
    const r = migrate(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ from: 0, applied: 1 });
    expect(r.state).toEqual({
      schemaVersion: 1,
      device: { id: 'laptop-0001', fleet: 'acme', enrolledAt: 1_700_000_000_000 },
      trust: { etag: '"abc"', rootChain: [] },
      agent: v0.agent,
      outbox: { events: [acknowledged], dropped: 4 },
      futureField: { kept: true },
    });
    expect(validateState(r.state).ok).toBe(true);
    // Pure: the input is untouched, and the output shares no objects with it.
    expect(v0).toEqual(before);
    (r.state['agent'] as any).maintenances.m1.deferrals.count = 9;
    expect(v0.agent.maintenances.m1.deferrals.count).toBe(1);
  });

  it('leave a current file as it is (no step applied)', () => {
    const v1 = migrate(v0);
    if (!v1.ok) throw new Error('setup');
    const again = migrate(v1.state);
    expect(again).toEqual({ ok: true, state: v1.state, from: 1, applied: 0 });
  });

  it('refuse a file from a newer agent, naming both versions', () => {
    const r = migrate({ schemaVersion: 2, device: { id: 'x' } });
    expect(r).toMatchObject({ ok: false, kind: 'newer', version: 2 });
    if (!r.ok) expect(r.message).toMatch(/schemaVersion 2.*newer.*up to 1/);
  });

  it('call a wrong schemaVersion or a non-object invalid, by field', () => {
    expect(migrate({ schemaVersion: 'one' })).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/^schemaVersion: /) });
    expect(migrate({ schemaVersion: -1 })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(migrate([1, 2])).toMatchObject({ ok: false, kind: 'invalid', message: 'state: must be a JSON object' });
    expect(migrate(null)).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('produce a state the validator rejects, by field path, when version 0 lacks the device id', () => {
    const { deviceId: _gone, ...noId } = v0;
    const r = migrate(noId);
    if (!r.ok) throw new Error('migration itself should not fail');
    const checked = validateState(r.state);
    expect(checked).toEqual({ ok: false, reason: expect.stringMatching(/^device\.id: /) });
  });
});
