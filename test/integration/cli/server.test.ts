// `forewarn server` as IT runs it: the built command in a child process on a temp data dir, real HTTP on
// 127.0.0.1 (port 0), SIGTERM -> exit 0 with the data kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLEET, makeTrust } from '../server/fixtures.js';
import { forewarn, repo, workdir } from './run-cli.js';

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
    const lines = first.stdout().trim().split('\n').map((l) => JSON.parse(l) as { msg?: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['forewarn server started', 'shutting down', 'stopped']));

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
    expect(forewarn(['server', '--help'], { cwd: dir }).stdout).toMatch(/usage: forewarn server \[--host/);
  });
});
