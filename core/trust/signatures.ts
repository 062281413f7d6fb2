// The ONE place that decides whether an envelope is signed by enough of a role's keys.
//
// Rule (docs/trust-model.md, "Counting signatures"). Let R be the role's keyids and T its threshold.
//   1. A signature whose keyid is not in R is ignored: it is never verified and never counts. (A key the
//      root knows for ANOTHER role is not in R either: root keys cannot sign schedules, and vice versa.)
//   2. A signature whose keyid is in R is verified (Ed25519 over the PAE) with THAT key, so it can count
//      only for the key that really made it.
//   3. Distinct keys count once: VALID = the set of keyids in R with at least one verifying signature.
//      A key signing twice is still one key (key compromise: one stolen key cannot reach T = 2 alone).
//   4. Decision, first match wins:
//        |VALID| >= T                                  -> accepted
//        no signature has a keyid in R                 -> unknown-key     (forged by a key we do not trust)
//        VALID is empty                                -> bad-signature   (every role-key signature failed:
//                                                                          the payload or type was altered)
//        otherwise (0 < |VALID| < T)                   -> threshold-not-met
// Verification stops as soon as T distinct keys verified; the envelope decoder caps the number of
// signatures (MAX_SIGNATURES), so the work an attacker can cause is bounded.

import { verify, type KeyObject } from 'node:crypto';
import { pae, type DecodedEnvelope } from './dsse.js';
import { publicKeyFromRaw } from './keys.js';
import { reject, shortKeyid, type Rejection } from './rejection.js';

export interface RoleKeys {
  keyids: readonly string[];
  threshold: number;
}

/** keyid -> raw public key, hex (the root document's `keys`, reduced to what verification needs). */
export type KeyTable = Readonly<Record<string, { readonly public: string }>>;

export type SignatureCheck =
  | { ok: true; keyids: string[] }
  | Rejection<'unknown-key' | 'bad-signature' | 'threshold-not-met'>;

/** Count valid signatures of `role` on the envelope; `roleName` only words the messages ("schedule", "root v3"). */
export function checkSignatures(envelope: DecodedEnvelope, role: RoleKeys, keys: KeyTable, roleName: string): SignatureCheck {
  // Defence in depth (roots are validated): a threshold below 1 would accept an unsigned document.
  if (!Number.isSafeInteger(role.threshold) || role.threshold < 1) {
    return reject('threshold-not-met', `the ${roleName} role has no usable threshold`);
  }
  const roleKeyids = new Set(role.keyids);
  const message = pae(envelope.payloadType, envelope.payload);
  const valid = new Set<string>();
  const failed = new Set<string>();
  let fromRoleKeys = 0;
  for (const { keyid, sig } of envelope.signatures) {
    if (!roleKeyids.has(keyid)) continue;
    fromRoleKeys++;
    if (valid.has(keyid)) continue;
    const entry = keys[keyid];
    if (entry !== undefined && verifyOne(message, sig, entry.public)) {
      valid.add(keyid);
      failed.delete(keyid);
      if (valid.size >= role.threshold) return { ok: true, keyids: [...valid].sort() };
    } else {
      failed.add(keyid);
    }
  }
  if (fromRoleKeys === 0) {
    const seen = envelope.signatures.map((s) => shortKeyid(s.keyid)).join(', ');
    return reject('unknown-key', `no signature is from a ${roleName} key (signed by: ${seen})`);
  }
  if (valid.size === 0) {
    return reject(
      'bad-signature',
      `every signature from a ${roleName} key failed to verify (${[...failed].map(shortKeyid).join(', ')}): the content was altered or not signed by these keys`,
    );
  }
  return reject(
    'threshold-not-met',
    `${valid.size} of the ${role.threshold} required ${roleName} keys signed validly` +
      (failed.size > 0 ? `; failed: ${[...failed].map(shortKeyid).join(', ')}` : ''),
  );
}

function verifyOne(message: Uint8Array, sig: Uint8Array, publicHex: string): boolean {
  try {
    return verify(null, message, publicKeyFor(publicHex), sig);
  } catch {
    // A malformed key or signature is a failed signature, never an exception on the verify path.
    return false;
  }
}

// Building a KeyObject costs about as much as hashing a few KB; roots change rarely, so keep them.
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 256;

function publicKeyFor(publicHex: string): KeyObject {
  let key = keyCache.get(publicHex);
  if (key === undefined) {
    key = publicKeyFromRaw(Buffer.from(publicHex, 'hex'));
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(publicHex, key);
  }
  return key;
}
