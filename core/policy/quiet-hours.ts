/**
 * Quiet hours and active hours: stretches of the wall clock in the computer's own zone. Quiet hours (default
 * 22:00 to 07:00) are when notices about things days away, and the restart prompt of a non-critical
 * maintenance, wait for the morning. Active hours (default 08:00 to 18:00) are when people normally use the
 * computer: a restart that becomes pending outside them counts its grace period from their next start.
 * DST: a start or end is a wall-clock time; in a fall-back overlap it is the next occurrence after the instant
 * asked about, in a spring-forward gap it moves forward like any local time.
 */
import { localToInstant, possibleInstants, wallClockAt } from '../time/zoned.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A stretch of the day in minutes after midnight; may wrap past midnight (start > end). */
export interface DailyHours {
  start: number;
  end: number;
}

/** The wall-clock midnight (wall ms) of the day `instant` falls in, and the minute of that day. */
function dayAndMinute(instant: number, zone: string): { midnight: number; minute: number } {
  const wall = wallClockAt(instant, zone);
  const midnight = Math.floor(wall / DAY) * DAY;
  return { midnight, minute: Math.floor((wall - midnight) / MINUTE) };
}

function inside(minute: number, hours: DailyHours): boolean {
  const { start, end } = hours;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours that contain `now` end (an instant > now), or undefined outside quiet hours. */
export function quietHoursEndAt(now: number, zone: string, quiet: DailyHours | undefined): number | undefined {
  if (quiet === undefined) return undefined;
  const { midnight, minute } = dayAndMinute(now, zone);
  if (!inside(minute, quiet)) return undefined;
  const { end } = quiet;
  const endWall = (minute < end ? midnight : midnight + DAY) + end * MINUTE;
  const after = possibleInstants(endWall, zone).filter((t) => t > now);
  const endsAt = after[0] ?? localToInstant(endWall, zone);
  // A clock that cannot say (no occurrence after now): look again in a minute rather than never.
  return endsAt > now ? endsAt : now + MINUTE;
}

/**
 * When the grace period of a restart pending since `since` starts: `since` itself when it falls in active hours
 * (or there are none), else the next start of active hours after it, on the computer's clock.
 */
export function activeHoursFrom(since: number, zone: string, active: DailyHours | undefined): number {
  if (active === undefined) return since;
  const { midnight, minute } = dayAndMinute(since, zone);
  if (inside(minute, active)) return since;
  // Today's start (if still ahead, or its second occurrence in an overlap), else tomorrow's.
  for (const day of [midnight, midnight + DAY, midnight + 2 * DAY]) {
    const startWall = day + active.start * MINUTE;
    const occurrences = possibleInstants(startWall, zone);
    const after = occurrences.filter((t) => t > since);
    if (after.length > 0) return after[0]!;
    // A start in a spring-forward gap happens once, moved forward by the gap.
    if (occurrences.length === 0) {
      const moved = localToInstant(startWall, zone);
      if (moved > since) return moved;
    }
  }
  return since;
}
