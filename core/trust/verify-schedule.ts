// The agent's (and the server's) acceptance rule for a schedule envelope. Every check is here, once, in the
// order below; each line says which attack it stops (TUF's attack classes, theupdateframework.io/security).

import { parseStrictJson } from '../json/strict-json.js';
import { validateSchedule, type Schedule } from '../schedule/index.js';
import { decodeEnvelope, decodeUtf8, PAYLOAD_TYPES } from './dsse.js';
import { MAX_ENVELOPE_BYTES, MAX_PAYLOAD_DEPTH } from './limits.js';
import { reject, type Rejection, type ScheduleIssue } from './rejection.js';
import { isExpired, requireValidRoot, sha256Hex, type RootDocument } from './root.js';
import { checkSignatures } from './signatures.js';

/** What the agent remembers of the last schedule it accepted (persisted BEFORE the schedule is used). */
export interface ScheduleState {
  version: number;
  payloadSha256: string;
}

export interface VerifyScheduleOptions {
  /** The trusted root (loadTrustedRoot / updateRoot). */
  root: RootDocument;
  /** The current time, epoch milliseconds. */
  now: number;
  /** The last accepted schedule; null/absent on first run (or after a schedule-key rotation). */
  state?: ScheduleState | null;
  /** Size cap on the raw envelope bytes (default MAX_ENVELOPE_BYTES = 1 MiB). */
  maxBytes?: number;
  /** This agent's fleet id from managed config; must match the root's and the schedule's. */
  fleet?: string;
}

export interface AcceptedSchedule {
  ok: true;
  schedule: Schedule;
  /** The exact signed payload bytes (store these, or the whole envelope, as the last good schedule). */
  payload: Uint8Array;
  /** Lowercase hex SHA-256 of `payload`: with `version`, the state to persist. */
  payloadSha256: string;
  version: number;
  /** Same version and same bytes as `state`: nothing new (not an error). */
  unchanged: boolean;
  /** Schedule keys whose signatures verified (verification stops once the threshold is met). */
  keyids: string[];
}

/** The name the CLI uses for an accepted schedule. */
export type VerifiedSchedule = AcceptedSchedule;

export type VerifyResult = AcceptedSchedule | Rejection;

/**
 * Verify schedule envelope bytes against the trusted root and the agent's state. Never throws on any
 * input bytes. Caller errors do throw: a root that is not a valid root document (RootError), a state that
 * is not { version: integer, payloadSha256: string } (TypeError).
 *
 * Order (first failure wins):
 *  0. the trusted root itself is expired                    -> expired       (freeze: stale keys)
 *  1. raw bytes over maxBytes, before any parsing            -> too-large     (endless data)
 *  2. strict envelope decoding                               -> malformed-envelope (malleability,
 *                                                               parser differentials)
 *  3. payloadType is the schedule type                       -> wrong-payload-type (type confusion: a
 *                                                               signed root is not a schedule)
 *  4. signatures of the schedule role (signatures.ts)        -> unknown-key | bad-signature |
 *                                                               threshold-not-met (arbitrary software,
 *                                                               key compromise below threshold)
 *  5. the VERIFIED payload, parsed once: strict UTF-8, strict JSON, schedule validation
 *                                                            -> invalid-schedule
 *  6. fleet = root's fleet (and opts.fleet)                  -> wrong-fleet   (mix-and-match across fleets)
 *  7. version vs state: lower                                -> rollback
 *                       equal, other bytes                   -> equivocation
 *                       equal, same bytes                    -> unchanged (accepted)
 *  8. schedule expires <= now                                -> expired       (indefinite freeze)
 */
