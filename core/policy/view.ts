/**
 * One maintenance as plan() sees it on one computer at one moment: its times resolved in the computer's zone,
 * whether its restart is pending, done, and when it will be forced. Everything else in core/policy reads this.
 */
import type { Maintenance } from '../schedule/index.js';
import { activeHoursFrom } from './quiet-hours.js';
import type { Rules } from './settings.js';
import { resolvedTimes } from './resolve-cache.js';
import type { ResolvedTimes } from './times.js';
import type { DeviceContext, MaintenanceState, Stage } from './types.js';

/** A maintenance with no memory yet. */
export const EMPTY_STATE: Readonly<MaintenanceState> = Object.freeze({
  noticesShown: Object.freeze([]) as unknown as string[],
  deferrals: Object.freeze({ count: 0 }),
});

export interface RestartView {
  /** When the restart became pending: from the state, or `now` if it becomes pending at this plan. */
  pendingSince?: number;
  /** It became pending at this plan: the engine must remember pendingSince. */
  newlyPending: boolean;
  /** When the restart was done (completedAt, or the first boot after it became pending). */
  completedAt?: number;
  /** The deadline as the schedule wrote it, resolved in the computer's zone. */
  scheduleDeadline: number;
  /**
   * max(deadline, grace start + grace), once pending. The grace starts at pendingSince, or for a non-critical
   * maintenance that became pending outside active hours, at the next start of active hours.
   */
  effectiveDeadline?: number;
  /** When the restart will be forced: the effective deadline, or the picked time if earlier. */
  forcedAt?: number;
  /** The final countdown in ms, never under minFinalCountdown. */
  finalCountdown: number;
}

export interface MaintenanceView {
  m: Maintenance;
  id: string;
  times: ResolvedTimes;
  state: MaintenanceState;
  shown: { has(id: string): boolean };
  /** Out-of-band: kind critical-patch or severity critical. */
  critical: boolean;
  /** Present when the maintenance needs a restart. */
  restart?: RestartView;
  /** Incidents: when the incident notice is due (the window start, or the earliest offset before it). */
  incidentAt?: number;
  /** Pending and not done: the restart prompt, warnings and countdown apply. */
  restartOpen: boolean;
  stage: Stage;
}

/** Critical maintenances follow the stricter policy (shorter busy hold, no quiet hours, faster prompt). */
export function isCritical(m: Maintenance): boolean {
  return m.kind === 'critical-patch' || m.severity === 'critical';
}

export function viewOf(
  m: Maintenance, device: DeviceContext, state: MaintenanceState | undefined, now: number, rules: Rules,
): MaintenanceView {
  const times = resolvedTimes(m, device.zone);
  const s = state ?? EMPTY_STATE;
  const critical = isCritical(m);
  // A handful of ids per maintenance: a linear search beats building a Set at every plan.
  const shown = { has: (id: string) => s.noticesShown.includes(id) };
  const base = { m, id: m.id, times, state: s, shown, critical };
  if (m.kind === 'incident') {
    const firstOffset = m.notices.offsets[0] ?? 0;
    const incidentAt = times.start - firstOffset * 1000;
    return { ...base, incidentAt, restartOpen: false, stage: 'incident' };
  }
  if (!m.restart.required) {
    const stage: Stage = now >= times.end ? 'all-done' : now >= times.start ? 'in-progress' : 'upcoming';
    return { ...base, restartOpen: false, stage };
  }
  const restart = restartView(m, times, device, s, now, rules, critical);
  const open = restart.pendingSince !== undefined && restart.completedAt === undefined;
  const stage: Stage = restart.completedAt !== undefined ? 'all-done'
    : open ? 'restart-needed'
      : now >= times.start ? 'in-progress' : 'upcoming';
  return { ...base, restart, restartOpen: open, stage };
}

function restartView(
  m: Maintenance, times: ResolvedTimes, device: DeviceContext, s: MaintenanceState, now: number, rules: Rules,
  critical: boolean,
): RestartView {
  let pendingSince = s.pendingSince;
  let newlyPending = false;
  // Pending from the first plan in or after the window at which the OS says so, or the window is over.
  if (pendingSince === undefined && s.completedAt === undefined && now >= times.start
    && (device.restartPending || now >= times.end)) {
    pendingSince = now;
    newlyPending = true;
  }
  const completedAt = s.completedAt
    ?? (pendingSince !== undefined && device.lastBoot > pendingSince ? device.lastBoot : undefined);
  const finalCountdown = Math.max(m.restart.finalCountdown * 1000, rules.minFinalCountdown);
  const view: RestartView = { newlyPending, scheduleDeadline: times.deadline, finalCountdown };
  if (pendingSince !== undefined) view.pendingSince = pendingSince;
  if (completedAt !== undefined) view.completedAt = completedAt;
  if (pendingSince !== undefined && completedAt === undefined) {
    // The grace period starts when the restart becomes pending: someone back from holiday still gets it. Pending
    // outside active hours (a patch done at 02:00), it starts when people are back at their computers, so the
    // night does not eat it; not for a critical maintenance, whose grace counts from pendingSince.
    const graceFrom = critical ? pendingSince : activeHoursFrom(pendingSince, device.zone, rules.active);
    const effective = Math.max(times.deadline, graceFrom + m.restart.grace * 1000);
    view.effectiveDeadline = effective;
    // A picked time is a promise: the restart happens then, never later than the effective deadline.
    view.forcedAt = s.pickedRestartAt === undefined ? effective : Math.min(s.pickedRestartAt, effective);
  }
  return view;
}

/**
 * Wake-ups of a maintenance that cannot show or ask anything at `now`, or undefined when it can (then it needs
 * the full view). Nothing is due before its earliest notice and its upcoming horizon; nothing is live after its
 * window and its restart are over and allDoneFor has passed. Most of a year's schedule is one or the other, so
 * plan() skips them without building a view.
 */
export function dormantWakes(
  m: Maintenance, times: ResolvedTimes, state: MaintenanceState | undefined, device: DeviceContext, now: number, rules: Rules,
): number[] | undefined {
  const earliest = Math.min(times.start - (m.notices.offsets[0] ?? 0) * 1000, times.start);
  const horizon = times.start - rules.upcomingHorizon;
  if (state?.pendingSince === undefined && state?.completedAt === undefined && now < earliest && now < horizon) {
    return [earliest, horizon];
  }
  let over = times.end;
  if (m.restart.required) {
    const done = state?.completedAt ?? (state?.pendingSince !== undefined && device.lastBoot > state.pendingSince ? device.lastBoot : undefined);
    if (done === undefined) return undefined;
    over = Math.max(over, done);
  }
  return now >= over + rules.allDoneFor ? [] : undefined;
}
