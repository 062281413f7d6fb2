/**
 * Start at login. macOS and Windows: Electron's app.setLoginItemSettings (a login item / the Run key). Linux: an
 * XDG autostart entry, `$XDG_CONFIG_HOME/autostart/forewarn.desktop` (default ~/.config/autostart), which GNOME,
 * KDE, Xfce and the other XDG desktops start at login; written atomically (temp file, fsync, rename), and only
 * when its contents change.
 *
 * When: the packaged app always registers itself — a fleet agent that does not start at login warns nobody, and
 * the managed config has no switch to turn it off (IT removes the app instead). An unpackaged run (`npm start`,
 * the e2e spec, a developer's checkout) never does, so trying the app does not leave an entry behind pointing at
 * a development Electron binary. docs/agent.md says the same.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { writeFileAtomic } from '../engine/state/atomic-file.js';

export const AUTOSTART_FILE = 'forewarn.desktop';

/** Whether to register at all (pure): the packaged app yes, development runs no. */
export function shouldStartAtLogin(context: { packaged: boolean }): boolean {
  return context.packaged;
}

/** Where the Linux autostart entry goes (pure). */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  // The spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const base = configHome !== undefined && configHome.startsWith('/') ? configHome : join(home, '.config');
  return join(base, 'autostart', AUTOSTART_FILE);
}

/** One Exec argument quoted per the Desktop Entry spec ("…" with \ " ` $ escaped; % doubled). */
export function quoteExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(escaped) && escaped !== '') return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * Passed by every start-at-login entry (per user and the installers' machine-wide ones): a start at login that
 * finds Forewarn running already just quits, instead of asking it to show its status window.
 */
export const AUTOSTART_ARG = '--autostart';

/** The autostart entry's text (pure). */
export function autostartEntry(executable: string, args: readonly string[] = []): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Forewarn',
    'Comment=Tells you in plain words when updates and restarts will happen',
    `Exec=${[executable, ...args].map(quoteExecArg).join(' ')}`,
    'Icon=forewarn',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes the entry unless it is already there unchanged; returns whether it wrote. */
export function writeAutostartEntry(path: string, text: string): boolean {
  try {
    if (readFileSync(path, 'utf8') === text) return false;
  } catch {
    // absent or unreadable: write it
  }
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  // 0644 like every .desktop file the desktop reads; it holds no secret.
  writeFileAtomic(path, text, 0o644);
  return true;
}

export interface StartAtLoginOptions {
  platform?: string;
  env?: Readonly<Record<string, string | undefined>>;
  home?: string;
  packaged?: boolean;
  /** The program to start: the AppImage when run from one (its path is stable; process.execPath is not). */
  executable?: string;
}

/** Registers the app to start at login where `shouldStartAtLogin` says so. Returns what it did. */
export function enableStartAtLogin(options: StartAtLoginOptions = {}): 'login-item' | 'autostart-written' | 'autostart-unchanged' | 'skipped' {
  if (!shouldStartAtLogin({ packaged: options.packaged ?? app.isPackaged })) return 'skipped';
  const platform = options.platform ?? process.platform;
  if (platform === 'darwin' || platform === 'win32') {
    // Windows passes args to the Run entry; macOS ignores them (wasOpenedAtLogin tells instead: app.ts).
    app.setLoginItemSettings({ openAtLogin: true, args: [AUTOSTART_ARG] });
    return 'login-item';
  }
  const env = options.env ?? process.env;
  const executable = options.executable ?? env['APPIMAGE'] ?? process.execPath;
  const path = autostartPath(env, options.home ?? homedir());
  return writeAutostartEntry(path, autostartEntry(executable, [AUTOSTART_ARG])) ? 'autostart-written' : 'autostart-unchanged';
}
