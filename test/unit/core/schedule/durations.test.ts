import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, formatDuration, parseDuration } from '../../../../core/schedule/index.js';

describe('parseDuration', () => {
  it.each([
    ['7d', 604_800],
    ['4h', 14_400],
    ['1h30m', 5_400],
    ['90s', 90],
    ['15m', 900],
    ['45m', 2_700],
    ['2d12h', 216_000],
    ['1d2h3m4s', 93_784],
    ['90m', 5_400],
    ['0s', 0],
    ['0d', 0],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    '', '4', 'h', '4 h', '4H', '1.5h', '-4h', '+4h', '30m1h', '1h1h', '1w', '4hours', ' 4h', '4h ', '1d 2h', '1s2m', 'P1D',
    '1234567890d',
  ])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('agrees with the JSON Schema pattern on what is a duration', () => {
    const pattern = new RegExp(DURATION_PATTERN, 'u');
    fc.assert(fc.property(fc.stringMatching(/^[0-9dhms]{0,8}$/), (text) => {
      expect(pattern.test(text)).toBe(parseDuration(text) !== undefined);
    }));
  });
});

describe('formatDuration', () => {
  it.each([
    [5_400, '1h30m'],
    [0, '0s'],
    [90, '1m30s'],
    [86_400, '1d'],
    [604_800, '7d'],
    [93_784, '1d2h3m4s'],
    [3_600 + 1, '1h1s'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('throws on %d', (seconds) => {
    expect(() => formatDuration(seconds)).toThrow(RangeError);
  });

  it('round-trips every whole number of seconds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 * 86_400 }), (seconds) => {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }));
  });

  it('writes every duration text back in one canonical form, with the same length of time', () => {
    const part = (unit: string) => fc.option(fc.integer({ min: 0, max: 99_999 }).map((n) => `${n}${unit}`), { nil: '' });
    const text = fc.tuple(part('d'), part('h'), part('m'), part('s')).map((parts) => parts.join('')).filter((t) => t !== '');
    fc.assert(fc.property(text, (written) => {
      const seconds = parseDuration(written);
      expect(seconds).toBeDefined();
      const canonical = formatDuration(seconds!);
      expect(parseDuration(canonical)).toBe(seconds);
      expect(formatDuration(parseDuration(canonical)!)).toBe(canonical);
    }));
  });
});
