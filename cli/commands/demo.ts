import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidZone, localToInstant } from '../../core/time/zoned.js';
import { opt, type Command, type Invocation } from '../command.js';
import { UsageError } from '../errors.js';
import { parseSpeed } from '../preview/scaled-time.js';
import { previewSettings, runPreview } from './preview.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const examples = join(repo, 'examples');
/** The demo's pace: one real second is ten plan minutes, so the patch night to its deadline takes five minutes. */
export const DEMO_SPEED = 600;

/**
 * `npm start`: the example signed schedule on the real agent, against a fleet server inside the command. The
 * Electron app when it can run here (its binary downloaded and the app built), else the same views in a browser
 * through `forewarn preview`, on a compressed timeline: a quarter of an hour before the patch night's
 * four-hour notice, at 600× — the notices, then the restart prompt about a minute in, the final countdown and
 * the (dry-run) restart about five minutes in. `--walk-through` runs the README's key-and-signing walk-through.
 */
export const demo: Command = {
  name: 'demo',
  summary: 'Run the demo of the agent: the example schedule on the real agent and views (Electron, or your browser), on a compressed timeline.',
  usage: 'forewarn demo [--browser] [--zone Z] [--locale L] [--at ISO] [--speed N] [--port P] | forewarn demo --walk-through [--keep]',
  details: [
    'A fleet server starts inside the command with examples/schedule.signed.json (EXAMPLE-ONLY keys), and the',
    'agent shows it: in the Electron app when its binary is here and the app is built (real time), otherwise',
    'in your browser (open the printed link), starting just before the patch night\'s notices at 600× speed.',
    'Everything you click is recorded by that server; its dashboard link is printed. Restarts are a dry run.',
    'Ctrl-C stops it.',
  ],
  options: {
    browser: { type: 'boolean', help: 'show the views in your browser even when the Electron app could run' },
    zone: { type: 'string', value: 'ZONE', help: 'the computer\'s IANA time zone (default: this computer\'s)' },
    locale: { type: 'string', value: 'TAG', help: 'language for dates and texts (default: en)' },
    at: { type: 'string', value: 'ISO', help: 'start plan time here instead (default: 17:45 local on the patch night)' },
    speed: { type: 'string', value: 'N', help: `plan time runs N times faster (default ${DEMO_SPEED})` },
    port: { type: 'string', value: 'P', help: 'serve the views on this port of 127.0.0.1 (default: a free one)' },
    'walk-through': { type: 'boolean', help: 'instead: keys, a root, the example checked, signed, verified and its patch week printed' },
    keep: { type: 'boolean', help: 'with --walk-through: keep the scratch folder and print where it is' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    if (opt.flag(inv, 'walk-through')) return walkThrough(inv);
    if (opt.flag(inv, 'keep')) throw new UsageError('--keep goes with --walk-through');
    const { readSystemZone } = await import('../../main/platform/zone.js');
    const zone = opt.string(inv, 'zone') ?? readSystemZone();
    if (!isValidZone(zone)) throw new UsageError(`--zone must be an IANA time zone such as Europe/Paris, not "${zone}"`);
    const settings = previewSettings(inv);
    const speed = settings.speed ?? parseSpeed(String(DEMO_SPEED));
    // 17:45 on the patch night, in the computer's zone: the example's patch window is 22:00 local time.
    const at = settings.at ?? new Date(localToInstant(Date.UTC(2026, 11, 8, 17, 45), zone)).toISOString().replace('.000Z', 'Z');
    const electron = opt.flag(inv, 'browser') ? { reason: '--browser was given' } : findElectron();
    if ('binary' in electron) return runElectron(inv, electron.binary);
    return runPreview(inv, {
      ...settings, zone, locale: settings.locale ?? 'en', at, speed,
      schedule: join(examples, 'schedule.signed.json'), root: join(examples, 'root.json'),
    }, [
      'Forewarn demo: the example schedule on the real agent, a local fleet server and the real views.',
      `(The views open in your browser: ${electron.reason}.)`,
      `Plan time starts ${at} at ${speed}×: the patch night's notices come first, the restart prompt about a minute in,`,
      'the final countdown and its dry-run restart about five minutes in. Click through every choice.',
    ]);
  },
};

/** The Electron binary, when `npm ci` could download it, and the built app; else why not (one line). */
export function findElectron(root: string = repo, env: NodeJS.ProcessEnv = process.env): { binary: string } | { reason: string } {
  // The installed package's files are read, never loaded as a module: loading it would try to download the binary.
  const pkg = join(root, 'node_modules/electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return { reason: 'the Electron binary is not installed (npm ci could not download it)' };
  const binary = join(env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkg, 'dist'), readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary)) return { reason: `the Electron binary is missing (${binary})` };
  for (const built of [join(root, 'dist/main/electron/main.js'), join(root, 'dist', 'renderer', 'index.html')]) {
    if (!existsSync(built)) return { reason: `the app is not built (no ${built}): run npm run build` };
  }
  return { binary };
}

