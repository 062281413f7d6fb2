/**
 * The agent engine's costs (issue 5, "Benchmarks"), printed to watch, never asserted:
 * - wake-ups per hour of an idle engine: a simulated idle day on a manual clock, counting the scheduler's
 *   timer firings (the poller's own timer adds one per poll interval, 2 per hour by default);
 * - RSS of the idle Node agent: the BUILT `forewarn agent` as a child process, read from /proc after start-up;
 * - publish -> notification through SSE: a real server, real SSE and HTTP, real timers; from the start of the
 *   PUT of a new schedule version until the engine hands the due notice to the Notifier. Median of N runs.
 * `benchEngine()` returns the lines to print (test/bench/run.ts wires it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScheduleSource } from '../../core/schedule/index.js';
import {
  createRoot, generateKeyPair, loadPrivateKey, loadPublicKey, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, signRoot,
} from '../../core/trust/index.js';
import { createNodeAgent } from '../../main/engine/node/agent.js';
import type { OsNotification } from '../../main/engine/ports.js';
import {
  cleanDirs, configFor, createTestAgent, FLEET, quietLogger, realTimers, recorders, startFleetServer, tempDir,
} from '../integration/engine/harness.js';

const HOUR = 3_600_000;
const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository: benches run from dist/test/bench (npm run bench) or from the source tree. */
const REPO = join(HERE, HERE.includes('/dist/') ? '../../..' : '../..');

/** The example schedule as a document, and its maintenances. */
function exampleDocument(): Record<string, unknown> {
  const source = parseScheduleSource(readFileSync(join(REPO, 'examples/schedule.yaml'), 'utf8'));
  if (!source.ok) throw new Error('examples/schedule.yaml does not parse');
  return source.document as Record<string, unknown>;
}

/** A root and signed example schedules (test/integration/server/fixtures.ts finds examples/ only from the source tree). */
function makeTrust() {
  const pair = () => {
    const k = generateKeyPair();
    return { privateKey: loadPrivateKey(k.privatePem), publicKey: loadPublicKey(k.publicPem) };
  };
  const rootKey = pair();
  const scheduleKey = pair();
  const root = createRoot({
    fleet: FLEET, version: 1, expires: '2027-12-01T00:00:00Z',
    roles: { root: { keys: [rootKey.publicKey], threshold: 1 }, schedule: { keys: [scheduleKey.publicKey], threshold: 1 } },
  });
  const base = exampleDocument();
  return {
    root1: Buffer.from(serializeEnvelope(signRoot(root, [rootKey.privateKey]))),
    schedule: (version: number, extra: Record<string, unknown> = {}): Buffer =>
      Buffer.from(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, Buffer.from(JSON.stringify({ ...base, version, ...extra })), [scheduleKey.privateKey]))),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Scheduler wake-ups per hour over an idle day (no notice or prompt due). */
async function idleWakeups(): Promise<string> {
  const trust = makeTrust();
  const server = await startFleetServer(trust);
  try {
    await server.publish(trust.schedule(1));
    const start = Date.parse('2026-12-03T00:00:00Z');
    server.clock.now = start;
    const agent = createTestAgent({ server, token: await server.storage.createEnrollmentToken(FLEET), start }, trust);
    await agent.engine.start();
    await agent.engine.checkNow();
    await agent.engine.settled();
    const before = agent.engine.wakeups;
    await agent.runUntil(start + 24 * HOUR);
    const wakes = agent.engine.wakeups - before;
    await agent.engine.stop();
    return `engine idle: ${wakes} scheduler wake-ups in a simulated idle day (${(wakes / 24).toFixed(1)} per hour; the poller adds 2 per hour)`;
  } finally {
    await server.stop();
  }
}

