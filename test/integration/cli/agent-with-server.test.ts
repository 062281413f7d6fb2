// Issue 5's "done when", end to end with the real programs as separate processes: `forewarn server` (SQLite data
// dir), `forewarn publish` of the example schedule, and `forewarn agent --commands` on a real throwaway desktop
// (Xvfb + D-Bus + dunst). The agent shows real notifications; a person acknowledges, defers and reports a
// problem through the control channel; the agent is killed -9 mid-batch and the server is stopped for a while;
// IT's `forewarn status` and the device timeline then show every confirmed action exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Snapshot } from '../../../core/agent-api.js';
import { describeWithDesktop, startDesktop, type Desktop } from '../../support/desktop.js';
import { forewarn, forewarnAsync, repo, workdir } from './run-cli.js';

const bin = join(repo, 'bin', 'forewarn.js');
const FLEET = 'acme-laptops';
const PATCH = '2026-12-patch-tuesday';
const INCIDENT = '2026-11-phishing-payslip';
const URGENT = '2026-12-urgent-windows-fix';
const example = (...parts: string[]) => join(repo, 'examples', ...parts);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with `promise`, or rejects after `ms` saying what was awaited: every wait here is bounded. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP port free right now on 127.0.0.1, so the server can come back on the same URL. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => { probe.once('error', reject); probe.listen(0, '127.0.0.1', resolve); });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Server { child: ChildProcess; url: string; exited: Promise<number | null> }

/** `forewarn server --data DIR --port PORT` in a child process; resolves once it prints its URL (bounded). */
async function startServer(data: string, port: number, cwd: string): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'server', '--data', data, '--port', String(port)], {
    cwd, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let err = '';
  const url = await within(15_000, `forewarn server to listen; stderr: ${err}`, new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`forewarn server exited ${code} before listening; stderr: ${err}`)));
  }));
  return { child, url, exited };
}

async function stopServer(s: Server): Promise<number | null> {
  s.child.kill('SIGTERM');
  return within(15_000, 'forewarn server to exit after SIGTERM', s.exited);
}

type Line = Record<string, unknown>;

/** `forewarn agent --commands` in a child process: JSON lines in on stdin, JSON lines out on stdout. */
class Agent {
  readonly lines: Line[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private nextId = 1;
  private waiters: Array<() => void> = [];

  constructor(args: string[], env: Record<string, string>, cwd: string) {
    this.child = spawn(process.execPath, [bin, 'agent', ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    let buffer = '';
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try { this.lines.push(JSON.parse(text) as Line); } catch { this.lines.push({ unparsed: text }); }
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    // Writing to a killed agent is expected in the kill -9 step; the error is not a test failure.
    this.child.stdin!.on('error', () => {});
  }

  /** The first output line matching `test` (bounded wait). */
  async line(test: (l: Line) => boolean, what: string, ms = 15_000): Promise<Line> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.lines.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`agent: no ${what} within ${ms} ms; stderr:\n${this.stderr.slice(-3000)}`);
      await new Promise<void>((resolve) => { this.waiters.push(resolve); setTimeout(resolve, 200); });
    }
  }

  /** Sends one request line; returns its id (the answer comes later: answer(id)). */
  send(channel: string, args: unknown[] = []): number {
    const id = this.nextId++;
    this.child.stdin!.write(`${JSON.stringify({ id, channel, args })}\n`);
    return id;
  }

  answer(id: number, ms = 15_000): Promise<Line> {
    return this.line((l) => l['id'] === id, `answer to request ${id}`, ms);
  }

  async request(channel: string, args: unknown[] = []): Promise<Line> {
    return this.answer(this.send(channel, args));
  }

  /**
   * Stops the agent gracefully — by SIGTERM, as a system shutdown does, or by closing its stdin — while its
   * notifications are still on screen (their notify-send children wait for a click: the agent must end them).
   */
  async stop(how: 'SIGTERM' | 'stdin'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (how === 'SIGTERM') this.child.kill('SIGTERM');
    else this.child.stdin!.end();
    return within(15_000, `the agent to exit after ${how === 'SIGTERM' ? 'SIGTERM' : 'its stdin closed'}`, this.exited);
  }
}

