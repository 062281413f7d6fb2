// `forewarn preview`: the real agent and the real views, before a schedule reaches anyone. Everything heavy
// (the engine, conf, the server) is imported inside run(), so other commands never load it.
import { resolve } from 'node:path';
import { opt, type Command, type Invocation } from '../command.js';
import { UsageError } from '../errors.js';
import { parseAt, parseSpeed } from '../preview/scaled-time.js';

export const preview: Command = {
  name: 'preview',
  summary: 'Show a schedule exactly as people will see it: the real agent and views in your browser, on a compressed timeline if you like.',
  usage: 'forewarn preview SCHEDULE [--root FILE] [--zone Z] [--locale L] [--at ISO] [--speed N] [--port P]',
  details: [
    'SCHEDULE is a source (schedule.yaml) or a signed schedule (give --root to verify it as agents will).',
    'A source is signed with throwaway keys made for this preview only; nothing is published anywhere but',
    'to a fleet server inside this command, on 127.0.0.1. Open the printed link in a browser: notices,',
    'the restart prompt and the countdown appear as plan time reaches them; every choice you click is',
    'recorded by that server (its dashboard link is printed too). Restarts are a dry run; help links are',
    'printed, not opened. Ctrl-C stops it.',
    '',
    'example: forewarn preview schedule.yaml --zone Europe/Paris --locale fr --at 2026-12-08T17:00:00+01:00 --speed 60',
  ],
  options: {
    root: { type: 'string', value: 'FILE', help: 'the root a signed SCHEDULE must verify against' },
    zone: { type: 'string', value: 'ZONE', help: 'the computer\'s IANA time zone (default: this computer\'s)' },
    locale: { type: 'string', value: 'TAG', help: 'the computer\'s language, e.g. fr or ar (default: this computer\'s)' },
    at: { type: 'string', value: 'ISO', help: 'start plan time at this instant, e.g. 2026-12-08T20:00:00Z (default: now)' },
    speed: { type: 'string', value: 'N', help: 'plan time runs N times faster, e.g. 60 = an hour a minute (default 1)' },
    port: { type: 'string', value: 'P', help: 'serve the views on this port of 127.0.0.1 (default: a free one)' },
    group: { type: 'string', multiple: true, value: 'NAME', help: 'a group this computer is in (a schedule\'s audiences)' },
    tag: { type: 'string', multiple: true, value: 'NAME', help: 'a tag this computer has, e.g. windows' },
    notify: { type: 'boolean', help: 'also show the notices as this computer\'s own notifications' },
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const settings = previewSettings(inv);
    return runPreview(inv, { ...settings, schedule: resolve(inv.positionals[0]!) }, []);
  },
};

export interface PreviewSettings {
  root?: string;
  zone?: string;
  locale?: string;
  at?: string;
  speed?: number;
  port?: number;
  groups: string[];
  tags: string[];
  notify: boolean;
}

/** The options as startPreview takes them, checked (usage errors before anything starts). */
export function previewSettings(inv: Invocation): PreviewSettings {
  const at = opt.string(inv, 'at');
  if (at !== undefined) parseAt(at);
  const speed = opt.string(inv, 'speed');
  const port = opt.string(inv, 'port');
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65_535)) throw new UsageError(`--port must be a port number 0 to 65535, not "${port}"`);
  const root = opt.string(inv, 'root');
  return {
    ...(root !== undefined ? { root: resolve(root) } : {}),
    ...(opt.string(inv, 'zone') !== undefined ? { zone: opt.string(inv, 'zone')! } : {}),
    ...(opt.string(inv, 'locale') !== undefined ? { locale: opt.string(inv, 'locale')! } : {}),
    ...(at !== undefined ? { at } : {}),
    ...(speed !== undefined ? { speed: parseSpeed(speed) } : {}),
    ...(port !== undefined ? { port: Number(port) } : {}),
    groups: opt.list(inv, 'group'), tags: opt.list(inv, 'tag'), notify: opt.flag(inv, 'notify'),
  };
}

/**
 * Starts the preview, prints where to look, and runs until SIGINT or SIGTERM; then stops everything and
 * returns 0. `intro` lines are printed first (the demo says what it is).
 */
export async function runPreview(inv: Invocation, settings: PreviewSettings & { schedule: string }, intro: string[]): Promise<number> {
  // Listening before the (slow) start means a Ctrl-C during it is not lost. `on`, not `once`: conf's when-exit
  // re-raises the signal after its own handlers, and with no listener left that second one would kill the
  // process with the signal instead of letting it stop cleanly with status 0.
  let stopRequested: () => void = () => undefined;
  let signalled = false;
  const stopped = new Promise<void>((done) => { stopRequested = done; });
  const onSignal = () => {
    signalled = true;
    stopRequested();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const line of intro) inv.io.out(line);
    const { startPreview } = await import('../preview/index.js');
    const when = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const started = await startPreview({
      schedule: settings.schedule,
      ...(settings.root !== undefined ? { root: settings.root } : {}),
      ...(settings.zone !== undefined ? { zone: settings.zone } : {}),
      ...(settings.locale !== undefined ? { locale: settings.locale } : {}),
      ...(settings.at !== undefined ? { at: settings.at } : {}),
      ...(settings.speed !== undefined ? { speed: settings.speed } : {}),
      ...(settings.port !== undefined ? { port: settings.port } : {}),
      groups: settings.groups, tags: settings.tags, notifier: settings.notify ? 'os' : 'record',
      logger: {
        debug: () => undefined, info: () => undefined,
        warn: (message, fields) => inv.io.err(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
        error: (message, fields) => inv.io.err(`error: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
      },
      onNotification: (n, at) => inv.io.out(`[${when(at)}] notification: ${n.title} — ${n.body}`),
      onView: (v, at) => inv.io.out(`[${when(at)}] the agent opens: ${v.view}${v.maintenance ? ` (${v.maintenance})` : ''}`),
      onOpenLink: (url, at) => inv.io.out(`[${when(at)}] would open in the browser: ${url}`),
    });
    const snapshot = await started.engine.getSnapshot();
    inv.io.out(`preview of ${started.fleet} schedule version ${snapshot.schedule?.version ?? '?'}: ${snapshot.tray.label}`);
    inv.io.out(`plan time ${when(started.now())}${settings.speed !== undefined && settings.speed !== 1 ? `, ${settings.speed}× faster than real time` : ''}; zone ${snapshot.zone}, language ${snapshot.locale}`);
    for (const e of snapshot.errors) inv.io.err(`the agent says: ${e.message}${e.detail ? ` (${e.detail})` : ''}`);
    inv.io.out(`open the views: ${started.url}`);
    inv.io.out(`IT dashboard:   ${started.serverUrl}/dashboard (admin token ${started.adminToken})`);
    inv.io.out('Ctrl-C stops the preview.');
    await stopped;
    inv.io.out('stopping the preview…');
    await started.stop();
    return 0;
  } finally {
    // After a signal the listeners stay: the re-raised copy may still be on its way, and the process is ending.
    if (!signalled) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
