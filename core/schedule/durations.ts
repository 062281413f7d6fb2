/**
 * Durations as IT writes them: whole days, hours, minutes and seconds, largest unit first, each unit at most
 * once ("7d", "4h", "1h30m", "90s", "2d12h"). No spaces, no fractions, no weeks: one obvious way to write a
 * length of time, which the agent reads as whole seconds.
 */

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;

/** At most nine digits per unit: far beyond any sensible schedule, and the sum stays an exact integer. */
const PART = '\\d{1,9}';

/**
 * The duration grammar as a regular expression without look-ahead, so editors that use the JSON Schema
 * `pattern` (any ECMA-262 engine) read it the same way we do.
 */
export const DURATION_PATTERN =
  `^(?:${PART}d(?:${PART}h)?(?:${PART}m)?(?:${PART}s)?|${PART}h(?:${PART}m)?(?:${PART}s)?|${PART}m(?:${PART}s)?|${PART}s)$`;

const DURATION_RE = new RegExp(DURATION_PATTERN);

/** The message for a value that is not a duration; shared by the schema and the docs tests. */
export const DURATION_MESSAGE = 'must be a duration like "4h" or "1d"';

/**
 * Reads a duration such as "7d", "4h", "1h30m", "90s" or "15m" as whole seconds.
 * @returns the number of seconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  return DURATION_RE.test(text) ? durationSeconds(text) : undefined;
}

/**
 * The seconds of a text that matches DURATION_PATTERN (the caller has checked): each run of digits times the
 * unit after it, added largest unit first. One pass over the characters, nothing allocated.
 */
export function durationSeconds(text: string): number {
  let seconds = 0;
  let amount = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      amount = amount * 10 + (code - 48);
    } else {
      seconds += amount * unitSeconds(code);
      amount = 0;
    }
  }
  return seconds;
}

/** The length of a unit letter (d, h, m or s, as a character code) in seconds. */
function unitSeconds(code: number): number {
  switch (code) {
    case 0x64: return UNIT_SECONDS.d;
    case 0x68: return UNIT_SECONDS.h;
    case 0x6d: return UNIT_SECONDS.m;
    default: return UNIT_SECONDS.s;
  }
}

/**
 * Writes whole seconds as one canonical duration text: each unit filled up before the next larger one, largest
 * first, zero units left out. 5400 -> "1h30m", 90 -> "1m30s", 0 -> "0s".
 * `parseDuration(formatDuration(n)) === n` for every whole n >= 0 below a billion days.
 * @throws RangeError for negative, fractional or unsafe numbers (a bug in the caller, not user input).
 */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new RangeError(`formatDuration needs whole seconds >= 0, got ${seconds}`);
  }
  if (seconds === 0) return '0s';
  let rest = seconds;
  let text = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) text += `${amount}${unit}`;
  }
  return text;
}
