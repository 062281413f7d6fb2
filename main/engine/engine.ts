/**
 * The engine: composes the pieces (trust keeper, poller + SSE, outbox + uploader, enrollment) with the ports
 * into the agent's behaviour (ARCHITECTURE.md "The data's way"), and implements the AgentApi requests
 * (core/agent-api.ts) that the views call.
 *
 * One rule orders everything that could be lost or doubled by a crash (kill -9, power loss) — write-ahead:
 * 1. the event describing an action goes into the outbox (persisted when `add` returns),
 * 2. then the state change is persisted (plan()'s memory, the engine's memory),
 * 3. only then is the action performed (a notification shown, the restart command run).
 * At every start, `replayOutbox` re-applies to the state the effect of each event still in the outbox
 * (idempotently: an acknowledgement already recorded is not recorded again). So a crash between 1 and 2 never
 * makes the engine write the same event twice, and a crash between 2 and 3 loses at most the action itself —
 * for a notification that is the trade-off we chose: a notice can be missed after a crash at exactly that moment
 * (its event says "notified" although the OS never showed it), but it is never shown twice. Uploads remove only
 * events the server answered for, so they cannot slip between 1 and 2 either (both are synchronous store writes).
 *
 * All work runs one task at a time (`serial`): a re-plan never interleaves with a user action.
 */
import { isAllowedHelpLink } from '../../core/help-links.js';
import {
  parseRequest, type ActionError, type ActionResult, type AgentRequests, type NoticeView, type RequestChannel,
  type Snapshot,
} from '../../core/agent-api.js';
import type { ForewarnEvent } from '../../core/events/index.js';
import { noticeText, refusalText, type FormatContext, type RefusalReason } from '../../core/messages/index.js';
import {
  acknowledge as acknowledgeState, appliesTo, defer as deferState, markCompleted, markPromptShown, markShown, plan,
  recordPlan, restartOptions, type AgentState, type DeviceContext, type NoticeDue, type Plan, type PolicySettings,
} from '../../core/policy/index.js';
import type { Schedule } from '../../core/schedule/index.js';
import { buildSnapshot, type EngineError } from './actions/snapshot.js';
import type {
  Clock, Logger, Notifier, OsNotification, Presenter, Random, Rebooter, Store, SystemSignals, Timers, Urgency,
} from './ports.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import type { EngineMemory, PersistedState } from './state/types.js';
import type { CurrentSchedule } from './trust/keeper.js';
import type { PollResult } from './fetch/poller.js';

/** An event as the engine writes it: the outbox gives it its UUIDv7 id. */
export type NewEvent = ForewarnEvent extends infer E ? E extends ForewarnEvent ? Omit<E, 'id'> : never : never;

/** What the engine needs of each piece: exactly that much, so the Node and Electron compositions (and tests) can differ. */
export interface EnginePieces {
  /** Trust keeper: started once, asked for the schedule at every plan (expiry checked there). */
  trust: { start(): { rejections: Array<{ reason: string; detail: string }> }; current(now: number): CurrentSchedule };
  /** The outbox: `add` persists the event before it returns (or resolves). */
  outbox: { add(event: NewEvent): ForewarnEvent | Promise<ForewarnEvent> };
  /** Uploads the outbox; never two at once. */
  uploader?: { flush(options?: { force?: boolean }): Promise<UploadOutcome> };
  poller?: { start(): void; stop(): void; checkNow(): Promise<PollResult> };
  /** The SSE stream (immediate updates); polling is the fallback. */
  sse?: { start(): void; stop(): void };
  /** Enrolls when there is no credential (or the server forgot it); `checkIn` reports groups, tags, zone. */
  enroller?: {
    ensure(options?: { force?: boolean }): Promise<{ ok: true } | { ok: false; message: string; detail?: string }>;
    checkIn?(report: { zone: string; scheduleVersion?: number }): Promise<unknown>;
  };
}

/** What the engine reads from an upload: whether to enroll again, and when to try again. */
export interface UploadOutcome {
  accepted?: number;
  /** Retries of events the server already had (a response lost to a crash or the network): not doubled. */
  duplicate?: number;
  needsEnrollment?: boolean;
  /** Events still waiting after this flush (0: all uploaded). */
  remaining?: number;
  /** The uploader's own retry time (Retry-After, backoff), epoch ms. */
  retryAt?: number;
}

