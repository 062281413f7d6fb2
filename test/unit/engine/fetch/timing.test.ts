import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS, BACKOFF_CAP_MS, BACKOFF_FLOOR_MS, POLL_INTERVAL_MS, backoffDelay, parseRetryAfter, pollDelay, retryDelay, startDelay,
} from '../../../../main/engine/fetch/timing.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('poll timing', () => {
  it('polls every 30 min ±20%: the extremes of Random map to 24 and 36 minutes', () => {
    expect(pollDelay(() => 0)).toBe(24 * 60_000);
    expect(pollDelay(() => 0.5)).toBe(POLL_INTERVAL_MS);
    expect(pollDelay(() => 0.999999)).toBeLessThan(36 * 60_000);
    expect(pollDelay(() => 0.999999)).toBeGreaterThan(35.99 * 60_000);
  });

  it('waits a random share of interval × jitter before the first poll (0 to 6 minutes)', () => {
    expect(startDelay(() => 0)).toBe(0);
    expect(startDelay(() => 0.5)).toBe(3 * 60_000);
    expect(startDelay(() => 0.999999)).toBeLessThan(6 * 60_000);
  });
});

describe('backoff with full jitter', () => {
  it('draws from [0, base·2^attempt) capped at one hour, never below the floor', () => {
    // With Random at its top the sequence is the ceiling itself: 30 s, 60 s, 2 min, … then the 1 h cap.
    const top = () => 0.999999999;
    const ceilings = Array.from({ length: 10 }, (_, attempt) => backoffDelay(attempt, top));
    expect(ceilings.slice(0, 7)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000].map((c) => c - 1));
    expect(ceilings.slice(7)).toEqual([BACKOFF_CAP_MS - 1, BACKOFF_CAP_MS - 1, BACKOFF_CAP_MS - 1]);
    // Random 0: the floor, not a hot loop.
    expect(backoffDelay(5, () => 0)).toBe(BACKOFF_FLOOR_MS);
    // Half way: half the ceiling.
    expect(backoffDelay(2, () => 0.5)).toBe(2 * BACKOFF_BASE_MS);
    // Enormous attempt counts stay finite and capped.
    expect(backoffDelay(10_000, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('every draw over many attempts and random values stays inside [floor, cap)', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      for (const r of [0, 0.1, 0.37, 0.5, 0.9, 0.999]) {
        const d = backoffDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
        expect(d).toBeLessThan(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt) + BACKOFF_FLOOR_MS);
      }
    }
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter(new Date(NOW + 300_000).toUTCString(), NOW)).toBe(300_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 00:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 00:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read: absent, negative, fractional, garbage', () => {
    for (const bad of [null, undefined, '', '-5', '1.5', 'soon', '12abc']) expect(parseRetryAfter(bad, NOW)).toBeUndefined();
  });

  it('honours the server but caps a hostile value at the backoff cap', () => {
    expect(retryDelay(120_000, 0, () => 0.5)).toBe(120_000);
    expect(retryDelay(365 * 86_400_000, 0, () => 0.5)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(undefined, 1, () => 0.5)).toBe(BACKOFF_BASE_MS);
  });
});
