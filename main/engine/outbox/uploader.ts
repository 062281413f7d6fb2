/**
 * Sends the outbox to the fleet server: POST /v1/fleets/:fleet/events in batches (<= 500 events, < 1 MiB),
 * with the device credential. Nothing leaves the outbox before a 2xx answered for it:
 * - `accepted` / `duplicate` (the server has it; a duplicate is the retry of a batch whose answer was lost);
 * - `invalid`: the server will never take it, so keeping it would block nothing but grow forever. It is removed
 *   and kept in `rejectedLocally` (a count and the latest reasons, in memory, and a warning in the log) for
 *   the status view and support.
 * A 401 stops with `needsEnrollment` and removes nothing (enroll/ re-enrolls, then flush again). 429 and 503
 * set the next attempt to Retry-After; a network error or any other answer to exponential backoff with full
 * jitter (delay = random * min(cap, base * 2^failures)). The uploader holds no timer: flush() says when to
 * try again (`retryAt`) and the engine's scheduler calls it then (or sooner with `force`, e.g. on "online").
 *
 * The dropped count (outbox.dropped) rides along as an `events-dropped` event; its count is only subtracted
 * after the 2xx that answered it. Flushes never overlap: a flush asked for while one runs makes that one go
 * round once more and shares its result.
 */
import type { ForewarnEvent } from '../../../core/events/index.js';
import type { Clock, Http, Logger, Random, TimerHandle, Timers } from '../ports.js';
import type { Outbox } from './outbox.js';

export const MAX_BATCH_EVENTS = 500;
/** The server's body limit is 1 MiB; stay strictly under it. */
export const MAX_BATCH_BYTES = 1024 * 1024 - 1;
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** A Retry-After beyond this is taken as this: a misconfigured proxy must not silence the agent for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How many rejected events' reasons are kept for the status view. */
const REJECTED_KEPT = 50;

export interface UploaderOptions {
  outbox: Outbox;
  http: Http;
  clock: Clock;
  random: Random;
  /** The fleet server's base URL, e.g. https://forewarn.example.com */
  serverUrl: string;
  fleet: string;
  /** The device credential (Secrets); undefined before enrollment. */
  credential: () => string | undefined;
  /** When given, a request that takes longer than requestTimeoutMs is aborted. */
  timers?: Timers;
  requestTimeoutMs?: number;
  logger?: Logger;
  maxBatchEvents?: number;
  maxBatchBytes?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

export interface FlushResult {
  /** Events the server took now (accepted), or had already (duplicate). */
  accepted: number;
  duplicate: number;
  /** Events the server answered `invalid` for: removed, see rejectedLocally. */
  rejected: number;
  /** Events still in the outbox. */
  remaining: number;
  /** The server does not know the credential (or there is none): enroll, then flush again. */
  needsEnrollment?: true;
  /** Set after a failure: do not try before this (epoch ms); flush() without `force` returns at once until then. */
  retryAt?: number;
  /** What went wrong, for the log and the status view. */
  error?: string;
  /** This call did not send because of an earlier failure's retryAt. */
  skipped?: true;
}

export interface RejectedEvent {
  id: string;
  type: string;
  reason: string;
  at: number;
}

type Answer = { index: number; id: string | null; result: 'accepted' | 'duplicate' | 'invalid'; reason?: string };

export class Uploader {
  private readonly o: Required<Pick<UploaderOptions, 'maxBatchEvents' | 'maxBatchBytes' | 'backoffBaseMs' | 'backoffCapMs' | 'requestTimeoutMs'>> & UploaderOptions;
  private running: Promise<FlushResult> | undefined;
  private again = false;
  private failures = 0;
  private notBefore = 0;
  private rejectedCount = 0;
  private readonly rejectedRecent: RejectedEvent[] = [];

