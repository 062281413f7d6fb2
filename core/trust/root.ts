// The root of trust: which keys may sign schedules (and new roots), how many must agree, for which fleet,
// until when. Modelled on TUF's root role (theupdateframework.io, spec section 5.3).
//
// The agent pins a root in its managed config (loadTrustedRoot). IT rotates keys by publishing root N+1,
// signed by a threshold of root N's root keys AND a threshold of its own; the agent follows the chain one
// version at a time (updateRoot). A stolen schedule key is thereby revocable, a stolen root key below the
// threshold is harmless, and nobody can swap the root of trust from the server alone.

import { createHash, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { parseStrictJson } from '../json/strict-json.js';
import { formatPath as formatJsonPath, type PathSegment } from '../json/path.js';
import { decodeEnvelope, decodeUtf8, PAYLOAD_TYPES, signEnvelope, type DecodedEnvelope, type Envelope } from './dsse.js';
import { keyidOf, keyidOfRaw, rawPublicKey } from './keys.js';
import { MAX_ENVELOPE_BYTES, MAX_PAYLOAD_DEPTH, MAX_ROOT_CHAIN } from './limits.js';
import { reject, type Rejection, type ScheduleIssue } from './rejection.js';
import { checkSignatures } from './signatures.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** Issue paths as core/schedule writes them: "roles.root.threshold", "keys[\"ab\"]", "" for the whole. */
function formatPath(segments: readonly PathSegment[]): string {
  const path = formatJsonPath(segments);
  return path.startsWith('$.') ? path.slice(2) : path.slice(1);
}

const keyidSchema = z.string().regex(HEX64, 'must be 64 lowercase hex digits (SHA-256 of the raw public key)');

const roleSchema = z.strictObject({
  keyids: z.array(keyidSchema).min(1, 'a role needs at least one key'),
  threshold: z.int().min(1, 'the threshold is at least 1'),
});

/** RFC 3339 with a UTC offset (Z or +hh:mm), a real calendar date. */
const timestampSchema = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 date-time with an offset, e.g. 2026-01-31T12:00:00Z' })
  .refine((s) => Number.isFinite(Date.parse(s)), 'is not a real date-time');

const rootSchema = z.strictObject({
  type: z.literal('forewarn-root'),
  format: z.literal(1),
  fleet: z.string().min(1, 'the fleet id is not empty').max(200),
  version: z.int().min(1),
  expires: timestampSchema,
  keys: z.record(
    keyidSchema,
    z.strictObject({
      keytype: z.literal('ed25519'),
      public: z.string().regex(HEX64, 'must be the raw 32-byte Ed25519 public key as 64 lowercase hex digits'),
    }),
  ),
  roles: z.strictObject({ root: roleSchema, schedule: roleSchema }),
});

export type RoleName = 'root' | 'schedule';

export interface RootRole {
  readonly keyids: readonly string[];
  readonly threshold: number;
}

/** The root document: the JSON payload of a root envelope. */
export interface RootDocument {
  readonly type: 'forewarn-root';
  readonly format: 1;
  readonly fleet: string;
  readonly version: number;
  readonly expires: string;
  readonly keys: Readonly<Record<string, { readonly keytype: 'ed25519'; readonly public: string }>>;
  readonly roles: { readonly root: RootRole; readonly schedule: RootRole };
}

export type RootValidation = { ok: true; root: RootDocument } | { ok: false; issues: ScheduleIssue[] };

/** Roots this module built or validated and froze: verifySchedule need not validate them again. */
const validatedRoots = new WeakSet<object>();

/**
 * Validate a parsed root document: the schema (strict: unknown fields are errors), then the rules the
 * schema cannot say - each key's keyid is the SHA-256 of its public key (so keyids cannot be aliased), each
 * role's keyids are distinct and all in `keys`, and each threshold is reachable (<= its number of keys).
 */
export function validateRoot(value: unknown): RootValidation {
  const parsed = rootSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path as PathSegment[]), message: i.message })),
    };
  }
  const doc = parsed.data;
  const issues: ScheduleIssue[] = [];
  for (const [keyid, key] of Object.entries(doc.keys)) {
    const actual = keyidOfRaw(Buffer.from(key.public, 'hex'));
    if (actual !== keyid) {
      issues.push({ path: formatPath(['keys', keyid]), message: `the keyid is not the SHA-256 of this public key (that would be ${actual})` });
    }
  }
  for (const roleName of ['root', 'schedule'] as const) {
    const role = doc.roles[roleName];
    const seen = new Set<string>();
    role.keyids.forEach((keyid, i) => {
      const path = formatPath(['roles', roleName, 'keyids', i]);
      if (seen.has(keyid)) issues.push({ path, message: 'this key is listed twice' });
      seen.add(keyid);
      if (doc.keys[keyid] === undefined) issues.push({ path, message: 'this keyid is not in keys' });
    });
    if (role.threshold > seen.size) {
      issues.push({
        path: formatPath(['roles', roleName, 'threshold']),
        message: `the threshold ${role.threshold} is more than the role's ${seen.size} key(s): it could never be met`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const root = canonicalRoot(doc);
  validatedRoots.add(root);
  return { ok: true, root };
}

/** True if `root` came out of validateRoot (or a function built on it) unchanged: it is frozen. */
export function isValidatedRoot(root: RootDocument): boolean {
  return validatedRoots.has(root);
}

/** A fresh, deep-frozen copy in canonical field order; keys and keyids sorted. */
function canonicalRoot(doc: RootDocument): RootDocument {
  const role = (r: RootRole): RootRole => Object.freeze({ keyids: Object.freeze([...r.keyids].sort()), threshold: r.threshold });
  const keys: Record<string, { keytype: 'ed25519'; public: string }> = {};
  for (const keyid of Object.keys(doc.keys).sort()) {
    const k = doc.keys[keyid];
    if (k !== undefined) keys[keyid] = Object.freeze({ keytype: k.keytype, public: k.public });
  }
  return Object.freeze({
    type: doc.type,
    format: doc.format,
    fleet: doc.fleet,
    version: doc.version,
    expires: doc.expires,
    keys: Object.freeze(keys),
    roles: Object.freeze({ root: role(doc.roles.root), schedule: role(doc.roles.schedule) }),
  });
}

/** Thrown by createRoot/signRoot for a root that is not valid (IT-side mistakes, never on the agent). */
export class RootError extends Error {
  constructor(readonly issues: ScheduleIssue[]) {
    super(`invalid root: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'RootError';
  }
}

export interface RootFields {
  fleet: string;
  /** 1 for a new root; previous version + 1 for a rotation. */
  version: number;
  /** RFC 3339 with offset. TUF advice: a year or less; the agent stops trusting the root after it. */
  expires: string;
  roles: {
    /** Keys that sign new roots. Keep them offline, apart from schedule keys. Public or private KeyObjects. */
    root: { keys: readonly KeyObject[]; threshold: number };
    /** Keys that sign schedules. */
    schedule: { keys: readonly KeyObject[]; threshold: number };
  };
}

/** Build and validate a root document from keys (public halves are taken; private keys never enter it). */
export function createRoot(fields: RootFields): RootDocument {
  const keys: Record<string, { keytype: 'ed25519'; public: string }> = {};
  const keyidsOf = (list: readonly KeyObject[]): string[] =>
    list.map((key) => {
      const keyid = keyidOf(key);
      keys[keyid] = { keytype: 'ed25519', public: rawPublicKey(key).toString('hex') };
      return keyid;
    });
  const doc = {
    type: 'forewarn-root',
    format: 1,
    fleet: fields.fleet,
    version: fields.version,
    expires: fields.expires,
    keys,
    roles: {
      root: { keyids: keyidsOf(fields.roles.root.keys), threshold: fields.roles.root.threshold },
      schedule: { keyids: keyidsOf(fields.roles.schedule.keys), threshold: fields.roles.schedule.threshold },
    },
  };
  const result = validateRoot(doc);
  if (!result.ok) throw new RootError(result.issues);
  return result.root;
}

/** The exact payload bytes signed for a root: JSON.stringify of the canonical (validated) document. */
export function rootPayload(root: RootDocument): Uint8Array {
  const result = validateRoot(root);
  if (!result.ok) throw new RootError(result.issues);
  return new TextEncoder().encode(JSON.stringify(result.root));
}

/**
 * Sign a root. For a rotation (version N+1) the keys must include a threshold of root N's root keys AND a
 * threshold of the new root's root keys; the agent checks both.
 */
export function signRoot(root: RootDocument, keys: readonly KeyObject[]): Envelope {
  return signEnvelope(PAYLOAD_TYPES.root, rootPayload(root), keys);
}

/**
 * Refusing a root uses the same vocabulary as schedules. A root document that is not a valid root (pinned or
 * in a chain) is `root-rotation-invalid`: "this cannot become the root of trust", with the issues listed.
 */
export type RootRejection = Rejection;

export type LoadRootResult = { ok: true; root: RootDocument; payloadSha256: string; keyids: string[] } | RootRejection;

export type LoadRootOptions =
  | { now: number; allowExpired?: boolean; maxBytes?: number }
  /** Only tools that inspect old roots (the CLI) skip the clock; the agent always passes `now`. */
  | { now?: undefined; allowExpired: true; maxBytes?: number };

/**
 * Load the pinned root (from the agent's managed config, or a file for the CLI). It was delivered out of
 * band, so it is trusted by placement - but it must still be a well-formed root, signed by a threshold of
 * its OWN root role (TUF 5.2: a root that its keys did not sign is a typo or a forgery), and not expired
 * unless allowExpired.
 */
export function loadTrustedRoot(bytes: Uint8Array, options: LoadRootOptions): LoadRootResult {
  const decoded = decodeEnvelope(bytes, options.maxBytes ?? MAX_ENVELOPE_BYTES);
  if (!decoded.ok) return decoded;
  const parsed = parseRootEnvelope(decoded.envelope);
  if (!parsed.ok) return parsed;
  const { root } = parsed;
  const signed = checkSignatures(decoded.envelope, root.roles.root, root.keys, `root v${root.version} root`);
  if (!signed.ok) return signed;
  if (options.allowExpired !== true && isExpired(root.expires, options.now as number)) {
    return reject('expired', `the root (version ${root.version}) expired at ${root.expires}: IT must publish a new root`);
  }
  return { ok: true, root, payloadSha256: sha256Hex(decoded.envelope.payload), keyids: signed.keyids };
}

/** payloadType, UTF-8, strict JSON, root schema. Run only on bytes whose signatures are checked right after. */
function parseRootEnvelope(envelope: DecodedEnvelope): { ok: true; root: RootDocument } | RootRejection {
  if (envelope.payloadType !== PAYLOAD_TYPES.root) {
    return reject('wrong-payload-type', `expected ${PAYLOAD_TYPES.root}, got ${JSON.stringify(envelope.payloadType)}`);
  }
  const text = decodeUtf8(envelope.payload);
  if (text === null) return reject('root-rotation-invalid', 'the root payload is not valid UTF-8', [{ path: '', message: 'not valid UTF-8' }]);
  const json = parseStrictJson(text, { maxDepth: MAX_PAYLOAD_DEPTH });
  if (!json.ok) {
    return reject('root-rotation-invalid', `the root payload is not strict JSON: ${json.error}`, [
      json.line === undefined ? { path: '', message: json.error } : { path: '', message: json.error, line: json.line },
    ]);
  }
  const valid = validateRoot(json.value);
  if (!valid.ok) {
    return reject('root-rotation-invalid', `the root document is invalid: ${valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, valid.issues);
  }
  return valid;
}

export interface UpdateRootOptions {
  now: number;
  /** Most roots followed at once (default MAX_ROOT_CHAIN). */
  maxChain?: number;
  maxBytes?: number;
}

export type UpdateRootResult =
  | {
      ok: true;
      /** The newest trusted root (the input root when the chain is empty). */
      root: RootDocument;
      /** How many rotations were applied. */
      applied: number;
      /**
       * The schedule role's keys or threshold differ from the starting root. The caller must then forget its
       * stored schedule version (TUF 5.3.11, fast-forward recovery): a revoked key may have signed a huge
       * version to lock out every legitimate schedule as a "rollback".
       */
      scheduleRoleChanged: boolean;
    }
  | Rejection<'root-rotation-invalid' | 'expired'>;

/**
 * Follow a chain of new roots, oldest first: roots trusted.version+1, +2, ... Each must, in this order:
 * be an envelope within the size cap; be signed by a threshold of the PREVIOUS root's root keys (checked
 * BEFORE its payload is parsed: until then it is attacker data); have the root payloadType; be a valid root;
 * be exactly version + 1 (no skipping, no replaying an old root: rollback of the root); keep the fleet (no
 * moving agents to another fleet); and be signed by a threshold of its OWN root keys (the new key holders
 * agree). Intermediate roots may be expired (they are history); the newest must not be (freeze attack:
 * an attacker replaying an old chain cannot keep agents on stale keys forever). Any failure: nothing is
 * applied, the caller keeps `trusted`.
 */
export function updateRoot(trusted: RootDocument, chain: readonly Uint8Array[], options: UpdateRootOptions): UpdateRootResult {
  const maxChain = options.maxChain ?? MAX_ROOT_CHAIN;
  const start = requireValidRoot(trusted);
  if (chain.length > maxChain) {
    return reject('root-rotation-invalid', `the root chain has ${chain.length} roots; at most ${maxChain} are followed at once`);
  }
  let current = start;
  for (const bytes of chain) {
    const expected = current.version + 1;
    const fail = (why: string): Rejection<'root-rotation-invalid'> =>
      reject('root-rotation-invalid', `new root (expected version ${expected}): ${why}`);
    const decoded = decodeEnvelope(bytes, options.maxBytes ?? MAX_ENVELOPE_BYTES);
    if (!decoded.ok) return fail(`${decoded.reason}: ${decoded.detail}`);
    const byPrevious = checkSignatures(decoded.envelope, current.roles.root, current.keys, `root v${current.version} root`);
    if (!byPrevious.ok) return fail(`not signed by a threshold of root v${current.version}'s root keys: ${byPrevious.detail}`);
    const parsed = parseRootEnvelope(decoded.envelope);
    if (!parsed.ok) return fail(`${parsed.reason}: ${parsed.detail}`);
    const next = parsed.root;
    if (next.version !== expected) {
      return fail(`it is version ${next.version}: each root must be exactly the previous version + 1`);
    }
    if (next.fleet !== current.fleet) {
      return fail(`it is for fleet ${JSON.stringify(next.fleet)}, not ${JSON.stringify(current.fleet)}: a root cannot change fleet`);
    }
    const byItself = checkSignatures(decoded.envelope, next.roles.root, next.keys, `root v${next.version} root`);
    if (!byItself.ok) return fail(`not signed by a threshold of its own root keys: ${byItself.detail}`);
    current = next;
  }
  if (isExpired(current.expires, options.now)) {
    return reject(
      'expired',
      `the newest root (version ${current.version}) expired at ${current.expires}: refusing stale keys (freeze attack?)`,
    );
  }
  return {
    ok: true,
    root: current,
    applied: current.version - start.version,
    scheduleRoleChanged: !sameRole(start.roles.schedule, current.roles.schedule, start, current),
  };
}

/** A root passed in by the caller: reuse it if this module validated it, else validate (throws if invalid). */
export function requireValidRoot(root: RootDocument): RootDocument {
  if (isValidatedRoot(root)) return root;
  const result = validateRoot(root);
  if (!result.ok) throw new RootError(result.issues);
  return result.root;
}

/** The one expiry rule, for roots and schedules alike: expired once `now` reaches `expires`. */
export function isExpired(expires: string, now: number): boolean {
  const at = Date.parse(expires);
  return !(Number.isFinite(at) && now < at);
}

function sameRole(a: RootRole, b: RootRole, rootA: RootDocument, rootB: RootDocument): boolean {
  if (a.threshold !== b.threshold || a.keyids.length !== b.keyids.length) return false;
  const ids = new Set(a.keyids);
  return b.keyids.every((k) => ids.has(k) && rootA.keys[k]?.public === rootB.keys[k]?.public);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
