// Signing a schedule locally with core/trust: shared by `forewarn sign` (writes the envelope) and
// `forewarn publish` (uploads it). Keys are read here and never leave the machine.
import type { KeyObject } from 'node:crypto';
import { formatIssue, parseScheduleSource, type Schedule } from '../core/schedule/index.js';
import { addSignatures, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, type Envelope } from '../core/trust/index.js';
import { opt, type Invocation, type OptionSpec } from './command.js';
import { CliError } from './errors.js';
import { readInput } from './files.js';
import { passphraseFrom, readPrivateKeys } from './keys.js';
import { looksSigned, readSignedSchedule } from './schedule-input.js';
import { common } from './options.js';

/** The options signScheduleFile reads, declared once for every command that signs. */
export const signingOptions = {
  key: { type: 'string', multiple: true, value: 'FILE', help: 'a schedule private key (repeat for each signer)' },
  'passphrase-env': common.passphraseEnv,
  now: common.now,
} satisfies Record<string, OptionSpec>;

/**
 * Signs FILE (a YAML/JSON source, or an envelope to add signatures to) with every --key, passphrases from
 * --passphrase-env. Refuses an invalid or already-expired schedule with the reasons.
 */
export function signScheduleFile(inv: Pick<Invocation, 'values' | 'env'>, file: string, now: number): { schedule: Schedule; envelope: string } {
  const keyFiles = opt.list(inv, 'key');
  if (keyFiles.length === 0) throw new CliError('give at least one --key to sign with');
  const input = readInput(file, 'schedule');
  const toSign = looksSigned(input) ? fromEnvelope(file, input) : fromSource(file, input);
  if (Date.parse(toSign.schedule.expires) <= now) throw new CliError(`${file}: expires ${toSign.schedule.expires} is already past; agents would refuse it`);
  const keys = readPrivateKeys(keyFiles, passphraseFrom(inv.env, opt.string(inv, 'passphrase-env')));
  return { schedule: toSign.schedule, envelope: serializeEnvelope(toSign.sign(keys)) };
}

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
