import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOffset, isValidZone, localToInstant, possibleInstants, wallClockAt, zoneOffset } from '../../../../core/time/zoned.js';

/** "2026-03-08T02:30" as wall milliseconds (the local reading as if it were UTC). */
const wall = (local: string): number => Date.parse(`${local}Z`);
const at = (local: string, zone: string): string => new Date(localToInstant(wall(local), zone)).toISOString();

describe('wall-clock times in IANA zones', () => {
  it('resolves ordinary times with the zone’s offset', () => {
    expect(at('2026-12-08T22:00', 'Europe/London')).toBe('2026-12-08T22:00:00.000Z');
    expect(at('2026-07-08T22:00', 'Europe/London')).toBe('2026-07-08T21:00:00.000Z');
    expect(at('2026-12-08T22:00', 'Asia/Kolkata')).toBe('2026-12-08T16:30:00.000Z');
    expect(at('2026-12-08T22:00', 'Pacific/Chatham')).toBe('2026-12-08T08:15:00.000Z'); // +13:45 in summer
    expect(at('2026-06-08T22:00', 'Pacific/Chatham')).toBe('2026-06-08T09:15:00.000Z'); // +12:45 in winter
  });

  it('moves a time in a spring-forward gap forward by the gap (happens once)', () => {
    expect(possibleInstants(wall('2026-03-08T02:30'), 'America/New_York')).toEqual([]);
    expect(at('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(at('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    // Lord Howe springs forward by 30 minutes, 02:00 -> 02:30.
    expect(at('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z'); // 02:45 +11:00
    // Chatham springs forward at 02:45 standard time, to 03:45.
    expect(at('2026-09-27T03:00', 'Pacific/Chatham')).toBe('2026-09-26T14:15:00.000Z'); // 04:00 +13:45
  });

  it('takes the earlier of two occurrences in a fall-back overlap (happens once)', () => {
    const both = possibleInstants(wall('2026-11-01T01:30'), 'America/New_York');
    expect(both.map((t) => new Date(t).toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(at('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    // Lord Howe falls back by 30 minutes, 02:00 -> 01:30: 01:45 happens at +11:00 and again at +10:30.
    expect(possibleInstants(wall('2026-04-05T01:45'), 'Australia/Lord_Howe')).toHaveLength(2);
    expect(at('2026-04-05T01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('round-trips every instant through its wall clock (property, five zones)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }), fc.constantFrom(...zones),
      (minute, zone) => {
        const instant = minute * 60_000;
        const local = wallClockAt(instant, zone);
        // The instant is one of the wall clock's possible instants, and resolution picks the earliest.
        const options = possibleInstants(local, zone);
        expect(options).toContain(instant);
        expect(localToInstant(local, zone)).toBe(options[0]);
      },
    ), { numRuns: 2000 });
  });

  it('knows which zones exist', () => {
    expect(isValidZone('Europe/Paris')).toBe(true);
    expect(isValidZone('Pacific/Chatham')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('formats offsets including 30- and 45-minute ones', () => {
    expect(formatOffset(zoneOffset(Date.UTC(2026, 11, 8), 'Asia/Kolkata'))).toBe('+05:30');
    expect(formatOffset(zoneOffset(Date.UTC(2026, 11, 8), 'Pacific/Chatham'))).toBe('+13:45');
    expect(formatOffset(zoneOffset(Date.UTC(2026, 11, 8), 'America/New_York'))).toBe('-05:00');
  });
});
