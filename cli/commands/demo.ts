import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { opt, type Command } from '../command.js';

/**
 * `npm start`: the README walk-through, run for real in a scratch folder, so a newcomer sees the whole
 * trust chain work with nothing to install. (The tray agent and fleet server join this demo as they land.)
 */
export const demo: Command = {
  name: 'demo',
  summary: 'Run the walk-through in a scratch folder: keys, a root, the example schedule checked, signed, verified and its patch week shown.',
  usage: 'forewarn demo [--zone Z] [--locale L] [--keep]',
  options: {
    zone: { type: 'string', value: 'ZONE', help: 'show times in this IANA zone (default: this computer’s)' },
    locale: { type: 'string', value: 'TAG', help: 'language for dates and texts (default: en)' },
    keep: { type: 'boolean', help: 'keep the scratch folder and print where it is' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    // Imported here, not at the top: main.ts lists demo among the commands it dispatches to.
    const { main } = await import('../main.js');
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-demo-'));
    const example = fileURLToPath(new URL('../../../examples/schedule.yaml', import.meta.url));
    copyFileSync(example, join(dir, 'schedule.yaml'));
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
  },
};
