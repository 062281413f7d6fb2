/**
 * The engine's ports (ARCHITECTURE.md): everything the agent's behaviour needs from the outside world. The same
 * engine runs inside Electron (Electron adapters), inside `forewarn preview` and the Node agent (Node adapters),
 * and in tests (the Node adapters against real servers; fakes only for the clock and timers). Nothing in
 * main/engine reads the clock, starts a timer, touches a file or the network except through these.
 */
import type { BusySignals } from '../../core/policy/index.js';

/** Wall-clock time, epoch milliseconds (UTC). Jumps when the user or NTP sets the clock. */
export interface Clock {
  now(): number;
}

/** A cancellable one-shot timer; the engine holds at most one for plan()'s next wake-up (Scheduler), the poller one. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
/** Opaque: whatever the platform's setTimeout returns. */
export type TimerHandle = unknown;

/** WHATWG fetch: Node's global fetch in Node, Electron's net.fetch in the app (so system proxies apply). */
export type Http = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The agent's persistent memory: electron-store in the app, conf in Node — the same get/set API. `set` is
 * durable when it returns (the whole file written to a temporary file, flushed and renamed), so a crash right
 * after it never loses the value, and a crash during it never leaves a half-written file.
 */
export interface Store<T extends object> {
  get<K extends keyof T>(key: K): T[K] | undefined;
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Secrets kept apart from the store (the device credential): Electron safeStorage in the app, a 0600 file in Node. */
export interface Secrets {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export type Urgency = 'low' | 'normal' | 'critical';

/** What a view shows; the presenter opens it, a notification click leads to it. */
export type ViewName =
  | 'notice' | 'restart-prompt' | 'countdown' | 'how-we-patch' | 'help' | 'incident' | 'feedback' | 'status';

export interface ViewRequest {
  view: ViewName;
  maintenance?: string;
  /** The notice id (core/policy NoticeDue.id) the view is about. */
  notice?: string;
}

export interface OsNotification {
  /** Stable per notice, so showing it again replaces rather than stacks. */
  id: string;
  title: string;
  body: string;
  urgency: Urgency;
  /** Where a click on it leads. */
  opens: ViewRequest;
}

/** OS notifications: Electron's Notification in the app; node-notifier as the fallback and in Node. */
export interface Notifier {
  /** Resolves once the OS accepted it (not when the person saw it); rejects when it could not be shown. */
  show(notification: OsNotification): Promise<void>;
  /** A click (or the default action) on a notification this notifier showed. Returns the unsubscribe function. */
  onActivate(listener: (notification: OsNotification) => void): () => void;
}

/** The views: BrowserWindows in the app, the loopback browser bridge in preview, a recorder in tests. */
export interface Presenter {
  open(request: ViewRequest): void;
  /** Everything the views and the tray show changed (the engine calls this after every re-plan). */
  update(snapshot: unknown): void;
}

/** Restarts the computer. Only the engine calls it, only after "restart-started" is in the outbox. */
export interface Rebooter {
  /** True when restart() only records the command it would run (every test; `--dry-run`). */
  readonly dryRun: boolean;
  restart(request: { maintenance: string; reason: string }): Promise<void>;
}

export type SystemEvent = 'suspend' | 'resume' | 'lock' | 'unlock' | 'zone-changed' | 'clock-changed' | 'locale-changed';

/** What the computer tells about itself. */
export interface SystemSignals {
  zone(): string;
  locale(): string;
  busy(): Promise<BusySignals>;
  /** The OS has an update waiting for a restart (Windows RebootPending, /run/reboot-required, …). */
  restartPending(): Promise<boolean>;
  /** When the computer last started, epoch ms. */
  lastBoot(): number;
  on(event: SystemEvent, listener: () => void): () => void;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Randomness for jitter and ids, injectable so tests can replay a run. Returns [0, 1). */
export type Random = () => number;
