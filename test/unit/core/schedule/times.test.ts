import { describe, expect, it } from 'vitest';
import {
  addSeconds, instantToMs, parseInstant, parseLocalTime, parseScheduleTime, type ScheduleTime,
} from '../../../../core/schedule/index.js';

const time = (value: ScheduleTime | string): ScheduleTime => {
  if (typeof value === 'string') throw new Error(`did not parse: ${value}`);
  return value;
};

describe('instants', () => {
  it.each([
    ['2026-12-08T22:00:00+01:00', '2026-12-08T21:00:00Z'],
    ['2026-12-08T21:00:00Z', '2026-12-08T21:00:00Z'],
    ['2026-12-08T21:00Z', '2026-12-08T21:00:00Z'],
    ['2026-12-08T01:30:00-05:30', '2026-12-08T07:00:00Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00Z'],
    ['2026-12-08T21:00:00.5Z', '2026-12-08T21:00:00.500Z'],
    ['2026-12-08T21:00:00.123456789Z', '2026-12-08T21:00:00.123Z'],
  ])('normalises %s to UTC %s', (text, utc) => {
    expect(time(parseInstant(text))).toEqual({ kind: 'instant', text: utc, ms: Date.parse(utc) });
  });

  it.each(['2026-12-08T22:00', '2026-12-08 22:00:00Z', '2026-12-08T22:00:00+0100', '2026-12-08', '26-12-08T22:00Z', '2026-12-08T22:00:00z'])(
    'needs the RFC 3339 shape with an offset: %s',
    (text) => expect(parseInstant(text)).toBe('format'),
  );

  it.each([
    '2026-02-29T10:00:00Z', '2026-02-30T10:00:00Z', '2026-13-01T10:00:00Z', '2026-00-10T10:00:00Z', '2026-04-31T10:00:00Z',
    '2026-12-08T24:00:00Z', '2026-12-08T23:60:00Z', '2026-12-08T23:59:60Z', '2026-12-08T10:00:00+24:00', '2026-12-08T10:00:00+01:60',
    '1969-12-31T23:59:59Z',
  ])('refuses a date or time that does not exist: %s', (text) => {
    expect(parseInstant(text)).toBe('calendar');
  });

  it('knows leap years', () => {
    expect(time(parseInstant('2028-02-29T10:00:00Z')).text).toBe('2028-02-29T10:00:00Z');
    expect(parseInstant('2100-02-29T10:00:00Z')).toBe('calendar');
    expect(time(parseInstant('2000-02-29T10:00:00Z')).text).toBe('2000-02-29T10:00:00Z');
  });

  it('gives milliseconds for validated instants and refuses local times', () => {
    expect(instantToMs('2026-12-08T21:00:00Z')).toBe(Date.UTC(2026, 11, 8, 21));
    expect(() => instantToMs('2026-12-08T21:00:00')).toThrow(RangeError);
  });
});

describe('local times', () => {
  it.each([
    ['2026-12-08T22:00', '2026-12-08T22:00:00'],
    ['2026-12-08T22:00:30', '2026-12-08T22:00:30'],
  ])('normalises %s to %s', (text, normal) => {
    expect(time(parseLocalTime(text))).toMatchObject({ kind: 'local', text: normal });
  });

  it('has no fraction and no offset', () => {
    expect(parseLocalTime('2026-12-08T22:00:00.5')).toBe('format');
    expect(parseLocalTime('2026-12-08T22:00Z')).toBe('format');
  });

  it('adds durations on the wall clock: "2d" after 22:00 is 22:00 two days later, whatever the zone does', () => {
    const start = time(parseLocalTime('2026-03-28T22:00'));
    expect(addSeconds(start, 2 * 86_400).text).toBe('2026-03-30T22:00:00');
    expect(addSeconds(start, 3 * 3_600).text).toBe('2026-03-29T01:00:00');
  });
});

describe('parseScheduleTime', () => {
  it('tells the two kinds apart by the offset', () => {
    expect(time(parseScheduleTime('2026-12-08T22:00')).kind).toBe('local');
    expect(time(parseScheduleTime('2026-12-08T22:00:00+01:00')).kind).toBe('instant');
    expect(parseScheduleTime('2026-02-30T22:00')).toBe('calendar');
    expect(parseScheduleTime('tomorrow')).toBe('format');
  });

  it('adds to instants in real time', () => {
    expect(addSeconds(time(parseScheduleTime('2026-12-08T23:00:00Z')), 3_600).text).toBe('2026-12-09T00:00:00Z');
  });
});
