// A manual Clock and Timers for the engine's ports: time moves only when a test says so, so tests never depend
// on wall-clock speed. Two clocks are kept apart on purpose: `wall` is what Clock.now() returns (it jumps when
// the "user" sets the clock), `mono` drives the timers (it stands still while the "computer" sleeps).
import type { Clock, TimerHandle, Timers } from '../../main/engine/ports.js';

interface Pending { id: number; due: number; callback: () => void }

export interface ManualTime {
  clock: Clock;
  timers: Timers;
  /** Moves both clocks forward by `ms`, firing due timers in order (each sees its own due time as now). */
  advance(ms: number): void;
  /** Sets the wall clock only (a clock change): timers keep their monotonic due times. */
  jump(ms: number): void;
  /** The computer sleeps for `ms`: the wall clock moves, timers do not; they fire on the next advance. */
  sleep(ms: number): void;
  /** Timers waiting. */
  pending(): number;
  /** Every setTimeout call so far. */
  armed(): number;
  /** Wall-clock time of the next timer, if any. */
  nextDue(): number | undefined;
}

export function manualTime(start: number): ManualTime {
  let wall = start;
  let mono = 0;
  let next = 1;
  let armed = 0;
  const queue: Pending[] = [];
  const take = (): Pending | undefined => {
    queue.sort((a, b) => a.due - b.due || a.id - b.id);
    return queue.shift();
  };
  return {
    clock: { now: () => wall },
    timers: {
      setTimeout(callback: () => void, ms: number): TimerHandle {
        armed += 1;
        const id = next++;
        queue.push({ id, due: mono + Math.max(0, ms), callback });
        return id;
      },
      clearTimeout(handle: TimerHandle): void {
        const i = queue.findIndex((p) => p.id === handle);
        if (i >= 0) queue.splice(i, 1);
      },
    },
    advance(ms: number): void {
      const end = mono + ms;
      for (;;) {
        queue.sort((a, b) => a.due - b.due || a.id - b.id);
        const first = queue[0];
        if (first === undefined || first.due > end) break;
        take();
        wall += first.due - mono;
        mono = first.due;
        first.callback();
      }
      wall += end - mono;
      mono = end;
    },
    jump(ms: number): void {
      wall += ms;
    },
    sleep(ms: number): void {
      wall += ms;
    },
    pending: () => queue.length,
    armed: () => armed,
    nextDue(): number | undefined {
      if (queue.length === 0) return undefined;
      const due = Math.min(...queue.map((p) => p.due));
      return wall + (due - mono);
    },
  };
}
