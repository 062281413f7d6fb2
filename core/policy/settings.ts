/**
 * Settings as plan() uses them: the defaults with overrides applied, durations in milliseconds, quiet and
 * active hours as minutes of the day. A bad override is a programming error (settings come from code, not from
 * people), so it throws.
 */
import { POLICY_DEFAULTS, type PolicyDefaults, type PolicySettings } from './defaults.js';

const S = 1000;

/** The settings that are durations (whole seconds in PolicyDefaults): every one of them is a rule in ms. */
type DurationSetting = { [K in keyof PolicyDefaults]: PolicyDefaults[K] extends number ? K : never }[keyof PolicyDefaults];

/**
 * Derived from PolicyDefaults, so a new duration setting cannot be forgotten here: build() must then set it.
 * Durations in milliseconds; the rest re-shaped for plan().
 */
export type Rules = { [K in DurationSetting]: number } & {
  /** Milliseconds before the forced restart, longest first. */
  forcedWarnings: number[];
  /** Seconds, as in the notice ids. */
  forcedWarningSeconds: number[];
  /** Minutes after midnight; undefined when quiet hours are off (start === end). */
  quiet?: { start: number; end: number };
  /** Minutes after midnight; undefined when active hours are off (start === end). */
  active?: { start: number; end: number };
};

let defaultRules: Rules | undefined;

/** The rules for a set of overrides (the defaults' are built once; overrides each call, a few microseconds). */
export function rulesFor(settings?: PolicySettings): Rules {
  const overrides = settings === undefined ? {} : definedOnly(settings);
  if (Object.keys(overrides).length === 0) return (defaultRules ??= build(POLICY_DEFAULTS));
  return build({ ...POLICY_DEFAULTS, ...overrides });
}

/**
 * The rules for a schedule: the defaults, then the schedule's own `settings` (what IT chose for the fleet), then
 * `overrides` (tests, previews).
 */
export function rulesForSchedule(schedule: { settings?: PolicySettings }, overrides?: PolicySettings): Rules {
  if (overrides === undefined) return rulesFor(schedule.settings);
  if (schedule.settings === undefined) return rulesFor(overrides);
  return rulesFor({ ...definedOnly(schedule.settings), ...definedOnly(overrides) });
}

function definedOnly(settings: PolicySettings): PolicySettings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

function build(d: PolicyDefaults): Rules {
  const seconds = (name: DurationSetting, min = 0): number => {
    const value = d[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new RangeError(`policy setting ${name} must be a number of seconds >= ${min}, got ${String(value)}`);
    }
    return value * S;
  };
  const warnings = [...new Set(d.forcedWarnings)].sort((a, b) => b - a);
  for (const w of warnings) {
    if (!Number.isFinite(w) || w <= 0) throw new RangeError(`policy setting forcedWarnings must be positive seconds, got ${w}`);
  }
  const quietStart = minutesOfDay('quietHoursStart', d.quietHoursStart);
  const quietEnd = minutesOfDay('quietHoursEnd', d.quietHoursEnd);
  const activeStart = minutesOfDay('activeHoursStart', d.activeHoursStart);
  const activeEnd = minutesOfDay('activeHoursEnd', d.activeHoursEnd);
  return {
    approachingWindow: seconds('approachingWindow'),
    imminentWindow: seconds('imminentWindow'),
    initialCadence: seconds('initialCadence', 1),
    approachingCadence: seconds('approachingCadence', 1),
    imminentCadence: seconds('imminentCadence', 1),
    overdueCadence: seconds('overdueCadence', 1),
    longDeferral: seconds('longDeferral'),
    finalHour: seconds('finalHour'),
    finalHourLongestDeferral: seconds('finalHourLongestDeferral'),
    pickMinLead: seconds('pickMinLead'),
    forcedWarnings: warnings.map((w) => w * S),
    forcedWarningSeconds: warnings,
    minFinalCountdown: seconds('minFinalCountdown', 1),
    busyHoldLimit: seconds('busyHoldLimit'),
    busyHoldMax: seconds('busyHoldMax'),
    criticalBusyHold: seconds('criticalBusyHold'),
    busyRecheck: seconds('busyRecheck', 1),
    ...(quietStart === quietEnd ? {} : { quiet: { start: quietStart, end: quietEnd } }),
    ...(activeStart === activeEnd ? {} : { active: { start: activeStart, end: activeEnd } }),
    incidentReminderEvery: seconds('incidentReminderEvery', 60),
    upcomingHorizon: seconds('upcomingHorizon'),
    maxSleep: seconds('maxSleep', 1),
    catchUpAfter: seconds('catchUpAfter'),
    allDoneFor: seconds('allDoneFor'),
  };
}

function minutesOfDay(name: string, text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new RangeError(`policy setting ${name} must be "HH:MM" (00:00 to 23:59), got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
