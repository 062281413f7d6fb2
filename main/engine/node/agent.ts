/**
 * The one composition of the engine: the pieces (trust keeper, poller, SSE stream, enrollment, outbox, uploader)
 * wired to the engine, with the Node adapters by default — conf state store, 0600 file secrets, Node's fetch,
 * node-notifier, Node SystemSignals, the dry-run rebooter unless restarts are explicitly allowed. `forewarn
 * agent`, `forewarn preview`, the kill -9 tests and the benchmarks start the agent through here; the Electron app
 * (main/electron/compose.ts) too, passing its own store backend, secrets, fetch, notifier and signals — so what the
 * tests exercise is what runs. Tests may swap the clock and timers, the notifier and the system signals.
 */
import { join } from 'node:path';
import type { ManagedConfig } from '../../platform/managed-config.js';
import { createRebooter, type NodeRebooter } from '../../platform/rebooter.js';
import { createSystemSignals } from '../../platform/system-signals.js';
import { createEngine, type Engine, type EnginePieces } from '../engine.js';
import { Enrollment } from '../enroll/enroll.js';
import { FileSecrets } from '../enroll/file-secrets.js';
import { Poller } from '../fetch/poller.js';
import { rootFetcher } from '../fetch/roots.js';
import { ScheduleStream } from '../fetch/sse.js';
import type {
  Clock, Http, Logger, Notifier, Presenter, Random, Secrets, SystemSignals, Timers,
} from '../ports.js';
import { openConfStore, openStateStore, type StateStore, type WholeStateBackend } from '../state/conf-store.js';
import type { StateFiles } from '../state/store-options.js';
import { TrustKeeper } from '../trust/keeper.js';
import { createNodeNotifier } from '../notify/node-notifier.js';
import { Uploader } from '../outbox/uploader.js';
import { createOutbox } from './outbox-pieces.js';

export interface NodeAgentOptions {
  /** The managed config, or why there is none (the agent then runs in its error state). */
  config: { ok: true; config: ManagedConfig } | { ok: false; message: string; detail?: string };
  /** The agent's own folder: state.json, its backup, the credential file. */
  stateDir: string;
  /** Really restart the computer (default: dry run, the restart command is only logged). */
  allowRestart?: boolean;
  logger: Logger;
  presenter: Presenter;
  clock?: Clock;
  /** The engine's scheduler timer. */
  timers?: Timers;
  /** Timers for network pieces (poller, SSE, uploads, timeouts); default `timers`. */
  networkTimers?: Timers;
  http?: Http;
  random?: Random;
  notifier?: Notifier;
  signals?: SystemSignals & { check?(): void };
  /** Turn the SSE stream off (polling only). */
  sse?: boolean;
  /** Engine option passthroughs (tests). */
  uploadRetryMs?: number;
  pollIntervalMs?: number;
  openExternal?: (url: string) => void;
  /** The state file's backend (electron-store in the app); conf by default. */
  stateBackend?: (files: StateFiles) => WholeStateBackend;
  /** Where the device credential is kept (safeStorage in the app); a 0600 file in stateDir by default. */
  secrets?: Secrets;
}

