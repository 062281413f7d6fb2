// kill -9 of a process writing its outbox, at random moments, 220 times: after every kill the state file
// parses and validates without any recovery, and every event whose add() returned (the child printed its id)
// is there exactly once, as is every event seen after an earlier kill. Then everything is uploaded to a real
// fleet server: each id arrives exactly once.
// The child runs the BUILT code (dist/, from `npm run build` or `npx tsc -p tsconfig.json`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7Generator } from '../../../main/engine/ids.js';
import { Outbox } from '../../../main/engine/outbox/outbox.js';
import { Uploader } from '../../../main/engine/outbox/uploader.js';
import { openConfStore } from '../../../main/engine/state/conf-store.js';
import { validateState } from '../../../main/engine/state/schema.js';
import { enroll, FLEET, startFleet, storedIds, type Fleet } from './fleet-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const dist = join(repo, 'dist');
const child = join(here, 'outbox-child.mjs');
const KILLS = 220;

/** dist/ must hold the code under test, not an older build. */
function checkBuild(): void {
  const sources = ['main/engine/state/conf-store', 'main/engine/state/open-state', 'main/engine/outbox/outbox', 'main/engine/ids'];
  for (const s of sources) {
    const built = join(dist, `${s}.js`);
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` (or npx tsc -p tsconfig.json) first`);
    if (statSync(built).mtimeMs < statSync(join(repo, `${s}.ts`)).mtimeMs) throw new Error(`${built} is older than its source: run \`npm run build\` first`);
  }
}

