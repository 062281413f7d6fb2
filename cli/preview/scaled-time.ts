// Preview time: plan time runs from a chosen instant at N× real time, so IT can watch a week of notices in
// minutes. One clock and one set of timers share the same scale, so the engine's scheduler (which compares the
// clock with when its timer should have fired) sees a consistent world and never mistakes the speed-up for a
// clock jump.
import type { Clock, Timers } from '../../main/engine/ports.js';
import { UsageError } from '../errors.js';

export interface ScaledTime {
  /** Plan time: `at + (real elapsed × speed)`. */
  clock: Clock;
  /** Timers whose delays are plan milliseconds: they wait `delay / speed` real milliseconds. */
  timers: Timers;
  speed: number;
  /** The plan instant the preview started at. */
  at: number;
  /** Lets plan time run from `at` (until then it stands at `at`: setting up the server takes no plan time). */
  start(): void;
}

/** The largest speed accepted: one real second is then ten plan days; beyond it timers lose all meaning. */
export const MAX_SPEED = 864_000;

/**
 * Scaled time from `at` (epoch ms) at `speed` (> 0), reading real time from `realNow` (monotonic by default,
 * so a wall-clock change on the machine running the preview does not move plan time).
 */
export function scaledTime(at: number, speed: number, realNow: () => number = () => performance.now()): ScaledTime {
  if (!Number.isFinite(at)) throw new RangeError(`preview: the start instant must be a finite epoch ms, not ${at}`);
  if (!Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) throw new RangeError(`preview: speed must be more than 0 and at most ${MAX_SPEED}, not ${speed}`);
  let origin: number | undefined;
  return {
    at, speed,
    start: () => { origin ??= realNow(); },
    clock: { now: () => (origin === undefined ? at : Math.floor(at + (realNow() - origin) * speed)) },
    timers: {
      // Rounded up: a timer that fires a little late is re-armed by the scheduler; one that fires early would be too.
      setTimeout: (callback, ms) => setTimeout(callback, Math.ceil(Math.max(0, ms) / speed)),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  };
}

/** `--at`: an ISO date-time with Z or an offset (a local time would mean a different instant on each machine). */
export function parseAt(text: string): number {
  const at = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text) || !Number.isFinite(at)) {
    throw new UsageError(`--at must be an ISO date-time with Z or an offset, such as 2026-12-08T20:30:00Z, not "${text}"`);
  }
  return at;
}

/** `--speed`: how many times faster than real time plan time runs. */
export function parseSpeed(text: string): number {
  const speed = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(speed > 0) || speed > MAX_SPEED) {
    throw new UsageError(`--speed must be a number more than 0 and at most ${MAX_SPEED} (e.g. 60: an hour a minute), not "${text}"`);
  }
  return speed;
}
