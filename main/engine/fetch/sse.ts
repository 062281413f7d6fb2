/**
 * The schedule event stream (GET /v1/fleets/:fleet/schedule/events): the server says at once when a new schedule
 * version exists, and the agent fetches it now instead of at its next poll. Polling keeps running beside it, so
 * when the stream is down the agent is only slower, never blind. Reconnects with backoff (full jitter, at least
 * the server's `retry:`, itself capped like Retry-After); a stream silent for longer than a few keep-alives is treated as dead (sleep, NAT).
 */
import type { Http, Logger, Random, TimerHandle, Timers, Clock } from '../ports.js';
import { scheduleUrl } from './poller.js';
import { SseParser } from './sse-parser.js';
import { BACKOFF_CAP_MS, parseRetryAfter, retryDelay } from './timing.js';

/** The server sends `: keep-alive` every 25 s; three missed in a row mean the connection is gone. */
export const SSE_IDLE_TIMEOUT_MS = 90_000;
/** Until the server says otherwise with `retry:`: its default (server/routes/schedule-events.ts RECONNECT_MS). */
export const SSE_DEFAULT_RETRY_MS = 10_000;

export interface ScheduleAnnouncement {
  version: number;
  etag: string | null;
}

export type SseStatus = 'connecting' | 'open' | 'down' | 'stopped';

export interface ScheduleStreamOptions {
  serverUrl: string;
  fleet: string;
  http: Http;
  clock: Clock;
  timers: Timers;
  random: Random;
  logger: Logger;
  credential: () => string | undefined;
  /** The version in use; an announcement of a newer one calls onNewer. */
  currentVersion: () => number | undefined;
  onNewer: (announcement: ScheduleAnnouncement) => void;
  /** The server does not know the credential (401): the engine re-enrolls. */
  onUnauthorized?: () => void;
  onStatus?: (status: SseStatus, detail?: string) => void;
  idleTimeoutMs?: number;
  backoffCapMs?: number;
}

export class ScheduleStream {
  private controller: AbortController | null = null;
  private reconnectTimer: TimerHandle | undefined;
  private idleTimer: TimerHandle | undefined;
  private failures = 0;
  private serverRetryMs = SSE_DEFAULT_RETRY_MS;
  private running = false;
  private statusNow: SseStatus = 'stopped';
  /** Connections opened so far (tests and diagnostics). */
  connections = 0;

  constructor(private readonly options: ScheduleStreamOptions) {}

  status(): SseStatus {
    return this.statusNow;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    this.controller?.abort(new Error('stopped'));
    this.controller = null;
    this.setStatus('stopped');
  }

  private setStatus(status: SseStatus, detail?: string): void {
    this.statusNow = status;
    this.options.onStatus?.(status, detail);
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== undefined) this.options.timers.clearTimeout(this.reconnectTimer);
    if (this.idleTimer !== undefined) this.options.timers.clearTimeout(this.idleTimer);
    this.reconnectTimer = undefined;
    this.idleTimer = undefined;
  }

  /** (Re)arms the idle watchdog: every byte from the server (keep-alives included) proves the stream alive. */
  private touch(controller: AbortController): void {
    const { timers } = this.options;
    if (this.idleTimer !== undefined) timers.clearTimeout(this.idleTimer);
    const ms = this.options.idleTimeoutMs ?? SSE_IDLE_TIMEOUT_MS;
    this.idleTimer = timers.setTimeout(() => controller.abort(new Error(`no data for ${ms} ms`)), ms);
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    const { http, logger } = this.options;
    const credential = this.options.credential();
    if (credential === undefined) {
      this.scheduleReconnect('not enrolled yet');
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.connections += 1;
    this.setStatus('connecting');
    let retryAfterMs: number | undefined;
    let detail = 'the stream ended';
    try {
      this.touch(controller);
      const response = await http(scheduleUrl(this.options.serverUrl, this.options.fleet, '/events'), {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${credential}`, 'cache-control': 'no-store' },
        signal: controller.signal,
      });
      if (response.status !== 200 || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now());
        detail = `HTTP ${response.status}`;
        if (response.status === 401) this.options.onUnauthorized?.();
      } else {
        await this.read(response.body, controller);
      }
    } catch (error) {
      detail = controller.signal.aborted ? String((controller.signal.reason as Error)?.message ?? 'aborted') : String((error as Error)?.message ?? error);
    }
    if (this.idleTimer !== undefined) this.options.timers.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.controller === controller) this.controller = null;
    if (!this.running) return;
    logger.info('schedule stream down', { detail, failures: this.failures + 1 });
    this.scheduleReconnect(detail, retryAfterMs);
  }

  private scheduleReconnect(detail: string, retryAfterMs?: number): void {
    if (!this.running) return;
    this.setStatus('down', detail);
    const attempt = this.failures;
    this.failures += 1;
    const backoff = retryDelay(retryAfterMs, attempt, this.options.random, this.options.backoffCapMs ?? BACKOFF_CAP_MS);
    // Never sooner than the server asked for with `retry:` (it spreads a reconnect storm after a restart).
    const delay = retryAfterMs !== undefined ? backoff : Math.max(this.serverRetryMs, backoff);
    this.reconnectTimer = this.options.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }

  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder('utf-8');
    const reader = body.getReader();
    let opened = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      this.touch(controller);
      const events = parser.push(decoder.decode(value, { stream: true }));
      // Never longer than the backoff cap (like Retry-After): Node clamps a delay past 2^31-1 ms to 1 ms.
      if (parser.retryMs !== undefined) this.serverRetryMs = Math.min(parser.retryMs, this.options.backoffCapMs ?? BACKOFF_CAP_MS);
      for (const event of events) {
        if (event.type !== 'schedule') continue;
        if (!opened) {
          // The server sends the current version first: the stream works, so the backoff starts over.
          opened = true;
          this.failures = 0;
          this.setStatus('open');
        }
        this.announce(event.data);
      }
    }
  }

  private announce(data: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      this.options.logger.warn('schedule event with unreadable data', { data: data.slice(0, 200) });
      return;
    }
    const { version, etag } = (parsed ?? {}) as { version?: unknown; etag?: unknown };
    if (!Number.isSafeInteger(version) || (version as number) <= 0) return; // 0: nothing published yet
    const current = this.options.currentVersion();
    if (current !== undefined && (version as number) <= current) return;
    try {
      this.options.onNewer({ version: version as number, etag: typeof etag === 'string' ? etag : null });
    } catch (error) {
      // The listener's problem, not the stream's: keep the connection.
      this.options.logger.error('schedule announcement listener failed', { error: String(error) });
    }
  }
}
