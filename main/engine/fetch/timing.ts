/**
 * When the agent asks the server again: pure functions of the attempt number and a Random, so every delay the
 * poller and the SSE client choose can be replayed in a test.
 */
import type { Random } from '../ports.js';

/** Default poll interval: 30 minutes. */
export const POLL_INTERVAL_MS = 30 * 60_000;
/** ±20% around the interval, so a fleet started at the same minute spreads out instead of polling in step. */
export const POLL_JITTER = 0.2;
/** First backoff ceiling after a failure; doubles with each further failure. */
export const BACKOFF_BASE_MS = 30_000;
/** Backoff never waits longer than this (nor does a Retry-After beyond it hold the agent back longer). */
export const BACKOFF_CAP_MS = 60 * 60_000;
/** Full jitter can draw ~0: at least this long, so a dead server is never hammered in a tight loop. */
export const BACKOFF_FLOOR_MS = 1_000;

/** The next regular poll: interval × [1 − jitter, 1 + jitter). */
export function pollDelay(random: Random, intervalMs = POLL_INTERVAL_MS, jitter = POLL_JITTER): number {
  return Math.floor(intervalMs * (1 - jitter + 2 * jitter * random()));
}

/** The first poll after start: a random share of interval × jitter, so agents booting together do not poll together. */
export function startDelay(random: Random, intervalMs = POLL_INTERVAL_MS, jitter = POLL_JITTER): number {
  return Math.floor(intervalMs * jitter * random());
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform draw
 * from [0, min(cap, base·2^attempt)), floored. `attempt` is 0 for the first failure.
 */
export function backoffDelay(attempt: number, random: Random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  // 2^attempt overflows to Infinity for huge attempts; min() with the cap keeps it finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 52));
  return Math.max(BACKOFF_FLOOR_MS, Math.floor(random() * ceiling));
}

/**
 * Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP-date. Returns milliseconds from `now` (never negative),
 * or undefined when absent or not understood (the caller then uses its own backoff).
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  // An HTTP-date (IMF-fixdate, or the obsolete forms Date.parse reads too). Plain numbers were handled above.
  if (!/[A-Za-z]/.test(value)) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}

/** What the server asked for, but never more than the cap: a hostile Retry-After must not silence the agent for a year. */
export function retryDelay(retryAfterMs: number | undefined, attempt: number, random: Random, capMs = BACKOFF_CAP_MS): number {
  if (retryAfterMs === undefined) return backoffDelay(attempt, random, BACKOFF_BASE_MS, capMs);
  return Math.min(capMs, Math.max(BACKOFF_FLOOR_MS, retryAfterMs));
}
