// DSSE v1 envelopes (github.com/secure-systems-lab/dsse): the signed bytes travel base64-encoded next to
// their type and signatures; each signature covers PAE(type, body), so neither the type nor the body can be
// changed or re-interpreted without breaking it.

import { sign, type KeyObject } from 'node:crypto';
import { parseStrictJson } from '../json/strict-json.js';
import { decodeCanonicalBase64, encodeBase64 } from './base64.js';
import { keyidOf } from './keys.js';
import { MAX_ENVELOPE_BYTES, MAX_SIGNATURES } from './limits.js';
import { reject, type Rejection } from './rejection.js';

export const PAYLOAD_TYPES = {
  schedule: 'application/vnd.forewarn.schedule+json',
  root: 'application/vnd.forewarn.root+json',
} as const;

export type PayloadType = (typeof PAYLOAD_TYPES)[keyof typeof PAYLOAD_TYPES];

/** The envelope as it is stored and sent (JSON). */
export interface Envelope {
  payloadType: string;
  /** Canonical standard base64 of the payload bytes. */
  payload: string;
  signatures: EnvelopeSignature[];
}

export interface EnvelopeSignature {
  /** Lowercase hex SHA-256 of the signer's raw public key. */
  keyid: string;
  /** Canonical standard base64 of the 64-byte Ed25519 signature over PAE(payloadType, payload). */
  sig: string;
}

/** An envelope after strict decoding: bytes, not base64. Nothing in it is verified yet. */
export interface DecodedEnvelope {
  payloadType: string;
  payload: Uint8Array;
  signatures: { keyid: string; sig: Uint8Array }[];
}

const KEYID = /^[0-9a-f]{64}$/;
const ED25519_SIGNATURE_BYTES = 64;
const ENVELOPE_FIELDS = ['payload', 'payloadType', 'signatures'];
const SIGNATURE_FIELDS = ['keyid', 'sig'];
const utf8 = new TextEncoder();
/** fatal: invalid UTF-8 is an error, not U+FFFD. ignoreBOM: a BOM stays in the text, so the JSON parser refuses it. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes to text, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Pre-Authentication Encoding: "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths as ASCII decimal
 * byte counts. The lengths make the split between type and body unambiguous, so no (type, body) pair can be
 * passed off as another.
 */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = utf8.encode(payloadType);
  const header = `DSSEv1 ${type.byteLength} ${payloadType} ${payload.byteLength} `;
  return Buffer.concat([utf8.encode(header), payload]);
}

/**
 * Sign a payload with each key (Ed25519 over the PAE). Signatures come out sorted by keyid, so the same
 * payload and keys always give the same envelope (Ed25519 signatures are deterministic).
 */
export function signEnvelope(payloadType: string, payload: Uint8Array, keys: readonly KeyObject[]): Envelope {
  if (keys.length === 0) throw new Error('signing needs at least one key');
  const message = pae(payloadType, payload);
  const signatures = new Map<string, string>();
  for (const key of keys) {
    if (key.type !== 'private') throw new Error('signing needs private keys');
    const keyid = keyidOf(key);
    if (signatures.has(keyid)) throw new Error(`the same key was given twice (${keyid})`);
    signatures.set(keyid, encodeBase64(sign(null, message, key)));
  }
  return {
    payloadType,
    payload: encodeBase64(payload),
    signatures: [...signatures].sort(([a], [b]) => (a < b ? -1 : 1)).map(([keyid, sig]) => ({ keyid, sig })),
  };
}

/**
 * Add (or replace) signatures on an existing envelope, e.g. the second signer of a threshold-2 schedule
 * signing on their own offline machine. The payload is taken from the envelope as it is.
 */
export function addSignatures(envelope: Envelope, keys: readonly KeyObject[]): Envelope {
  const payload = decodeCanonicalBase64(envelope.payload);
  if (payload === null) throw new Error('the envelope payload is not canonical base64');
  const added = signEnvelope(envelope.payloadType, payload, keys);
  const merged = new Map(envelope.signatures.map((s) => [s.keyid, s.sig] as const));
  for (const s of added.signatures) merged.set(s.keyid, s.sig);
  return {
    payloadType: envelope.payloadType,
    payload: envelope.payload,
    signatures: [...merged].sort(([a], [b]) => (a < b ? -1 : 1)).map(([keyid, sig]) => ({ keyid, sig })),
  };
}

