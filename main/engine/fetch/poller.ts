/**
 * The poller: GET the fleet's signed schedule on a jittered interval, with If-None-Match, a timeout and a size cap,
 * backing off (full jitter, capped) on failure and honouring Retry-After. It never decides trust: the bytes go to
 * the TrustKeeper. One timer at a time, through the Timers port; one request at a time.
 */
import { MAX_ENVELOPE_BYTES } from '../../../core/trust/index.js';
import type { Clock, Http, Logger, Random, TimerHandle, Timers } from '../ports.js';
import type { AcceptResult } from '../trust/keeper.js';
import { readCappedBody } from './capped-body.js';
import { BACKOFF_CAP_MS, parseRetryAfter, pollDelay, retryDelay, startDelay, POLL_INTERVAL_MS, POLL_JITTER } from './timing.js';

/** A request that has not finished (headers and body) in this time is aborted and counts as a failure. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** What the poller needs of the TrustKeeper (so tests and the engine can see exactly that much). */
export interface ScheduleSink {
  etag(): string | undefined;
  accept(bytes: Uint8Array, etag: string | undefined): Promise<AcceptResult>;
  noteUnchanged(): void;
  noteUnreachable(detail: string): void;
  /** After an answer from the server (200, 304, 404): e.g. look for a newer root when the current one nears expiry. */
  afterCheck?(): Promise<void>;
}

export type PollResult =
  | { outcome: 'updated' | 'same'; version: number }
  | { outcome: 'unchanged' }
  | { outcome: 'rejected'; reason: string; detail: string }
  /** The fleet has no published schedule yet (404). */
  | { outcome: 'no-schedule' }
  | { outcome: 'unauthorized'; detail: string }
  | { outcome: 'unreachable'; detail: string; status?: number; retryAfterMs?: number }
  | { outcome: 'too-large'; detail: string; readBytes: number };

export interface PollerOptions {
  /** The server's base URL from managed config, e.g. https://forewarn.example.com */
  serverUrl: string;
  fleet: string;
  http: Http;
  clock: Clock;
  timers: Timers;
  random: Random;
  logger: Logger;
  sink: ScheduleSink;
  /** The device credential, sent as Bearer when known. */
  credential?: () => string | undefined;
  intervalMs?: number;
  jitter?: number;
  backoffCapMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Every poll's result (the engine re-plans, reports a rejection, re-enrolls on unauthorized). */
  onResult?: (result: PollResult) => void;
}

export function scheduleUrl(serverUrl: string, fleet: string, rest = ''): string {
  return `${serverUrl.replace(/\/+$/, '')}/v1/fleets/${encodeURIComponent(fleet)}/schedule${rest}`;
}

export class Poller {
  private timer: TimerHandle | undefined;
  private running = false;
  private inFlight: Promise<PollResult> | null = null;
  private failures = 0;
  private readonly intervalMs: number;
  private readonly jitter: number;

  constructor(private readonly options: PollerOptions) {
    this.intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
    this.jitter = options.jitter ?? POLL_JITTER;
  }

  /** Starts polling: the first poll after a random share of interval × jitter. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.arm(startDelay(this.options.random, this.intervalMs, this.jitter));
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** Consecutive failures so far (0 after any answer from the server). */
  failureCount(): number {
    return this.failures;
  }

  /**
   * Poll now (the tray's "Check now", an SSE announcement). A poll already running is joined rather than doubled.
   * The next regular poll is counted from this one.
   */
  checkNow(): Promise<PollResult> {
    if (this.inFlight !== null) return this.inFlight;
    this.disarm();
    const run = this.pollOnce().then((result) => {
      this.inFlight = null;
      if (this.running) this.arm(this.nextDelay(result));
      try {
        this.options.onResult?.(result);
      } catch (error) {
        // A failing listener must not stop the polling: the next poll is armed already.
        this.options.logger.error('poll result listener failed', { error: String(error) });
      }
      return result;
    });
    this.inFlight = run;
    return run;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.checkNow();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private nextDelay(result: PollResult): number {
    if (result.outcome === 'unreachable' || result.outcome === 'too-large' || result.outcome === 'unauthorized') {
      const attempt = this.failures - 1;
      const retryAfter = result.outcome === 'unreachable' ? result.retryAfterMs : undefined;
      return retryDelay(retryAfter, attempt, this.options.random, this.options.backoffCapMs ?? BACKOFF_CAP_MS);
    }
    return pollDelay(this.options.random, this.intervalMs, this.jitter);
  }

  /** One GET, bounded in time and size. Never throws. */
  private async pollOnce(): Promise<PollResult> {
    const { http, timers, clock, sink, logger } = this.options;
    const controller = new AbortController();
    const timeoutMs = this.options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const timeout = timers.setTimeout(() => controller.abort(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const etag = sink.etag();
    const credential = this.options.credential?.();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (etag !== undefined) headers['if-none-match'] = etag;
    if (credential !== undefined) headers['authorization'] = `Bearer ${credential}`;
    let result: PollResult;
    try {
      const response = await http(scheduleUrl(this.options.serverUrl, this.options.fleet), { headers, signal: controller.signal });
      result = await this.handle(response, controller);
    } catch (error) {
      const detail = controller.signal.aborted ? `timed out: ${String((controller.signal.reason as Error)?.message ?? controller.signal.reason)}` : describe(error);
      result = { outcome: 'unreachable', detail };
    } finally {
      timers.clearTimeout(timeout);
    }
    if (result.outcome === 'unreachable' || result.outcome === 'too-large' || result.outcome === 'unauthorized') {
      this.failures += 1;
      sink.noteUnreachable(result.detail);
      logger.warn('schedule poll failed', { ...result, failures: this.failures, at: clock.now() });
    } else {
      this.failures = 0;
      await sink.afterCheck?.().catch((error: unknown) => logger.warn('after-check failed', { error: String(error) }));
    }
    return result;
  }

  private async handle(response: Response, controller: AbortController): Promise<PollResult> {
    const { sink, clock } = this.options;
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      sink.noteUnchanged();
      return { outcome: 'unchanged' };
    }
    if (response.status === 200) {
      const body = await readCappedBody(response, this.options.maxBytes ?? MAX_ENVELOPE_BYTES, () => controller.abort(new Error('too large')));
      if (!body.ok) return { outcome: 'too-large', detail: body.detail, readBytes: body.readBytes };
      const accepted = await sink.accept(body.bytes, response.headers.get('etag') ?? undefined);
      if (!accepted.ok) return { outcome: 'rejected', reason: accepted.rejection.reason, detail: accepted.rejection.detail };
      return { outcome: accepted.unchanged ? 'same' : 'updated', version: accepted.version };
    }
    const text = await readCappedBody(response, 4096, () => controller.abort()).catch(() => null);
    const message = text?.ok ? Buffer.from(text.bytes).toString('utf8').slice(0, 300) : '';
    if (response.status === 404) return { outcome: 'no-schedule' };
    if (response.status === 401) return { outcome: 'unauthorized', detail: `401 from the server: ${message}` };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    return {
      outcome: 'unreachable', status: response.status, detail: `HTTP ${response.status}: ${message}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code !== undefined ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
