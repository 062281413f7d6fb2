/**
 * Busy signals (core/policy BusySignals) from what each OS offers cheaply; anything not detected is left out,
 * which plan() reads as "not busy". Every probe is bounded by a short timeout and a failure is "not detected",
 * never an exception: a busy probe must not be able to stop a notice.
 *
 * Detected:
 * - Linux: notifications paused in dunst (`dunstctl is-paused` -> doNotDisturb), GNOME's "Do Not Disturb"
 *   (`gsettings get org.gnome.desktop.notifications show-banners` = false -> doNotDisturb).
 * - macOS: a Focus / Do Not Disturb turned on by hand (an assertion in
 *   ~/Library/DoNotDisturb/DB/Assertions.json -> doNotDisturb). That file needs Full Disk Access on macOS 13+;
 *   without it the probe reads nothing and says nothing.
 * Not detected:
 * - Windows: SHQueryUserNotificationState (presentation mode, full-screen app, quiet hours) is only reachable
 *   from plain Node through PowerShell + Add-Type, which costs 1-3 s of CPU per probe: not worth it on every
 *   wake-up. The Electron shell can add it natively.
 * - Full-screen apps, presenting, camera, microphone and screen sharing on every OS: no portable, cheap,
 *   unprivileged query exists (X11/Wayland differ, macOS needs private APIs). KDE's and other desktops' DND.
 * - macOS Focus modes turned on by a schedule (they are rules, not assertions).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BusySignals } from '../../core/policy/index.js';
import { runCommand, type CommandRunner } from './run-command.js';

export interface BusyOptions {
  platform?: string;
  run?: CommandRunner;
  env?: NodeJS.ProcessEnv;
  /** The person's home (macOS Focus assertions); default os.homedir(). */
  home?: string;
  /** Per probe; default 2 s. */
  timeoutMs?: number;
}

export const BUSY_PROBE_TIMEOUT_MS = 2_000;

/** True when macOS's DND Assertions.json holds at least one active assertion (a Focus turned on by hand). */
export function focusAssertionActive(json: string): boolean {
  try {
    const parsed = JSON.parse(json) as { data?: Array<{ storeAssertionRecords?: unknown[] }> };
    return (parsed.data ?? []).some((d) => Array.isArray(d.storeAssertionRecords) && d.storeAssertionRecords.length > 0);
  } catch {
    return false;
  }
}

async function linuxBusy(run: CommandRunner, o: BusyOptions): Promise<BusySignals> {
  const opts = { env: o.env, timeoutMs: o.timeoutMs ?? BUSY_PROBE_TIMEOUT_MS };
  const [dunst, gnome] = await Promise.all([
    run('dunstctl', ['is-paused'], opts),
    run('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners'], opts),
  ]);
  const paused = dunst.kind === 'exited' && dunst.code === 0 && dunst.stdout.trim() === 'true';
  const bannersOff = gnome.kind === 'exited' && gnome.code === 0 && gnome.stdout.trim() === 'false';
  return paused || bannersOff ? { doNotDisturb: true } : {};
}

async function macBusy(o: BusyOptions): Promise<BusySignals> {
  try {
    const json = await readFile(join(o.home ?? homedir(), 'Library/DoNotDisturb/DB/Assertions.json'), 'utf8');
    return focusAssertionActive(json) ? { doNotDisturb: true } : {};
  } catch {
    return {};
  }
}

/** What this computer says about being busy right now; `{}` when it says nothing. Never throws. */
export async function detectBusy(options: BusyOptions = {}): Promise<BusySignals> {
  const platform = options.platform ?? process.platform;
  try {
    if (platform === 'linux') return await linuxBusy(options.run ?? runCommand, options);
    if (platform === 'darwin') return await macBusy(options);
  } catch {
    // A probe must never stop a notice: not detected.
  }
  return {};
}