/** The desktop app against a fleet server in this process, with a managed config of its own (real time). */
async function runElectron(inv: Invocation, binary: string): Promise<number> {
  const { startFleet, previewSchedule } = await import('../preview/fleet.js');
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-demo-'));
  const fleet = await startFleet(previewSchedule(readFileSync(join(examples, 'schedule.signed.json')), 'examples/schedule.signed.json',
    readFileSync(join(examples, 'root.json'))), { dir, now: () => Date.now() });
  try {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ serverUrl: fleet.url, fleet: fleet.fleet, rootFile: join(examples, 'root.json'), enrollmentToken: fleet.enrollmentToken, dryRun: true }, null, 2), { mode: 0o644 });
    inv.io.out('Forewarn demo: the example schedule in the Electron app (look for the tray icon), on the real clock.');
    inv.io.out('For the compressed timeline in your browser: npm start -- --browser');
    inv.io.out(`IT dashboard: ${fleet.url}/dashboard (admin token ${fleet.adminToken})`);
    const child = spawn(binary, [repo, `--config=${config}`, `--user-data-dir=${join(dir, 'user-data')}`, '--show=status'], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const status = await new Promise<number>((done) => {
      child.on('error', (error) => {
        inv.io.err(`forewarn demo: Electron did not start: ${error.message}`);
        done(1);
      });
      child.on('exit', (code, signal) => done(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : code ?? 1));
    });
    return status;
  } finally {
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The README walk-through, run for real in a scratch folder (the demo before the agent existed). */
async function walkThrough(inv: Invocation): Promise<number> {
  // Imported here, not at the top: main.ts lists demo among the commands it dispatches to.
  const { main } = await import('../main.js');
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-demo-'));
  copyFileSync(join(examples, 'schedule.yaml'), join(dir, 'schedule.yaml'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const steps: string[][] = [
      ['keygen', '--out', 'root-a'], ['keygen', '--out', 'root-b'], ['keygen', '--out', 'schedule-1'],
      ['root', 'init', '--fleet', 'acme-laptops', '--root-key', 'root-a.pub', '--root-key', 'root-b.pub', '--root-threshold', '2',
        '--schedule-key', 'schedule-1.pub', '--schedule-threshold', '1', '--expires', '365d', '--sign', 'root-a.key', '--sign', 'root-b.key', '--out', 'root.json'],
      ['lint', 'schedule.yaml'],
      ['sign', 'schedule.yaml', '--key', 'schedule-1.key', '--root', 'root.json', '--out', 'schedule.signed.json'],
      ['verify', 'schedule.signed.json', '--root', 'root.json', '--state', 'agent-state'],
      ['inspect', 'schedule.signed.json', '--root', 'root.json', ...(opt.string(inv, 'zone') ? ['--zone', opt.string(inv, 'zone')!] : []),
        '--locale', opt.string(inv, 'locale') ?? 'en', '--from', '2026-12-07T00:00:00Z', '--to', '2026-12-11T00:00:00Z'],
    ];
    for (const step of steps) {
      inv.io.out(`\n$ forewarn ${step.join(' ')}`);
      const status = await main(step, inv.io, inv.env);
      if (status !== 0) return status;
    }
    if (opt.flag(inv, 'keep')) inv.io.out(`\nthe files are in ${dir}`);
    return 0;
  } finally {
    process.chdir(cwd);
    if (!opt.flag(inv, 'keep')) rmSync(dir, { recursive: true, force: true });
  }
}
