import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { expiresAt } from '../expiry.js';
import { ensureWritable } from '../files.js';
import { passphraseFrom, readPrivateKeys, readPublicKeys } from '../keys.js';
import { describeRoot, writeRoot } from '../root-build.js';

export const rootInit: Command = {
  name: 'root init',
  summary: 'Create a fleet’s first root of trust: which keys sign roots and schedules, and how many must agree.',
  usage: 'forewarn root init --fleet ID --root-key A.pub [--root-key …] --root-threshold N --schedule-key S.pub [--schedule-key …] --schedule-threshold N --expires 365d --sign A.key [--sign …] --out root.json',
  details: [
    'Pin the written root.json in every agent’s managed config. It must be signed by --root-threshold of the',
    'root keys; it is checked before it is written. Keep root keys offline and apart from schedule keys.',
  ],
  options: {
    fleet: { type: 'string', value: 'ID', help: 'the fleet id, as in the schedules (e.g. acme-laptops)' },
    'root-key': { type: 'string', multiple: true, value: 'FILE', help: 'a public key that may sign new roots' },
    'root-threshold': { type: 'string', value: 'N', help: 'how many root keys must sign a root' },
    'schedule-key': { type: 'string', multiple: true, value: 'FILE', help: 'a public key that may sign schedules' },
    'schedule-threshold': { type: 'string', value: 'N', help: 'how many schedule keys must sign a schedule (default 1)' },
    expires: common.expires,
    sign: common.sign,
    'passphrase-env': common.passphraseEnv,
    out: { type: 'string', value: 'FILE', help: 'where to write the signed root' },
    force: common.force,
    json: { type: 'boolean', help: 'print the root document as JSON' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const fleet = opt.required(inv, 'fleet');
    const out = opt.required(inv, 'out');
    const now = inv.now();
    const rootKeys = readPublicKeys(opt.list(inv, 'root-key'));
    const scheduleKeys = readPublicKeys(opt.list(inv, 'schedule-key'));
    const rootThreshold = opt.count(inv, 'root-threshold', rootKeys.length === 1 ? 1 : undefined);
    const scheduleThreshold = opt.count(inv, 'schedule-threshold', 1);
    const signers = readPrivateKeys(opt.list(inv, 'sign'), passphraseFrom(inv.env, opt.string(inv, 'passphrase-env')));
    ensureWritable([out], opt.flag(inv, 'force'));
    const root = writeRoot({
      fleet, version: 1, expires: expiresAt(opt.string(inv, 'expires') ?? '365d', now),
      roles: { root: { keys: rootKeys.map((k) => k.key), threshold: rootThreshold }, schedule: { keys: scheduleKeys.map((k) => k.key), threshold: scheduleThreshold } },
    }, signers, out, { now });
    if (opt.flag(inv, 'json')) inv.io.out(JSON.stringify(root));
    else inv.io.out([`wrote ${out}: root version 1 of fleet ${fleet}, expires ${root.expires}`, ...describeRoot(root)].join('\n'));
    return 0;
  },
};