export interface EngineConfig {
  fleet: string;
  groups: string[];
  tags: string[];
  /** A locale from managed config wins over the OS's. */
  locale?: string;
}

export interface EngineOptions {
  clock: Clock;
  timers: Timers;
  store: Store<PersistedState>;
  notifier: Notifier;
  presenter: Presenter;
  rebooter: Rebooter;
  signals: SystemSignals & { check?(): void };
  logger: Logger;
  random?: Random;
  /** The state store could not be opened (a file from a newer agent): shown as the 'store' error, nothing else runs. */
  storeError?: string;
  /** The managed config, or why there is none (the engine then only shows the error). */
  config: { ok: true; config: EngineConfig } | { ok: false; message: string; detail?: string };
  pieces?: EnginePieces;
  /** Opens an http(s) link in the browser (the app's shell.openExternal; the Node agent logs it). */
  openExternal?: (url: string) => void;
  /** Policy overrides (tests, preview). */
  settings?: PolicySettings;
  /** Upload cadence while events wait (default 60 s, doubling with full jitter up to 15 min). */
  uploadRetryMs?: number;
  /** Check-in cadence (default daily). */
  checkInEveryMs?: number;
  /** How many recently shown notices the snapshot keeps (default 20). */
  recentNotices?: number;
  /**
   * The longest the engine's one timer waits at a time (default 1 h): plain Node gets no OS event for a clock
   * change or a resume, so the scheduler's jump check on each firing notices them within this (see scheduler.ts).
   */
  schedulerMaxDelayMs?: number;
}

export interface Engine extends AgentRequests {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A re-plan now (SystemSignals events and the poller call this; tests too). */
  replan(reason: string): Promise<void>;
  /** The poller's result for each poll. */
  pollResult(result: PollResult): void;
  /** Resolves when every queued task (and the upload it started) has finished. */
  settled(): Promise<void>;
  /** Scheduler firings (the idle benchmark counts them). */
  readonly wakeups: number;
  /** Dispatches a request by channel after checking its arguments (main's IPC handlers, the preview bridge). */
  handle(channel: RequestChannel, args: unknown): Promise<ActionResult | Snapshot>;
}

const MAX_SLEEP_FALLBACK = 3_600_000;
const UPLOAD_CAP_MS = 15 * 60_000;

