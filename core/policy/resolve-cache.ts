/**
 * resolveTimes() with a memo: plan() runs at every wake-up over every maintenance, and reading a zone's wall
 * clock (Intl) is most of its cost. The key is everything the answer depends on (the zone and the times as
 * text), so the memo can never answer for a changed schedule; it forgets everything past MAX_ENTRIES.
 */
import type { Maintenance } from '../schedule/index.js';
import { resolveTimes, type ResolvedTimes } from './times.js';

const MAX_ENTRIES = 20_000;
const memo = new Map<string, ResolvedTimes>();

export function resolvedTimes(m: Maintenance, zone: string): ResolvedTimes {
  const key = `${zone}|${m.window.type}|${m.window.start}|${m.window.end}|${m.restart.required ? m.restart.deadline : ''}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size >= MAX_ENTRIES) memo.clear();
  const times = Object.freeze(resolveTimes(m, zone));
  memo.set(key, times);
  return times;
}
