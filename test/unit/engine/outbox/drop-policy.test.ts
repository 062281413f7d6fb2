// The outbox's bound as a property: whatever events come, in any order and any limit, no never-drop event is
// lost, the dropped count is exact, the bound holds whenever something droppable is left, and order is kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type ForewarnEvent } from '../../../../core/events/index.js';
import { enforceBound, isDroppable } from '../../../../main/engine/outbox/drop-policy.js';

const NEVER_DROP = ['acknowledged', 'deferred', 'restart-started', 'completed', 'failed', 'feedback', 'events-dropped'];

let seq = 0;
function event(type: string, reason = 'expired'): ForewarnEvent {
  seq += 1;
  const id = `00000000-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`;
  return { id, type, at: '2026-11-23T10:00:00Z', ...(type === 'schedule-rejected' ? { reason, detail: 'd' } : {}) } as ForewarnEvent;
}

describe('outbox drop policy', () => {
  it('classes exactly delivered, notified, schedule-rejected and store-recovered as droppable', () => {
    expect(EVENT_TYPES.filter(isDroppable)).toEqual(['delivered', 'notified', 'schedule-rejected', 'store-recovered']);
    for (const t of NEVER_DROP) expect(isDroppable(t)).toBe(false);
    expect(isDroppable('a-future-type')).toBe(false);
  });

  it('never loses a never-drop event, counts every drop, keeps order and holds the bound when it can', () => {
    const arbType = fc.constantFrom(...EVENT_TYPES);
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.array(fc.tuple(arbType, fc.constantFrom('expired', 'bad-signature')), { maxLength: 200 }),
      (limit, adds) => {
        let events: ForewarnEvent[] = [];
        let dropped = 0;
        const added: ForewarnEvent[] = [];
        for (const [type, reason] of adds) {
          const e = event(type, reason);
          added.push(e);
          ({ events, dropped } = enforceBound([...events, e], dropped, limit));
          // Exact count: everything added is either kept or counted.
          expect(events.length + dropped).toBe(added.length);
          // The bound holds unless only never-drop events are left.
          if (events.length > limit) expect(events.every((k) => !isDroppable(k.type))).toBe(true);
        }
        const kept = new Set(events.map((e) => e.id));
        for (const e of added) if (!isDroppable(e.type)) expect(kept.has(e.id)).toBe(true);
        // Oldest first, as added.
        const order = added.filter((e) => kept.has(e.id)).map((e) => e.id);
        expect(events.map((e) => e.id)).toEqual(order);
      },
    ), { numRuns: 300 });
  });

  it('drops the oldest low-value event first, repeated rejections before distinct ones, store-recovered last', () => {
    const ack = event('acknowledged');
    const rejA1 = event('schedule-rejected', 'expired');
    const recovered = event('store-recovered');
    const rejB = event('schedule-rejected', 'bad-signature');
    const n1 = event('notified');
    const rejA2 = event('schedule-rejected', 'expired');
    const n2 = event('delivered');
    const all = [ack, rejA1, recovered, rejB, n1, rejA2, n2];
    const ids = (r: { events: ForewarnEvent[] }) => r.events.map((e) => e.id);
    // Over by 1: the oldest tier-0 event is the repeated rejection rejA1 (older than n1).
    expect(ids(enforceBound(all, 0, 6))).toEqual([ack, recovered, rejB, n1, rejA2, n2].map((e) => e.id));
    // Over by 3: rejA1, n1, n2 (all tier 0), keeping rejA2 (the newest of its kind), rejB and recovered.
    expect(ids(enforceBound(all, 5, 4))).toEqual([ack, recovered, rejB, rejA2].map((e) => e.id));
    expect(enforceBound(all, 5, 4).dropped).toBe(8);
    // Over by 5: then tier 1 by age: store-recovered and rejB go, the newest rejection stays.
    expect(ids(enforceBound(all, 0, 2))).toEqual([ack, rejA2].map((e) => e.id));
    // Full of never-drop events: it grows past the bound rather than lose one.
    const people = [event('acknowledged'), event('deferred'), event('feedback')];
    expect(enforceBound(people, 0, 1)).toEqual({ events: people, dropped: 0 });
  });
});
