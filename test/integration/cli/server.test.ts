// `forewarn server` as IT runs it: the built command in a child process on a temp data dir, real HTTP on
// 127.0.0.1 (port 0), SIGTERM -> exit 0 with the data kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../../support/postgres.js';
import { FLEET, makeTrust } from '../server/fixtures.js';
import { forewarn, forewarnAsync, repo, workdir } from './run-cli.js';

const trust = makeTrust();

interface Running { child: ChildProcess; url: string; stdout: () => string; exited: Promise<number | null> }

/** Starts `forewarn server --port 0 ...` and waits (bounded) for the URL it prints on stderr. */
async function startServer(args: string[], cwd: string): Promise<Running> {
  const child = spawn(process.execPath, [join(repo, 'bin', 'forewarn.js'), 'server', '--port', '0', ...args], {
    cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 15 s; stderr: ${err}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`exited ${code} before listening; stderr: ${err}`)); });
  });
  return { child, url, stdout: () => out, exited };
}

async function stop(s: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  s.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([s.exited, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), 15_000); })]);
  clearTimeout(timer);
  if (code === 'timeout') throw new Error('the server did not exit within 15 s of the signal');
  return code;
}

describe('forewarn server', () => {
  const running: Running[] = [];
  const dirs: Array<() => void> = [];
  afterEach(() => {
    for (const s of running.splice(0)) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    for (const c of dirs.splice(0)) c();
  });

  it('token create, start, publish with the token, SIGTERM -> exit 0, restart keeps the data', async () => {
    const { dir, cleanup } = workdir();
    dirs.push(cleanup);
    const data = join(dir, 'data');

    const made = forewarn(['server', 'token', 'create', '--data', data, '--name', 'alice'], { cwd: dir });
    expect(made.status, made.stderr).toBe(0);
    const admin = made.stdout.trim();
    expect(admin).toMatch(/^fwa_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/shown only this once/);
    expect(existsSync(join(data, 'forewarn.db'))).toBe(true);

    const first = await startServer(['--data', data], dir);
    running.push(first);
    const none = await fetch(`${first.url}/v1/fleets/${FLEET}/schedule`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: 'no-schedule' });
    expect(none.headers.get('x-content-type-options')).toBe('nosniff');

    const put = (path: string, body: Buffer) => fetch(`${first.url}${path}`, {
      method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    });
    expect((await put(`/v1/fleets/${FLEET}/root`, trust.root1)).status).toBe(201);
    const published = await put(`/v1/fleets/${FLEET}/schedule`, trust.schedule(1));
    expect(published.status).toBe(201);

    expect(await stop(first)).toBe(0);
    // Structured logs: every stdout line is JSON; the shutdown is logged.
    const lines = first.stdout().trim().split('\n').map((l) => JSON.parse(l) as { msg?: string; notifier?: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['forewarn server started', 'shutting down', 'stopped']));
    // SQLite is one node: the in-process notifier, no LISTEN connection.
    expect(lines.find((l) => l.msg === 'forewarn server started')?.notifier).toBe('local');

    const second = await startServer(['--data', data], dir);
    running.push(second);
    const kept = await fetch(`${second.url}/v1/fleets/${FLEET}/schedule`);
    expect(kept.status).toBe(200);
    expect(Buffer.from(await kept.arrayBuffer()).equals(trust.schedule(1))).toBe(true);
    expect(await stop(second, 'SIGINT')).toBe(0);
  });

  it('enroll-token create prints a fleet token; wrong usage exits 2', () => {
    const { dir, cleanup } = workdir();
    dirs.push(cleanup);
    const made = forewarn(['server', 'enroll-token', 'create', '--fleet', FLEET, '--data', join(dir, 'd')], { cwd: dir });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout.trim()).toMatch(/^fwe_[A-Za-z0-9_-]{43}$/);
    expect(forewarn(['server', 'enroll-token', 'create', '--data', join(dir, 'd')], { cwd: dir }).stderr).toMatch(/--fleet is required/);
    expect(forewarn(['server', 'token', 'make'], { cwd: dir }).status).toBe(2);
    expect(forewarn(['server', '--port', 'x'], { cwd: dir }).status).toBe(2);
    expect(forewarn(['server', '--data', 'a', '--database', 'postgres://x/y'], { cwd: dir }).status).toBe(2);
    const badProxy = forewarn(['server', '--data', 'a', '--trust-proxy', '127.0.0.1,10.0.0.0/33'], { cwd: dir });
    expect(badProxy.status).toBe(2);
    expect(badProxy.stderr).toMatch(/--trust-proxy: "10.0.0.0\/33" is not an IP address, a CIDR/);
    expect(forewarn(['server', '--help'], { cwd: dir }).stdout).toMatch(/usage: forewarn server \[--host/);
  });
});

const pgBin = findPostgresBin();

