// The scheduler's one timer: clamping of long waits, re-arming, and clock jumps / sleep noticed on wake.
import { describe, expect, it } from 'vitest';
import { createScheduler, MAX_TIMER_DELAY_MS, type WakeReason } from '../../../main/engine/scheduler.js';
import { manualTime } from '../../support/manual-time.js';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function setup(maxDelayMs?: number) {
  const time = manualTime(T0);
  const wakes: Array<{ reason: WakeReason; now: number }> = [];
  const scheduler = createScheduler({
    clock: time.clock, timers: time.timers, ...(maxDelayMs ? { maxDelayMs } : {}),
    onWake: (reason, { now }) => wakes.push({ reason, now }),
  });
  return { time, wakes, scheduler };
}

describe('scheduler', () => {
  it('wakes once at the armed time and holds only one timer', () => {
    const { time, wakes, scheduler } = setup();
    scheduler.arm(T0 + HOUR);
    scheduler.arm(T0 + 2 * HOUR); // re-plan: replaces the first
    expect(time.pending()).toBe(1);
    time.advance(HOUR);
    expect(wakes).toEqual([]);
    time.advance(HOUR);
    expect(wakes).toEqual([{ reason: 'due', now: T0 + 2 * HOUR }]);
    expect(time.pending()).toBe(0);
  });

  it('clamps a wait longer than setTimeout allows and re-arms quietly until the time comes', () => {
    const { time, wakes, scheduler } = setup();
    scheduler.arm(T0 + 60 * DAY);
    expect(time.nextDue()).toBe(T0 + MAX_TIMER_DELAY_MS);
    time.advance(59 * DAY);
    expect(wakes).toEqual([]);
    expect(scheduler.firings).toBe(2); // 24.8 d, 49.7 d
    time.advance(DAY);
    expect(wakes).toEqual([{ reason: 'due', now: T0 + 60 * DAY }]);
  });

  it('tells the engine at once when the wall clock was set forward or back', () => {
    const { time, wakes, scheduler } = setup(HOUR);
    scheduler.arm(T0 + 10 * HOUR);
    time.jump(-3 * HOUR); // the person set the clock back
    time.advance(HOUR); // the clamped timer fires: the wall clock is 3 h from where it should be
    expect(wakes).toEqual([{ reason: 'clock-jump', now: T0 - 2 * HOUR }]);
  });

  it('notices a sleep: the timer fires late by the time slept', () => {
    const { time, wakes, scheduler } = setup();
    scheduler.arm(T0 + HOUR);
    time.advance(30 * 60_000);
    time.sleep(8 * HOUR);
    time.advance(30 * 60_000);
    expect(wakes).toEqual([{ reason: 'clock-jump', now: T0 + 9 * HOUR }]);
  });

  it('a past time wakes on the next tick; stop cancels; a non-finite time is refused', () => {
    const { time, wakes, scheduler } = setup();
    scheduler.arm(T0 - HOUR);
    time.advance(0);
    expect(wakes.map((w) => w.reason)).toEqual(['due']);
    scheduler.arm(T0 + HOUR);
    scheduler.stop();
    expect(time.pending()).toBe(0);
    expect(() => scheduler.arm(Number.NaN)).toThrow(/finite epoch ms/);
  });
});
