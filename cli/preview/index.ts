/**
 * `forewarn preview`, as a function: the REAL engine (main/engine/node/agent.ts) against a REAL fleet server
 * (in-process, SQLite in a temporary folder), showing the REAL views (dist/renderer) in any browser through a
 * loopback bridge that implements `window.forewarn` (core/agent-api.ts AgentBridge) over HTTP. IT sees what
 * people will see before publishing; the browser tests drive the same thing.
 *
 * Using it (tests, scripts):
 *
 *   const preview = await startPreview({ schedule: 'examples/schedule.yaml', zone: 'Europe/Paris', locale: 'en',
 *     at: '2026-12-08T20:30:00+01:00', speed: 1, notifier: 'record' });
 *   await page.goto(preview.url);                 // sets the session cookie, then redirects to '/'
 *   await page.goto(preview.viewUrl('restart-prompt', { maintenance: '2026-12-patch-tuesday' }));
 *   const snapshot = await preview.engine.getSnapshot();
 *   await preview.call('defer', ['2026-12-patch-tuesday', { kind: 'defer', seconds: 3600 }]); // over real HTTP
 *   preview.opened;                               // links openHelpLink let through (https + listed in the schedule)
 *   preview.notifications;                        // OS notifications the engine showed
 *   preview.views;                                // views the engine asked to open ('open-view')
 *   preview.restarts;                             // the dry-run restart commands (argv) it would have run
 *   await preview.serverEvents();                 // the events the fleet server stored, as IT's status reads them
 *   await preview.stop();
 *
 * Options: `schedule` is a path (YAML/JSON source, or a signed envelope plus `root`), or bytes as
 * `{ envelope, root }`. An unsigned source is signed with throwaway keys made in memory for this preview only.
 * `at` (ISO instant, default now) and `speed` (default 1) set plan time: at + real elapsed × speed; the engine's
 * timers wait delay / speed. `zone` and `locale` are what the computer reports (default: this computer's).
 * Every port is 127.0.0.1 only; `port` fixes the views' port (default: a free one).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionResult, AgentEvents, Snapshot, ViewName } from '../../core/agent-api.js';
import type { Engine } from '../../main/engine/engine.js';
import { createNodeAgent } from '../../main/engine/node/agent.js';
import { createNodeNotifier } from '../../main/engine/notify/node-notifier.js';
import type { Logger, Notifier, OsNotification, ViewRequest } from '../../main/engine/ports.js';
import { readSystemLocale } from '../../main/platform/locale.js';
import type { RestartRecord } from '../../main/platform/rebooter.js';
import { readSystemZone } from '../../main/platform/zone.js';
import type { StoredEvent } from '../../server/storage/index.js';
import { CliError } from '../errors.js';
import { startBridgeServer } from './bridge-server.js';
import { previewSchedule, startFleet, type PreviewSchedule } from './fleet.js';
import { previewSignals } from './preview-signals.js';
import { parseAt, scaledTime } from './scaled-time.js';

export interface PreviewOptions {
  /** A schedule file (YAML/JSON source or signed envelope), or a signed envelope's bytes with its root's. */
  schedule: string | { envelope: Uint8Array; root: Uint8Array };
  /** The root file a signed schedule must verify against (ignored for a source: it gets a throwaway root). */
  root?: string;
  /** IANA zone the computer reports (default: this computer's). */
  zone?: string;
  /** Language tag the computer reports (default: this computer's). */
  locale?: string;
  /** Plan time at the start, an ISO instant with offset or Z (default: now). */
  at?: string;
  /** Plan time runs this many times faster than real time (default 1). */
  speed?: number;
  /** The views' port (default 0: a free one). */
  port?: number;
  /** The built views (default <repo>/dist/renderer). */
  rendererDir?: string;
  /** The groups and tags this computer has (a schedule's audiences). */
  groups?: string[];
  tags?: string[];
  /**
   * OS notifications: 'record' (default) only records them (and calls onNotification); 'os' also shows them
   * with this computer's notification system; or a Notifier of the test's own.
   */
  notifier?: 'record' | 'os' | Notifier;
  logger?: Logger;
  /** Told of every link the preview "opens" (recorded, printed by the CLI; never a real browser launch). */
  onOpenLink?: (url: string, at: number) => void;
  /** Told of every OS notification the engine shows, with the plan time. */
  onNotification?: (notification: OsNotification, at: number) => void;
  /** Told of every view the engine opens, with the plan time. */
  onView?: (request: ViewRequest, at: number) => void;
}