export function verifySchedule(bytes: Uint8Array, opts: VerifyScheduleOptions): VerifyResult {
  const root = requireValidRoot(opts.root);
  const { now } = opts;

  // 0. Freeze attack on the root: with an expired root the agent may be cut off from a rotation that
  //    revoked keys; it must not keep trusting them. IT publishes a fresh root before expiry.
  if (isExpired(root.expires, now)) {
    return reject('expired', `the trusted root (version ${root.version}) expired at ${root.expires}: IT must publish a new root`);
  }

  // 1-2. Endless data, then malleability: size cap on the raw bytes, then strict decoding (dsse.ts).
  const decoded = decodeEnvelope(bytes, opts.maxBytes ?? MAX_ENVELOPE_BYTES);
  if (!decoded.ok) return decoded;
  const envelope = decoded.envelope;

  // 3. Type confusion: only schedule envelopes are schedules (the type is also covered by the signature).
  if (envelope.payloadType !== PAYLOAD_TYPES.schedule) {
    return reject('wrong-payload-type', `expected ${PAYLOAD_TYPES.schedule}, got ${JSON.stringify(envelope.payloadType)}`);
  }

  // 4. Arbitrary software / key compromise: a threshold of distinct schedule-role keys (signatures.ts).
  const signed = checkSignatures(envelope, root.roles.schedule, root.keys, 'schedule');
  if (!signed.ok) return signed;

  // 5. Parse only the verified bytes, exactly once. Strict UTF-8 and strict JSON (no duplicate keys): what
  //    the signer's tools saw is what the agent reads (no parser differential).
  const parsed = parsePayload(envelope.payload);
  if (!parsed.ok) return parsed;
  const schedule = parsed.schedule;

  // 6. Mix-and-match: a schedule validly signed for another fleet (same keys, or a shared signer) is not ours.
  if (schedule.fleet !== root.fleet) {
    return reject('wrong-fleet', `the schedule is for fleet ${JSON.stringify(schedule.fleet)}; the root is for ${JSON.stringify(root.fleet)}`);
  }
  if (opts.fleet !== undefined && opts.fleet !== schedule.fleet) {
    return reject('wrong-fleet', `the schedule is for fleet ${JSON.stringify(schedule.fleet)}; this agent is in ${JSON.stringify(opts.fleet)}`);
  }

  // 7. Rollback and equivocation: versions only grow; one version means one content.
  const payloadSha256 = sha256Hex(envelope.payload);
  const state = opts.state ?? null;
  if (state !== null && (!Number.isSafeInteger(state.version) || typeof state.payloadSha256 !== 'string')) {
    // A damaged state must not quietly switch rollback protection off: the caller validates what it stored.
    throw new TypeError('verifySchedule: state must be { version: integer, payloadSha256: string } or null');
  }
  let unchanged = false;
  if (state !== null) {
    if (schedule.version < state.version) {
      return reject('rollback', `version ${schedule.version} is older than the accepted version ${state.version}`);
    }
    if (schedule.version === state.version) {
      if (payloadSha256 !== state.payloadSha256) {
        return reject(
          'equivocation',
          `version ${schedule.version} was already accepted with different content (sha256 ${state.payloadSha256.slice(0, 12)}…, now ${payloadSha256.slice(0, 12)}…)`,
        );
      }
      unchanged = true;
    }
  }

  // 8. Indefinite freeze: a correctly signed but stale schedule (an attacker replaying the last one forever)
  //    stops being acted on once it expires. Checked after the version so a replayed old schedule is
  //    reported as what it is (rollback), and an unchanged one as expired.
  if (isExpired(schedule.expires, now)) {
    return reject('expired', `the schedule (version ${schedule.version}) expired at ${schedule.expires}`);
  }

  return { ok: true, schedule, payload: envelope.payload, payloadSha256, version: schedule.version, unchanged, keyids: signed.keyids };
}

function parsePayload(payload: Uint8Array): { ok: true; schedule: Schedule } | Rejection {
  const invalid = (detail: string, issues: ScheduleIssue[]): Rejection => reject('invalid-schedule', detail, issues);
  const text = decodeUtf8(payload);
  if (text === null) return invalid('the payload is not valid UTF-8', [{ path: '', message: 'not valid UTF-8' }]);
  const json = parseStrictJson(text, { maxDepth: MAX_PAYLOAD_DEPTH });
  if (!json.ok) {
    const issue: ScheduleIssue = json.line === undefined ? { path: '', message: json.error } : { path: '', message: json.error, line: json.line };
    return invalid(`the payload is not strict JSON: ${json.error}`, [issue]);
  }
  let result: ReturnType<typeof validateSchedule>;
  try {
    result = validateSchedule(json.value);
  } catch (e) {
    // The verify path never throws on input: a validator bug on odd input is still a refusal.
    const message = `the schedule validator failed: ${e instanceof Error ? e.message : String(e)}`;
    return invalid(message, [{ path: '', message }]);
  }
  if (!result.ok) {
    const first = result.issues[0];
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
    return invalid(`the schedule is invalid: ${first === undefined ? 'no details' : `${first.path}: ${first.message}`}${more}`, result.issues);
  }
  const schedule = result.schedule;
  // Defence in depth: the fields this module decides on must have the types it relies on, whatever
  // the schedule validator allows.
  const problems: ScheduleIssue[] = [];
  if (typeof schedule.fleet !== 'string') problems.push({ path: 'fleet', message: 'must be a string' });
  if (!Number.isSafeInteger(schedule.version) || schedule.version < 0) {
    problems.push({ path: 'version', message: 'must be a non-negative integer' });
  }
  if (typeof schedule.expires !== 'string' || !Number.isFinite(Date.parse(schedule.expires))) {
    problems.push({ path: 'expires', message: 'must be an RFC 3339 date-time' });
  }
  if (problems.length > 0) return invalid(`the schedule is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  return { ok: true, schedule };
}
