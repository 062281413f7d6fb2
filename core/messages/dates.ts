/**
 * Dates, times, "in 3 hours" and "1 hour 30 minutes", in the reader's language and time zone.
 *
 * All on the platform's Intl: no locale data of our own. `now` is always passed in (core/ never reads the
 * clock), which is what lets "tomorrow" and "show the year only when it is not this year" be tested.
 */
import { wallClockAt } from '../time/zoned.js';
import { displayLocale } from './locales.js';

/** Who reads, where, and when: the language tag asked for, the IANA zone, and the current time (epoch ms). */
export interface FormatContext {
  locale: string;
  zone: string;
  now: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Building an Intl formatter costs far more than using one; the agent formats the same few shapes all day.
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    if (cache.size >= 512) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

function dateTimeFormat(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`dtf|${locale}|${zone}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    } catch (error) {
      throw new RangeError(`Cannot format dates for locale "${locale}" in time zone "${zone}": ${String(error)}`, { cause: error });
    }
  });
}

function checkInstant(instant: number, what: string): void {
  if (!Number.isFinite(instant)) throw new RangeError(`${what} must be a finite number of milliseconds, got ${instant}`);
}

/** The calendar year in `zone` at an instant. */
function yearIn(instant: number, zone: string): number {
  return new Date(wallClockAt(instant, zone)).getUTCFullYear();
}

/**
 * A day and time people read at a glance, in their language and zone: "Tuesday 8 December at 22:00"
 * (en-GB), "Tuesday, December 8 at 10:00 PM" (en), "mardi 8 décembre à 22:00" (fr). The year appears only
 * when it is not the current year in that zone: a notice in December about January says so.
 */
export function formatDateTime(instant: number, ctx: FormatContext): string {
  checkInstant(instant, 'instant');
  checkInstant(ctx.now, 'now');
  const sameYear = yearIn(instant, ctx.zone) === yearIn(ctx.now, ctx.zone);
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit',
    ...(sameYear ? {} : { year: 'numeric' }),
  };
  return dateTimeFormat(displayLocale(ctx.locale), ctx.zone, options).format(instant);
}

/** The time of day alone, in the reader's language and zone: "22:00", "10:00 PM", "22 h 00". */
export function formatTime(instant: number, ctx: FormatContext): string {
  checkInstant(instant, 'instant');
  return dateTimeFormat(displayLocale(ctx.locale), ctx.zone, { hour: 'numeric', minute: '2-digit' }).format(instant);
}

/**
 * How far away an instant is, the way people say it: "now", "in 50 seconds", "in 5 minutes", "in 3 hours",
 * "tomorrow", "in 3 days", "in 2 weeks", "3 days ago".
 *
 * Under a day it counts seconds, minutes or hours, rounded toward now: "in 1 hour" for 1 h 59 min, because
 * before a restart it is safer to say a little less time than there is. From a day on it counts calendar days
 * in the reader's zone, so 22:00 today to 08:00 the day after tomorrow is "in 2 days", not "in 1 day".
 */
/** How far "in 4 hours" may overstate the time left, as a share of the unit (see formatRelative). */
const SLACK = 1 / 120;

export function formatRelative(instant: number, ctx: FormatContext): string {
  checkInstant(instant, 'instant');
  checkInstant(ctx.now, 'now');
  const locale = displayLocale(ctx.locale);
  const rtf = cached(`rtf|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const diff = instant - ctx.now;
  const abs = Math.abs(diff);
  // Toward now, so a deadline never sounds further off than it is — with a sliver of slack (1/120 of the unit:
  // 30 s for hours), so a notice worked out a few seconds after the hour still says "in 4 hours" for a start
  // 3 h 59 min 55 s away.
  const toward = (unit: number): number => Math.trunc((diff + Math.sign(diff) * unit * SLACK) / unit) + 0; // + 0 turns -0 into 0
  if (abs < MINUTE) return rtf.format(toward(SECOND), 'second');
  if (abs < HOUR) return rtf.format(toward(MINUTE), 'minute');
  if (abs < DAY) return rtf.format(toward(HOUR), 'hour');
  const days = Math.floor(wallClockAt(instant, ctx.zone) / DAY) - Math.floor(wallClockAt(ctx.now, ctx.zone) / DAY);
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.trunc(days / 7), 'week');
  return rtf.format(Math.trunc(days / 30), 'month');
}

const DURATION_UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A length of time in words: "1 hour", "4 hours", "1 day", "1 hour 30 minutes" (5400 s), "2 minuty" (pl).
 * Whole seconds; zero-valued units are left out, and zero itself is "0 seconds".
 * (Intl.DurationFormat would do this but is not on Node 20; units and a list formatter give the same text.)
 */
export function formatDuration(seconds: number, ctx: Pick<FormatContext, 'locale'>): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`A duration must be 0 or more seconds, got ${seconds}`);
  const locale = displayLocale(ctx.locale);
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(unitFormat(locale, unit).format(count));
  }
  if (parts.length === 0) return unitFormat(locale, 'second').format(0);
  // "unit" lists join amounts the way each language does: "1 hour 30 minutes", "1 godzina i 30 minut".
  return cached(`list|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts);
}

function unitFormat(locale: string, unit: string): Intl.NumberFormat {
  return cached(`unit|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }));
}