/** Reads SSE `event: schedule` data lines from a fetch body until one with `version` arrives (bounded). */
async function waitForVersion(body: ReadableStream<Uint8Array>, version: number): Promise<{ version: number; etag: string | null }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + 15_000;
  try {
    while (Date.now() < deadline) {
      for (const m of buffer.matchAll(/event: schedule\ndata: (.*)\n\n/g)) {
        const data = JSON.parse(m[1]!) as { version: number; etag: string | null };
        if (data.version === version) return data;
      }
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => { timer = setTimeout(() => r(null), deadline - Date.now()); })]);
      clearTimeout(timer);
      if (chunk === null || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  throw new Error(`no schedule event with version ${version} within 15 s (got: ${JSON.stringify(buffer)})`);
}

describe('forewarn server --database (PostgreSQL, two nodes)', () => {
  if (pgBin === null) {
    const why = 'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
    if (process.env['CI']) it('has PostgreSQL installed (CI installs it)', () => { throw new Error(`${why}: CI must install postgresql`); });
    else it.skip(`${why}: apt-get install postgresql to run this; with CI set it fails instead`, () => {});
    return;
  }
  let cluster: PostgresCluster | null = null;
  const running: Running[] = [];
  const dirs: Array<() => void> = [];
  beforeAll(async () => { cluster = await startPostgres(pgBin); }, 120_000);
  afterEach(() => {
    for (const s of running.splice(0)) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    for (const c of dirs.splice(0)) c();
  });
  afterAll(async () => { await cluster?.stop(); });

  it('migrates, tokens work, a publish on node 1 reaches an SSE stream on node 2, SIGTERM exits 0, data kept', async () => {
    const { dir, cleanup } = workdir();
    dirs.push(cleanup);
    const database = await cluster!.createDatabase();

    // The token command migrates an empty database itself.
    const made = await forewarnAsync(['server', 'token', 'create', '--database', database, '--name', 'alice'], { cwd: dir });
    expect(made.status, made.stderr).toBe(0);
    const admin = made.stdout.trim();
    expect(admin).toMatch(/^fwa_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toContain(`created in ${database}`);

    const node1 = await startServer(['--database', database, '--trust-proxy', '127.0.0.1'], dir);
    running.push(node1);
    const node2 = await startServer(['--database', database], dir);
    running.push(node2);

    const put = (url: string, path: string, body: Buffer) => fetch(`${url}${path}`, {
      method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    });
    expect((await put(node1.url, `/v1/fleets/${FLEET}/root`, trust.root1)).status).toBe(201);
    expect((await put(node1.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1))).status).toBe(201);
    // Node 2 serves what node 1 stored: one database.
    const served = await fetch(`${node2.url}/v1/fleets/${FLEET}/schedule`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(trust.schedule(1))).toBe(true);

    const enrollToken = await forewarnAsync(['server', 'enroll-token', 'create', '--fleet', FLEET, '--database', database], { cwd: dir });
    expect(enrollToken.status, enrollToken.stderr).toBe(0);
    const enrolled = await fetch(`${node2.url}/v1/fleets/${FLEET}/enroll`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: enrollToken.stdout.trim(), deviceId: 'laptop-0001' }),
    });
    expect(enrolled.status).toBe(201);
    const { credential } = await enrolled.json() as { credential: string };
    const controller = new AbortController();
    const events = await fetch(`${node2.url}/v1/fleets/${FLEET}/schedule/events`, { headers: { authorization: `Bearer ${credential}` }, signal: controller.signal });
    expect(events.status).toBe(200);
    const published = await put(node1.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(2));
    expect(published.status).toBe(201);
    const { payloadSha256 } = await published.json() as { payloadSha256: string };
    expect(await waitForVersion(events.body!, 2)).toEqual({ version: 2, etag: `"${payloadSha256}"` });
    controller.abort();

    expect(await stop(node1)).toBe(0);
    expect(await stop(node2)).toBe(0);
    for (const node of [node1, node2]) {
      const lines = node.stdout().trim().split('\n').map((l) => JSON.parse(l) as { msg?: string; notifier?: string; trustProxy?: unknown });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['schedule notifier listening', 'forewarn server started', 'shutting down', 'stopped']));
      expect(lines.find((l) => l.msg === 'forewarn server started')?.notifier).toBe('postgres');
      expect(lines.find((l) => l.msg === 'forewarn server started')?.trustProxy).toEqual(node === node1 ? ['127.0.0.1'] : false);
    }

    const again = await startServer(['--database', database], dir);
    running.push(again);
    const kept = await fetch(`${again.url}/v1/fleets/${FLEET}/schedule`);
    expect(kept.status).toBe(200);
    expect(Buffer.from(await kept.arrayBuffer()).equals(trust.schedule(2))).toBe(true);
    expect(await stop(again)).toBe(0);
  });
});
