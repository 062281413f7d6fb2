import { describe, expect, it } from 'vitest';
import { parseScheduleSource } from '../../../../core/schedule/index.js';

const yaml = (settings: string) => `format: 1
fleet: acme
version: 1
issued: 2026-11-20T09:00:00Z
expires: 2027-02-20T09:00:00Z
settings:
${settings}
`;

describe('settings: the policy numbers IT may change', () => {
  it('reads durations as seconds and times of day as written; what is left out stays out (the engine’s default applies)', () => {
    const r = parseScheduleSource(yaml('  imminentCadence: 15m\n  quietHoursStart: "21:30"\n  approachingWindow: 2d'));
    expect(r.ok && r.schedule.settings).toEqual({ imminentCadence: 900, quietHoursStart: '21:30', approachingWindow: 172_800 });
  });

  it('names the field, the problem and the line', () => {
    const r = parseScheduleSource(yaml('  quietHoursStart: "25:00"\n  overdueCadence: 2h\n  imminentWindow: 5d\n  approachingWindow: 2d\n  colour: red'));
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message} (line ${i.line})`)).toEqual([
      'settings.quietHoursStart: must be a time of day like "22:00" (line 7)',
      'settings.overdueCadence: must be at most 1h (line 8)',
      'settings.colour: unknown field (line 11)',
    ]);
    const order = parseScheduleSource(yaml('  imminentWindow: 5d\n  approachingWindow: 2d'));
    expect(order.ok ? [] : order.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['settings.imminentWindow: must not be longer than approachingWindow']);
  });
});