  constructor(options: UploaderOptions) {
    this.o = {
      maxBatchEvents: MAX_BATCH_EVENTS, maxBatchBytes: MAX_BATCH_BYTES, backoffBaseMs: BACKOFF_BASE_MS,
      backoffCapMs: BACKOFF_CAP_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, ...options,
    };
    if (this.o.maxBatchEvents < 1 || this.o.maxBatchEvents > MAX_BATCH_EVENTS) throw new Error(`uploader: maxBatchEvents must be 1..${MAX_BATCH_EVENTS}`);
  }

  /** Events the server rejected for good: how many since start, and the latest reasons. */
  get rejectedLocally(): { count: number; recent: readonly RejectedEvent[] } {
    return { count: this.rejectedCount, recent: [...this.rejectedRecent] };
  }

  /** Sends everything in the outbox (see the file header). `force` ignores an earlier failure's retryAt. */
  flush(options: { force?: boolean } = {}): Promise<FlushResult> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<FlushResult> => {
      try {
        let result: FlushResult;
        let force = options.force === true;
        do {
          this.again = false;
          result = await this.send(force);
          force = false;
        } while (this.again && result.retryAt === undefined && result.needsEnrollment === undefined);
        return result;
      } finally {
        this.running = undefined;
      }
    };
    this.running = run();
    return this.running;
  }

  private async send(force: boolean): Promise<FlushResult> {
    const outbox = this.o.outbox;
    const totals = { accepted: 0, duplicate: 0, rejected: 0 };
    const done = (extra: Partial<FlushResult> = {}): FlushResult => ({ ...totals, remaining: outbox.size(), ...extra });
    const now = this.o.clock.now();
    if (!force && now < this.notBefore) return done({ skipped: true, retryAt: this.notBefore });
    let maxEvents = this.o.maxBatchEvents;
    for (;;) {
      const report = outbox.droppedReport();
      const pending = outbox.pending(maxEvents - (report ? 1 : 0));
      if (report === undefined && pending.length === 0) return done();
      const credential = this.o.credential();
      if (credential === undefined) return done({ needsEnrollment: true, error: 'no device credential' });
      const batch = this.batch(report, pending);
      if (batch.length === 0) continue; // everything looked at was too large and is rejected: go on
      let response: Response;
      let body: unknown;
      try {
        ({ response, body } = await this.post(credential, batch));
      } catch (error) {
        return done(this.failed(`network: ${(error as Error).message}`));
      }
      const status = response.status;
      if (status === 401) {
        return done({ needsEnrollment: true, error: 'the server does not know this device credential (401)' });
      }
      if (status === 429 || status === 503) {
        const after = retryAfterMs(response.headers.get('retry-after'), this.o.clock.now());
        if (after === undefined) return done(this.failed(`server busy (${status})`));
        this.failures += 1;
        this.notBefore = this.o.clock.now() + Math.min(after, MAX_RETRY_AFTER_MS);
        return done({ retryAt: this.notBefore, error: `server busy (${status}); Retry-After ${Math.round(after / 1000)} s` });
      }
      if (status === 413 && batch.length > 1) {
        // The server's limit is lower than ours (a proxy in front): halve and go on.
        maxEvents = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      if (status < 200 || status > 299) return done(this.failed(`server answered ${status}`));
      const answers = answersOf(body, batch);
      if (answers === undefined) return done(this.failed(`server answered ${status} without per-event results`));
      const remove: string[] = [];
      let reportSettled = false;
      batch.forEach((event, i) => {
        const answer = answers[i];
        if (answer === undefined) return; // not answered: stays for the next flush
        if (event.type === 'events-dropped' && report !== undefined && event.id === report.id) {
          reportSettled = true;
          if (answer.result === 'invalid') this.reject(event, answer.reason);
          return;
        }
        remove.push(event.id);
        if (answer.result === 'accepted') totals.accepted += 1;
        else if (answer.result === 'duplicate') totals.duplicate += 1;
        else {
          totals.rejected += 1;
          this.reject(event, answer.reason);
        }
      });
      outbox.settle({ remove, droppedReportSettled: reportSettled });
      this.failures = 0;
      this.notBefore = 0;
      // A 2xx that settled nothing would make this loop spin: treat it as a failure.
      if (remove.length === 0 && !reportSettled) return done(this.failed(`server answered ${status} but settled no event`));
    }
  }

  /** The events of one request: the dropped report first, then the oldest, within the count and byte limits. */
  private batch(report: ForewarnEvent | undefined, pending: ForewarnEvent[]): ForewarnEvent[] {
    const wrapper = Buffer.byteLength('{"events":[]}');
    let bytes = wrapper;
    const batch: ForewarnEvent[] = [];
    const tooLarge: ForewarnEvent[] = [];
    for (const event of report ? [report, ...pending] : pending) {
      const size = Buffer.byteLength(JSON.stringify(event)) + (batch.length > 0 ? 1 : 0);
      if (wrapper + size > this.o.maxBatchBytes) {
        tooLarge.push(event);
        continue;
      }
      if (bytes + size > this.o.maxBatchBytes) break;
      bytes += size;
      batch.push(event);
    }
    if (tooLarge.length > 0) {
      // No request can carry it: it would block the outbox forever.
      for (const e of tooLarge) this.reject(e, `larger than one request (${this.o.maxBatchBytes} bytes)`);
      this.o.outbox.settle({ remove: tooLarge.map((e) => e.id), droppedReportSettled: tooLarge.some((e) => e.type === 'events-dropped') });
    }
    return batch;
  }

  private async post(credential: string, events: ForewarnEvent[]): Promise<{ response: Response; body: unknown }> {
    const controller = new AbortController();
    let timer: TimerHandle | undefined;
    if (this.o.timers !== undefined) {
      timer = this.o.timers.setTimeout(() => controller.abort(new Error(`no answer within ${this.o.requestTimeoutMs} ms`)), this.o.requestTimeoutMs);
    }
    try {
      const url = `${this.o.serverUrl.replace(/\/+$/, '')}/v1/fleets/${encodeURIComponent(this.o.fleet)}/events`;
      const response = await this.o.http(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body: JSON.stringify({ events }),
        signal: controller.signal,
      });
      // The body is read inside the timeout too: a server that stalls mid-answer is a failure like any other.
      const text = await response.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { response, body };
    } finally {
      if (timer !== undefined) this.o.timers?.clearTimeout(timer);
    }
  }

