import { parseScheduleTime, type Maintenance, type WindowSpec } from '../schedule/index.js';
import { localToInstant } from '../time/zoned.js';

/** A maintenance's times as real instants (epoch ms) on one computer. */
export interface ResolvedTimes {
  start: number;
  end: number;
  /** The restart deadline (the window end when no restart is needed). */
  deadline: number;
}

/**
 * Where a schedule's times become moments: instants are the same everywhere; local wall-clock times are read
 * in the computer's own IANA zone (DST gaps and overlaps: see core/time/zoned.ts).
 */
export function resolveTimes(m: Maintenance, zone: string): ResolvedTimes {
  const at = (text: string): number => resolveTime(text, m.window.type, zone);
  const end = at(m.window.end);
  return { start: at(m.window.start), end, deadline: m.restart.required ? at(m.restart.deadline) : end };
}

function resolveTime(text: string, type: WindowSpec['type'], zone: string): number {
  const time = parseScheduleTime(text);
  // Times reaching here passed validation; a failure is a programming error, not bad input.
  if (typeof time === 'string' || time.kind !== type) throw new Error(`unvalidated schedule time "${text}"`);
  return type === 'instant' ? time.ms : localToInstant(time.ms, zone);
}
