import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../core/events/index.js';
import { newDeviceId, uuidv7Generator } from '../../../main/engine/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7Generator', () => {
  it('makes ids valid per core/events that sort in creation order, whatever the clock does', () => {
    // Each step: the clock moves forward, stands still, or steps back (NTP), by up to a second.
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 }), (steps) => {
      let now = Date.parse('2026-11-23T10:00:00Z');
      const ids = uuidv7Generator({ now: () => now });
      const made: string[] = [];
      for (const step of steps) {
        now += step;
        made.push(ids.next());
      }
      for (const id of made) {
        expect(id).toMatch(UUID_V7);
        expect(validateEvent({ id, type: 'notified', at: '2026-11-23T10:00:00Z' }).ok).toBe(true);
      }
      expect([...made].sort()).toEqual(made);
      expect(new Set(made).size).toBe(made.length);
    }));
  });

  it('puts the clock\'s milliseconds in the first 48 bits', () => {
    const now = Date.parse('2026-11-23T10:00:00.123Z');
    const id = uuidv7Generator({ now: () => now }).next();
    expect(msOf(id)).toBe(now);
  });

  it('stays increasing past the 12-bit counter within one millisecond, borrowing the next millisecond', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const ids = uuidv7Generator({ now: () => now });
    const made = Array.from({ length: 10_000 }, () => ids.next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    expect(msOf(made[0]!)).toBe(now);
    // 10,000 ids cannot fit in one millisecond's counter: later ones borrowed a few milliseconds, no more.
    expect(msOf(made.at(-1)!)).toBeGreaterThan(now);
    expect(msOf(made.at(-1)!)).toBeLessThan(now + 10);
  });

  it('uses the injected randomness (replayable) and refuses a clock outside 48 bits', () => {
    const fixed = (n: number) => new Uint8Array(n).fill(0xab);
    const a = uuidv7Generator({ now: () => 1 }, fixed).next();
    const b = uuidv7Generator({ now: () => 1 }, fixed).next();
    expect(a).toBe(b);
    expect(() => uuidv7Generator({ now: () => -5 }).next()).toThrow(/not a 48-bit millisecond time/);
    expect(() => uuidv7Generator({ now: () => Number.NaN }).next()).toThrow(/clock gave NaN/);
  });
});

describe('newDeviceId', () => {
  it('matches the server\'s DEVICE_ID pattern and does not repeat', () => {
    const made = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = newDeviceId(randomBytes);
      expect(id).toMatch(/^fw-[a-z2-7]{26}$/);
      expect(id).toMatch(/^[a-z0-9][a-z0-9._-]{0,127}$/);
      made.add(id);
    }
    expect(made.size).toBe(1000);
  });
});
