/**
 * Every threshold of the restart and notice policy, named, with its default: the one place that decides a
 * number. Durations are whole seconds, like the schedule's. `PolicySettings` overrides any of them (tests,
 * `forewarn preview`, and later the schedule itself: see docs/policy.md, "What the schedule should gain").
 *
 * The re-show cadences and phase windows are Nudge's defaults (`initialRefreshCycle`, `approachingWindowTime`,
 * `approachingRefreshCycle`, `imminentWindowTime`, `imminentRefreshCycle`, `elapsedRefreshCycle`).
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PolicyDefaults {
  /** Time left to the effective deadline at or under which the "approaching" phase starts (Nudge: 72 h). */
  approachingWindow: number;
  /** Time left at or under which the "imminent" phase starts (Nudge: 24 h). */
  imminentWindow: number;
  /** How often the restart prompt comes back in the "initial" phase, more than approachingWindow left. */
  initialCadence: number;
  /** How often the prompt comes back in the "approaching" phase. */
  approachingCadence: number;
  /** How often the prompt comes back in the "imminent" phase (and, from the start, for critical patches). */
  imminentCadence: number;
  /** How often the prompt comes back once the effective deadline has passed and the restart has not happened. */
  overdueCadence: number;
  /** A deferral this long or longer is "long": not offered once imminentWindow or less is left. */
  longDeferral: number;
  /** The "last hour": from this much time left, only short deferrals are offered. */
  finalHour: number;
  /** The longest deferral offered in the last hour (finalHour). */
  finalHourLongestDeferral: number;
  /** A picked restart time is at least this far ahead, so there is time to save work. */
  pickMinLead: number;
  /** Forced-restart warnings, in seconds before the forced restart; each shown once. Never held. */
  forcedWarnings: readonly number[];
  /** The shortest final countdown, whatever the schedule says: a person needs time to save work. */
  minFinalCountdown: number;
  /** Within this much time of the effective deadline, busy signals hold nothing back. */
  busyHoldLimit: number;
  /** A busy signal holds a notice or prompt at most this long after it came due (a stuck "do not disturb"). */
  busyHoldMax: number;
  /** For critical maintenances (critical-patch or severity critical), a busy signal holds at most this long. */
  criticalBusyHold: number;
  /** While something is held because the person is busy, check again this often. */
  busyRecheck: number;
  /**
   * Quiet hours start, wall clock in the computer's zone ("HH:MM"). Equal start and end: no quiet hours. They hold
   * advance notices and the restart prompt of non-critical maintenances (never within busyHoldLimit of the
   * effective deadline; never the forced-restart warnings or the final countdown).
   */
  quietHoursStart: string;
  /** Quiet hours end, wall clock in the computer's zone ("HH:MM"); may be on the next day. */
  quietHoursEnd: string;
  /**
   * Active hours start, wall clock in the computer's zone ("HH:MM"): when people normally use their computer
   * (Windows Update's active hours). A non-critical restart that becomes pending outside active hours counts its
   * grace period from the next start of active hours. Equal start and end: no active hours. Every day alike.
   */
  activeHoursStart: string;
  /** Active hours end, wall clock in the computer's zone ("HH:MM"); may be on the next day. */
  activeHoursEnd: string;
  /** An unacknowledged incident notice comes back this often while its window lasts. */
  incidentReminderEvery: number;
  /** The tray shows "upcoming" when a window starts within this time (or is under way). */
  upcomingHorizon: number;
  /** plan() never sleeps longer than this, so an expiry, a zone or a day change is looked at again. */
  maxSleep: number;
  /**
   * A notice that came due while Forewarn was not running (computer asleep or off) and is more than this
   * late counts as missed: it is not shown as it was written; one catch-up notice with the current facts is.
   */
  catchUpAfter: number;
  /** How long after a maintenance is done the "all done" notice is still worth showing. */
  allDoneFor: number;
}

/** The defaults. Change a policy number here and nowhere else; docs/policy.md lists them (a test checks). */
export const POLICY_DEFAULTS: Readonly<PolicyDefaults> = Object.freeze({
  approachingWindow: 72 * HOUR,
  imminentWindow: 24 * HOUR,
  initialCadence: 5 * HOUR,
  approachingCadence: 100 * MINUTE,
  imminentCadence: 10 * MINUTE,
  overdueCadence: 5 * MINUTE,
  longDeferral: DAY,
  finalHour: HOUR,
  finalHourLongestDeferral: 15 * MINUTE,
  pickMinLead: 5 * MINUTE,
  forcedWarnings: Object.freeze([60 * MINUTE, 30 * MINUTE, 10 * MINUTE, 5 * MINUTE]),
  minFinalCountdown: MINUTE,
  busyHoldLimit: HOUR,
  busyHoldMax: 4 * HOUR,
  criticalBusyHold: 15 * MINUTE,
  busyRecheck: 5 * MINUTE,
  quietHoursStart: '22:00',
  quietHoursEnd: '07:00',
  activeHoursStart: '08:00',
  activeHoursEnd: '18:00',
  incidentReminderEvery: DAY,
  upcomingHorizon: 7 * DAY,
  maxSleep: 6 * HOUR,
  catchUpAfter: 10 * MINUTE,
  allDoneFor: DAY,
});

/** Overrides of any of the defaults. */
export type PolicySettings = Partial<PolicyDefaults>;
