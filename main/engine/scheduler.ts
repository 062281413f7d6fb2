/**
 * The engine's one timer (issue 5, "Scheduler"): armed for plan()'s next wake-up, re-armed on every re-plan, no
 * polling loop. Two things make a plain setTimeout wrong for this, and both are handled here:
 * - setTimeout holds at most 2^31-1 ms (~24.8 days); a longer delay fires at once in Node. Long waits are
 *   clamped and, on waking early, re-armed for the rest without bothering the engine.
 * - The wall clock can jump (the person or NTP sets it) and the computer can sleep, while a timer counts
 *   monotonic time (and on some platforms pauses during sleep). So on every wake the wall clock is compared with
 *   the time the timer was expected to fire: a difference beyond the tolerance means a clock change or a resume,
 *   and the engine is told at once so it re-plans against the new "now" (a deadline may have passed meanwhile).
 */
import type { Clock, Logger, TimerHandle, Timers } from './ports.js';

/** setTimeout's largest delay: 2^31-1 ms. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export type WakeReason =
  /** The wake-up time arrived. */
  | 'due'
  /** The wall clock differs from where the timer thought it would be: clock set, or resume from sleep. */
  | 'clock-jump';

export interface SchedulerOptions {
  clock: Clock;
  timers: Timers;
  logger?: Logger;
  /** Called when the wake-up is due or the clock jumped; the engine re-plans and calls arm() again. */
  onWake(reason: WakeReason, info: { now: number; expected: number }): void;
  /** The longest single timer (default MAX_TIMER_DELAY_MS; tests lower it to exercise clamping). */
  maxDelayMs?: number;
  /**
   * How far the wall clock may be from the expected firing time before it counts as a jump (default 2 min):
   * timers fire late under load by seconds, never minutes; a sleep or a clock change is usually more.
   */
  jumpToleranceMs?: number;
}

export interface Scheduler {
  /** Wake at `at` (epoch ms, wall clock); replaces any earlier arm. A time in the past wakes on the next tick. */
  arm(at: number): void;
  /** Cancels the timer (engine stop). */
  stop(): void;
  /** The wake-up armed, if any. */
  readonly armedFor: number | undefined;
  /** Timer firings so far, including clamped re-arms (the idle-cost benchmark counts them). */
  readonly firings: number;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, timers } = options;
  const maxDelay = Math.min(options.maxDelayMs ?? MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS);
  const tolerance = options.jumpToleranceMs ?? 120_000;
  let handle: TimerHandle | undefined;
  let target: number | undefined;
  let firings = 0;

  function clear(): void {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  }

  /** Sets the one timer for the next step towards `target`, from the wall-clock time `from`. */
  function schedule(from: number): void {
    clear();
    if (target === undefined) return;
    const delay = Math.max(0, Math.min(target - from, maxDelay));
    const expected = from + delay;
    handle = timers.setTimeout(() => fired(expected), delay);
  }

  function fired(expected: number): void {
    handle = undefined;
    firings += 1;
    const now = clock.now();
    const wanted = target;
    if (wanted === undefined) return;
    if (Math.abs(now - expected) > tolerance) {
      options.logger?.info('scheduler: the clock jumped or the computer slept; planning again', { expected, now });
      target = undefined;
      options.onWake('clock-jump', { now, expected });
      return;
    }
    if (now < wanted) {
      // A clamped long wait (or a timer that fired a little early): keep waiting without waking the engine.
      schedule(now);
      return;
    }
    target = undefined;
    options.onWake('due', { now, expected: wanted });
  }

  return {
    arm(at: number): void {
      if (!Number.isFinite(at)) throw new RangeError(`scheduler: wake-up time must be a finite epoch ms, not ${at}`);
      target = at;
      schedule(clock.now());
    },
    stop(): void {
      target = undefined;
      clear();
    },
    get armedFor() {
      return target;
    },
    get firings() {
      return firings;
    },
  };
}
