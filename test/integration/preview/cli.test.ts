// `forewarn preview` and `forewarn demo` as people run them: the built command starts, prints the link,
// serves the bridge, and stops cleanly with status 0 on Ctrl-C (SIGINT) — conf's when-exit re-raises the signal
// after its own handlers, which would otherwise kill the process by the signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../core/agent-api.js';
import { findElectron } from '../../../cli/commands/demo.js';
import { forewarn, forewarnAsync, repo, workdir } from '../cli/run-cli.js';
import { EXAMPLE } from './support.js';

interface Running { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

function start(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [join(repo, 'bin', 'forewarn.js'), ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, TMPDIR: cwd } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Waits until the command printed its link (or exited first, which fails with what it said). */
async function link(run: Running): Promise<string> {
  for (;;) {
    const m = /^open the views: (\S+)$/m.exec(run.stdout());
    if (m) return m[1]!;
    const done = await Promise.race([run.exited, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
    if (done !== null) throw new Error(`exited ${JSON.stringify(done)} before printing the link:\n${run.stdout()}\n${run.stderr()}`);
  }
}

/** Follows the printed link as a browser does (cookie), then asks for the snapshot through the bridge. */
async function snapshotThrough(url: string): Promise<Snapshot> {
  const first = await fetch(url, { redirect: 'manual' });
  expect(first.status).toBe(303);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const origin = new URL(url).origin;
  const res = await fetch(`${origin}/api/getSnapshot`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin }, body: '[]' });
  expect(res.status).toBe(200);
  return (await res.json()) as Snapshot;
}

describe('forewarn preview (the command)', () => {
  const { dir, cleanup } = workdir();
  afterAll(cleanup);

  it('--help says what it does and lists every option', () => {
    const r = forewarn(['preview', '--help'], { cwd: dir });
    expect(r.status).toBe(0);
    for (const option of ['--root', '--zone', '--locale', '--at', '--speed', '--port']) expect(r.stdout).toContain(option);
    expect(forewarn(['--help'], { cwd: dir }).stdout).toMatch(/^ {2}preview /m);
  });

  it('starts, prints the link, serves the real engine through the bridge, and exits 0 on SIGINT', async () => {
    const run = start(['preview', EXAMPLE, '--zone', 'Europe/Paris', '--locale', 'fr', '--at', '2026-12-09T08:00:00+01:00'], dir);
    const url = await link(run);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?session=[\w-]{43}$/);
    expect(run.stdout()).toMatch(/^IT dashboard: +http:\/\/127\.0\.0\.1:\d+\/dashboard/m);
    const snapshot = await snapshotThrough(url);
    expect(snapshot.locale).toBe('fr');
    expect(snapshot.zone).toBe('Europe/Paris');
    expect(snapshot.prompt?.maintenance).toBe('2026-12-patch-tuesday');
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(exit, run.stderr()).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain('stopping the preview');
  });

  it('SIGTERM stops it cleanly too', async () => {
    const run = start(['preview', EXAMPLE, '--zone', 'Europe/Paris'], dir);
    await link(run);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it('refuses wrong usage with status 2 and a reason, before starting anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['preview', EXAMPLE, '--at', 'tomorrow'], /--at must be an ISO date-time/],
      [['preview', EXAMPLE, '--at', '2026-12-09T08:00'], /with Z or an offset/],
      [['preview', EXAMPLE, '--speed', '0'], /--speed must be a number more than 0/],
      [['preview', EXAMPLE, '--port', '70000'], /--port must be a port number/],
      [['preview', EXAMPLE, '--zone', 'Mars/Olympus'], /--zone must be an IANA time zone/],
      [['preview'], /missing argument/],
    ];
    for (const [args, message] of cases) {
      const r = await forewarnAsync(args, { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 90_000);

  it('refuses a missing file, a signed schedule without its root, and a wrong root, with status 1', async () => {
    const missing = await forewarnAsync(['preview', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: no such file');
    const signed = join(repo, 'examples', 'schedule.signed.json');
    const noRoot = await forewarnAsync(['preview', signed], { cwd: dir });
    expect(noRoot.status).toBe(1);
    expect(noRoot.stderr).toContain('give the root it must verify against (--root root.json)');
    const wrongRoot = await forewarnAsync(['preview', signed, '--root', signed], { cwd: dir });
    expect(wrongRoot.status).toBe(1);
    expect(wrongRoot.stderr).toMatch(/the root for .* cannot be used/);
  }, 60_000);
});

describe('forewarn demo (npm start)', () => {
  const { dir, cleanup } = workdir();
  afterAll(cleanup);

  it('without Electron here, says why in one line and serves the signed example on the compressed timeline; exits 0 on SIGINT', async () => {
    const electron = findElectron();
    const run = start(['demo', ...('binary' in electron ? ['--browser'] : []), '--zone', 'Europe/Paris'], dir);
    const url = await link(run);
    expect(run.stdout()).toMatch(/^\(The views open in your browser: .+\.\)$/m);
    expect(run.stdout()).toContain('at 600×');
    const snapshot = await snapshotThrough(url);
    expect(snapshot.schedule).toMatchObject({ fleet: 'acme-laptops', version: 1 });
    // It starts on the patch night, before the window: the patch is what the tray talks about.
    expect(snapshot.focus?.id).toBe('2026-12-patch-tuesday');
    expect(snapshot.at).toBeGreaterThanOrEqual(Date.parse('2026-12-08T17:45:00+01:00'));
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it('finds no Electron where its binary was not downloaded, and says so', () => {
    const { dir: empty, cleanup: done } = workdir();
    try {
      expect(findElectron(empty)).toEqual({ reason: 'the Electron binary is not installed (npm ci could not download it)' });
    } finally {
      done();
    }
  });

  it('--walk-through still runs the README\'s signing walk-through', async () => {
    const r = await forewarnAsync(['demo', '--walk-through', '--zone', 'Europe/Paris'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^accepted: acme-laptops version 1,/m);
    expect(r.stdout).toContain('what a person sees from');
  });
});
