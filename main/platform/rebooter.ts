/**
 * Restarting the computer, per OS. `restartCommand` is pure (which argv, in which order of preference) so every
 * OS is tested on any OS; `createRebooter` is the Rebooter port that runs them through execFile — never a shell
 * string, so the reason text cannot inject anything. In dry-run (every test, `--dry-run`) it only records and
 * logs the argv it would run, and spawns nothing.
 */
import type { Logger, Rebooter } from '../engine/ports.js';
import { runCommand, type CommandRunner } from './run-command.js';

export type RestartPlatform = 'win32' | 'darwin' | 'linux';

export interface RestartCommandOptions {
  /** Shown by Windows in its shutdown dialog and written to the System event log (event 1074). */
  reason: string;
  /**
   * Windows `/t`: seconds of OS-level warning before the restart. Default 0: with /t > 0 Windows implies `/f`
   * (force-close apps without asking), so 0 keeps the "save your work?" prompts; the engine's own countdown
   * has already warned the person by the time this runs.
   */
  delaySeconds?: number;
}

/** shutdown.exe truncates /c at 512 characters; we cut it ourselves so the text never fails the command. */
export const WINDOWS_REASON_MAX = 512;
/** shutdown.exe's /t maximum (ten years), in seconds. */
const WINDOWS_DELAY_MAX = 315_360_000;
/**
 * `/d p:2:17`: planned (p), major 2 = SHTDN_REASON_MAJOR_OPERATINGSYSTEM, minor 17 (0x11) =
 * SHTDN_REASON_MINOR_HOTFIX — "Operating System: Hot fix (Planned)" in the System Shutdown Reason Codes table,
 * so the event log and Shutdown Event Tracker show why the computer restarted.
 */
export const WINDOWS_REASON_CODE = 'p:2:17';

/**
 * The restart commands for `platform`, best first; each later one is the fallback when the one before is
 * missing or fails. Throws for a platform Forewarn does not restart.
 */
export function restartCommand(platform: string, options: RestartCommandOptions): string[][] {
  switch (platform) {
    case 'win32': {
      const delay = options.delaySeconds ?? 0;
      if (!Number.isInteger(delay) || delay < 0 || delay > WINDOWS_DELAY_MAX) {
        throw new Error(`restartCommand: delaySeconds must be an integer 0..${WINDOWS_DELAY_MAX}, got ${String(delay)}`);
      }
      // One line (control characters become spaces) and no double quotes: Node quotes the argument for
      // CreateProcess, and shutdown.exe's own parsing of an embedded quote is not worth trusting.
      const reason = options.reason.replace(/\p{Cc}+/gu, ' ').replace(/"/g, "'").slice(0, WINDOWS_REASON_MAX);
      return [['shutdown.exe', '/r', '/t', String(delay), '/c', reason, '/d', WINDOWS_REASON_CODE]];
    }
    case 'darwin':
      // System Events' restart is the Apple-menu restart: apps get to ask about unsaved work (and may cancel),
      // and it needs no privileges — only the one-time Automation consent ("Forewarn wants to control System
      // Events"), which an MDM can pre-approve with a PPPC profile. `shutdown -r now` works only as root and
      // saves nothing: the fallback.
      return [['osascript', '-e', 'tell app "System Events" to restart'], ['shutdown', '-r', 'now']];
    case 'linux':
      // systemctl reboot goes through logind, whose polkit policy lets the active local user restart;
      // `shutdown -r +0` covers systems without systemd (and root).
      return [['systemctl', 'reboot'], ['shutdown', '-r', '+0']];
    default:
      throw new Error(`restartCommand: no restart command for platform "${platform}" (supported: win32, darwin, linux)`);
  }
}

export interface RestartRecord {
  maintenance: string;
  reason: string;
  /** The argv run (or, in dry-run, the one that would run first). */
  argv: string[];
  dryRun: boolean;
}

export interface NodeRebooter extends Rebooter {
  /** Every restart asked of this rebooter, in order: what ran or, in dry-run, what would have. */
  readonly records: readonly RestartRecord[];
}

export interface RebooterOptions {
  dryRun: boolean;
  logger: Logger;
  platform?: string;
  delaySeconds?: number;
  /** The commands' environment (tests: a PATH holding fake programs). */
  env?: NodeJS.ProcessEnv;
  run?: CommandRunner;
  /** How long one restart command may take before the next is tried. Default 30 s. */
  timeoutMs?: number;
}

export function createRebooter(options: RebooterOptions): NodeRebooter {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  const records: RestartRecord[] = [];
  return {
    dryRun: options.dryRun,
    records,
    async restart({ maintenance, reason }) {
      const candidates = restartCommand(platform, { reason, delaySeconds: options.delaySeconds });
      const first = candidates[0] as string[];
      if (options.dryRun) {
        records.push({ maintenance, reason, argv: first, dryRun: true });
        options.logger.info('restart (dry run): not running the restart command', { maintenance, argv: first, fallbacks: candidates.slice(1) });
        return;
      }
      const failures: string[] = [];
      for (const argv of candidates) {
        const [file, ...args] = argv as [string, ...string[]];
        records.push({ maintenance, reason, argv, dryRun: false });
        options.logger.info('restart: running the restart command', { maintenance, argv });
        const outcome = await run(file, args, { env: options.env, timeoutMs: options.timeoutMs ?? 30_000 });
        if (outcome.kind === 'exited' && outcome.code === 0) return;
        const why = outcome.kind === 'exited' ? `exit ${outcome.code}${outcome.stderr.trim() ? `: ${outcome.stderr.trim()}` : ''}` : outcome.message;
        failures.push(`${argv.join(' ')} (${why})`);
        options.logger.warn('restart: command failed', { maintenance, argv, why });
      }
      throw new Error(`restart failed on ${platform}: ${failures.join('; ')}`);
    },
  };
}
