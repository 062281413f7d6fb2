/**
 * Dates and times in a schedule. Two kinds, never mixed within one window:
 * - an instant: a date and time with an offset ("2026-12-08T22:00:00+01:00", "...Z"), the same moment
 *   everywhere; normalised to UTC ("2026-12-08T21:00:00Z").
 * - a local time: a date and time with no offset ("2026-12-08T22:00"), meaning that wall-clock time in each
 *   computer's own time zone; normalised with seconds ("2026-12-08T22:00:00").
 * Nothing here resolves time zones: that is the policy engine's job, with the computer's zone as input.
 */

const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2}))?';

/** An instant: seconds and a fraction optional, offset required (Z or ±hh:mm). */
export const INSTANT_PATTERN = `^${DATE}T${TIME}(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})$`;
/** A local wall-clock time: no offset, no fraction. */
export const LOCAL_PATTERN = `^${DATE}T${TIME}$`;

const INSTANT_RE = new RegExp(INSTANT_PATTERN);
const LOCAL_RE = new RegExp(LOCAL_PATTERN);

/** A date and time read from a schedule. */
export interface ScheduleTime {
  kind: 'instant' | 'local';
  /** Normalised text: UTC with "Z" for instants, "YYYY-MM-DDTHH:MM:SS" for local times. */
  text: string;
  /**
   * Milliseconds since 1970 UTC for instants. For local times, the wall-clock reading as if it were UTC: only
   * good for comparing and adding durations on the wall clock, never a real moment.
   */
  ms: number;
}

/** Why a text is not a schedule time: the wrong shape, or the right shape but no such date (Feb 30, 24:00). */
export type TimeProblem = 'format' | 'calendar';

const MIN_YEAR = 1970;

/** Days in each month of a common year; February gains a day in leap years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  // The proleptic Gregorian calendar, as Date.UTC counts it: no Date object for a table lookup.
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

const ZERO = 0x30;
const COLON = 0x3a;
const DOT = 0x2e;
const UPPER_Z = 0x5a;
const MINUS = 0x2d;

/** The number written by the two digits at `at` (the caller's pattern has checked they are digits). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - ZERO) * 10 + (text.charCodeAt(at + 1) - ZERO);
}

/**
 * Checks a text that matches INSTANT_RE or LOCAL_RE is a real calendar date and clock time and returns the wall
 * clock as UTC milliseconds. Both patterns fix where each field is: "YYYY-MM-DDTHH:MM" and, when `seconds`,
 * ":SS" after it; so the digits are read in place, with no match groups to allocate and convert.
 */
function wallClockMs(text: string, seconds: boolean): number | undefined {
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = seconds ? twoDigits(text, 17) : 0;
  // No hour 24 and no leap second 60: each has an unambiguous spelling the other way.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

const DAY_MS = 86_400_000;

/*
 * Civil dates and day numbers (days since 1970-01-01) in the proleptic Gregorian calendar, as Date.UTC counts
 * them, in whole-number arithmetic: eras of 400 years (146097 days), years counted from March 1 so the leap day
 * comes last. Exact for every year this module meets; no Date object, no clock.
 */

/** The day number of a civil date (year >= 1970 here, so none of Date.UTC's two-digit-year mapping). */
function daysFromCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Where the date and time end in a text that matches INSTANT_RE or LOCAL_RE: after the seconds, if any. */
function clockEnd(text: string): number {
  return text.charCodeAt(16) === COLON ? 19 : 16;
}

function pad(value: number, width = 2): string {
  // Two digits is every field but the year and the milliseconds.
  if (width === 2) return value < 10 ? `0${value}` : `${value}`;
  return String(value).padStart(width, '0');
}

/** Formats UTC milliseconds as "YYYY-MM-DDTHH:MM:SS" (plus ".mmm" when there are milliseconds). */
function formatWallClock(ms: number): string {
  // The civil date of the day number: the inverse of daysFromCivil.
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const base = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return millis === 0 ? base : `${base}.${pad(millis, 3)}`;
}

/** Reads an instant (with offset). */
export function parseInstant(text: string): ScheduleTime | TimeProblem {
  if (!INSTANT_RE.test(text)) return 'format';
  const end = clockEnd(text);
  const wallMs = wallClockMs(text, end === 19);
  if (wallMs === undefined) return 'calendar';
  // The offset is the last 1 ("Z") or 6 ("+01:00") characters; a fraction, if any, sits between.
  const utc = text.charCodeAt(text.length - 1) === UPPER_Z;
  const zoneStart = utc ? text.length - 1 : text.length - 6;
  if (utc && zoneStart === end) {
    // Already UTC, with no fraction: the common case, and the text is already normal but for left-out seconds.
    return { kind: 'instant', text: end === 19 ? text : `${text.slice(0, 16)}:00Z`, ms: wallMs };
  }
  // Sub-millisecond digits are dropped: a schedule never needs them, and JavaScript time cannot hold them.
  const millis = text.charCodeAt(end) === DOT ? Number(text.slice(end + 1, zoneStart).padEnd(3, '0').slice(0, 3)) : 0;
  let offsetMinutes = 0;
  if (!utc) {
    const hours = twoDigits(text, zoneStart + 1);
    const minutes = twoDigits(text, zoneStart + 4);
    if (hours > 23 || minutes > 59) return 'calendar';
    offsetMinutes = (text.charCodeAt(zoneStart) === MINUS ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = wallMs + millis - offsetMinutes * 60_000;
  return { kind: 'instant', text: `${formatWallClock(ms)}Z`, ms };
}

/** Reads a local wall-clock time (no offset). */
export function parseLocalTime(text: string): ScheduleTime | TimeProblem {
  if (!LOCAL_RE.test(text)) return 'format';
  const seconds = text.length === 19;
  const ms = wallClockMs(text, seconds);
  if (ms === undefined) return 'calendar';
  // The pattern fixes every field's width, so a real date and time is already written the normal way, but for
  // left-out seconds.
  return { kind: 'local', text: seconds ? text : `${text}:00`, ms };
}

/** Reads either kind: an offset makes it an instant, no offset a local time. */
export function parseScheduleTime(text: string): ScheduleTime | TimeProblem {
  const local = parseLocalTime(text);
  return local === 'format' ? parseInstant(text) : local;
}

/**
 * Adds seconds to a schedule time. For a local time this is wall-clock arithmetic ("2d" after 22:00 on the
 * 8th is 22:00 on the 10th on every computer's own clock), which is what IT means by it.
 */
export function addSeconds(time: ScheduleTime, seconds: number): ScheduleTime {
  const ms = time.ms + seconds * 1000;
  return { kind: time.kind, text: time.kind === 'instant' ? `${formatWallClock(ms)}Z` : formatWallClock(ms), ms };
}

/**
 * Milliseconds since 1970 UTC of a normalised instant from a validated schedule (`issued`, `expires`, an
 * instant window or deadline).
 * @throws RangeError when the text is not an instant: a local time needs a time zone first.
 */
export function instantToMs(text: string): number {
  const parsed = parseInstant(text);
  if (typeof parsed === 'string') throw new RangeError(`not an instant: ${text}`);
  return parsed.ms;
}