describeWithDesktop('forewarn agent against forewarn server, on a real desktop', () => {
  const work = workdir();
  const data = join(work.dir, 'server-data');
  const state = join(work.dir, 'agent-state');
  const configFile = join(work.dir, 'config.json');
  let desktop: Desktop | undefined;
  const servers: Server[] = [];
  const agents: Agent[] = [];

  beforeAll(async () => {
    desktop = await startDesktop();
  }, 30_000);

  afterAll(async () => {
    for (const a of agents) if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await desktop?.stop();
    work.cleanup();
  });

  it('shows the example schedule\'s notices on the desktop; IT sees every confirmed action exactly once, through kill -9 and an outage', async () => {
    // ---- IT: tokens, the server, the root and the example schedule (signed with the EXAMPLE-ONLY key).
    const made = forewarn(['server', 'token', 'create', '--data', data, '--name', 'it'], { cwd: work.dir });
    expect(made.status, made.stderr).toBe(0);
    const admin = made.stdout.trim();
    const enrollment = forewarn(['server', 'enroll-token', 'create', '--fleet', FLEET, '--data', data], { cwd: work.dir });
    expect(enrollment.status, enrollment.stderr).toBe(0);
    const port = await freePort();
    let server = await startServer(data, port, work.dir);
    servers.push(server);
    const url = server.url;
    const rootPut = await fetch(`${url}/v1/fleets/${FLEET}/root`, {
      method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: readFileSync(example('root.json')),
    });
    expect(rootPut.status).toBe(201);
    const itEnv = { FW_ADMIN: admin };
    const published = await forewarnAsync(['publish', example('schedule.yaml'), '--key', example('keys', 'EXAMPLE-ONLY-schedule-1.key'),
      '--server', url, '--token-env', 'FW_ADMIN'], { cwd: work.dir, env: itEnv });
    expect(published.stderr).toBe('');
    expect(published.stdout).toMatch(/^published: acme-laptops version 1 \(3 maintenances\)/);

    // ---- The managed config IT deploys: this laptop runs Windows, so the urgent fix is for it too.
    writeFileSync(configFile, JSON.stringify({
      serverUrl: url, fleet: FLEET, rootFile: example('root.json'), enrollmentToken: enrollment.stdout.trim(), groups: ['finance'], tags: ['windows'],
    }), { mode: 0o644 });
    const env = { PATH: process.env['PATH'] ?? '', HOME: work.dir, TZ: 'UTC', ...desktop!.env };
    const startAgent = async (now: string) => {
      const agent = new Agent(['--config', configFile, '--state', state, '--commands', '--now', now], env, work.dir);
      agents.push(agent);
      const ready = await agent.line((l) => l['event'] === 'ready', 'ready line');
      return { agent, device: ready['device'] as string };
    };
    const snapshotOf = async (agent: Agent) => {
      const answer = await agent.request('getSnapshot');
      expect(answer['ok']).toBe(true);
      return answer['snapshot'] as Snapshot;
    };
    const confirm = async (agent: Agent, channel: string, args: unknown[]) => {
      const answer = await agent.request(channel, args);
      expect(answer, `${channel} ${JSON.stringify(args)}`).toMatchObject({ ok: true });
    };
    // What the person did and saw confirmed (the agent answered ok), and what was cut off by kill -9.
    const acknowledged = new Set<string>();
    const deferred: string[] = [];
    const feedback: string[] = [];
    const unconfirmedFeedback: string[] = [];

    // ---- 1. November 20, 09:02: the phishing incident has just started. A real critical notification; "I have read this".
    const first = await startAgent('2026-11-20T09:02:00Z');
    const device = first.device;
    expect(device).toMatch(/^fw-/);
    const s1 = await snapshotOf(first.agent);
    const incident = s1.notices.find((n) => n.maintenance === INCIDENT);
    expect(incident).toMatchObject({ kind: 'incident', acknowledgementNeeded: true, acknowledged: false });
    await confirm(first.agent, 'acknowledge', [INCIDENT]);
    acknowledged.add(INCIDENT);
    await confirm(first.agent, 'reportProblem', [{ text: 'A: the phishing warning covered my spreadsheet', maintenance: INCIDENT }]);
    feedback.push('A: the phishing warning covered my spreadsheet');
    expect((await snapshotOf(first.agent)).notices.find((n) => n.maintenance === INCIDENT)?.acknowledged).toBe(true);
    expect(await first.agent.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    // ---- 2. December 9, 09:30 (the laptop was off since): the patch went in overnight, a restart is pending.
    const second = await startAgent('2026-12-09T09:30:00Z');
    expect(second.device).toBe(device);
    const s2 = await snapshotOf(second.agent);
    const catchUp = s2.notices.find((n) => n.maintenance === PATCH);
    expect(catchUp).toBeDefined();
    expect(s2.prompt).toMatchObject({ maintenance: PATCH, deferralsLeft: 3 });
    const oneHour = s2.prompt!.choices.find((c) => c.kind === 'defer' && c.seconds === 3600);
    expect(oneHour, JSON.stringify(s2.prompt!.choices)).toBeDefined();
    await confirm(second.agent, 'defer', [PATCH, { kind: 'defer', seconds: 3600 }]);
    deferred.push('1h');
    await confirm(second.agent, 'reportProblem', [{ text: 'B1: restart prompt during a call', maintenance: PATCH }]);
    feedback.push('B1: restart prompt during a call');

    // The server goes down (SIGTERM) before the second batch: what the person does now waits in the outbox.
    expect(await stopServer(server)).toBe(0);
    await expect(fetch(`${url}/v1/fleets/${FLEET}/schedule`)).rejects.toThrow();

    // A second batch, all sent at once; kill -9 as soon as the second answer arrives.
    const batch: Array<[string, unknown[]]> = [
      ['reportProblem', [{ text: 'B2: batch feedback' }]],
      ['reportProblem', [{ text: 'B3: batch feedback' }]],
      ['acknowledge', [PATCH]],
      ...Array.from({ length: 9 }, (_, i): [string, unknown[]] => ['reportProblem', [{ text: `B${i + 4}: batch feedback` }]]),
    ];
    const ids = batch.map(([channel, args]) => second.agent.send(channel, args));
    await second.agent.answer(ids[1]!);
    second.agent.child.kill('SIGKILL');
    expect(await within(10_000, 'the killed agent to exit', second.agent.exited)).toEqual({ code: null, signal: 'SIGKILL' });
    const answered = ids.filter((id) => second.agent.lines.some((l) => l['id'] === id && l['ok'] === true));
    expect(answered.length, 'the kill landed in the middle of the batch').toBeLessThan(batch.length);
    batch.forEach(([channel, args], i) => {
      const ok = answered.includes(ids[i]!);
      if (channel === 'acknowledge' && ok) acknowledged.add(PATCH);
      if (channel === 'reportProblem') (ok ? feedback : unconfirmedFeedback).push((args[0] as { text: string }).text);
    });

    // ---- 3. The server is still down; the agent comes back (same state dir) and the person keeps acting.
    const third = await startAgent('2026-12-09T10:45:00Z');
    expect(third.device).toBe(device);
    const s3 = await snapshotOf(third.agent);
    // The 1 h deferral is over: the prompt is back, with one deferral used.
    expect(s3.prompt).toMatchObject({ maintenance: PATCH, deferralsLeft: 2 });
    expect(s3.prompt!.choices.some((c) => c.kind === 'defer' && c.seconds === 14_400), JSON.stringify(s3.prompt!.choices)).toBe(true);
    await confirm(third.agent, 'acknowledge', [PATCH]);
    acknowledged.add(PATCH);
    await confirm(third.agent, 'defer', [PATCH, { kind: 'defer', seconds: 14_400 }]);
    deferred.push('4h');
    await confirm(third.agent, 'reportProblem', [{ text: 'C1: sent while the server was down', maintenance: PATCH }]);
    feedback.push('C1: sent while the server was down');
    await pause(1500);
    expect(third.agent.stderr, 'the agent tried to upload during the outage').toMatch(/event upload failed/);

    // The server comes back on the same data dir and URL; the person acts once more, the agent uploads.
    server = await startServer(data, port, work.dir);
    servers.push(server);
    expect(server.url).toBe(url);
    await confirm(third.agent, 'reportProblem', [{ text: 'D1: after the server came back' }]);
    feedback.push('D1: after the server came back');
    await confirm(third.agent, 'checkNow', []);
    expect(await third.agent.request('settle')).toMatchObject({ ok: true });
    expect(await third.agent.stop('stdin')).toEqual({ code: 0, signal: null });

    // ---- 4. A last run (--once): nothing is left in the outbox.
    const once = await forewarnAsync(['agent', '--config', configFile, '--state', state, '--once', '--now', '2026-12-09T11:00:00Z'], { cwd: work.dir, env });
    expect(once.status, once.stderr).toBe(0);
    const done = once.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line).find((l) => l['event'] === 'done');
    expect(done).toMatchObject({ errors: [], outbox: 0 });

    // ---- Real notifications reached dunst: the example's incident and the restart catch-up, each once.
    await desktop!.closeAll();
    const shown = await desktop!.history();
    expect(shown.length).toBeGreaterThan(0);
    for (const n of shown) expect(n.appname).toBe('Forewarn');
    const seen = (title: string, body: string) => shown.filter((n) => n.summary === title && n.body === body);
    expect(seen(incident!.title, incident!.body), JSON.stringify(shown)).toHaveLength(1);
    expect(seen(incident!.title, incident!.body)[0]!.urgency).toBe('critical');
    expect(incident!.body).toMatch(/payslip/);
    expect(seen(catchUp!.title, catchUp!.body), JSON.stringify(shown)).toHaveLength(1);
    expect(catchUp!.body).toMatch(/Monthly updates on Tuesday night, December 8/);

    // ---- IT's view: forewarn status, the device timeline and the feedback list.
    const status = await forewarnAsync(['status', '--server', url, '--fleet', FLEET, '--token-env', 'FW_ADMIN', '--json'], { cwd: work.dir, env: itEnv });
    expect(status.stderr).toBe('');
    expect(status.status).toBe(0);
    const funnels = (JSON.parse(status.stdout) as { funnels: Array<Record<string, unknown>> }).funnels;
    const funnel = (m: string) => funnels.find((f) => f['maintenance'] === m);
    expect(funnel(PATCH)).toMatchObject({ targeted: 1, delivered: 1, acknowledged: 1, deferred: 1 });
    expect(funnel(INCIDENT)).toMatchObject({ targeted: 1, delivered: 1, acknowledged: 1 });

    const res = await fetch(`${url}/v1/fleets/${FLEET}/devices/${device}/timeline`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const events = ((await res.json()) as { events: Array<Record<string, unknown>> }).events;
    const ofType = (type: string) => events.filter((e) => e['type'] === type);
    // No event twice.
    expect(new Set(events.map((e) => e['id'])).size).toBe(events.length);
    // Delivered once per maintenance of the schedule.
    expect(ofType('delivered').map((e) => e['maintenance']).sort()).toEqual([INCIDENT, PATCH, URGENT].sort());
    // Each notice notified once.
    const notices = ofType('notified').map((e) => e['notice']);
    expect(new Set(notices).size).toBe(notices.length);
    expect(notices).toEqual(expect.arrayContaining([incident!.id, catchUp!.id]));
    // Every confirmed action exactly once.
    expect(ofType('acknowledged').map((e) => e['maintenance']).sort()).toEqual([...acknowledged].sort());
    expect(ofType('deferred').map((e) => `${String(e['maintenance'])} ${String(e['choice'])}`)).toEqual(deferred.map((d) => `${PATCH} ${d}`));
    const texts = ofType('feedback').map((e) => e['text'] as string);
    for (const t of feedback) expect(texts.filter((x) => x === t), t).toHaveLength(1);
    for (const t of unconfirmedFeedback) expect(texts.filter((x) => x === t).length, t).toBeLessThanOrEqual(1);
    expect(texts.every((t) => feedback.includes(t) || unconfirmedFeedback.includes(t)), JSON.stringify(texts)).toBe(true);

    const listed = await fetch(`${url}/v1/fleets/${FLEET}/feedback`, { headers: { authorization: `Bearer ${admin}` } });
    const itFeedback = ((await listed.json()) as { feedback: Array<{ text: string; device: string }> }).feedback;
    expect(itFeedback.map((f) => f.text).sort()).toEqual([...texts].sort());
    expect(itFeedback.every((f) => f.device === device)).toBe(true);

    expect(await stopServer(server)).toBe(0);
  }, 60_000);
});
