// Envelope mutations for the property and fuzz tests. Each mutation knows, where it is determined, the
// outcome verifySchedule must give for a threshold-2 envelope signed by exactly the two role keys.
import { sign } from 'node:crypto';
import { pae, PAYLOAD_TYPES, type Envelope } from '../../../../core/trust/index.js';
import { b64, type TestKey } from './helpers.js';

export type Json = Record<string, unknown>;

export interface Mutation {
  name: string;
  /** Change the parsed envelope in place, or return new raw bytes (byte-level mutations). */
  apply: (envelope: Json & Envelope, raw: Uint8Array) => Uint8Array | void;
  /** Works on the raw bytes (so it also applies to bytes that are no longer JSON). */
  raw?: boolean;
  /** The reason verifySchedule must give, 'accepted' (with the original payload), or undefined if not determined. */
  expect?: string;
}

/** Deterministic random numbers (xorshift32), so the fuzz test is reproducible from its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  int(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.next() & 0xff);
  }
}

const sigs = (e: Envelope): Json[] => e.signatures as unknown as Json[];
/** Values of another type than the field's (never a string: a string payloadType is a type change, not a retype). */
const junkValues: unknown[] = [null, 0, 1.5, true, [], {}, [1], { a: 1 }, [{}]];

/** Every mutation kind, parameterised by a random source. `attacker` is a key outside the role. */
export function mutationKinds(attacker: TestKey): ((r: Rng) => Mutation)[] {
  return [
    (r) => {
      const at = r.int(1 << 30);
      const bit = 1 << r.int(8);
      return {
        name: 'flip one bit anywhere',
        raw: true,
        apply: (_e, raw) => {
          const copy = Uint8Array.from(raw);
          const i = at % copy.length;
          copy[i] = (copy[i] ?? 0) ^ bit;
          return copy;
        },
      };
    },
    (r) => {
      const at = r.int(1 << 30);
      const len = 1 + r.int(8);
      return { name: 'delete bytes', raw: true, apply: (_e, raw) => { const i = at % raw.length; return Uint8Array.from([...raw.subarray(0, i), ...raw.subarray(i + len)]); } };
    },
    (r) => {
      const at = r.int(1 << 30);
      const junk = r.bytes(1 + r.int(4));
      return { name: 'insert random bytes', raw: true, apply: (_e, raw) => { const i = at % (raw.length + 1); return Uint8Array.from([...raw.subarray(0, i), ...junk, ...raw.subarray(i)]); } };
    },
    (r) => {
      const cut = r.int(1 << 30);
      return { name: 'truncate', raw: true, apply: (_e, raw) => raw.subarray(0, cut % raw.length) };
    },
    (r) => {
      const i = r.int(2);
      return { name: `drop signature ${i}`, apply: (e) => { e.signatures.splice(i, 1); }, expect: 'threshold-not-met' };
    },
    (r) => {
      const i = r.int(2);
      return { name: `signature ${i} replaced by a copy of the other`, apply: (e) => { e.signatures[i] = { ...e.signatures[1 - i]! }; }, expect: 'threshold-not-met' };
    },
    (r) => {
      const i = r.int(2);
      return { name: `signature ${i} appended again`, apply: (e) => { e.signatures.push({ ...e.signatures[i]! }); }, expect: 'accepted' };
    },
    () => ({ name: 'signatures reordered', apply: (e) => { e.signatures.reverse(); }, expect: 'accepted' }),
    (r) => {
      const i = r.int(2);
      return {
        name: `signature ${i} replaced by an attacker's over the same payload`,
        apply: (e) => {
          const payload = Buffer.from(e.payload, 'base64');
          e.signatures[i] = { keyid: attacker.keyid, sig: b64(sign(null, pae(e.payloadType, payload), attacker.privateKey)) };
        },
        expect: 'threshold-not-met',
      };
    },
    (r) => {
      const i = r.int(2);
      const junk = b64(r.bytes(64));
      return { name: `signature ${i} bytes replaced`, apply: (e) => { e.signatures[i]!.sig = junk; }, expect: 'threshold-not-met' };
    },
    (r) => {
      const junk = [b64(r.bytes(64)), b64(r.bytes(64))];
      return { name: 'both signatures replaced', apply: (e) => { e.signatures.forEach((s, i) => { s.sig = junk[i]!; }); }, expect: 'bad-signature' };
    },
    () => ({
      name: 'keyids swapped',
      apply: (e) => { const [a, b] = e.signatures; if (a && b) [a.keyid, b.keyid] = [b.keyid, a.keyid]; },
      expect: 'bad-signature',
    }),
    (r) => {
      const i = r.int(2);
      const hex = Buffer.from(r.bytes(32)).toString('hex');
      return { name: `keyid ${i} replaced`, apply: (e) => { e.signatures[i]!.keyid = hex; }, expect: 'threshold-not-met' };
    },
    (r) => {
      const field = r.pick(['payloadType', 'payload', 'signatures']);
      return { name: `remove ${field}`, apply: (e) => { delete (e as Json)[field]; }, expect: 'malformed-envelope' };
    },
    (r) => {
      const field = r.pick(['keyid', 'sig']);
      const i = r.int(2);
      return { name: `remove signatures[${i}].${field}`, apply: (e) => { delete sigs(e)[i]![field]; }, expect: 'malformed-envelope' };
    },
    (r) => {
      const field = r.pick(['payloadType', 'payload', 'signatures']);
      const value = r.pick(junkValues);
      return { name: `retype ${field} to ${JSON.stringify(value)}`, apply: (e) => { (e as Json)[field] = value; }, expect: 'malformed-envelope' };
    },
    (r) => {
      const field = r.pick(['keyid', 'sig']);
      const value = r.pick(junkValues);
      return { name: `retype signatures[0].${field} to ${JSON.stringify(value)}`, apply: (e) => { sigs(e)[0]![field] = value; }, expect: 'malformed-envelope' };
    },
    (r) => {
      const where = r.pick(['top', 'signature']);
      return {
        name: `unknown field in ${where}`,
        apply: (e) => { if (where === 'top') (e as Json).extra = 1; else sigs(e)[0]!.extra = 1; },
        expect: 'malformed-envelope',
      };
    },
    (r) => {
      const junk = r.bytes(1 + r.int(40));
      return { name: 'payload replaced by other canonical base64', apply: (e) => { e.payload = b64(junk); }, expect: 'bad-signature' };
    },
    (r) => {
      const at = r.int(1 << 30);
      return {
        name: 'payload: one base64 character changed (canonical or not)',
        apply: (e) => {
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
          const body = e.payload.replace(/=+$/, '');
          const i = at % body.length;
          const next = alphabet[(alphabet.indexOf(body[i]!) + 1 + (at % 63)) % 64]!;
          e.payload = body.slice(0, i) + next + e.payload.slice(i + 1);
        },
      };
    },
    (r) => {
      const variant = r.pick(['strip padding', 'url-safe', 'newline', 'space', 'extra padding', 'trailing junk']);
      return {
        name: `payload non-canonical: ${variant}`,
        apply: (e) => {
          const p = e.payload;
          e.payload =
            variant === 'strip padding' ? (p.endsWith('=') ? p.replace(/=+$/, '') : `${p}=`)
            : variant === 'url-safe' ? (/[+/]/.test(p) ? p.replaceAll('+', '-').replaceAll('/', '_') : `${p.slice(0, -4)}-_-_`)
            : variant === 'newline' ? `${p.slice(0, 4)}\n${p.slice(4)}`
            : variant === 'space' ? `${p.slice(0, 8)} ${p.slice(8)}`
            : variant === 'extra padding' ? `${p}====`
            : `${p}QQ`;
        },
        expect: 'malformed-envelope',
      };
    },
    (r) => {
      const variant = r.pick([PAYLOAD_TYPES.root, 'application/json', PAYLOAD_TYPES.schedule.toUpperCase(), `${PAYLOAD_TYPES.schedule} `, 'x']);
      return { name: `payloadType -> ${variant}`, apply: (e) => { e.payloadType = variant; }, expect: 'wrong-payload-type' };
    },
    () => ({ name: 'signatures emptied', apply: (e) => { e.signatures = []; }, expect: 'malformed-envelope' }),
    (r) => {
      const key = r.pick(['payloadType', 'payload', 'signatures']);
      return {
        name: `duplicate key ${key}`,
        raw: true,
        apply: (_e, raw) => {
          const textValue = Buffer.from(raw).toString('utf8');
          return new TextEncoder().encode(textValue.replace(`"${key}":`, `"${key}": null, "${key}":`));
        },
        expect: 'malformed-envelope',
      };
    },
  ];
}

/**
 * Apply a mutation to envelope bytes: raw ones to the bytes; structural ones to the loosely parsed envelope,
 * re-serialized. A structural mutation of bytes that no longer parse (after an earlier raw one), or whose
 * shape it does not fit, leaves them unchanged.
 */
export function applyMutation(raw: Uint8Array, mutation: Mutation): Uint8Array {
  if (mutation.raw === true) return mutation.apply({} as Json & Envelope, raw) ?? raw;
  try {
    const envelope = JSON.parse(Buffer.from(raw).toString('utf8')) as Json & Envelope;
    mutation.apply(envelope, raw);
    return new TextEncoder().encode(JSON.stringify(envelope, null, 2));
  } catch {
    return raw;
  }
}