/** RSS of the built Node agent, idle after start-up. */
async function idleRss(): Promise<string> {
  const bin = join(REPO, 'bin/forewarn.js');
  if (!existsSync(join(REPO, 'dist/cli/commands/agent.js'))) return 'engine RSS: skipped: dist/ not built (npm run build)';
  if (!existsSync('/proc/self/status')) return 'engine RSS: skipped: no /proc on this platform';
  const trust = makeTrust();
  const server = await startFleetServer(trust, Date.now());
  try {
    server.clock.now = Date.parse('2026-12-03T00:00:00Z');
    await server.publish(trust.schedule(1));
    const dir = tempDir('forewarn-bench-rss-');
    writeFileSync(join(dir, 'root.json'), trust.root1);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ serverUrl: server.url, fleet: FLEET, rootFile: join(dir, 'root.json'), enrollmentToken: await server.storage.createEnrollmentToken(FLEET), groups: [], tags: [] }), { mode: 0o644 });
    const child = spawn(process.execPath, [bin, 'agent', '--config', join(dir, 'config.json'), '--state', join(dir, 'state'), '--now', '2026-12-03T00:00:00Z'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the agent did not start within 20 s')), 20_000);
      child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('"ready"')) { clearTimeout(timer); resolve(); } });
    });
    await new Promise((r) => setTimeout(r, 2_000)); // let start-up garbage be collected and the process settle
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    child.kill('SIGTERM');
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    return `engine RSS: ${rss.toFixed(1)} MiB idle after start-up (peak ${hwm.toFixed(1)} MiB), the built Node agent`;
  } finally {
    await server.stop();
  }
}

/** Publish -> notification shown, through the server's SSE stream. */
async function publishToNotification(runs = 9): Promise<string> {
  const trust = makeTrust();
  const T = Date.parse('2026-12-03T12:00:00Z');
  const offset = T - Date.now();
  const server = await startFleetServer(trust);
  const tick = setInterval(() => { server.clock.now = Date.now() + offset; }, 20);
  try {
    server.clock.now = Date.now() + offset;
    const base = (exampleDocument() as { maintenances: Array<Record<string, unknown>> }).maintenances;
    const incident = base.find((m) => m['kind'] === 'incident')!;
    await server.publish(trust.schedule(1));
    const rec = recorders();
    let shown: ((n: OsNotification) => void) | undefined;
    const notifier = { ...rec.notifier, show: async (n: OsNotification) => { shown?.(n); } };
    const agent = createNodeAgent({
      config: { ok: true, config: configFor(server, await server.storage.createEnrollmentToken(FLEET), trust.root1) },
      stateDir: tempDir('forewarn-bench-sse-'), logger: quietLogger, presenter: rec.presenter, notifier,
      clock: { now: () => Date.now() + offset }, timers: realTimers, sse: true,
    });
    await agent.engine.start();
    await agent.engine.checkNow();
    await agent.engine.settled();
    await new Promise((r) => setTimeout(r, 300)); // the SSE stream connects
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const id = `bench-incident-${i}`;
      const now = Date.now() + offset;
      const fresh = { ...incident, id, window: { start: new Date(now - 60_000).toISOString().slice(0, 19) + 'Z', end: new Date(now + 86_400_000).toISOString().slice(0, 19) + 'Z' } };
      const envelope = trust.schedule(i + 2, { maintenances: [...base, fresh] });
      const arrived = new Promise<void>((resolve) => { shown = (n) => { if (n.id.startsWith(`${id}:`)) resolve(); }; });
      const t0 = performance.now();
      if (await server.publish(envelope) !== 201) throw new Error('publish refused');
      await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('no notification within 10 s')), 10_000))]);
      times.push(performance.now() - t0);
    }
    await agent.engine.stop();
    return `publish -> notification through SSE: median ${median(times).toFixed(1)} ms over ${runs} publishes (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
  } finally {
    clearInterval(tick);
    await server.stop();
  }
}

/** The engine benchmarks' lines, in order. */
export async function benchEngine(): Promise<string[]> {
  try {
    return [await idleWakeups(), await idleRss(), await publishToNotification()];
  } finally {
    cleanDirs();
  }
}
