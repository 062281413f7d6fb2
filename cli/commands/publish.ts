import type { Command } from '../command.js';
import { opt } from '../command.js';
import { common } from '../options.js';
import { nowFrom } from '../expiry.js';
import { signingOptions, signScheduleFile } from '../signing.js';
import { call, serverOptions, serverTarget } from '../server-client.js';

export const publish: Command = {
  name: 'publish',
  summary: 'Sign a schedule locally (as forewarn sign) and upload it to the fleet server, which verifies it against the fleet root.',
  usage: 'forewarn publish SCHEDULE.yaml --key S.key [--key …] --server URL --token-env VAR [--passphrase-env VAR] [--json]',
  details: [
    'The keys never leave this machine: only the signed envelope is sent.',
    'Published: exit 0. Refused (invalid, rollback, equivocation…): exit 1 and "rejected: <reason>: <detail>", the same as forewarn verify.',
  ],
  options: {
    ...signingOptions,
    ...serverOptions,
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const file = inv.positionals[0]!;
    const target = serverTarget(inv);
    const { schedule, envelope } = signScheduleFile(inv, file, nowFrom(opt.string(inv, 'now'), inv.now));
    const { status, json } = await call(target, 'PUT', `/v1/fleets/${encodeURIComponent(schedule.fleet)}/schedule`, envelope);
    const asJson = opt.flag(inv, 'json');
    if (status === 200 || status === 201) {
      if (asJson) inv.io.out(JSON.stringify({ published: true, ...json }));
      else inv.io.out(json['unchanged'] === true
        ? `unchanged: ${schedule.fleet} version ${schedule.version} is already the published schedule`
        : `published: ${schedule.fleet} version ${schedule.version} (${schedule.maintenances.length} maintenance${schedule.maintenances.length === 1 ? '' : 's'})`);
      return 0;
    }
    const message = typeof json['message'] === 'string' ? json['message'] : `the server answered ${status}`;
    if (asJson) inv.io.out(JSON.stringify({ published: false, status, ...json }));
    else if (status === 401) inv.io.err(`forewarn publish: the server refused the admin token: ${message}`);
    else inv.io.out(message);
    return 1;
  },
};
