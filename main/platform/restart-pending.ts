/**
 * "The OS has an update waiting for a restart", per OS, fed to plan(). Parsers are pure and tested with captured
 * output; the probes take the file-system root and the command runner so tests run the real code paths against
 * temp dirs and fake programs on PATH. A probe that cannot tell (program missing, timeout, unknown output)
 * counts as "not pending" and says so in `unknown` — a wrong "pending" would nag people to restart for nothing.
 *
 * What is detected:
 * - Windows: the CBS `RebootPending` key, Windows Update's `Auto Update\RebootRequired` key, and a non-empty
 *   `PendingFileRenameOperations` (files replaced at the next boot; installers other than Windows Update set
 *   it too, so it is a weaker signal, reported as its own reason).
 * - Linux: `/run/reboot-required` (Debian/Ubuntu, written by update-notifier hooks; `.pkgs` names the packages)
 *   and `needs-restarting -r` (RHEL/Fedora/dnf-utils: exit 1 = a restart is needed, 0 = not).
 * - macOS: only updates that Software Update lists as needing a restart (`softwareupdate --list --no-scan`,
 *   from the last background scan, so no network). Not detectable: an update already staged and waiting for
 *   the restart, and restarts needed by third-party installers — macOS records neither anywhere readable.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand, type CommandRunner } from './run-command.js';

export interface RestartPendingReport {
  pending: boolean;
  /** Why, e.g. "windows-update:RebootRequired", "reboot-required:linux-image-6.1.0-40-amd64". */
  reasons: string[];
  /** Probes that could not answer, with why (missing program, timeout…). */
  unknown: string[];
}

