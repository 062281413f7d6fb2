import { formatIssue, parseScheduleSource, validateSchedule, type Schedule } from '../core/schedule/index.js';
import { decodeEnvelope, decodeUtf8, formatRejection, PAYLOAD_TYPES, verifySchedule, type Envelope } from '../core/trust/index.js';
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
  if (!looksSigned(bytes)) {
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
  const { schedule } = readSignedSchedule(file, bytes);
  return { schedule, trust: 'unverified', note: 'signatures NOT checked: give --root to verify as an agent would' };
}

/** A signed envelope rather than a YAML/JSON source (a sniff only: either way the content is then checked). */
export function looksSigned(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return /^\s*\{/.test(buffer.subarray(0, 64).toString('utf8')) && buffer.includes('"payloadType"');
}

/**
 * A signed schedule's payload, decoded and validated but NOT verified: for adding signatures and for showing
 * a file before its root is at hand. Never a basis for trust.
 */
export function readSignedSchedule(file: string, bytes: Uint8Array): { schedule: Schedule; envelope: Envelope } {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) throw new CliError(`${file}: ${formatRejection(decoded)}`);
  if (decoded.envelope.payloadType !== PAYLOAD_TYPES.schedule) throw new CliError(`${file} is not a signed schedule (${decoded.envelope.payloadType})`);
  const text = decodeUtf8(decoded.envelope.payload);
  const json = text === null ? undefined : parseStrictJson(text);
  if (!json?.ok) throw new CliError(`${file}: the signed payload is not strict JSON`);
  const valid = validateSchedule(json.value);
  if (!valid.ok) throw new CliError(`${file} holds an invalid schedule:`, valid.issues.map(formatIssue));
  return { schedule: valid.schedule, envelope: JSON.parse(Buffer.from(bytes).toString('utf8')) as Envelope };
}
