/** Defaults: what a schedule means when IT leaves a field out, and that every default comes from DEFAULTS. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULTS, MAINTENANCE_KINDS, parseDuration, validateSchedule, type Schedule,
} from '../../../../core/schedule/index.js';

const seconds = (text: string): number => {
  const value = parseDuration(text);
  if (value === undefined) throw new Error(`not a duration: ${text}`);
  return value;
};

const minimal = {
  format: 1,
  fleet: 'acme-laptops',
  version: 1,
  issued: '2026-11-20T09:00:00Z',
  expires: '2027-02-20T09:00:00Z',
};

function valid(value: unknown): Schedule {
  const result = validateSchedule(value);
  expect(result.ok ? [] : result.issues).toEqual([]);
  if (!result.ok) throw new Error('unreachable');
  return result.schedule;
}

const maintenance = (extra: Record<string, unknown> = {}) => ({
  id: 'dec-patch',
  kind: 'routine-patch',
  title: 'Monthly updates',
  window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' },
  ...extra,
});

describe('defaults', () => {
  it('fill an empty schedule with empty lists and sections', () => {
    expect(valid(minimal)).toEqual({
      ...minimal,
      policy: {},
      support: { contacts: [], faq: [] },
      links: [],
      settings: {},
      languages: [],
      maintenances: [],
    });
  });

  it('fill a minimal maintenance, every value from DEFAULTS', () => {
    const [m] = valid({ ...minimal, maintenances: [maintenance()] }).maintenances;
    expect(m).toEqual({
      id: 'dec-patch',
      kind: 'routine-patch',
      severity: DEFAULTS.severity['routine-patch'],
      title: 'Monthly updates',
      steps: [],
      audience: { all: true, groups: [], tags: [] },
      window: { type: 'local', start: '2026-12-08T22:00:00', end: '2026-12-09T02:00:00' },
      restart: {
        required: true,
        // window end + DEFAULTS.restart.deadlineAfterWindowEnd (2d), on the wall clock
        deadline: '2026-12-11T02:00:00',
        grace: seconds(DEFAULTS.restart.grace),
        deferrals: {
          max: DEFAULTS.restart.deferrals.max,
          options: DEFAULTS.restart.deferrals.options.map(seconds),
          latestPick: seconds(DEFAULTS.restart.deferrals.latestPick),
        },
        finalCountdown: seconds(DEFAULTS.restart.finalCountdown),
      },
      notices: { offsets: DEFAULTS.notices.offsets.map(seconds) },
      links: [],
      locales: {},
    });
  });

  it('are the documented values (a change here is a change of the format: update the docs)', () => {
    expect(DEFAULTS).toEqual({
      severity: { 'routine-patch': 'normal', 'critical-patch': 'critical', incident: 'high', outage: 'normal', information: 'normal' },
      audience: { all: true },
      restart: {
        required: { 'routine-patch': true, 'critical-patch': true, incident: false, outage: false, information: false },
        deadlineAfterWindowEnd: '2d',
        grace: '4h',
        deferrals: { max: 3, options: ['1h', '4h', '1d'], latestPick: '3d' },
        finalCountdown: '5m',
      },
      notices: { offsets: ['7d', '1d', '4h', '1h', '15m'] },
    });
    expect(Object.isFrozen(DEFAULTS.restart.deferrals.options)).toBe(true);
  });

  it.each(MAINTENANCE_KINDS)('give %s its severity and restart rule by kind', (kind) => {
    const [m] = valid({ ...minimal, maintenances: [maintenance({ kind })] }).maintenances;
    expect(m?.severity).toBe(DEFAULTS.severity[kind]);
    expect(m?.restart.required).toBe(DEFAULTS.restart.required[kind]);
  });

  it('keep what IT wrote over the defaults', () => {
    const [m] = valid({
      ...minimal,
      maintenances: [maintenance({
        severity: 'low',
        audience: { groups: ['finance'], tags: ['kiosk'] },
        restart: { required: false, grace: '1h', finalCountdown: '10m', deferrals: { max: 0, options: [], latestPick: '1h' } },
        notices: { offsets: ['1h'] },
      })],
    }).maintenances;
    expect(m?.severity).toBe('low');
    expect(m?.audience).toEqual({ all: false, groups: ['finance'], tags: ['kiosk'] });
    expect(m?.restart).toMatchObject({ required: false, grace: 3_600, finalCountdown: 600, deferrals: { max: 0, options: [], latestPick: 3_600 } });
    expect(m?.notices.offsets).toEqual([3_600]);
  });
});

describe('normalised output', () => {
  it('sorts notice offsets earliest first and drops repeats', () => {
    const [m] = valid({ ...minimal, maintenances: [maintenance({ notices: { offsets: ['1h', '7d', '60m', '1d', '15m'] } })] }).maintenances;
    expect(m?.notices.offsets).toEqual([604_800, 86_400, 3_600, 900]);
  });

  it('sorts deferral options shortest first and drops repeats', () => {
    const [m] = valid({ ...minimal, maintenances: [maintenance({ restart: { deferrals: { options: ['1d', '1h', '60m', '4h'] } } })] }).maintenances;
    expect(m?.restart.deferrals.options).toEqual([3_600, 14_400, 86_400]);
  });

  it('turns instants into UTC and keeps the window kind', () => {
    const schedule = valid({
      ...minimal,
      expires: '2027-02-20T10:00:00+01:00',
      maintenances: [maintenance({ window: { start: '2026-12-16T14:00:00+01:00', end: '2026-12-16T15:00Z' }, restart: { deadline: '1d2h' } })],
    });
    expect(schedule.expires).toBe('2027-02-20T09:00:00Z');
    expect(schedule.maintenances[0]?.window).toEqual({ type: 'instant', start: '2026-12-16T13:00:00Z', end: '2026-12-16T15:00:00Z' });
    expect(schedule.maintenances[0]?.restart.deadline).toBe('2026-12-17T17:00:00Z');
  });

  it('keeps an absolute deadline as written, normalised like the window', () => {
    const [m] = valid({ ...minimal, maintenances: [maintenance({ restart: { deadline: '2026-12-10T18:00' } })] }).maintenances;
    expect(m?.restart.deadline).toBe('2026-12-10T18:00:00');
  });

  it('allows a deadline inside the window (not before its start)', () => {
    const [m] = valid({ ...minimal, maintenances: [maintenance({ restart: { deadline: '2026-12-08T22:00' } })] }).maintenances;
    expect(m?.restart.deadline).toBe('2026-12-08T22:00:00');
  });
});

describe('validateSchedule', () => {
  it('returns the document exactly as given, with no defaults in it', () => {
    const input = { ...minimal, maintenances: [maintenance()] };
    const copy = structuredClone(input);
    const result = validateSchedule(input);
    expect(result.ok && result.document).toBe(input);
    expect(input).toEqual(copy);
  });

  it('reports paths and plain messages, without lines (there is no source text)', () => {
    expect(validateSchedule({ ...minimal, fleet: undefined, maintenances: [maintenance({ kind: 'reboot' })] })).toEqual({
      ok: false,
      issues: [
        { path: 'fleet', message: 'is required' },
        { path: 'maintenances[0].kind', message: 'must be one of routine-patch, critical-patch, incident, outage, information' },
      ],
    });
  });

  it.each([
    [null, 'must be a group of fields (name: value)'],
    [[], 'must be a group of fields (name: value)'],
    ['format: 1', 'must be a group of fields (name: value)'],
  ])('refuses %j as a whole', (value, message) => {
    expect(validateSchedule(value)).toEqual({ ok: false, issues: [{ path: '', message }] });
  });

  it('does not let a prototype key through', () => {
    const value = JSON.parse('{"format":1,"fleet":"acme","version":1,"issued":"2026-11-20T09:00:00Z","expires":"2027-02-20T09:00:00Z","__proto__":{"x":1}}') as unknown;
    expect(validateSchedule(value)).toEqual({ ok: false, issues: [{ path: '__proto__', message: 'unknown field' }] });
  });
});
