import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(repo, 'bin', 'forewarn.js');

export interface CliResult { status: number | null; stdout: string; stderr: string }

/** Runs the real, built `forewarn` command in `cwd`, as IT would type it. */
export function forewarn(args: string[], opts: { cwd: string; env?: Record<string, string> }): CliResult {
  if (!existsSync(join(repo, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" (npm test does it)');
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...opts.env }, timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder for one test, removed by the returned function. */
export function workdir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * As forewarn(), without blocking the event loop: needed when the command talks to a server listening in
 * this same process (spawnSync would stop that server from answering).
 */
export function forewarnAsync(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  if (!existsSync(join(repo, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" (npm test does it)');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd, env: { PATH: process.env.PATH ?? '', ...opts.env }, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
