import { formatIssue, parseScheduleSource, validateSchedule, type Schedule } from '../core/schedule/index.js';
import { decodeEnvelope, decodeUtf8, formatRejection, PAYLOAD_TYPES, verifySchedule } from '../core/trust/index.js';
import { parseStrictJson } from '../core/json/index.js';
import { CliError } from './errors.js';
import { readInput } from './files.js';
import { trustedRootFrom } from './trust.js';

export interface LoadedSchedule {
  schedule: Schedule;
  /** How far it was checked: a source file, a signed file read without a root, or signatures verified. */
  trust: 'source' | 'unverified' | 'verified';
  note: string;
}

/**
 * Reads what IT points a command at: a YAML/JSON source, or a signed envelope. A signed one is verified
 * when a root is given (exactly as an agent would), and otherwise read with a warning saying so.
 */
export function loadScheduleInput(file: string, opts: { root?: string; rootChain?: string[]; now: number }): LoadedSchedule {
  const bytes = readInput(file, 'schedule');
  const envelope = looksSigned(bytes) ? decodeEnvelope(bytes) : undefined;
  if (!envelope) {
    const parsed = parseScheduleSource(bytes.toString('utf8'));
    if (!parsed.ok) throw new CliError(`${file} has ${parsed.issues.length} problem(s):`, parsed.issues.map(formatIssue));
    return { schedule: parsed.schedule, trust: 'source', note: 'a source file, not signed yet' };
  }
  if (opts.root) {
    const root = trustedRootFrom(opts.root, opts.rootChain ?? [], opts.now);
    const result = verifySchedule(bytes, { root, now: opts.now });
    if (!result.ok) throw new CliError(`${file}: ${formatRejection(result)}`);
    return { schedule: result.schedule, trust: 'verified', note: `signatures verified against root version ${root.version}` };
  }
  if (!envelope.ok) throw new CliError(`${file}: ${formatRejection(envelope)}`);
  if (envelope.envelope.payloadType !== PAYLOAD_TYPES.schedule) throw new CliError(`${file} is not a signed schedule (${envelope.envelope.payloadType})`);
  const text = decodeUtf8(envelope.envelope.payload);
  const json = text === null ? undefined : parseStrictJson(text);
  if (!json?.ok) throw new CliError(`${file}: the signed payload is not JSON`);
  const valid = validateSchedule(json.value);
  if (!valid.ok) throw new CliError(`${file} holds an invalid schedule:`, valid.issues.map(formatIssue));
  return { schedule: valid.schedule, trust: 'unverified', note: 'signatures NOT checked: give --root to verify as an agent would' };
}

function looksSigned(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  return /^\s*\{[\s\S]*"payloadType"\s*:/.test(head);
}