export interface Preview {
  /** Open this in a browser: it carries the session token once, then a cookie does. */
  url: string;
  /** The views' origin (no token). */
  origin: string;
  /** The session token (send as X-Forewarn-Session, or use `cookie`). */
  token: string;
  /** The session cookie, "name=value", for a client that does not follow the first redirect. */
  cookie: string;
  /** A view's address (after the session is set), e.g. viewUrl('restart-prompt', { maintenance }). */
  viewUrl(view: ViewName, params?: { maintenance?: string; notice?: string }): string;
  /** The fleet server's URL (its IT dashboard is at /dashboard, with `adminToken`). */
  serverUrl: string;
  adminToken: string;
  fleet: string;
  deviceId: string | undefined;
  engine: Engine;
  /** Calls a channel over the real HTTP bridge, as the page does; resolves with the HTTP status and body. */
  call(channel: string, args: unknown[]): Promise<{ status: number; body: ActionResult | Snapshot | { ok: false; error: { code: string; message: string } } }>;
  /** Links let through openHelpLink, in order. */
  readonly opened: readonly string[];
  /** Links refused by openHelpLink (not https, or not in the signed schedule). */
  readonly refusedLinks: readonly string[];
  readonly notifications: readonly OsNotification[];
  readonly views: readonly ViewRequest[];
  /** The restart commands the dry-run rebooter recorded. */
  readonly restarts: readonly RestartRecord[];
  /** The events the fleet server stored for this preview's device. */
  serverEvents(): Promise<StoredEvent[]>;
  /** Plan time now. */
  now(): number;
  stop(): Promise<void>;
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** <repo>/dist/renderer, found like the dashboard's folder: beside the package.json above this module. */
export function defaultRendererDir(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'renderer');
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(from)), 'renderer');
    dir = parent;
  }
}

