import type { KeyObject } from 'node:crypto';
import { formatRejection, loadTrustedRoot, publicKeyFromRaw, type RootDocument, type RoleName } from '../../core/trust/index.js';
import { opt, type Command, type Invocation } from '../command.js';
import { common } from '../options.js';
import { CliError } from '../errors.js';
import { expiresAt } from '../expiry.js';
import { ensureWritable, readInput } from '../files.js';
import { passphraseFrom, readPrivateKeys, readPublicKeys } from '../keys.js';
import { describeRoot, writeRoot } from '../root-build.js';

export const rootRotate: Command = {
  name: 'root rotate',
  summary: 'Make the next root (version N+1): add or remove keys, change thresholds, extend expiry.',
  usage: 'forewarn root rotate --from root.json [--add-root-key K.pub] [--remove-root-key K.pub|KEYID] [--root-threshold N] [--add-schedule-key …] [--remove-schedule-key …] [--schedule-threshold N] [--expires 365d] --sign OLD.key … --sign NEW.key … --out 2.root.json',
  details: [
    'The new root must be signed by a threshold of the CURRENT root keys and a threshold of the NEW root keys,',
    'so neither a stolen old key nor the new key holders alone can move a fleet. It is checked before writing.',
    'Publish it; agents follow root.json -> 2.root.json -> … in order.',
  ],
  options: {
    from: { type: 'string', value: 'FILE', help: 'the current root (version N)' },
    'add-root-key': { type: 'string', multiple: true, value: 'FILE', help: 'a public key to add to the root keys' },
    'remove-root-key': { type: 'string', multiple: true, value: 'FILE|KEYID', help: 'a root key to remove' },
    'root-threshold': { type: 'string', value: 'N', help: 'new root threshold (default: unchanged)' },
    'add-schedule-key': { type: 'string', multiple: true, value: 'FILE', help: 'a public key to add to the schedule keys' },
    'remove-schedule-key': { type: 'string', multiple: true, value: 'FILE|KEYID', help: 'a schedule key to remove' },
    'schedule-threshold': { type: 'string', value: 'N', help: 'new schedule threshold (default: unchanged)' },
    expires: common.expires,
    sign: { type: 'string', multiple: true, value: 'FILE', help: 'a private key to sign with (old and new root keys)' },
    'passphrase-env': common.passphraseEnv,
    out: { type: 'string', value: 'FILE', help: 'where to write the new signed root' },
    force: common.force,
    json: { type: 'boolean', help: 'print the new root document as JSON' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const from = opt.required(inv, 'from');
    const out = opt.required(inv, 'out');
    const now = inv.now();
    // An expired root can still be rotated: that is how a fleet recovers from one.
    const current = loadTrustedRoot(readInput(from, 'root'), { now, allowExpired: true });
    if (!current.ok) throw new CliError(`${from}: ${formatRejection(current)}`);
    const previous = current.root;
    const role = (name: RoleName, flag: 'root' | 'schedule') => ({
      keys: changedKeys(previous, name, opt.list(inv, `add-${flag}-key`), opt.list(inv, `remove-${flag}-key`)),
      threshold: opt.count(inv, `${flag}-threshold`, previous.roles[name].threshold),
    });
    const roles = { root: role('root', 'root'), schedule: role('schedule', 'schedule') };
    const signers = readPrivateKeys(opt.list(inv, 'sign'), passphraseFrom(inv.env, opt.string(inv, 'passphrase-env')));
    ensureWritable([out], opt.flag(inv, 'force'));
    const root = writeRoot({ fleet: previous.fleet, version: previous.version + 1, expires: expiresAt(opt.string(inv, 'expires') ?? '365d', now), roles },
      signers, out, { now, previous });
    report(inv, root, out);
    return 0;
  },
};

function report(inv: Invocation, root: RootDocument, out: string): void {
  if (opt.flag(inv, 'json')) inv.io.out(JSON.stringify(root));
  else inv.io.out([`wrote ${out}: root version ${root.version} of fleet ${root.fleet}, expires ${root.expires}`, ...describeRoot(root)].join('\n'));
}

/** A role's keys after --add/--remove; a removal names a key by its .pub file or its keyid (or a prefix). */
function changedKeys(root: RootDocument, name: RoleName, add: string[], remove: string[]): KeyObject[] {
  const keyids = new Set(root.roles[name].keyids);
  for (const ref of remove) {
    const keyid = /^[0-9a-f]{8,64}$/.test(ref)
      ? [...keyids].find((k) => k.startsWith(ref))
      : readPublicKeys([ref])[0]!.keyid;
    if (keyid === undefined || !keyids.has(keyid)) throw new CliError(`--remove-${name}-key ${ref}: not one of the current ${name} keys`);
    keyids.delete(keyid);
  }
  const keys = [...keyids].map((keyid) => publicKeyFromRaw(Buffer.from(root.keys[keyid]!.public, 'hex')));
  for (const added of readPublicKeys(add)) {
    if (keyids.has(added.keyid)) throw new CliError(`--add-${name}-key ${added.path}: already a ${name} key`);
    keyids.add(added.keyid);
    keys.push(added.key);
  }
  return keys;
}
