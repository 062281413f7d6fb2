import { parseDuration } from '../core/schedule/index.js';
import { UsageError } from './errors.js';

/** `--expires 365d` (from now) or an RFC 3339 instant, as an ISO string in UTC. */
export function expiresAt(value: string, now: number): string {
  const seconds = parseDuration(value);
  if (seconds !== undefined) return isoSeconds(now + seconds * 1000);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) {
    const at = Date.parse(value);
    if (at <= now) throw new UsageError(`--expires ${value} is already in the past`);
    return isoSeconds(at);
  }
  throw new UsageError(`--expires must be a duration such as 365d or an instant such as 2027-12-31T00:00:00Z, not "${value}"`);
}

/** `--now ISO` for reproducible checks; otherwise the real clock. */
export function nowFrom(value: string | undefined, clock: () => number): number {
  if (value === undefined) return clock();
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at)) throw new UsageError(`--now must be an instant such as 2026-12-01T09:00:00Z, not "${value}"`);
  return at;
}

/** Whole seconds, UTC: "2027-11-23T19:04:29Z". */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
