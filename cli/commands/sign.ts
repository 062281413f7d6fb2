import { formatRejection, verifySchedule, type Envelope } from '../../core/trust/index.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { CliError } from '../errors.js';
import { nowFrom } from '../expiry.js';
import { writeFileAtomic } from '../files.js';
import { signingOptions, signScheduleFile } from '../signing.js';
import { trustedRootFrom } from '../trust.js';

export const sign: Command = {
  name: 'sign',
  summary: 'Sign a schedule (YAML or JSON) with schedule keys: it is checked first, and an invalid one is refused with the reasons.',
  usage: 'forewarn sign SCHEDULE.yaml|SCHEDULE.signed.json --key S.key [--key …] --out SCHEDULE.signed.json [--root root.json] [--passphrase-env VAR]',
  details: [
    'The signed file is a DSSE envelope; agents accept it only if enough schedule keys of their root signed it.',
    'Given a file that is already signed, the new signatures are added: signers on separate machines take turns.',
    'With --root, the result is also verified as an agent would, and nothing is written if an agent would refuse it.',
  ],
  options: {
    ...signingOptions,
    out: { type: 'string', value: 'FILE', help: 'where to write the signed schedule' },
    root: { type: 'string', value: 'FILE', help: 'check the result against this root, as an agent would' },
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const file = inv.positionals[0]!;
    const out = opt.required(inv, 'out');
    const now = nowFrom(opt.string(inv, 'now'), inv.now);
    const { schedule, envelope } = signScheduleFile(inv, file, now);
    const rootFile = opt.string(inv, 'root');
    if (rootFile) {
      const check = verifySchedule(Buffer.from(envelope), { root: trustedRootFrom(rootFile, [], now), now });
      if (!check.ok) throw new CliError(`an agent with ${rootFile} would refuse this; nothing was written: ${formatRejection(check)}`);
    }
    writeFileAtomic(out, envelope);

    const signatures = (JSON.parse(envelope) as Envelope).signatures.length;
    const summary = { fleet: schedule.fleet, version: schedule.version, maintenances: schedule.maintenances.length, signatures, out };
    if (opt.flag(inv, 'json')) inv.io.out(JSON.stringify(summary));
    else inv.io.out(`signed ${schedule.fleet} version ${schedule.version} (${summary.maintenances} maintenance${summary.maintenances === 1 ? '' : 's'}); `
      + `${signatures} signature${signatures === 1 ? '' : 's'}; wrote ${out}`);
    return 0;
  },
};
