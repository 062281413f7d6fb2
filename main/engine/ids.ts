/**
 * Ids the agent makes: UUIDv7 for events (RFC 9562) and the device id of a fresh installation.
 *
 * Event ids sort by creation, so the server and IT see events in the order the agent wrote them, and the
 * outbox's "oldest first" is the ids' order. Within one millisecond (or when the wall clock steps back, e.g. NTP)
 * the RFC 9562 §6.2 method 1 keeps them increasing: rand_a is a 12-bit counter, seeded randomly with its top
 * bit clear (room for at least 2048 more ids in that millisecond), incremented per id; when it overflows, the
 * timestamp is borrowed one millisecond ahead. The timestamp never goes below the last one used.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { Clock } from './ports.js';

/** Bytes of cryptographic randomness (node:crypto by default; injectable so a test can replay a run). */
export type RandomBytes = (size: number) => Uint8Array;

export interface IdGenerator {
  /** A new lowercase UUIDv7, strictly greater than every id this generator returned before. */
  next(): string;
}

const COUNTER_MAX = 0xfff;
/** 48-bit unix milliseconds: good until the year 10889. */
const MAX_MS = 2 ** 48 - 1;

export function uuidv7Generator(clock: Clock, randomBytes: RandomBytes = nodeRandomBytes): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return {
    next(): string {
      const now = Math.floor(clock.now());
      if (!Number.isFinite(now) || now < 0 || now > MAX_MS) throw new Error(`uuidv7: the clock gave ${now}, not a 48-bit millisecond time`);
      const random = randomBytes(10);
      let ms = now;
      if (ms > lastMs) {
        // A new millisecond: a fresh random counter with its top bit clear.
        counter = ((random[0]! << 8) | random[1]!) & 0x7ff;
      } else {
        // Same millisecond, or the clock stepped back: stay on the last one and count up.
        ms = lastMs;
        counter += 1;
        if (counter > COUNTER_MAX) {
          ms = lastMs + 1;
          counter = ((random[0]! << 8) | random[1]!) & 0x7ff;
        }
      }
      lastMs = ms;
      const b = new Uint8Array(16);
      // 48-bit big-endian timestamp (bit operations are 32-bit in JS, so split it).
      const high = Math.floor(ms / 2 ** 16);
      b[0] = (high >>> 24) & 0xff;
      b[1] = (high >>> 16) & 0xff;
      b[2] = (high >>> 8) & 0xff;
      b[3] = high & 0xff;
      b[4] = (ms >>> 8) & 0xff;
      b[5] = ms & 0xff;
      b[6] = 0x70 | (counter >>> 8); // version 7 + counter's top 4 bits
      b[7] = counter & 0xff;
      b[8] = 0x80 | (random[2]! & 0x3f); // variant 10 + 62 random bits (rand_b)
      for (let i = 9; i < 16; i++) b[i] = random[i - 6]!;
      const h = Buffer.from(b).toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A new installation's device id: "fw-" and 26 lowercase base32 characters (130 random bits), so two computers
 * never pick the same one; matches the server's DEVICE_ID pattern ^[a-z0-9][a-z0-9._-]{0,127}$.
 */
export function newDeviceId(randomBytes: RandomBytes = nodeRandomBytes): string {
  const bytes = randomBytes(26);
  let id = 'fw-';
  // One byte per character, 5 bits each: simple, and 26 * 5 = 130 bits of the 208 drawn.
  for (let i = 0; i < 26; i++) id += BASE32[bytes[i]! & 31];
  return id;
}
