/**
 * Busy signals (a meeting, a presentation, full screen, do-not-disturb) hold interruptions back, within limits:
 * never within busyHoldLimit of the effective deadline, at most criticalBusyHold for critical maintenances,
 * at most busyHoldMax otherwise (a do-not-disturb left on all week must not hide everything). Forced-restart
 * warnings and the final countdown are never held: callers do not ask.
 */
import type { Rules } from './settings.js';
import type { BusySignals } from './types.js';

/** Any busy signal at all. */
export function isBusy(busy: BusySignals): boolean {
  return busy.fullscreen === true || busy.presenting === true || busy.camera === true || busy.microphone === true
    || busy.screenSharing === true || busy.doNotDisturb === true;
}

export interface BusyInput {
  busy: boolean;
  /** When the held thing came due: the hold limits count from here. */
  dueAt: number;
  now: number;
  critical: boolean;
  /** The effective deadline of a pending restart, if any: nothing is held close to it. */
  effectiveDeadline?: number;
}

/**
 * When a held thing must be looked at again (it is held now), or undefined when it is not held: the earliest
 * of the next busy re-check, the end of the longest hold, and the start of the no-hold zone before the deadline.
 */
export function busyHoldRelease(input: BusyInput, rules: Rules): number | undefined {
  if (!input.busy) return undefined;
  const { now } = input;
  const noHoldFrom = input.effectiveDeadline === undefined ? Infinity : input.effectiveDeadline - rules.busyHoldLimit;
  const holdEnds = input.dueAt + (input.critical ? rules.criticalBusyHold : rules.busyHoldMax);
  const release = Math.min(noHoldFrom, holdEnds);
  if (now >= release) return undefined;
  return Math.min(release, now + rules.busyRecheck);
}