export interface NodeAgent {
  engine: Engine;
  /**
   * Stops the engine, then ends what the Node adapters hold open: on Linux each clickable notification keeps a
   * `notify-send --wait` child alive, which would keep the process up until someone dismissed it.
   */
  stop(): Promise<void>;
  store?: StateStore;
  rebooter: NodeRebooter;
  /** The device id (undefined when the store could not be opened). */
  deviceId?: string;
  poller?: Poller;
  stream?: ScheduleStream;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Builds the agent (not started: call `engine.start()`). */
export function createNodeAgent(options: NodeAgentOptions): NodeAgent {
  const clock = options.clock ?? { now: () => Date.now() };
  const timers = options.timers ?? realTimers;
  const net = options.networkTimers ?? timers;
  const http = options.http ?? ((input, init) => fetch(input, init));
  const random = options.random ?? Math.random;
  const { logger, presenter } = options;
  // The one place that decides real restarts: the caller must allow them (`--allow-restart`; the installed app)
  // and IT must not have made this computer a dry run (`dryRun` in the managed config, e.g. a pilot group).
  const dryRun = options.allowRestart !== true || (options.config.ok && options.config.config.dryRun === true);
  const rebooter = createRebooter({ dryRun, logger });
  const signals = options.signals ?? createSystemSignals({ clock, logger });
  const own = options.notifier === undefined ? createNodeNotifier({ logger }) : undefined;
  const notifier = options.notifier ?? own!;
  const stopping = (engine: Engine) => async (): Promise<void> => {
    await engine.stop();
    own?.close();
  };
  const base = {
    clock, timers, notifier, presenter, rebooter, signals, logger, random,
    ...(options.uploadRetryMs !== undefined ? { uploadRetryMs: options.uploadRetryMs } : {}),
    ...(options.openExternal !== undefined ? { openExternal: options.openExternal } : {}),
  };

  const opened = options.stateBackend
    ? openStateStore({ cwd: options.stateDir, clock }, options.stateBackend)
    : openConfStore({ cwd: options.stateDir, clock });
  if (!opened.ok) {
    // A state file from a newer agent: never overwritten; the agent shows the error and does nothing else.
    const empty = { get: () => undefined, set: () => undefined };
    const engine = createEngine({ ...base, store: empty, storeError: opened.refusal.message, config: options.config.ok ? { ok: false, message: 'not read: the state store is unusable' } : options.config });
    return { engine, rebooter, stop: stopping(engine) };
  }
  const store = opened.store;
  if (!options.config.ok) {
    const engine = createEngine({ ...base, store, config: options.config });
    return { engine, stop: stopping(engine), store, rebooter, deviceId: store.get('device')?.id };
  }
  const config = options.config.config;
  const secrets = options.secrets ?? new FileSecrets(join(options.stateDir, 'credential.json'), logger);
  const enrollment = new Enrollment({
    serverUrl: config.serverUrl, fleet: config.fleet, http, secrets, store, clock, timers: net, logger,
    token: () => config.enrollmentToken, groups: config.groups, tags: config.tags,
  });
  const trust = new TrustKeeper({
    pinnedRoot: config.rootBytes, fleet: config.fleet, store, clock, logger,
    fetchRoot: rootFetcher({ serverUrl: config.serverUrl, fleet: config.fleet, http, timers: net }),
  });
  // Created below; the poller's callback only runs after start(), when it is set.
  const late: { engine?: Engine } = {};
  const credential = () => enrollment.credential();
  const poller = new Poller({
    serverUrl: config.serverUrl, fleet: config.fleet, http, clock, timers: net, random, logger, sink: trust, credential,
    ...(options.pollIntervalMs !== undefined ? { intervalMs: options.pollIntervalMs }
      : config.pollIntervalSeconds !== undefined ? { intervalMs: config.pollIntervalSeconds * 1000 } : {}),
    onResult: (result) => late.engine?.pollResult(result),
  });
  const stream = options.sse === false ? undefined : new ScheduleStream({
    serverUrl: config.serverUrl, fleet: config.fleet, http, clock, timers: net, random, logger, credential,
    currentVersion: () => trust.version(),
    onNewer: () => void poller.checkNow(),
    onUnauthorized: () => void enrollment.reenroll(),
  });
  const outbox = createOutbox({ store, clock, logger });
  const uploader = new Uploader({ outbox, http, clock, timers: net, random, logger, serverUrl: config.serverUrl, fleet: config.fleet, credential });
  if (opened.recovered !== undefined) logger.warn('state store recovered', { ...opened.recovered });
  const pieces: EnginePieces = {
    trust, outbox, uploader, poller, ...(stream !== undefined ? { sse: stream } : {}),
    enroller: {
      async ensure(o) {
        const status = o?.force ? await enrollment.reenroll() : await enrollment.ensure();
        return status.state === 'enrolled' ? { ok: true } : { ok: false, message: status.message, detail: status.kind };
      },
      checkIn: (report) => enrollment.checkIn({ groups: config.groups, tags: config.tags, ...report }),
    },
  };
  const engine = createEngine({
    ...base, store, pieces,
    config: { ok: true, config: { fleet: config.fleet, groups: config.groups, tags: config.tags, ...(config.locale !== undefined ? { locale: config.locale } : {}) } },
  });
  late.engine = engine;
  return { engine, stop: stopping(engine), store, rebooter, deviceId: store.get('device')?.id, poller, ...(stream !== undefined ? { stream } : {}) };
}