/** "1h", "4h", "1d", "90m": how a deferral choice is reported. */
export function choiceName(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function createEngine(options: EngineOptions): Engine {
  const { clock, store, notifier, presenter, rebooter, signals, logger } = options;
  const random = options.random ?? Math.random;
  const pieces = options.pieces;
  const config = options.config.ok ? options.config.config : undefined;
  const recentLimit = options.recentNotices ?? 20;
  let queue: Promise<unknown> = Promise.resolve();
  let uploads: Promise<unknown> = Promise.resolve();
  let running = false;
  let uploading = false;
  let uploadAgain = false;
  let forceNext = false;
  let uploadFailures = 0;
  let uploadDueAt: number | undefined;
  let checkInDueAt: number | undefined;
  let enrollmentError: EngineError | undefined;
  let lastRejection: EngineError | undefined;
  let lastSnapshot: Snapshot | undefined;
  let countdownOpened: string | undefined;
  const recent: NoticeView[] = [];
  const unsubscribe: Array<() => void> = [];

  const scheduler: Scheduler = createScheduler({
    clock, timers: options.timers, logger,
    maxDelayMs: options.schedulerMaxDelayMs ?? 3_600_000,
    onWake: (reason) => {
      signals.check?.();
      void serial(() => wake(reason));
    },
  });

  /** Runs one task after the previous ones; a failing task is logged and never stops the queue. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch((error: unknown) => logger.error('engine task failed', { error: String((error as Error)?.stack ?? error) }));
    return run;
  }

  const memory = (): EngineMemory => store.get('engine') ?? {};
  const remember = (patch: Partial<EngineMemory>): void => store.set('engine', { ...memory(), ...patch });
  const agentState = (): AgentState => store.get('agent') ?? { maintenances: {} };
  const outboxSize = (): number => store.get('outbox')?.events.length ?? 0;

  async function addEvent(event: NewEvent): Promise<ForewarnEvent> {
    if (pieces === undefined) throw new Error('no outbox: the engine has no configuration');
    return await pieces.outbox.add(event);
  }

  /** The reader's language: a locale from managed config wins over the OS's. */
  const locale = (): string => config?.locale ?? signals.locale();
  /** The reader's language, zone and moment, for the words of a refusal (the snapshot's use the same device context). */
  const readerContext = (): FormatContext => ({ locale: locale(), zone: signals.zone(), now: clock.now() });

  async function device(now: number): Promise<DeviceContext> {
    const [busy, restartPending] = await Promise.all([
      signals.busy().catch(() => ({})),
      signals.restartPending().catch(() => false),
    ]);
    void now;
    return {
      zone: signals.zone(), locale: locale(), groups: config?.groups ?? [], tags: config?.tags ?? [],
      busy, restartPending, lastBoot: signals.lastBoot(),
    };
  }

  function current(now: number): CurrentSchedule | undefined {
    return pieces?.trust.current(now);
  }

  // ---------------------------------------------------------------------------------------------- write-ahead replay

  /**
   * Re-applies the effect of events still in the outbox (see the header), run once at start, and at every start
   * while the events wait for an upload, so it must be idempotent per event. Acknowledgements, notices,
   * completions, failures and deliveries are idempotent by value; a restart is remembered by its event id. A
   * deferral counts, so it is applied at most once: every action writes its event, then its state, and runs one
   * at a time (and this replay runs before any new event), so a deferral followed by a newer one for the same
   * maintenance is in the state already; the newest is missing only when the state's deferral is not its own.
   * A `failed` restart ends its `restart-started` as `completed` does (the restart is no longer pending).
   */
  function replayOutbox(): void {
    const events = store.get('outbox')?.events ?? [];
    let agent = agentState();
    const mem = memory();
    const restarts = [...(mem.restarts ?? [])];
    let delivered = mem.deliveredVersion ?? 0;
    const newestDeferral = new Map<string, string>();
    for (const e of events) if (e.type === 'deferred' && e.maintenance !== undefined) newestDeferral.set(e.maintenance, e.id);
    for (const e of events) {
      const m = e.maintenance;
      const at = Date.parse(e.at);
      const x = e as Record<string, unknown>;
      if (e.type === 'acknowledged' && m !== undefined) agent = acknowledgeState(agent, m, at);
      else if (e.type === 'notified' && typeof x['notice'] === 'string') {
        agent = markShown(agent, [x['notice'], ...(Array.isArray(x['supersedes']) ? x['supersedes'] as string[] : [])], at);
      } else if (e.type === 'deferred' && m !== undefined) {
        if (newestDeferral.get(m) === e.id) agent = replayDeferral(agent, m, x);
      } else if (e.type === 'restart-started' && m !== undefined && !restarts.some((r) => r.event === e.id)) restarts.push({ event: e.id, maintenance: m, at });
      else if ((e.type === 'completed' || e.type === 'failed') && m !== undefined) {
        if (e.type === 'completed') agent = markCompleted(agent, m, at);
        for (let i = restarts.length - 1; i >= 0; i--) if (restarts[i]!.maintenance === m) restarts.splice(i, 1);
      } else if (e.type === 'delivered' && e.scheduleVersion !== undefined) delivered = Math.max(delivered, e.scheduleVersion);
    }
    store.set('agent', agent);
    remember({ restarts, deliveredVersion: delivered });
  }

  function replayDeferral(agent: AgentState, m: string, x: Record<string, unknown>): AgentState {
    const entry = agent.maintenances[m] ?? { noticesShown: [], deferrals: { count: 0 } };
    const pendingSince = typeof x['pendingSince'] === 'number' ? x['pendingSince'] : undefined;
    let next = { ...entry, deferrals: { ...entry.deferrals } };
    if (typeof x['pickedAt'] === 'number') {
      if (next.pickedRestartAt === x['pickedAt']) return agent;
      next.pickedRestartAt = x['pickedAt'];
    } else if (typeof x['untilMs'] === 'number') {
      if (next.deferrals.until === x['untilMs']) return agent;
      next.deferrals = { count: next.deferrals.count + 1, until: x['untilMs'] };
    } else {
      return agent;
    }
    if (next.pendingSince === undefined && pendingSince !== undefined) next = { ...next, pendingSince };
    return { ...agent, maintenances: { ...agent.maintenances, [m]: next } };
  }

  // ---------------------------------------------------------------------------------------------- planning

  async function wake(reason: string): Promise<void> {
    // A wake-up queued before stop() ran: after it, no timer, no upload, no check-in.
    if (!running) return;
    const now = clock.now();
    if (uploadDueAt !== undefined && uploadDueAt <= now) {
      uploadDueAt = undefined;
      requestUpload();
    }
    if (checkInDueAt !== undefined && checkInDueAt <= now) void checkIn();
    await replanNow(reason);
  }

  async function replanNow(reason: string): Promise<void> {
    if (!running) return;
    const now = clock.now();
    const errors: EngineError[] = [];
    if (options.storeError !== undefined) errors.push({ kind: 'store', detail: options.storeError });
    else if (!options.config.ok) errors.push({ kind: 'no-config', detail: options.config.message });
    if (enrollmentError !== undefined) errors.push(enrollmentError);
    const cur = current(now);
    const ctx = await device(now);
    let schedule: Schedule | undefined;
    let result: Plan | undefined;
    let agent = agentState();
    if (cur?.status === 'valid') {
      schedule = cur.schedule;
      if (lastRejection !== undefined) errors.push(lastRejection);
      await deliver(cur.schedule, cur.version, ctx, now);
      agent = await completeRestarts(agent, now);
      result = plan(schedule, ctx, agent, now, options.settings);
      agent = recordPlan(agent, result, now);
      store.set('agent', agent);
      agent = await showNotices(result, schedule, ctx, agent, now);
      agent = openPrompt(result, agent, now);
      await forcedRestart(result, schedule, ctx, agent, now);
    } else if (cur !== undefined) {
      errors.push(await scheduleError(cur));
    }
    const focus = result?.focus ?? result?.prompt?.maintenance;
    const optionsNow = schedule !== undefined && focus !== undefined && result?.prompt === undefined
      ? restartOptions(schedule, ctx, agentState(), focus, now, options.settings) : undefined;
    const snapshot = buildSnapshot({
      now, device: ctx, agent: agentState(), notices: recent, errors, dryRun: rebooter.dryRun,
      ...(schedule !== undefined ? { schedule } : {}), ...(result !== undefined ? { plan: result } : {}),
      ...(optionsNow !== undefined ? { options: optionsNow } : {}),
      ...(store.get('trust')?.lastCheck !== undefined ? { lastCheck: store.get('trust')!.lastCheck! } : {}),
    });
    lastSnapshot = snapshot;
    presenter.update(snapshot);
    armNext(result?.nextWake ?? now + MAX_SLEEP_FALLBACK, now);
    logger.debug('planned', { reason, status: snapshot.tray.status, nextWake: result?.nextWake });
  }

  function armNext(planWake: number, now: number): void {
    let next = planWake;
    if (uploadDueAt !== undefined) next = Math.min(next, uploadDueAt);
    if (checkInDueAt !== undefined) next = Math.min(next, checkInDueAt);
    scheduler.arm(Math.max(next, now));
  }

  /** `delivered` once per maintenance of each new schedule version (event first, then the memory). */
  async function deliver(schedule: Schedule, version: number, ctx: DeviceContext, now: number): Promise<void> {
    if ((memory().deliveredVersion ?? 0) >= version) return;
    for (const m of schedule.maintenances) {
      if (!appliesTo(m, ctx)) continue;
      await addEvent({ type: 'delivered', at: iso(now), maintenance: m.id, scheduleVersion: version, zone: ctx.zone });
    }
    remember({ deliveredVersion: version });
    requestUpload();
  }

  /** After a new boot with no restart pending, each restart started before it is complete. */
  async function completeRestarts(agent: AgentState, now: number): Promise<AgentState> {
    const restarts = memory().restarts ?? [];
    if (restarts.length === 0) return agent;
    const boot = signals.lastBoot();
    const done = restarts.filter((r) => boot > r.at);
    if (done.length === 0 || await signals.restartPending().catch(() => true)) return agent;
    let next = agent;
    for (const r of done) {
      await addEvent({ type: 'completed', at: iso(now), maintenance: r.maintenance, zone: signals.zone() });
      next = markCompleted(next, r.maintenance, now);
    }
    store.set('agent', next);
    remember({ restarts: restarts.filter((r) => !done.includes(r)) });
    requestUpload();
    return next;
  }

  async function showNotices(result: Plan, schedule: Schedule, ctx: DeviceContext, agent: AgentState, now: number): Promise<AgentState> {
    let next = agent;
    for (const n of result.notices) {
      const m = schedule.maintenances.find((x) => x.id === n.maintenance);
      if (m === undefined) continue;
      const text = noticeText(n, m, { locale: ctx.locale, zone: ctx.zone, now });
      await addEvent({
        type: 'notified', at: iso(now), maintenance: n.maintenance, scheduleVersion: schedule.version, zone: ctx.zone,
        notice: n.id, kind: n.kind, ...(n.supersedes !== undefined && n.supersedes.length > 0 ? { supersedes: n.supersedes } : {}),
      });
      next = markShown(next, [n], now);
      store.set('agent', next);
      rememberNotice(n, text);
      const notification: OsNotification = {
        id: n.id, title: text.title, body: text.body, urgency: urgencyOf(n),
        opens: { view: n.kind === 'incident' || n.kind === 'reminder' ? 'incident' : 'notice', maintenance: n.maintenance, notice: n.id },
      };
      // Shown after the event and the state are persisted: never twice, at worst once too few (header).
      notifier.show(notification).catch((error: unknown) => logger.warn('notification not shown', { id: n.id, error: String(error) }));
    }
    if (result.notices.length > 0) requestUpload();
    return next;
  }

  function rememberNotice(n: NoticeDue, text: { title: string; body: string }): void {
    recent.push({
      id: n.id, maintenance: n.maintenance, kind: n.kind, at: n.at, title: text.title, body: text.body,
      acknowledgementNeeded: n.facts.acknowledgementNeeded === true, acknowledged: false,
    });
    if (recent.length > recentLimit) recent.splice(0, recent.length - recentLimit);
  }

  /** plan() asks for the restart prompt: open it and record when (its cadence counts from here). */
  function openPrompt(result: Plan, agent: AgentState, now: number): AgentState {
    if (result.countdown !== undefined) {
      const key = `${result.countdown.maintenance}@${result.countdown.restartAt}`;
      if (countdownOpened !== key) {
        countdownOpened = key;
        presenter.open({ view: 'countdown', maintenance: result.countdown.maintenance });
      }
    }
    if (result.prompt === undefined || result.countdown !== undefined) return agent;
    const next = markPromptShown(agent, result.prompt.maintenance, now);
    store.set('agent', next);
    presenter.open({ view: 'restart-prompt', maintenance: result.prompt.maintenance });
    return next;
  }

  async function forcedRestart(result: Plan, schedule: Schedule, ctx: DeviceContext, agent: AgentState, now: number): Promise<void> {
    const at = result.countdown?.restartAt ?? result.forcedRestartAt;
    if (at === undefined || now < at || (memory().restarts ?? []).length > 0) return;
    await startRestart(schedule, ctx, agent, now, 'deadline');
  }

  /** `restart-started` for every pending restart (one restart completes them all), then the command. */
  async function startRestart(schedule: Schedule, ctx: DeviceContext, agent: AgentState, now: number, reason: string): Promise<ActionError | undefined> {
    const open = schedule.maintenances.filter((m) => restartOptions(schedule, ctx, agent, m.id, now, options.settings) !== undefined);
    const restarts = [...(memory().restarts ?? [])];
    for (const m of open) {
      const event = await addEvent({ type: 'restart-started', at: iso(now), maintenance: m.id, scheduleVersion: schedule.version, zone: ctx.zone, reason });
      restarts.push({ event: event.id, maintenance: m.id, at: now });
    }
    remember({ restarts });
    try {
      await rebooter.restart({ maintenance: open[0]?.id ?? '', reason });
      return undefined;
    } catch (error) {
      const message = `the restart command failed: ${String((error as Error)?.message ?? error)}`.slice(0, 500);
      for (const m of open) await addEvent({ type: 'failed', at: iso(clock.now()), maintenance: m.id, reason: message, zone: ctx.zone });
      remember({ restarts: (memory().restarts ?? []).filter((r) => !open.some((m) => m.id === r.maintenance)) });
      return { code: 'restart-failed', message: refusalText('restart-failed', readerContext()), detail: message };
    } finally {
      requestUpload();
    }
  }

  /** The tray's error for a schedule that cannot be used; an expiry is reported once per version. */
  async function scheduleError(cur: Exclude<CurrentSchedule, { status: 'valid' }>): Promise<EngineError> {
    if (cur.status === 'expired') {
      const version = cur.version ?? 0;
      if (memory().expiredReported !== version) {
        await addEvent({ type: 'schedule-rejected', at: iso(clock.now()), reason: 'expired', detail: cur.detail.slice(0, 2000), ...(version > 0 ? { scheduleVersion: version } : {}) });
        remember({ expiredReported: version });
        requestUpload();
      }
      return { kind: 'expired-schedule', detail: cur.detail };
    }
    if (cur.status === 'none') return { kind: 'no-schedule', detail: cur.detail };
    return { kind: 'rejected-schedule', detail: `${cur.rejection.reason}: ${cur.rejection.detail}` };
  }

  /** A rejected schedule from the server: reported once per distinct reason and detail. */
  async function reportRejection(reason: string, detail: string): Promise<void> {
    const key = `${reason}:${detail}`.slice(0, 2200);
    lastRejection = { kind: 'rejected-schedule', text: 'rejected-update', detail: `${reason}: ${detail}` };
    if (memory().rejectionReported === key) return;
    await addEvent({ type: 'schedule-rejected', at: iso(clock.now()), reason: reason.slice(0, 64), detail: (detail || reason).slice(0, 2000) });
    remember({ rejectionReported: key });
    requestUpload();
  }

  // ---------------------------------------------------------------------------------------------- uploads

  /**
   * Starts an upload unless one runs (then one more runs after it). Never blocks the caller. `force` (after a
   * person's action) tries now even while the uploader backs off from an earlier failure.
   */
  function requestUpload(force = false): void {
    const uploader = pieces?.uploader;
    if (uploader === undefined || !running) return;
    if (uploading) {
      uploadAgain = true;
      forceNext ||= force;
      return;
    }
    forceNext = force;
    uploading = true;
    uploads = (async () => {
      let reenrolled = false; // at most once per upload run: a server that keeps answering 401 is not a loop
      do {
        uploadAgain = false;
        const forced = forceNext;
        forceNext = false;
        let outcome: UploadOutcome;
        try {
          outcome = await uploader.flush(forced ? { force: true } : {});
        } catch (error) {
          logger.warn('upload failed', { error: String(error) });
          outcome = {};
        }
        if ((outcome.accepted ?? 0) + (outcome.duplicate ?? 0) > 0) logger.info('uploaded', { accepted: outcome.accepted, duplicate: outcome.duplicate });
        // Enrolled again (the server had forgotten the credential): send at once with the new one.
        if (outcome.needsEnrollment && !reenrolled && await enroll(true)) uploadAgain = reenrolled = true;
        const left = outcome.remaining ?? outboxSize();
        if (left > 0 && !uploadAgain) {
          // Bounded cadence: the scheduler's next wake-up tries again (full jitter, capped), no loop of our own.
          uploadFailures += 1;
          const base = Math.min(UPLOAD_CAP_MS, (options.uploadRetryMs ?? 60_000) * 2 ** Math.min(uploadFailures - 1, 10));
          uploadDueAt = outcome.retryAt ?? clock.now() + Math.max(1000, Math.floor(random() * base));
          // `running` is checked when the task runs too: stop() may be queued ahead of it (no timer after stop).
          if (running) void serial(async () => { if (running) armNext(scheduler.armedFor ?? clock.now() + MAX_SLEEP_FALLBACK, clock.now()); });
        } else if (left === 0) {
          uploadFailures = 0;
          uploadDueAt = undefined;
        }
      } while (uploadAgain && running);
      uploading = false;
    })();
  }

  async function enroll(force: boolean): Promise<boolean> {
    const enroller = pieces?.enroller;
    if (enroller === undefined) return true;
    const r = await enroller.ensure({ force }).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    if (r.ok) {
      enrollmentError = undefined;
      return true;
    }
    // Not reaching the server is not an enrollment problem for IT: the last check already says "unreachable".
    if ('detail' in r && r.detail === 'unreachable') return false;
    enrollmentError = { kind: 'enrollment', detail: r.message };
    return false;
  }

  async function checkIn(): Promise<void> {
    if (!running) return;
    const enroller = pieces?.enroller;
    checkInDueAt = clock.now() + (options.checkInEveryMs ?? 86_400_000);
    if (enroller?.checkIn === undefined) return;
    const cur = current(clock.now());
    await enroller.checkIn({ zone: signals.zone(), ...(cur?.status === 'valid' ? { scheduleVersion: cur.version } : {}) })
      .catch((error: unknown) => logger.warn('check-in failed', { error: String(error) }));
  }

  // ---------------------------------------------------------------------------------------------- requests

  async function snapshotNow(): Promise<Snapshot> {
    if (lastSnapshot === undefined) await replanNow('snapshot');
    if (lastSnapshot !== undefined) return lastSnapshot;
    // Not started (or stopped before its first plan): what the views can show is the error, if any.
    const now = clock.now();
    const errors: EngineError[] = [];
    if (options.storeError !== undefined) errors.push({ kind: 'store', detail: options.storeError });
    else if (!options.config.ok) errors.push({ kind: 'no-config', detail: options.config.message });
    return buildSnapshot({ now, device: await device(now), agent: agentState(), notices: recent, errors, dryRun: rebooter.dryRun });
  }

  /** A refused action: the reason in the reader's words (core/messages), the specifics for IT in `detail`. */
  function refuse(reason: RefusalReason, detail?: string): ActionResult {
    const error: ActionError = { code: reason === 'link-not-offered' ? 'not-offered' : reason, message: refusalText(reason, readerContext()) };
    if (detail !== undefined) error.detail = detail;
    return { ok: false, error };
  }

  /** After a user action: the state changed, so plan again, then upload. */
  async function done(reason: string): Promise<ActionResult> {
    await replanNow(reason);
    requestUpload(true);
    return { ok: true, snapshot: lastSnapshot! };
  }

  /** The valid schedule and device now, or the refusal to return. */
  async function actionable(): Promise<{ schedule: Schedule; ctx: DeviceContext; now: number; version: number } | ActionResult> {
    if (!running) return refuse('not-running', 'the agent is not running');
    const now = clock.now();
    const cur = current(now);
    if (cur?.status !== 'valid') return refuse('no-schedule', 'there is no valid schedule to act on');
    return { schedule: cur.schedule, ctx: await device(now), now, version: cur.version };
  }

  const requests: AgentRequests = {
    getSnapshot: () => serial(snapshotNow),

    acknowledge: (maintenance) => serial(async () => {
      const a = await actionable();
      if ('ok' in a) return a;
      const m = a.schedule.maintenances.find((x) => x.id === maintenance);
      if (m === undefined || !appliesTo(m, a.ctx)) return refuse('unknown-maintenance', `no maintenance "${maintenance}" for this computer`);
      if (agentState().maintenances[maintenance]?.acknowledgedAt !== undefined) return done('acknowledge (again)');
      await addEvent({ type: 'acknowledged', at: iso(a.now), maintenance, scheduleVersion: a.version, zone: a.ctx.zone });
      store.set('agent', acknowledgeState(agentState(), maintenance, a.now));
      return done('acknowledge');
    }),

    defer: (maintenance, choice) => serial(async () => {
      const a = await actionable();
      if ('ok' in a) return a;
      const r = deferState(agentState(), a.schedule, a.ctx, maintenance, choice, a.now, options.settings);
      if (!r.ok) return refuse(r.reason, `defer "${maintenance}": ${r.reason}`);
      const entry = r.state.maintenances[maintenance]!;
      const until = choice.kind === 'defer' ? a.now + choice.seconds * 1000 : choice.at;
      await addEvent({
        type: 'deferred', at: iso(a.now), maintenance, scheduleVersion: a.version, zone: a.ctx.zone,
        choice: choice.kind === 'defer' ? choiceName(choice.seconds) : 'pick-time', until: iso(until),
        ...(choice.kind === 'defer' ? { untilMs: until } : { pickedAt: choice.at }),
        ...(entry.pendingSince !== undefined ? { pendingSince: entry.pendingSince } : {}),
      });
      store.set('agent', r.state);
      return done('defer');
    }),

    restartNow: (maintenance) => serial(async () => {
      const a = await actionable();
      if ('ok' in a) return a;
      const agent = agentState();
      const offered = restartOptions(a.schedule, a.ctx, agent, maintenance, a.now, options.settings);
      if (offered === undefined) return refuse('not-pending', `no restart is pending for "${maintenance}"`);
      if ((memory().restarts ?? []).length > 0 && !rebooter.dryRun) return done('restart already started');
      const failed = await startRestart(a.schedule, a.ctx, agent, a.now, 'user');
      if (failed !== undefined) return { ok: false, error: failed };
      return done('restart-now');
    }),

    reportProblem: (report) => serial(async () => {
      if (!running) return refuse('not-running', 'the agent is not running');
      // No managed config, so no outbox: nothing could keep or send the report.
      if (pieces === undefined) return refuse('not-running', 'the agent has no managed configuration, so it cannot send a report');
      const now = clock.now();
      const cur = current(now);
      await addEvent({
        type: 'feedback', at: iso(now), text: report.text, zone: signals.zone(),
        ...(report.contact !== undefined ? { contact: report.contact } : {}),
        ...(report.maintenance !== undefined ? { maintenance: report.maintenance } : {}),
        ...(cur?.status === 'valid' ? { scheduleVersion: cur.version } : {}),
      });
      return done('feedback');
    }),

    checkNow: async () => {
      if (pieces?.poller !== undefined) await pieces.poller.checkNow();
      return serial(() => done('check-now'));
    },

    openHelpLink: (url) => serial(async () => {
      // Only https links the signed schedule lists leave the agent, whatever a view asks for.
      if (!isAllowedHelpLink(await snapshotNow(), url)) {
        logger.warn('link refused: not an https link listed in the signed schedule', { url });
        return refuse('link-not-offered', 'not an https link listed in the signed schedule');
      }
      options.openExternal?.(url);
      if (options.openExternal === undefined) logger.info('open link', { url });
      return { ok: true as const, snapshot: await snapshotNow() };
    }),

    openView: (request) => serial(async () => {
      presenter.open(request);
      return { ok: true as const, snapshot: await snapshotNow() };
    }),
  };

  function pollResultNow(result: PollResult): void {
    void serial(async () => {
      if (result.outcome === 'rejected') await reportRejection(result.reason, result.detail);
      else if (result.outcome === 'updated' || result.outcome === 'same') lastRejection = undefined;
      if (result.outcome === 'unauthorized' && await enroll(true)) void pieces?.poller?.checkNow();
      await replanNow(`poll ${result.outcome}`);
    });
  }

  const engine: Engine = {
    ...requests,
    start: () => serial(async () => {
      if (running) return;
      running = true;
      replayOutbox();
      for (const event of ['resume', 'unlock', 'zone-changed', 'clock-changed', 'locale-changed'] as const) {
        unsubscribe.push(signals.on(event, () => void serial(() => replanNow(event))));
      }
      unsubscribe.push(notifier.onActivate((n) => presenter.open(n.opens)));
      if (pieces !== undefined) {
        const started = pieces.trust.start();
        for (const r of started.rejections) await reportRejection(r.reason, r.detail);
        if (await enroll(false)) checkInDueAt = clock.now();
        pieces.poller?.start();
        pieces.sse?.start();
      }
      await replanNow('start');
      if (checkInDueAt !== undefined && checkInDueAt <= clock.now()) void checkIn();
      requestUpload();
    }),
    stop: async () => {
      await serial(async () => {
        running = false;
        scheduler.stop();
        pieces?.poller?.stop();
        pieces?.sse?.stop();
        for (const u of unsubscribe.splice(0)) u();
      });
      await uploads;
    },
    replan: (reason) => serial(() => replanNow(reason)),
    pollResult: pollResultNow,
    async settled() {
      // Tasks can queue more tasks (an upload re-arms the scheduler): wait until nothing new was queued.
      for (let i = 0; i < 50; i++) {
        const q = queue;
        const u = uploads;
        await q;
        await u;
        if (q === queue && u === uploads && !uploading) return;
      }
    },
    get wakeups() {
      return scheduler.firings;
    },
    async handle(channel, args) {
      // The contract: a request never throws across the boundary. An unexpected failure is logged and answered.
      try {
        const parsed = parseRequest(channel, args);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        const fn = requests[channel] as (...a: unknown[]) => Promise<ActionResult | Snapshot>;
        return await fn(...(parsed.args as unknown[]));
      } catch (error) {
        logger.error('request failed', { channel, error: String((error as Error)?.stack ?? error) });
        const detail = `${channel} failed: ${String((error as Error)?.message ?? error)}`.slice(0, 500);
        try {
          return refuse('not-running', detail);
        } catch {
          return { ok: false, error: { code: 'not-running', message: 'Forewarn is not ready yet. Please try again in a moment.', detail } };
        }
      }
    },
  };
  return engine;
}

function urgencyOf(n: NoticeDue): Urgency {
  if (n.kind === 'forced-warning' || n.kind === 'deadline-passed' || n.kind === 'incident') return 'critical';
  if (n.kind === 'all-done' || n.kind === 'advance') return 'low';
  return 'normal';
}
