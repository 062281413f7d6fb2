import { FLEET_ID } from '../../server/http.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { UsageError } from '../errors.js';
import { call, failure, serverOptions, serverTarget } from '../server-client.js';

interface Funnel {
  maintenance: string; targeted: number; delivered: number; notified: number; responded: number; acknowledged: number;
  deferred: number; restartStarted: number; completed: number; failed: number; pastDeadline: number; offline: number;
}

const ROWS: Array<[keyof Funnel, string]> = [
  ['targeted', 'targeted'], ['delivered', 'delivered'], ['notified', 'notified'], ['responded', 'acknowledged or deferred'],
  ['acknowledged', '  acknowledged'], ['deferred', '  deferred'], ['restartStarted', 'restart started'], ['completed', 'completed'],
  ['failed', 'failed'], ['pastDeadline', 'past deadline'], ['offline', 'offline'],
];

export const status: Command = {
  name: 'status',
  summary: 'Show the compliance funnel of a fleet from its server: who was told, acknowledged, deferred, restarted.',
  usage: 'forewarn status --server URL --fleet ID --token-env VAR [--maintenance ID] [--group NAME] [--tag NAME] [--json]',
  options: {
    ...serverOptions,
    fleet: { type: 'string', value: 'ID', help: 'the fleet' },
    maintenance: { type: 'string', value: 'ID', help: 'only this maintenance' },
    group: { type: 'string', value: 'NAME', help: 'only devices that reported this group' },
    tag: { type: 'string', value: 'NAME', help: 'only devices that reported this tag' },
    json: common.json,
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const target = serverTarget(inv);
    const fleet = opt.required(inv, 'fleet');
    if (!new RegExp(FLEET_ID).test(fleet)) throw new UsageError(`--fleet must be a fleet id, not "${fleet}"`);
    const chosen = (['maintenance', 'group', 'tag'] as const).flatMap((key) => {
      const value = opt.string(inv, key);
      return value === undefined ? [] : [[key, value] as const];
    });
    // encodeURIComponent, not URLSearchParams: a space must travel as %20, never as '+'.
    const query = chosen.length > 0 ? `?${chosen.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
    const picked = new Map<string, string>(chosen);
    const { status: code, json } = await call(target, 'GET', `/v1/fleets/${fleet}/compliance${query}`);
    if (code !== 200) throw failure(code, json);
    const funnels = (json['funnels'] ?? []) as Funnel[];
    if (opt.flag(inv, 'json')) {
      inv.io.out(JSON.stringify({ fleet, at: json['at'], funnels }));
      return 0;
    }
    if (funnels.length === 0) {
      inv.io.out(`${fleet}: no maintenances yet (publish a schedule, or wait for events)`);
      return 0;
    }
    // Say which devices the counts are of, so a filtered table is never read as the whole fleet.
    const scope = (['group', 'tag'] as const).map((k) => (picked.has(k) ? ` (${k} ${picked.get(k)})` : '')).join('');
    const width = Math.max(...ROWS.map(([, label]) => label.length));
    funnels.forEach((f, i) => {
      if (i > 0) inv.io.out('');
      inv.io.out(`${fleet} / ${f.maintenance}${scope}`);
      for (const [key, label] of ROWS) {
        const n = f[key] as number;
        const pct = f.targeted > 0 ? `${Math.round((100 * n) / f.targeted)}%` : '-';
        inv.io.out(`  ${label.padEnd(width)}  ${String(n).padStart(6)}  ${pct.padStart(4)}`);
      }
    });
    return 0;
  },
};
