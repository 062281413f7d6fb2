/**
 * Quiet hours: a stretch of the wall clock in the computer's own zone (default 22:00 to 07:00) when notices
 * about things days away wait for the morning. DST: the end is a wall-clock time; in a fall-back overlap it is
 * the next occurrence after now, in a spring-forward gap it moves forward like any local time.
 */
import { localToInstant, possibleInstants, wallClockAt } from '../time/zoned.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** When the quiet hours that contain `now` end (an instant > now), or undefined outside quiet hours. */
export function quietHoursEndAt(now: number, zone: string, quiet: { start: number; end: number } | undefined): number | undefined {
  if (quiet === undefined) return undefined;
  const wall = wallClockAt(now, zone);
  const midnight = Math.floor(wall / DAY) * DAY;
  const minute = Math.floor((wall - midnight) / MINUTE);
  const { start, end } = quiet;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return undefined;
  const endWall = (minute < end ? midnight : midnight + DAY) + end * MINUTE;
  const after = possibleInstants(endWall, zone).filter((t) => t > now);
  const endsAt = after[0] ?? localToInstant(endWall, zone);
  // A clock that cannot say (no occurrence after now): look again in a minute rather than never.
  return endsAt > now ? endsAt : now + MINUTE;
}