export interface RestartPendingOptions {
  platform?: string;
  /** File-system root for file probes; default "/". */
  root?: string;
  run?: CommandRunner;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

// ---- Windows -------------------------------------------------------------------------------------------

export const WINDOWS_KEYS = {
  cbsRebootPending: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  wuRebootRequired: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  sessionManager: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager',
} as const;

export interface RegValue {
  name: string;
  type: string;
  data: string;
}
export interface RegKey {
  path: string;
  values: RegValue[];
}

/**
 * Parses `reg query` output: a key line (`HKEY_…`) followed by indented `name    REG_TYPE    data` lines
 * (four-space separated; a default value's name is "(Default)"). Subkeys appear as further key lines.
 */
export function parseRegQuery(output: string): RegKey[] {
  const keys: RegKey[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '') continue;
    if (/^HKEY_/i.test(line)) {
      keys.push({ path: line, values: [] });
      continue;
    }
    const m = /^\s+(.*?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    const current = keys[keys.length - 1];
    if (m && current) current.values.push({ name: m[1] as string, type: m[2] as string, data: m[3] ?? '' });
  }
  return keys;
}

/** A REG_MULTI_SZ as `reg query` prints it ("a\0b\0\0") -> its non-empty strings. */
export function multiSzEntries(data: string): string[] {
  return data.split('\\0').filter((s) => s !== '');
}

async function windowsProbe(run: CommandRunner, o: RestartPendingOptions, report: RestartPendingReport): Promise<void> {
  const query = async (args: string[]) => run('reg', ['query', ...args, '/reg:64'], { env: o.env, timeoutMs: o.timeoutMs });
  // A key's existence is the signal for the first two; reg exits 1 when it does not exist.
  for (const [reason, key] of [['cbs:RebootPending', WINDOWS_KEYS.cbsRebootPending], ['windows-update:RebootRequired', WINDOWS_KEYS.wuRebootRequired]] as const) {
    const out = await query([key]);
    if (out.kind !== 'exited') report.unknown.push(`${reason}: ${out.message}`);
    // Exit 0 is the key's existence; its values (often none) do not matter.
    else if (out.code === 0) report.reasons.push(reason);
    else if (out.code !== 0 && out.code !== 1) report.unknown.push(`${reason}: reg exited ${out.code}`);
  }
  const out = await query([WINDOWS_KEYS.sessionManager, '/v', 'PendingFileRenameOperations']);
  if (out.kind !== 'exited') report.unknown.push(`PendingFileRenameOperations: ${out.message}`);
  else if (out.code === 0) {
    const value = parseRegQuery(out.stdout).flatMap((k) => k.values).find((v) => v.name === 'PendingFileRenameOperations');
    if (value && multiSzEntries(value.data).length > 0) report.reasons.push('session-manager:PendingFileRenameOperations');
  }
}

// ---- Linux ---------------------------------------------------------------------------------------------

async function linuxProbe(run: CommandRunner, o: RestartPendingOptions, report: RestartPendingReport): Promise<void> {
  const root = o.root ?? '/';
  try {
    await readFile(join(root, 'run/reboot-required'));
    let pkgs: string[] = [];
    try {
      pkgs = [...new Set((await readFile(join(root, 'run/reboot-required.pkgs'), 'utf8')).split('\n').map((s) => s.trim()).filter(Boolean))];
    } catch {
      // The .pkgs list is optional: the flag file alone means a restart is required.
    }
    report.reasons.push(...(pkgs.length > 0 ? pkgs.map((p) => `reboot-required:${p}`) : ['reboot-required']));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report.unknown.push(`/run/reboot-required: ${(error as Error).message}`);
  }
  // needs-restarting reads the rpm database: only where it is installed; it is absent on Debian, which is normal.
  const out = await run('needs-restarting', ['-r'], { env: o.env, timeoutMs: o.timeoutMs ?? 20_000 });
  if (out.kind === 'exited') {
    if (out.code === 1) report.reasons.push('needs-restarting');
    else if (out.code !== 0) report.unknown.push(`needs-restarting: exit ${out.code}`);
  } else if (out.kind === 'failed') report.unknown.push(`needs-restarting: ${out.message}`);
}

// ---- macOS ---------------------------------------------------------------------------------------------

/**
 * Labels of updates `softwareupdate --list` says need a restart: "Action: restart" (macOS 10.15+) or the
 * "[restart]" marker (earlier releases), on the detail line under each "* Label:" / "* name" line.
 */
export function parseSoftwareUpdateList(output: string): string[] {
  const labels: string[] = [];
  let current: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    const item = /^\s*\*\s+(?:Label:\s*)?(.+?)\s*$/.exec(line);
    if (item) {
      current = item[1] as string;
      continue;
    }
    if (current !== null && (/\bAction:\s*restart\b/i.test(line) || /\[restart\]/i.test(line))) {
      labels.push(current);
      current = null;
    }
  }
  return labels;
}

async function macProbe(run: CommandRunner, o: RestartPendingOptions, report: RestartPendingReport): Promise<void> {
  // --no-scan: list what the last background scan found, without contacting Apple (cheap, no network).
  const out = await run('softwareupdate', ['--list', '--no-scan'], { env: o.env, timeoutMs: o.timeoutMs ?? 30_000 });
  if (out.kind !== 'exited') return void report.unknown.push(`softwareupdate: ${out.message}`);
  report.reasons.push(...parseSoftwareUpdateList(`${out.stdout}\n${out.stderr}`).map((l) => `softwareupdate:${l}`));
}

/** Whether a restart is pending, and why. Never throws. */
export async function detectRestartPending(options: RestartPendingOptions = {}): Promise<RestartPendingReport> {
  const report: RestartPendingReport = { pending: false, reasons: [], unknown: [] };
  const run = options.run ?? runCommand;
  const platform = options.platform ?? process.platform;
  try {
    if (platform === 'win32') await windowsProbe(run, options, report);
    else if (platform === 'linux') await linuxProbe(run, options, report);
    else if (platform === 'darwin') await macProbe(run, options, report);
    else report.unknown.push(`no pending-restart detection for platform "${platform}"`);
  } catch (error) {
    report.unknown.push(`probe failed: ${(error as Error).message}`);
  }
  report.pending = report.reasons.length > 0;
  return report;
}
