/**
 * The outbox: every event the agent reports, kept in the state file until the server accepted it.
 *
 * THE CONTRACT: write the event first, act second. `add()` returns only after the event is on disk
 * (Store.set is durable on return); a caller performs the action the event describes only after `add`
 * returned, and does not perform it if `add` threw. So "restart-started" is in the outbox before the restart
 * command runs, an acknowledgement is recorded before the window closes, and a crash at any point leaves
 * either no action or an action with its event. (The event may describe an action that then failed to happen;
 * the engine reports that with a `failed` event. The other order could lose the report of a real action.)
 *
 * Ids are UUIDv7 (ids.ts), assigned here, so events sort by creation and a retry is idempotent at the server
 * (unique per device and id). Events leave only through `settle`/`remove`, after the server answered 2xx.
 * The size is bounded (drop-policy.ts): when full, the oldest low-value events are dropped and counted in
 * `dropped`, which the uploader reports as an `events-dropped` event; acknowledgements, deferrals, restarts,
 * results and feedback are never dropped.
 */
import { validateEvent, type ForewarnEvent } from '../../../core/events/index.js';
import type { IdGenerator } from '../ids.js';
import type { Clock, Logger, Store } from '../ports.js';
import type { OutboxState, PersistedState } from '../state/types.js';
import { DEFAULT_OUTBOX_LIMIT, enforceBound } from './drop-policy.js';

/** An event as the caller describes it: the outbox adds the id, and `at` (now) unless given. */
export type NewEvent = ForewarnEvent extends infer E
  ? E extends ForewarnEvent ? { [K in keyof E as K extends 'id' | 'at' ? never : K]: E[K] } & { at?: string } : never
  : never;

export interface OutboxOptions {
  store: Store<PersistedState>;
  ids: IdGenerator;
  clock: Clock;
  /** Most events kept before low-value ones are dropped (default 10,000). */
  limit?: number;
  logger?: Logger;
}

export type DroppedReport = NonNullable<OutboxState['droppedReport']>;

const EMPTY: OutboxState = { events: [], dropped: 0 };

export class Outbox {
  private readonly store: Store<PersistedState>;
  private readonly ids: IdGenerator;
  private readonly clock: Clock;
  private readonly limit: number;
  private readonly logger: Logger | undefined;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.ids = options.ids;
    this.clock = options.clock;
    this.limit = options.limit ?? DEFAULT_OUTBOX_LIMIT;
    this.logger = options.logger;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new Error(`outbox: limit must be a whole number >= 1, got ${this.limit}`);
  }

  private get state(): OutboxState {
    return this.store.get('outbox') ?? EMPTY;
  }

  private write(next: OutboxState): void {
    this.store.set('outbox', next);
  }

  /**
   * Gives the event its id (and `at`), checks it against core/events, and persists it. Throws, persisting
   * nothing, when the event is invalid (the reason names the field) or the store cannot write.
   */
  add(event: NewEvent): ForewarnEvent {
    const raw = { ...event, id: this.ids.next(), at: event.at ?? new Date(this.clock.now()).toISOString() };
    const checked = validateEvent(raw);
    if (!checked.ok) throw new Error(`outbox: a ${String(event.type)} event is invalid: ${checked.reason}`);
    const state = this.state;
    const bounded = enforceBound([...state.events, checked.event], state.dropped, this.limit);
    if (bounded.dropped > state.dropped) {
      this.logger?.warn('outbox full: dropped low-value events', { dropped: bounded.dropped - state.dropped, total: bounded.dropped });
    }
    this.write({ ...state, events: bounded.events, dropped: bounded.dropped });
    return checked.event;
  }

  /** The oldest `max` events not yet accepted by the server. */
  pending(max = Number.POSITIVE_INFINITY): ForewarnEvent[] {
    const events = this.state.events;
    return Number.isFinite(max) ? events.slice(0, max) : [...events];
  }

  size(): number {
    return this.state.events.length;
  }

  /** Low-value events dropped and not yet reported to the server (acknowledged by a 2xx). */
  get dropped(): number {
    return this.state.dropped;
  }

  /** Removes events the server answered for (accepted, duplicate, or invalid for good), in one write. */
  remove(ids: Iterable<string>): void {
    this.settle({ remove: ids });
  }

  /**
   * The `events-dropped` report to send: the one already in flight (same id and count, so a retry after a lost
   * response is a duplicate, not a second count), or a new one for the current count, persisted before it is
   * sent. Undefined when nothing was dropped.
   */
  droppedReport(): ForewarnEvent | undefined {
    const state = this.state;
    let report = state.droppedReport;
    if (report === undefined) {
      if (state.dropped <= 0) return undefined;
      report = { id: this.ids.next(), at: new Date(this.clock.now()).toISOString(), count: state.dropped };
      this.write({ ...state, droppedReport: report });
    }
    return { id: report.id, at: report.at, type: 'events-dropped', count: report.count } as ForewarnEvent;
  }

  /**
   * After a 2xx: removes the answered events and, when the server answered the dropped report, subtracts its
   * count (events dropped meanwhile stay counted for the next report). One write, so both happen or neither.
   */
  settle(outcome: { remove: Iterable<string>; droppedReportSettled?: boolean }): void {
    const gone = new Set(outcome.remove);
    const state = this.state;
    const events = gone.size === 0 ? state.events : state.events.filter((e) => !gone.has(e.id));
    const report = outcome.droppedReportSettled === true ? state.droppedReport : undefined;
    if (events.length === state.events.length && report === undefined) return;
    const next: OutboxState = { ...state, events };
    if (report !== undefined) {
      next.dropped = Math.max(0, state.dropped - report.count);
      delete next.droppedReport;
    }
    this.write(next);
  }
}
