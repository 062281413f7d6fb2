// A throwaway Linux desktop for real notifications (../shared/ENVIRONMENT.md): Xvfb on a free display :90-:99,
// a private session D-Bus (dbus-launch with our own config: it listens in the temp dir and has no service
// directories, so nothing on it can be auto-started — a missing daemon stays missing, and no stray dunst
// outlives the test) and dunst with a minimal config. Only the PIDs started here are ever killed.
//
// dunst 1.9's history has no urgency field, so the config has one rule per urgency that prefixes the formatted
// message with it ("critical|summary|body") and history() reads it back: the urgency the daemon applied.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

export const DESKTOP_BINARIES = ['Xvfb', 'dbus-launch', 'dbus-send', 'dunst', 'dunstctl', 'notify-send'] as const;

export interface DunstNotification {
  id: number;
  summary: string;
  body: string;
  appname: string;
  urgency: 'low' | 'normal' | 'critical' | 'unknown';
  defaultAction: string;
  iconPath: string;
}

export interface Desktop {
  env: { DISPLAY: string; DBUS_SESSION_BUS_ADDRESS: string };
  /** Notifications dunst has closed, newest first (close them first with closeAll() to see everything). */
  history(): Promise<DunstNotification[]>;
  displayed(): Promise<number>;
  closeAll(): Promise<void>;
  /** The default action of the newest displayed notification (what a click does). */
  invokeAction(): Promise<void>;
  stop(): Promise<void>;
}

const DUNSTRC = `[global]
    font = Monospace 8
    history_length = 200
    show_indicators = no
[mark_low]
    msg_urgency = low
    format = "low|%s|%b"
[mark_normal]
    msg_urgency = normal
    format = "normal|%s|%b"
[mark_critical]
    msg_urgency = critical
    format = "critical|%s|%b"
`;

const busConfig = (dir: string) => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

/** The desktop binaries not on PATH. */
export function missingDesktopBinaries(): string[] {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return DESKTOP_BINARIES.filter((b) => !dirs.some((d) => existsSync(join(d, b))));
}

/**
 * `describe` that runs only with the desktop binaries present: otherwise one skipped test says what to install —
 * or, with CI set, one failing test (CI installs them: .ci/run).
 */
export function describeWithDesktop(title: string, body: () => void): void {
  const missing = missingDesktopBinaries();
  if (missing.length === 0) return void describe(title, body);
  describe(title, () => {
    const why = `desktop binaries missing (${missing.join(', ')})`;
    if (process.env['CI']) it('has Xvfb, D-Bus, dunst and libnotify installed (CI installs them)', () => { throw new Error(`${why}: CI must install xvfb dbus-x11 libnotify-bin dunst xauth`); });
    else it.skip(`${why}: apt-get install xvfb dbus-x11 libnotify-bin dunst xauth to run these; with CI set they fail instead`, () => {});
  });
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: 10_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Xvfb on the first free display of :90-:99 (starting at a random one: other test files run at the same time). */
async function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  const start = Math.floor(Math.random() * 10);
  for (let i = 0; i < 10; i++) {
    const n = 90 + ((start + i) % 10);
    if (existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-displayfd', '3'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    // -displayfd: Xvfb writes the display number once it accepts connections — the readiness signal.
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdio[3]?.once('data', () => { clearTimeout(timer); resolve(true); });
      child.once('exit', () => { clearTimeout(timer); resolve(false); });
      child.once('error', () => { clearTimeout(timer); resolve(false); });
    });
    if (ready) return { child, display: `:${n}` };
    child.kill('SIGKILL');
  }
  throw new Error('startDesktop: no free X display in :90-:99 (Xvfb failed on every one)');
}

/** Starts Xvfb, a session bus and (unless `daemon: false`) dunst; resolves once dunst owns org.freedesktop.Notifications. */
export async function startDesktop(options: { daemon?: boolean } = {}): Promise<Desktop> {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-desktop-'));
  const kill: Array<() => void> = [];
  const stop = async () => {
    for (const k of kill.reverse()) k();
    kill.length = 0;
    await pause(50);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const x = await startXvfb();
    kill.push(() => x.child.kill());
    writeFileSync(join(dir, 'session.conf'), busConfig(dir));
    const baseEnv: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: dir, XDG_RUNTIME_DIR: dir, DISPLAY: x.display };
    // Without DISPLAY, so dbus-launch does not tie the bus to the X server's lifetime or its root-window property.
    const out = await run('dbus-launch', ['--sh-syntax', `--config-file=${join(dir, 'session.conf')}`], { PATH: process.env['PATH'], HOME: dir });
    const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(out)?.[1];
    const busPid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(out)?.[1]);
    if (!address || !Number.isInteger(busPid) || busPid <= 0) throw new Error(`startDesktop: cannot parse dbus-launch output: ${out}`);
    kill.push(() => { try { process.kill(busPid); } catch { /* already gone */ } });
    const env = { DISPLAY: x.display, DBUS_SESSION_BUS_ADDRESS: address };
    const fullEnv = { ...baseEnv, ...env };

    if (options.daemon !== false) {
      writeFileSync(join(dir, 'dunstrc'), DUNSTRC);
      const dunst = spawn('dunst', ['-config', join(dir, 'dunstrc')], { env: fullEnv, stdio: 'ignore' });
      kill.push(() => dunst.kill());
      let owned = false;
      for (let i = 0; i < 200 && !owned; i++) {
        const reply = await run('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
          'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'], fullEnv);
        owned = /boolean true/.test(reply);
        if (!owned) await pause(50);
      }
      if (!owned) throw new Error('startDesktop: dunst did not take org.freedesktop.Notifications within 10 s');
    }

    const dunstctl = (...args: string[]) => run('dunstctl', args, fullEnv);
    return {
      env,
      async history() {
        const json = JSON.parse(await dunstctl('history')) as { data: Array<Array<Record<string, { data: unknown }>>> };
        return (json.data[0] ?? []).map((n) => {
          const s = (k: string) => String(n[k]?.data ?? '');
          return {
            id: Number(n['id']?.data), summary: s('summary'), body: s('body'), appname: s('appname'),
            urgency: (['low', 'normal', 'critical'] as const).find((u) => s('message').startsWith(`${u}|`)) ?? 'unknown',
            defaultAction: s('default_action_name'), iconPath: s('icon_path'),
          };
        });
      },
      displayed: async () => Number((await dunstctl('count', 'displayed')).trim()),
      closeAll: async () => void await dunstctl('close-all'),
      invokeAction: async () => void await dunstctl('action', '0'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
