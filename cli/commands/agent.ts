// `forewarn agent`: the engine headless in plain Node (the "Node agent") with real notifications. For Linux IT,
// for `forewarn preview`, for the kill -9 tests and for trying a server end to end without the desktop app.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Snapshot } from '../../core/agent-api.js';
import type { Logger } from '../../main/engine/ports.js';
import { findManagedConfig, loadManagedConfig, managedConfigPaths } from '../../main/platform/managed-config.js';
import { opt, type Command } from '../command.js';
import { UsageError } from '../errors.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const agent: Command = {
  name: 'agent',
  summary: 'Run the Forewarn agent headless in Node: fetch the signed schedule, show notifications, report to the server.',
  usage: 'forewarn agent [--config FILE] [--state DIR] [--dry-run | --allow-restart] [--once] [--commands]',
  details: [
    'The same engine as the desktop app, without windows: notifications are real (notify-send, macOS and Windows',
    'notification centres), the tray and views are printed as JSON lines on stdout. Restarts are a dry run',
    'unless --allow-restart is given. Logs go to stderr as JSON lines.',
    '',
    'With --commands, AgentApi requests are read from stdin as JSON lines and each is answered on stdout once',
    'persisted, e.g. {"id":1,"channel":"acknowledge","args":["2026-12-patch-tuesday"]}',
    '',
    'example: forewarn agent --config ./config.json --state ./agent-state --once',
  ],
  options: {
    config: { type: 'string', value: 'FILE', help: 'the managed config (default: the OS path, e.g. /etc/forewarn/config.json)' },
    state: { type: 'string', value: 'DIR', help: 'the agent\'s state folder (default ~/.forewarn-agent)' },
    'dry-run': { type: 'boolean', help: 'only log the restart command (the default)' },
    'allow-restart': { type: 'boolean', help: 'really restart the computer at the deadline or when asked' },
    once: { type: 'boolean', help: 'fetch, plan, notify and upload once, then exit (status 1 when the agent is in an error state)' },
    commands: { type: 'boolean', help: 'read AgentApi requests as JSON lines on stdin; answer each on stdout' },
    now: { type: 'string', value: 'ISO', help: 'run as if the clock read ISO at start (previews and tests); it runs on from there' },
    verbose: { type: 'boolean', help: 'log debug lines too' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    if (opt.flag(inv, 'dry-run') && opt.flag(inv, 'allow-restart')) throw new UsageError('give --dry-run or --allow-restart, not both');
    const nowText = opt.string(inv, 'now');
    let offset = 0;
    if (nowText !== undefined) {
      const at = Date.parse(nowText);
      if (!Number.isFinite(at) || !/^\d{4}-\d{2}-\d{2}T/.test(nowText)) throw new UsageError(`--now must be an ISO date-time such as 2026-12-09T09:30:00Z, not "${nowText}"`);
      offset = at - inv.now();
    }
    const clock = { now: () => inv.now() + offset };
    const minLevel = opt.flag(inv, 'verbose') ? 0 : 1;
    const log = (level: (typeof LEVELS)[number]) => (message: string, fields?: Record<string, unknown>) => {
      if (LEVELS.indexOf(level) >= minLevel) inv.io.err(JSON.stringify({ level, at: new Date(clock.now()).toISOString(), message, ...fields }));
    };
    const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
    const configPath = opt.string(inv, 'config');
    const loaded = configPath !== undefined ? loadManagedConfig(resolve(configPath)) : findManagedConfig(managedConfigPaths(process.platform, inv.env));
    if (loaded.ok) for (const w of loaded.warnings) logger.warn(w);
    else logger.error('no usable managed config', { ...loaded.error });
    let lastTray = '';
    const out = (value: unknown) => inv.io.out(JSON.stringify(value));
    // Loaded here, not at the top: other commands never load the engine's store (conf brings when-exit, which
    // re-raises SIGINT/SIGTERM after its own handlers and would cut `forewarn server`'s graceful shutdown short).
    const [{ createNodeAgent }, { serveControl }] = await Promise.all([
      import('../../main/engine/node/agent.js'), import('../../main/engine/node/control.js'),
    ]);
    const built = createNodeAgent({
      config: loaded.ok ? { ok: true, config: loaded.config } : { ok: false, message: loaded.error.message },
      stateDir: resolve(opt.string(inv, 'state') ?? join(homedir(), '.forewarn-agent')),
      allowRestart: opt.flag(inv, 'allow-restart'),
      logger, clock,
      presenter: {
        open: (request) => out({ event: 'open-view', ...request }),
        update: (snapshot) => {
          const s = snapshot as Snapshot;
          const line = `${s.tray.status}|${s.tray.tooltip}|${s.errors.map((e) => e.kind).join(',')}`;
          if (line !== lastTray) out({ event: 'tray', status: s.tray.status, tooltip: s.tray.tooltip, errors: s.errors });
          lastTray = line;
        },
      },
      openExternal: (url) => out({ event: 'open-link', url }),
    });
    const { engine } = built;
    await engine.start();
    // A first run has nothing to show yet: fetch now rather than after the poller's random start delay.
    if (built.store?.get('trust')?.lastGood === undefined || opt.flag(inv, 'once')) await engine.checkNow();
    out({ event: 'ready', device: built.deviceId ?? null });
    if (opt.flag(inv, 'once')) {
      await engine.settled();
      const snapshot = await engine.getSnapshot();
      await built.stop();
      out({ event: 'done', status: snapshot.tray.status, errors: snapshot.errors, outbox: built.store?.get('outbox')?.events.length ?? 0 });
      return snapshot.errors.length === 0 ? 0 : 1;
    }
    return await new Promise<number>((done) => {
      let stopping = false;
      // `on`, not `once`, and a repeat is ignored: conf's when-exit re-raises the signal after its own handler,
      // which would otherwise end the process before the engine has stopped.
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void built.stop().then(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          // A signal ends the command stream too: an open stdin would keep the process alive.
          if (opt.flag(inv, 'commands')) process.stdin.destroy();
          done(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      if (opt.flag(inv, 'commands')) serveControl({ engine, input: process.stdin, write: (line) => inv.io.out(line), onEnd: stop });
    });
  },
};
