// Canonical standard base64 (RFC 4648 section 4, with padding), and nothing else.
//
// Why so strict: Node's base64 decoder is lenient - it skips characters outside the alphabet, accepts the
// URL-safe alphabet, missing padding, and non-zero bits in the last character. Each of those gives another
// string that decodes to the SAME bytes, so an envelope would be malleable: different bytes on the wire,
// identical signed content. That breaks anything that identifies an envelope by its bytes (caches, logs,
// the server's "same version, same bytes" check) and widens what a parser differential can hide in.
// (DSSE lets verifiers accept either alphabet; Forewarn is the only producer, so it accepts one form.)

const ALPHABET_OR_PAD = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decode canonical base64, or return null. Canonical = length a multiple of 4, only the standard alphabet,
 * padding only at the end and only as much as needed, zero unused bits. The re-encoding round trip is the
 * decisive check (Buffer's encoder emits exactly the canonical form, so any other spelling differs); the
 * cheap shape checks first turn away obvious garbage without allocating.
 */
export function decodeCanonicalBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0) return null;
  // The charset regex costs ~1.5 ns/char; only short strings (signatures) pay it. Long ones rely on the
  // round trip, which rejects every non-alphabet character just the same.
  if (text.length <= 1024 && !ALPHABET_OR_PAD.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