/** Pretty, stable JSON (fixed field order, 2-space indent) with a trailing newline. */
export function serializeEnvelope(envelope: Envelope): string {
  const ordered: Envelope = {
    payloadType: envelope.payloadType,
    payload: envelope.payload,
    signatures: envelope.signatures.map((s) => ({ keyid: s.keyid, sig: s.sig })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export type DecodeResult = { ok: true; envelope: DecodedEnvelope } | Rejection<'too-large' | 'malformed-envelope'>;

/**
 * Strictly decode envelope bytes. Refuses, as malformed-envelope: invalid UTF-8, invalid JSON, duplicate
 * keys, any field other than payloadType/payload/signatures (and keyid/sig per signature), a missing field,
 * wrong types, non-canonical base64, an empty or oversized signature list, a keyid that is not 64 lowercase
 * hex digits, a signature that is not 64 bytes. Nothing is verified here - see checkSignatures.
 */
export function decodeEnvelope(bytes: Uint8Array, maxBytes: number = MAX_ENVELOPE_BYTES): DecodeResult {
  // Endless data: refuse oversized input before decoding a single byte of it.
  if (bytes.byteLength > maxBytes) {
    return reject('too-large', `the envelope is ${bytes.byteLength} bytes; the limit is ${maxBytes}`);
  }
  const malformed = (detail: string): Rejection<'malformed-envelope'> => reject('malformed-envelope', detail);
  const text = decodeUtf8(bytes);
  if (text === null) return malformed('the envelope is not valid UTF-8');
  // Depth 3 is exactly envelope -> signatures -> signature; anything deeper cannot be an envelope.
  const parsed = parseStrictJson(text, { maxDepth: 3 });
  if (!parsed.ok) return malformed(`the envelope is not strict JSON: ${parsed.error}`);
  const value = parsed.value;
  if (!isPlainObject(value)) return malformed('the envelope is not a JSON object');
  const fieldProblem = exactFields(value, ENVELOPE_FIELDS, 'the envelope');
  if (fieldProblem !== null) return malformed(fieldProblem);
  const { payloadType, payload, signatures } = value;
  if (typeof payloadType !== 'string' || payloadType === '') return malformed('payloadType must be a non-empty string');
  if (typeof payload !== 'string') return malformed('payload must be a base64 string');
  const payloadBytes = decodeCanonicalBase64(payload);
  if (payloadBytes === null) return malformed('payload is not canonical standard base64');
  if (!Array.isArray(signatures)) return malformed('signatures must be an array');
  if (signatures.length === 0) return malformed('signatures is empty: the envelope is not signed');
  if (signatures.length > MAX_SIGNATURES) {
    return malformed(`the envelope has ${signatures.length} signatures; at most ${MAX_SIGNATURES} are read`);
  }
  const decoded: DecodedEnvelope['signatures'] = [];
  for (let i = 0; i < signatures.length; i++) {
    const s: unknown = signatures[i];
    const where = `signatures[${i}]`;
    if (!isPlainObject(s)) return malformed(`${where} must be an object`);
    const problem = exactFields(s, SIGNATURE_FIELDS, where);
    if (problem !== null) return malformed(problem);
    if (typeof s.keyid !== 'string' || !KEYID.test(s.keyid)) {
      return malformed(`${where}.keyid must be 64 lowercase hex digits (SHA-256 of the public key)`);
    }
    if (typeof s.sig !== 'string') return malformed(`${where}.sig must be a base64 string`);
    const sig = decodeCanonicalBase64(s.sig);
    if (sig === null) return malformed(`${where}.sig is not canonical standard base64`);
    if (sig.byteLength !== ED25519_SIGNATURE_BYTES) {
      return malformed(`${where}.sig is ${sig.byteLength} bytes; an Ed25519 signature is ${ED25519_SIGNATURE_BYTES}`);
    }
    decoded.push({ keyid: s.keyid, sig });
  }
  return { ok: true, envelope: { payloadType, payload: payloadBytes, signatures: decoded } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** null when `obj` has exactly `fields` (sorted), otherwise what is missing or extra. */
function exactFields(obj: Record<string, unknown>, fields: readonly string[], where: string): string | null {
  const keys = Object.keys(obj).sort();
  if (keys.length === fields.length && keys.every((k, i) => k === fields[i])) return null;
  const extra = keys.filter((k) => !fields.includes(k));
  if (extra.length > 0) return `${where} has unknown field ${JSON.stringify(extra[0])}`;
  const missing = fields.filter((f) => !keys.includes(f));
  return `${where} is missing ${JSON.stringify(missing[0])}`;
}
