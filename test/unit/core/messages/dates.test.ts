/** Dates, times, "in 3 days" and durations: in the reader's zone and language, with `now` passed in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelative, formatTime, type FormatContext } from '../../../../core/messages/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tuesday 8 December 2026, 21:00 UTC: 22:00 in Paris, 16:00 in New York. */
const T = Date.UTC(2026, 11, 8, 21, 0);
/** Some ICU versions put a narrow no-break space before AM/PM; compare on plain spaces. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

const ctx = (locale: string, zone: string, now = T - 3 * DAY): FormatContext => ({ locale, zone, now });

describe('formatDateTime', () => {
  it('shows the same instant in each reader’s zone', () => {
    expect(formatDateTime(T, ctx('en-GB', 'Europe/Paris'))).toBe('Tuesday 8 December at 22:00');
    expect(formatDateTime(T, ctx('en-GB', 'America/New_York'))).toBe('Tuesday 8 December at 16:00');
    expect(formatDateTime(T, ctx('en-GB', 'Asia/Tokyo'))).toBe('Wednesday 9 December at 6:00');
  });

  it('writes it the way the reader’s language does', () => {
    expect(formatDateTime(T, ctx('fr', 'Europe/Paris'))).toBe('mardi 8 décembre à 22:00');
    expect(formatDateTime(T, ctx('de', 'Europe/Berlin'))).toBe('Dienstag, 8. Dezember um 22:00');
    expect(plain(formatDateTime(T, ctx('en', 'America/New_York')))).toBe('Tuesday, December 8 at 4:00 PM');
    expect(formatDateTime(T, ctx('fr-CA', 'America/Toronto'))).toContain('16 h 00');
    expect(formatDateTime(T, ctx('ja', 'Asia/Tokyo'))).toContain('12月9日');
  });

  it('shows the year only when it is not this year where the reader is', () => {
    expect(formatDateTime(T, ctx('en-GB', 'Europe/Paris'))).not.toContain('2026');
    const newYearsEve = Date.UTC(2026, 11, 31, 12, 0);
    expect(formatDateTime(T + 30 * DAY, ctx('en-GB', 'Europe/Paris', newYearsEve))).toContain('2027');
    // 23:30 UTC on 31 December is already 2027 in Paris: a January date needs no year there, but does in London.
    const lateOnNewYearsEve = Date.UTC(2026, 11, 31, 23, 30);
    expect(formatDateTime(Date.UTC(2027, 0, 5, 12), ctx('en-GB', 'Europe/Paris', lateOnNewYearsEve))).not.toContain('2027');
    expect(formatDateTime(Date.UTC(2027, 0, 5, 12), ctx('en-GB', 'Europe/London', lateOnNewYearsEve))).toContain('2027');
  });

  it('rejects an unknown zone and a non-number, naming them', () => {
    expect(() => formatDateTime(T, ctx('en', 'Mars/Olympus'))).toThrow(/Mars\/Olympus/);
    expect(() => formatDateTime(Number.NaN, ctx('en', 'UTC'))).toThrow(/finite/);
  });
});

describe('formatTime', () => {
  it('gives the time of day in the zone and the language', () => {
    expect(formatTime(T, ctx('fr', 'Europe/Paris'))).toBe('22:00');
    expect(plain(formatTime(T, ctx('en', 'America/New_York')))).toBe('4:00 PM');
    expect(formatTime(T, ctx('en-GB', 'America/New_York'))).toBe('16:00');
  });
});

describe('formatRelative', () => {
  const at = (now: number, locale = 'en', zone = 'Europe/Paris'): string => formatRelative(T, ctx(locale, zone, now));

  it('chooses a unit people use', () => {
    expect(at(T)).toBe('now');
    expect(at(T - 50_000)).toBe('in 50 seconds');
    expect(at(T - 5 * MINUTE)).toBe('in 5 minutes');
    expect(at(T - 3 * HOUR)).toBe('in 3 hours');
    expect(at(T - 3 * DAY)).toBe('in 3 days');
    expect(at(T - 20 * DAY)).toBe('in 2 weeks');
    expect(at(T - 90 * DAY)).toBe('in 3 months');
    expect(at(T + 3 * DAY)).toBe('3 days ago');
    expect(at(T + 10 * MINUTE)).toBe('10 minutes ago');
  });

  it('says "tomorrow" and "yesterday" by the calendar in the reader’s zone', () => {
    // Monday 7 December, 09:00 in Paris, to Tuesday 22:00: 37 hours, one calendar day.
    expect(at(Date.UTC(2026, 11, 7, 8, 0))).toBe('tomorrow');
    // Sunday 6 December 23:00 in Paris to Tuesday 22:00: 47 hours, two calendar days.
    expect(at(Date.UTC(2026, 11, 6, 22, 0))).toBe('in 2 days');
    expect(formatRelative(T - DAY - HOUR, ctx('en', 'Europe/Paris', T))).toBe('yesterday');
    // The same instants, read in Tokyo (22:00 Paris is 06:00 Wednesday there): two calendar days.
    expect(at(Date.UTC(2026, 11, 7, 8, 0), 'en', 'Asia/Tokyo')).toBe('in 2 days');
  });

  it('rounds toward now: never more time left than there is', () => {
    expect(at(T - (2 * HOUR - MINUTE))).toBe('in 1 hour');
    expect(at(T - (MINUTE + 59_000))).toBe('in 1 minute');
  });

  it('a few seconds late does not lose an hour: 3 h 59 min 55 s is "in 4 hours" (1/120 of the unit of slack, no more)', () => {
    expect(at(T - (4 * HOUR - 5_000))).toBe('in 4 hours');
    expect(at(T - (4 * HOUR - 31_000))).toBe('in 3 hours');
    expect(at(T + (4 * HOUR - 5_000))).toBe('4 hours ago');
  });

  it('speaks the reader’s language', () => {
    expect(at(T - 3 * DAY, 'fr')).toBe('dans 3 jours');
    expect(at(Date.UTC(2026, 11, 7, 8, 0), 'de')).toBe('morgen');
    expect(at(T - 5 * MINUTE, 'pl')).toBe('za 5 minut');
    expect(at(T - 3 * HOUR, 'ja')).toBe('3 時間後');
  });

  it('always gives some text for any pair of moments within ten years', () => {
    const span = 10 * 365 * DAY;
    fc.assert(fc.property(fc.integer({ min: -span, max: span }), (offset) => {
      expect(formatRelative(T + offset, ctx('en', 'America/New_York', T)).length).toBeGreaterThan(0);
    }));
  });
});

describe('formatDuration', () => {
  it.each([
    [3600, 'en', '1 hour'],
    [4 * 3600, 'en', '4 hours'],
    [86_400, 'en', '1 day'],
    [5400, 'en', '1 hour 30 minutes'],
    [90, 'en', '1 minute 30 seconds'],
    [0, 'en', '0 seconds'],
    [5400, 'fr', '1 heure 30 minutes'],
    [4 * 3600, 'de', '4 Stunden'],
    [86_400 + 3600, 'es', '1 día 1 hora'],
    [5400, 'zh-CN', '1小时30分钟'],
  ])('%i s in %s is "%s"', (seconds, locale, text) => {
    expect(plain(formatDuration(seconds, { locale }))).toBe(text); // French puts a no-break space before the unit
  });

  it('rejects negative and non-finite lengths', () => {
    expect(() => formatDuration(-1, { locale: 'en' })).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY, { locale: 'en' })).toThrow(RangeError);
  });
});
