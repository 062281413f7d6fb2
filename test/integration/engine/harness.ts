// The engine against a REAL fleet server: buildServer + SQLite in a temp dir on 127.0.0.1:0, signed schedules
// from the server fixtures, the Node composition (createNodeAgent) with a manual clock for the engine's
// scheduler, real HTTP, real state files, Node SystemSignals over a temp file-system root, and a recording
// Notifier / Presenter (the only stand-ins: they record what a person would see).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import { createNodeAgent, type NodeAgent } from '../../../main/engine/node/agent.js';
import type { Logger, Notifier, OsNotification, Presenter, Timers, ViewRequest } from '../../../main/engine/ports.js';
import { createSystemSignals, type NodeSystemSignals } from '../../../main/platform/system-signals.js';
import type { ManagedConfig } from '../../../main/platform/managed-config.js';
import type { Snapshot } from '../../../core/agent-api.js';
import { FLEET, makeTrust, NOW } from '../server/fixtures.js';
import { manualTime, type ManualTime } from '../../support/manual-time.js';

export { FLEET, NOW, makeTrust };

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface FleetServer {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  port: number;
  admin: string;
  clock: { now: number };
  publish(envelope: Buffer): Promise<number>;
  putRoot(envelope: Buffer): Promise<number>;
  compliance(): Promise<Array<Record<string, number | string>>>;
  /** Stops listening (the server is "down"); `restart` listens again on the same port. */
  close(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const dirs: string[] = [];
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
export function cleanDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function startFleetServer(trust: Pick<ReturnType<typeof makeTrust>, 'root1'>, start = NOW, extra: Partial<ServerOptions> = {}): Promise<FleetServer> {
  const dir = tempDir('forewarn-engine-server-');
  const clock = { now: start };
  const storage = await openStorage({ sqlitePath: join(dir, 'forewarn.sqlite'), now: () => clock.now });
  const admin = await storage.createAdminToken('it');
  let app = buildServer({ ...extra, storage, now: () => clock.now });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(url).port);
  const put = async (path: string, body: Buffer) => (await fetch(`${url}${path}`, {
    method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
  })).status;
  const server: FleetServer = {
    get app() { return app; }, storage, url, port, admin, clock,
    publish: (envelope) => put(`/v1/fleets/${FLEET}/schedule`, envelope),
    putRoot: (envelope) => put(`/v1/fleets/${FLEET}/root`, envelope),
    async compliance() {
      const res = await fetch(`${url}/v1/fleets/${FLEET}/compliance`, { headers: { authorization: `Bearer ${admin}` } });
      return ((await res.json()) as { funnels: Array<Record<string, number | string>> }).funnels;
    },
    async close() { await app.close(); },
    async restart() {
      app = buildServer({ ...extra, storage, now: () => clock.now });
      await app.listen({ host: '127.0.0.1', port });
    },
    async stop() {
      await app.close().catch(() => undefined);
      await storage.close();
    },
  };
  if (await server.putRoot(trust.root1) !== 201) throw new Error('root refused');
  return server;
}

export interface Recorded {
  shown: OsNotification[];
  opened: ViewRequest[];
  snapshots: Snapshot[];
  notifier: Notifier & { click(n: OsNotification): void };
  presenter: Presenter;
}

export function recorders(): Recorded {
  const shown: OsNotification[] = [];
  const opened: ViewRequest[] = [];
  const snapshots: Snapshot[] = [];
  const listeners = new Set<(n: OsNotification) => void>();
  return {
    shown, opened, snapshots,
    notifier: {
      show: async (n) => void shown.push(n),
      onActivate: (l) => { listeners.add(l); return () => void listeners.delete(l); },
      click: (n) => { for (const l of listeners) l(n); },
    },
    presenter: { open: (r) => void opened.push(r), update: (s) => void snapshots.push(s as Snapshot) },
  };
}

export interface TestAgent extends NodeAgent {
  time: ManualTime;
  signals: NodeSystemSignals;
  rec: Recorded;
  stateDir: string;
  /** The file-system root the signals read (etc/localtime, run/reboot-required). */
  root: string;
  env: NodeJS.ProcessEnv;
  /** The computer restarts now (lastBoot moves to now). */
  reboot(): void;
  /** Runs the engine's timers until `target` (wall clock), settling after each wake-up like an awake computer. */
  runUntil(target: number): Promise<void>;
}

export interface AgentSetup {
  server: FleetServer;
  token: string;
  stateDir?: string;
  tags?: string[];
  groups?: string[];
  start?: number;
  zone?: string;
  rootBytes?: Uint8Array;
  sse?: boolean;
  rec?: Recorded;
  /** A real notifier instead of the recorder (the desktop test). */
  notifier?: Notifier;
  /** Network timers: real by default (requests time out on real time, never on the manual clock). */
  networkTimers?: Timers;
}

export function configFor(server: FleetServer, token: string, rootBytes: Uint8Array, extra: Partial<ManagedConfig> = {}): ManagedConfig {
  return { serverUrl: server.url, fleet: FLEET, rootBytes, enrollmentToken: token, groups: [], tags: [], ...extra };
}

export function createTestAgent(setup: AgentSetup, trust: Pick<ReturnType<typeof makeTrust>, 'root1'>): TestAgent {
  const time = manualTime(setup.start ?? NOW);
  const root = tempDir('forewarn-engine-root-');
  mkdirSync(join(root, 'run'), { recursive: true });
  const env: NodeJS.ProcessEnv = { TZ: setup.zone ?? 'UTC', LANG: 'en_US.UTF-8', PATH: '/nonexistent' };
  let bootAt = (setup.start ?? NOW) - 3_600_000;
  let mono = 0;
  const signals = createSystemSignals({
    clock: time.clock, platform: 'linux', root, env, logger: quietLogger,
    monotonic: () => mono, bootClock: () => time.clock.now() - bootAt,
  });
  const rec = setup.rec ?? recorders();
  const stateDir = setup.stateDir ?? tempDir('forewarn-engine-state-');
  const agent = createNodeAgent({
    config: { ok: true, config: configFor(setup.server, setup.token, setup.rootBytes ?? trust.root1, { tags: setup.tags ?? [], groups: setup.groups ?? [] }) },
    stateDir, logger: quietLogger, presenter: rec.presenter, notifier: setup.notifier ?? rec.notifier, signals,
    clock: time.clock, timers: time.timers, networkTimers: setup.networkTimers ?? realTimers, random: () => 0.5,
    sse: setup.sse ?? false, pollIntervalMs: 24 * 3_600_000,
  });
  return {
    ...agent, time, signals, rec, stateDir, root, env,
    reboot() { bootAt = time.clock.now(); },
    async runUntil(target: number) {
      for (let i = 0; i < 10_000; i++) {
        await agent.engine.settled();
        const due = time.nextDue();
        const now = time.clock.now();
        if (due === undefined || due > target) { time.advance(Math.max(0, target - now)); mono += Math.max(0, target - now); break; }
        mono += due - now;
        time.advance(due - now);
      }
      await agent.engine.settled();
    },
  };
}

/** Writes /run/reboot-required under the signals' root (Debian's "a restart is pending"). */
export function setRestartRequired(agent: TestAgent, on: boolean): void {
  const file = join(agent.root, 'run', 'reboot-required');
  if (on) writeFileSync(file, '*** System restart required ***\n');
  else rmSync(file, { force: true });
}

/** Every event the server stored for a device, by type. */
export async function serverEvents(server: FleetServer, device: string) {
  const events = await server.storage.events({ fleet: FLEET, device });
  const byType = new Map<string, number>();
  for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  return { events, byType: Object.fromEntries(byType) as Record<string, number> };
}
