/**
 * How close a pending restart is to its deadline, and how often the restart prompt comes back in each phase
 * (Nudge's phases and refresh cycles).
 */
import type { Rules } from './settings.js';
import type { Phase } from './types.js';

/**
 * The phase at `now`: overdue once the schedule's deadline has passed (the grace period may still run);
 * otherwise by the time left to the effective deadline.
 */
export function phaseAt(now: number, scheduleDeadline: number, effectiveDeadline: number, rules: Rules): Phase {
  if (now >= scheduleDeadline || now >= effectiveDeadline) return 'overdue';
  const left = effectiveDeadline - now;
  if (left <= rules.imminentWindow) return 'imminent';
  if (left <= rules.approachingWindow) return 'approaching';
  return 'initial';
}

/** How long after it was last shown the prompt comes back. Critical maintenances start at the imminent cadence. */
export function cadenceOf(phase: Phase, critical: boolean, rules: Rules): number {
  const cadence = phase === 'overdue' ? rules.overdueCadence
    : phase === 'imminent' ? rules.imminentCadence
      : phase === 'approaching' ? rules.approachingCadence
        : rules.initialCadence;
  return critical ? Math.min(cadence, rules.imminentCadence) : cadence;
}

/** The instants at which the phase of a pending restart changes (for wake-ups). */
export function phaseBoundaries(scheduleDeadline: number, effectiveDeadline: number, rules: Rules): number[] {
  return [
    effectiveDeadline - rules.approachingWindow, effectiveDeadline - rules.imminentWindow, scheduleDeadline,
    effectiveDeadline,
  ];
}
