/**
 * Wall-clock times in IANA zones, on the platform's ICU (Intl) data — no tz database of our own to go stale.
 *
 * DST rules follow Temporal's `disambiguation: 'compatible'` (also java.time and RFC 5545): a wall-clock
 * time that falls in a spring-forward gap moves forward by the gap's length (02:30 -> 03:30 in New York),
 * and one that occurs twice in a fall-back overlap means the earlier occurrence. Either way it happens once.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock fields; month is 1-12. */
export interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True when `zone` is an IANA zone name this platform knows. */
export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Parses "2026-12-08T22:00" or "2026-12-08T22:00:30" (no offset); undefined when it is not a real date and time. */
export function parseWallClock(text: string): WallClock | undefined {
  const m = LOCAL_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
  const back = new Date(wallAsUtc(wall));
  const real = back.getUTCFullYear() === wall.year && back.getUTCMonth() + 1 === wall.month && back.getUTCDate() === wall.day
    && wall.hour < 24 && wall.minute < 60 && wall.second < 60;
  return real ? wall : undefined;
}

/** The zone's offset from UTC, in milliseconds, at an instant (e.g. +3_600_000 for Paris in winter). */
export function zoneOffset(instant: number, zone: string): number {
  return wallAsUtc(wallClockAt(instant, zone)) - Math.floor(instant / 1000) * 1000;
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(instant: number, zone: string): WallClock {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The one instant a local wall-clock time means in `zone` (gap: moved forward; overlap: the earlier). */
export function wallClockToInstant(wall: WallClock, zone: string): number {
  const local = wallAsUtc(wall);
  // Offsets a day either side bracket any single transition; real zones never change twice within a day.
  const before = zoneOffset(local - DAY, zone);
  const after = zoneOffset(local + DAY, zone);
  const candidates = [local - before, local - after].filter((t) => zoneOffset(t, zone) === local - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: keep the offset from before the transition, which lands the gap's length later.
  return local - before;
}

/** Both instants when a wall-clock time is ambiguous (fall-back), one when normal, none in a gap. */
export function possibleInstants(wall: WallClock, zone: string): number[] {
  const local = wallAsUtc(wall);
  const offsets = new Set([zoneOffset(local - DAY, zone), zoneOffset(local + DAY, zone)]);
  return [...offsets].map((o) => local - o).filter((t) => zoneOffset(t, zone) === local - t).sort((a, b) => a - b);
}

/** Minutes east of UTC as "+05:30" / "-04:00" / "+12:45". */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function wallAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}
