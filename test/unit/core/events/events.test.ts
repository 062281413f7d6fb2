import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, validateEvent } from '../../../../core/events/index.js';
import { csvCell } from '../../../../server/compliance/model.js';

const id = '0193a0b0-1234-7abc-8def-0123456789ab';
const at = '2026-12-01T09:00:00+01:00';

describe('core/events', () => {
  it('accepts every event type with its fields, keeps extra fields and lowercases the id', () => {
    const fields: Record<string, Record<string, unknown>> = {
      deferred: { choice: '1h', until: '2026-12-01T10:00:00Z' }, failed: { reason: 'disk full' },
      feedback: { text: 'it restarted during a call', contact: 'me@acme.example' },
      'schedule-rejected': { reason: 'expired', detail: 'the schedule expired' }, 'events-dropped': { count: 3 },
    };
    for (const type of EVENT_TYPES) {
      const r = validateEvent({ id: id.toUpperCase(), type, at, maintenance: 'm1', scheduleVersion: 3, extra: true, ...fields[type] });
      expect(r.ok, type).toBe(true);
      if (r.ok) expect(r.event).toMatchObject({ id, type, extra: true });
    }
  });

  it('names the wrong field by path', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ id, type: 'exploded', at }, /^type: must be one of delivered/],
      [{ id, at }, /^type: /],
      [{ id: 'nope', type: 'notified', at }, /^id: must be a UUIDv7/],
      [{ id: '0193a0b0-1234-4abc-8def-0123456789ab', type: 'notified', at }, /^id: must be a UUIDv7/],
      [{ id, type: 'notified', at: '2026-12-01 09:00' }, /^at: must be an RFC 3339/],
      [{ id, type: 'deferred', at, choice: '1h' }, /^until: /],
      [{ id, type: 'deferred', at, choice: '1h', until: 'tomorrow' }, /^until: must be an RFC 3339/],
      [{ id, type: 'failed', at }, /^reason: /],
      [{ id, type: 'feedback', at, text: '' }, /^text: /],
      [{ id, type: 'schedule-rejected', at, reason: 'x' }, /^detail: /],
      [{ id, type: 'notified', at, maintenance: 'bad id' }, /^maintenance: must be a maintenance id/],
      [{ id, type: 'notified', at, scheduleVersion: 1.5 }, /^scheduleVersion: /],
    ];
    for (const [raw, reason] of cases) {
      const r = validateEvent(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
    expect(validateEvent('x')).toMatchObject({ ok: false });
  });
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and guards formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvCell(f)).toBe(`'${f}`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });
});
