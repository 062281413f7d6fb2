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

/**
 * Checks the fields are a real calendar date and clock time and returns the wall clock as UTC milliseconds.
 * `match` is a match of INSTANT_RE or LOCAL_RE: groups 1 to 6 are year, month, day, hour, minute, second.
 */
function wallClockMs(match: RegExpExecArray): number | undefined {
  // The pattern allows only digits here, so Number reads every group exactly; the seconds may be left out.
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  // No hour 24 and no leap second 60: each has an unambiguous spelling the other way.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats UTC milliseconds as "YYYY-MM-DDTHH:MM:SS" (plus ".mmm" when there are milliseconds). */
function formatWallClock(ms: number): string {
  const date = new Date(ms);
  const base = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? base : `${base}.${pad(millis, 3)}`;
}

/**
 * The normalised wall-clock text of a valid match, without a round trip through Date: the pattern fixes the
 * width of every field, so a valid date and time is already written the way formatWallClock writes it, except
 * for seconds left out. `end` is where the date and time end in `text` (before any fraction or offset).
 */
function wallClockText(text: string, match: RegExpExecArray, end: number): string {
  const clock = end === text.length ? text : text.slice(0, end);
  return match[6] === undefined ? `${clock}:00` : clock;
}

/** Reads an instant (with offset). */
export function parseInstant(text: string): ScheduleTime | TimeProblem {
  const match = INSTANT_RE.exec(text);
  if (!match) return 'format';
  const wallMs = wallClockMs(match);
  if (wallMs === undefined) return 'calendar';
  const fraction = match[7];
  const zone = match[8] ?? 'Z';
  if (fraction === undefined && zone === 'Z') {
    // Already UTC, with no fraction: the common case, and the text only needs its seconds.
    return { kind: 'instant', text: `${wallClockText(text, match, text.length - 1)}Z`, ms: wallMs };
  }
  // Sub-millisecond digits are dropped: a schedule never needs them, and JavaScript time cannot hold them.
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return 'calendar';
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = wallMs + millis - offsetMinutes * 60_000;
  return { kind: 'instant', text: `${formatWallClock(ms)}Z`, ms };
}

/** Reads a local wall-clock time (no offset). */
export function parseLocalTime(text: string): ScheduleTime | TimeProblem {
  const match = LOCAL_RE.exec(text);
  if (!match) return 'format';
  const ms = wallClockMs(match);
  if (ms === undefined) return 'calendar';
  return { kind: 'local', text: wallClockText(text, match, text.length), ms };
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
