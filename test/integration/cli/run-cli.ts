import { spawnSync } from 'node:child_process';
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
