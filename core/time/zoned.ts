/**
 * Wall-clock times in IANA zones, on the platform's ICU (Intl) data: no tz database of our own to go stale.
 *
 * A wall-clock time is carried as "wall milliseconds": the local reading as if it were UTC, the same
 * representation core/schedule uses for local times (`ScheduleTime.ms`). It is never a real moment until
 * resolved here with a zone.
 *
 * DST follows Temporal's `disambiguation: 'compatible'` (also java.time and RFC 5545): a time in a
 * spring-forward gap moves forward by the gap's length (02:30 -> 03:30 in New York), and a time that occurs
 * twice in a fall-back overlap means the earlier occurrence. Either way it happens exactly once.
 */

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `zone` is an IANA zone name this platform knows. */
export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at an instant, as wall milliseconds (whole seconds). */
export function wallClockAt(instant: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

/** The zone's offset from UTC at an instant, in milliseconds (+3_600_000 for Paris in winter). */
export function zoneOffset(instant: number, zone: string): number {
  return wallClockAt(instant, zone) - Math.floor(instant / 1000) * 1000;
}

/** Every instant at which the wall clock in `zone` reads `wall`: two in an overlap, none in a gap. */
export function possibleInstants(wall: number, zone: string): number[] {
  // Offsets a day either side bracket any single transition; real zones never change twice within a day.
  const offsets = new Set([zoneOffset(wall - DAY, zone), zoneOffset(wall + DAY, zone)]);
  return [...offsets].map((o) => wall - o).filter((t) => zoneOffset(t, zone) === wall - t).sort((a, b) => a - b);
}

/** The one instant a wall-clock time means in `zone` (gap: moved forward by its length; overlap: the earlier). */
export function localToInstant(wall: number, zone: string): number {
  const candidates = possibleInstants(wall, zone);
  // In a gap, keeping the offset from before the transition lands the gap's length later.
  return candidates[0] ?? wall - zoneOffset(wall - DAY, zone);
}

/** An offset as "+05:30", "-04:00", "+12:45". */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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