/** Seeded, so a failing run can be replayed (the seed is in the test name). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env['FW_KILL_SEED'] ?? Date.now() % 100_000);

/** Runs the child until `killAfter` decides, SIGKILLs it, and returns the ids it printed. */
function runAndKill(stateDir: string, random: () => number): Promise<{ ids: string[]; ready: boolean; output: string }> {
  return new Promise((resolveRun, reject) => {
    const proc = spawn(process.execPath, [child, dist, stateDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => proc.kill('SIGKILL');
    // One in five is killed early, while it may still be opening (recovering, rewriting the backup).
    if (random() < 0.2) timer = setTimeout(kill, Math.floor(random() * 150));
    // Otherwise: after a random number of confirmed adds, plus a random 0-2 ms, so the kill lands at any step
    // of a write (temp file, fsync, rename, folder fsync, backup) without depending on the machine's speed.
    const adds = Math.floor(random() * 8);
    const extra = Math.floor(random() * 3);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!ready && out.includes('ready')) ready = true;
      if (ready && timer === undefined && (out.match(/^added /gm)?.length ?? 0) >= adds) timer = setTimeout(kill, extra);
      if (out.startsWith('refused')) kill();
    });
    proc.stderr.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (code ${code}): ${out}${err}`));
      const lines = out.split('\n');
      // The last line may be cut mid-write by the kill: only whole lines count.
      const whole = out.endsWith('\n') ? lines : lines.slice(0, -1);
      const ids = whole.filter((l) => l.startsWith('added ')).map((l) => l.slice('added '.length));
      resolveRun({ ids, ready, output: out.split('\n')[0] ?? '' });
    });
  });
}

describe('outbox under kill -9', () => {
  let dir: string;
  let fleet: Fleet | undefined;
  beforeAll(() => {
    checkBuild();
    dir = mkdtempSync(join(tmpdir(), 'fw-outbox-kill-'));
  });
  afterAll(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One agent folder killed `kills` times in a row; checks after every kill. */
  async function lane(stateDir: string, kills: number, random: () => number) {
    const confirmed = new Set<string>();
    let seen = new Set<string>();
    let deviceId: string | undefined;
    let killedBeforeReady = 0;
    for (let i = 0; i < kills; i++) {
      const run = await runAndKill(stateDir, random);
      expect(run.output.startsWith('refused'), run.output).toBe(false);
      if (!run.ready) killedBeforeReady += 1;
      for (const id of run.ids) confirmed.add(id);

      // Killed before its first write ever finished: no file yet is right, and nothing can have been confirmed.
      if (!existsSync(join(stateDir, 'state.json'))) {
        expect(deviceId, `after kill ${i}: state.json disappeared`).toBeUndefined();
        expect(confirmed.size).toBe(0);
        continue;
      }
      // The file itself, read raw: whole JSON, a valid state.
      const raw = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
      const checked = validateState(raw);
      expect(checked.ok, `after kill ${i}: ${checked.ok ? '' : checked.reason}`).toBe(true);
      const ids = raw.outbox.events.map((e: { id: string }) => e.id) as string[];
      expect(new Set(ids).size, `after kill ${i}: an id appears twice`).toBe(ids.length);
      const present = new Set(ids);
      for (const id of confirmed) expect(present.has(id), `after kill ${i}: ${id} was added and is gone`).toBe(true);
      for (const id of seen) expect(present.has(id), `after kill ${i}: ${id} was on disk before and is gone`).toBe(true);
      seen = present;
      // The device never changes: no kill ever made the agent start fresh.
      deviceId ??= raw.device.id;
      expect(raw.device.id).toBe(deviceId);
      expect(raw.outbox.events.some((e: { type: string }) => e.type === 'store-recovered')).toBe(false);
    }
    // Opening it the way the agent does: no recovery needed, the backup is whole too, no temp file left.
    const opened = openConfStore({ cwd: stateDir, clock: { now: () => Date.now() } });
    if (!opened.ok) throw new Error(opened.refusal.message);
    expect(opened.recovered).toBeUndefined();
    expect(readdirSync(stateDir).sort()).toEqual(['state.bak.json', 'state.json']);
    expect(validateState(JSON.parse(readFileSync(join(stateDir, 'state.bak.json'), 'utf8'))).ok).toBe(true);
    const all = opened.store.get('outbox')!.events.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(confirmed.size);
    return { store: opened.store, deviceId: deviceId!, confirmed, all, killedBeforeReady };
  }

  it(`loses and duplicates nothing through ${KILLS} kills, then at the server (seed ${SEED})`, { timeout: 180_000 }, async () => {
    // Two agents side by side (two folders, two devices), half the kills each: the same checks in half the time.
    const lanes = await Promise.all([0, 1].map((n) => lane(join(dir, `agent-${n}`), KILLS / 2, mulberry32(SEED + n))));
    const confirmed = lanes.reduce((sum, l) => sum + l.confirmed.size, 0);
    const onDisk = lanes.reduce((sum, l) => sum + l.all.length, 0);
    // The kills landed among writes, not only at start-up (about 3.5 confirmed adds per late kill).
    expect(confirmed).toBeGreaterThan(KILLS);
    console.log(`kill -9: ${KILLS} kills (${lanes[0]!.killedBeforeReady + lanes[1]!.killedBeforeReady} before ready), ${confirmed} adds confirmed, ${onDisk} events on disk, seed ${SEED}`);

    // Upload everything to a real server: each id exactly once.
    fleet = await startFleet(dir);
    const clock = { now: () => Date.now() };
    for (const l of lanes) {
      const credential = await enroll(fleet, l.deviceId);
      const outbox = new Outbox({ store: l.store, ids: uuidv7Generator(clock), clock });
      const uploader = new Uploader({ outbox, http: fetch, clock, random: Math.random, serverUrl: fleet.url, fleet: FLEET, credential: () => credential });
      expect(await uploader.flush()).toMatchObject({ accepted: l.all.length, duplicate: 0, rejected: 0, remaining: 0 });
      const stored = await storedIds(fleet.storage, l.deviceId);
      expect(stored.size).toBe(l.all.length);
      for (const id of l.all) expect(stored.get(id), id).toBe(1);
    }
  });
});
