import type { KeyObject } from 'node:crypto';
import { formatIssue, parseScheduleSource, type Schedule } from '../../core/schedule/index.js';
import {
  addSignatures, formatRejection, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, verifySchedule, type Envelope,
} from '../../core/trust/index.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { CliError } from '../errors.js';
import { nowFrom } from '../expiry.js';
import { readInput, writeFileAtomic } from '../files.js';
import { passphraseFrom, readPrivateKeys } from '../keys.js';
import { looksSigned, readSignedSchedule } from '../schedule-input.js';
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
    key: { type: 'string', multiple: true, value: 'FILE', help: 'a schedule private key (repeat for each signer)' },
    out: { type: 'string', value: 'FILE', help: 'where to write the signed schedule' },
    root: { type: 'string', value: 'FILE', help: 'check the result against this root, as an agent would' },
    'passphrase-env': common.passphraseEnv,
    now: common.now,
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const file = inv.positionals[0]!;
    const out = opt.required(inv, 'out');
    const keyFiles = opt.list(inv, 'key');
    if (keyFiles.length === 0) throw new CliError('give at least one --key to sign with');
    const now = nowFrom(opt.string(inv, 'now'), inv.now);
    const input = readInput(file, 'schedule');
    const toSign = looksSigned(input) ? fromEnvelope(file, input) : fromSource(file, input);
    if (Date.parse(toSign.schedule.expires) <= now) throw new CliError(`${file}: expires ${toSign.schedule.expires} is already past; agents would refuse it`);

    const keys = readPrivateKeys(keyFiles, passphraseFrom(inv.env, opt.string(inv, 'passphrase-env')));
    const envelope = serializeEnvelope(toSign.sign(keys));
    const rootFile = opt.string(inv, 'root');
    if (rootFile) {
      const check = verifySchedule(Buffer.from(envelope), { root: trustedRootFrom(rootFile, [], now), now });
      if (!check.ok) throw new CliError(`an agent with ${rootFile} would refuse this; nothing was written: ${formatRejection(check)}`);
    }
    writeFileAtomic(out, envelope);

    const { schedule } = toSign;
    const signatures = (JSON.parse(envelope) as Envelope).signatures.length;
    const summary = { fleet: schedule.fleet, version: schedule.version, maintenances: schedule.maintenances.length, signatures, out };
    if (opt.flag(inv, 'json')) inv.io.out(JSON.stringify(summary));
    else inv.io.out(`signed ${schedule.fleet} version ${schedule.version} (${summary.maintenances} maintenance${summary.maintenances === 1 ? '' : 's'}); `
      + `${signatures} signature${signatures === 1 ? '' : 's'}; wrote ${out}`);
    return 0;
  },
};

interface ToSign { schedule: Schedule; sign(keys: KeyObject[]): Envelope }

/** A source file: validated, then its document as written is signed, as compact JSON (agents apply defaults). */
function fromSource(file: string, bytes: Buffer): ToSign {
  const parsed = parseScheduleSource(bytes.toString('utf8'));
  if (!parsed.ok) {
    const n = parsed.issues.length;
    throw new CliError(`${file} has ${n} problem${n === 1 ? '' : 's'}; nothing was signed:`, parsed.issues.map(formatIssue));
  }
  const payload = Buffer.from(JSON.stringify(parsed.document), 'utf8');
  return { schedule: parsed.schedule, sign: (keys) => signEnvelope(PAYLOAD_TYPES.schedule, payload, keys) };
}

/** An already-signed file: its payload is checked the same way, then signatures are added to it. */
function fromEnvelope(file: string, bytes: Buffer): ToSign {
  const { schedule, envelope } = readSignedSchedule(file, bytes);
  return { schedule, sign: (keys) => addSignatures(envelope, keys) };
}
