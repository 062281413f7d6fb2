/**
 * The one way main/platform runs a program: execFile with an argv (never a shell string, so nothing in a
 * reason or a title can become a command), a hard timeout, and an outcome instead of an exception. Probes
 * (reg query, softwareupdate, dunstctl…) must never hang or crash the agent, so every failure is a value.
 */
import { execFile } from 'node:child_process';

export type CommandOutcome =
  /** The program ran and exited (any exit code). */
  | { kind: 'exited'; code: number; stdout: string; stderr: string }
  /** The program is not installed (ENOENT) or could not be started. */
  | { kind: 'missing'; message: string }
  /** Killed after `timeoutMs`, or ended by a signal. */
  | { kind: 'failed'; message: string };

export interface RunOptions {
  /** Default 5 s: every probe is bounded. */
  timeoutMs?: number;
  /** The child's whole environment (tests pass a PATH with fake programs); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Runs `file` with `args`; resolves with what happened, never rejects. */
export type CommandRunner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(file, [...args], {
      timeout: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
      env: options.env ?? process.env,
      encoding: 'utf8',
      maxBuffer: 4 * 1024 * 1024,
      windowsHide: true,
    }, (error, stdout, stderr) => {
      if (error === null) return resolve({ kind: 'exited', code: 0, stdout, stderr });
      const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string | null };
      if (e.code === 'ENOENT' || e.code === 'EACCES') return resolve({ kind: 'missing', message: `${file}: ${e.message}` });
      if (typeof e.code === 'number' && !e.killed) return resolve({ kind: 'exited', code: e.code, stdout, stderr });
      const why = e.killed ? `timed out after ${options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS} ms` : (e.signal ? `ended by ${e.signal}` : e.message);
      resolve({ kind: 'failed', message: `${file} ${why}` });
    });
  });