function readSchedule(options: PreviewOptions): PreviewSchedule {
  if (typeof options.schedule !== 'string') return { kind: 'signed', ...options.schedule, name: 'the signed schedule' };
  const read = (file: string, what: string): Buffer => {
    try {
      return readFileSync(resolve(file));
    } catch (error) {
      throw new CliError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  };
  return previewSchedule(read(options.schedule, 'schedule'), options.schedule, options.root !== undefined ? read(options.root, 'root') : undefined);
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const logger = options.logger ?? silent;
  const speed = options.speed ?? 1;
  const time = scaledTime(options.at !== undefined ? parseAt(options.at) : Date.now(), speed);
  const withRate = (snapshot: Snapshot): Snapshot => (speed === 1 ? snapshot : { ...snapshot, rate: speed });
  const zone = options.zone ?? readSystemZone();
  const locale = options.locale ?? readSystemLocale();
  const signals = previewSignals({ zone, locale, at: time.at });
  const input = readSchedule(options);
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-preview-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const cleanup = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    const fleet = await startFleet(input, { dir, now: time.clock.now });
    cleanups.push(() => fleet.stop());

    const opened: string[] = [];
    const refusedLinks: string[] = [];
    const notifications: OsNotification[] = [];
    const views: ViewRequest[] = [];
    let last: Snapshot | undefined;
    let broadcast: <E extends keyof AgentEvents>(channel: E, payload: AgentEvents[E]) => void = () => undefined;

    const notifier = recordingNotifier(options.notifier ?? 'record', logger, (n) => {
      notifications.push(n);
      options.onNotification?.(n, time.clock.now());
    });
    const built = createNodeAgent({
      config: { ok: true, config: {
        serverUrl: fleet.url, fleet: fleet.fleet, rootBytes: fleet.rootBytes, enrollmentToken: fleet.enrollmentToken,
        groups: options.groups ?? [], tags: options.tags ?? [],
      } },
      stateDir: join(dir, 'agent'),
      logger, clock: time.clock, timers: time.timers,
      // Network waits (poll interval, backoff, request timeouts) stay in real time: the server is real.
      networkTimers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      notifier, signals,
      presenter: {
        update(snapshot) {
          last = withRate(snapshot as Snapshot);
          broadcast('snapshot-changed', last);
        },
        open(request) {
          views.push(request);
          options.onView?.(request, time.clock.now());
          broadcast('open-view', request);
        },
      },
      openExternal(url) {
        opened.push(url);
        options.onOpenLink?.(url, time.clock.now());
      },
    });
    const { engine } = built;

    const bridge = await startBridgeServer({
      rendererDir: options.rendererDir ?? defaultRendererDir(), ...(options.port !== undefined ? { port: options.port } : {}),
      handlers: {
        lastSnapshot: () => last,
        async handle(channel, args) {
          const answer = await engine.handle(channel, args);
          // Every snapshot the page gets carries the preview's speed, so its countdowns run at plan time.
          const result = 'tray' in answer ? withRate(answer) : answer.ok ? { ...answer, snapshot: withRate(answer.snapshot) } : answer;
          // The engine refuses links the signed schedule does not list (core/help-links.ts); the preview shows IT which.
          if (channel === 'openHelpLink' && !(result as { ok?: boolean }).ok) refusedLinks.push(args[0] as string);
          return result;
        },
      },
    });
    cleanups.push(() => bridge.stop());
    broadcast = (channel, payload) => bridge.broadcast(channel, payload);

    cleanups.push(() => built.stop());
    time.start();
    await engine.start();
    // The first fetch now, not after the poller's random start delay; then wait until it is planned and reported.
    await engine.checkNow();
    await engine.settled();

    return {
      url: bridge.url, origin: bridge.origin, token: bridge.token, cookie: bridge.cookie,
      viewUrl(view, params = {}) {
        const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
        return `${bridge.origin}/#/${view}${query ? `?${query}` : ''}`;
      },
      serverUrl: fleet.url, adminToken: fleet.adminToken, fleet: fleet.fleet, deviceId: built.deviceId ?? built.store?.get('device')?.id,
      engine,
      async call(channel, args) {
        const res = await fetch(`${bridge.origin}/api/${channel}`, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-forewarn-session': bridge.token }, body: JSON.stringify(args),
        });
        return { status: res.status, body: await res.json() as Awaited<ReturnType<Preview['call']>>['body'] };
      },
      opened, refusedLinks, notifications, views,
      get restarts() {
        return built.rebooter.records;
      },
      serverEvents: async () => {
        const device = built.store?.get('device')?.id;
        return fleet.storage.events({ fleet: fleet.fleet, ...(device !== undefined ? { device } : {}) });
      },
      now: time.clock.now,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The preview's notifier: records every notification, and shows it on this computer too when asked. */
function recordingNotifier(kind: NonNullable<PreviewOptions['notifier']>, logger: Logger, record: (n: OsNotification) => void): Notifier {
  const inner: Notifier | undefined = kind === 'os' ? createNodeNotifier({ logger }) : kind === 'record' ? undefined : kind;
  return {
    async show(notification) {
      record(notification);
      await inner?.show(notification);
    },
    onActivate: (listener) => inner?.onActivate(listener) ?? (() => undefined),
  };
}

export type { ViewRequest, OsNotification };