  private failed(error: string): Partial<FlushResult> {
    const ceiling = Math.min(this.o.backoffCapMs, this.o.backoffBaseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    // Full jitter: thousands of agents that lost the server together do not come back together.
    this.notBefore = this.o.clock.now() + Math.floor(this.o.random() * ceiling);
    this.o.logger?.warn('event upload failed', { error, retryAt: this.notBefore, failures: this.failures });
    return { error, retryAt: this.notBefore };
  }

  private reject(event: ForewarnEvent, reason: string | undefined): void {
    const entry = { id: event.id, type: event.type, reason: reason ?? 'invalid', at: this.o.clock.now() };
    this.rejectedCount += 1;
    this.rejectedRecent.push(entry);
    if (this.rejectedRecent.length > REJECTED_KEPT) this.rejectedRecent.shift();
    this.o.logger?.warn('event rejected for good, removed from the outbox', entry);
  }
}

/** Retry-After as delta seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The per-event answers, by the batch's positions; undefined when the body is not the server's results. */
function answersOf(body: unknown, batch: ForewarnEvent[]): Array<Answer | undefined> | undefined {
  const results = (body as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) return undefined;
  const answers: Array<Answer | undefined> = new Array(batch.length).fill(undefined);
  for (const r of results as Answer[]) {
    if (typeof r?.index !== 'number' || !['accepted', 'duplicate', 'invalid'].includes(r.result)) continue;
    const event = batch[r.index];
    // The server lowercases ids; a mismatch means the answer is not for this event: leave it for later.
    if (event === undefined || (r.id !== null && r.id !== event.id.toLowerCase())) continue;
    answers[r.index] = r;
  }
  return answers;
}
