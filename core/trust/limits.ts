// Hard limits on attacker-controlled input. Each one bounds the work an untrusted server (or anyone on the
// path) can make an agent do before a signature has been checked - TUF's "endless data" class.

/** Largest envelope (schedule or root) accepted, in bytes, checked BEFORE any decoding or parsing. */
export const MAX_ENVELOPE_BYTES = 1024 * 1024;

/** Most signatures one envelope may carry: each one from a role key costs an Ed25519 verification. */
export const MAX_SIGNATURES = 32;

/** Most roots followed in one updateRoot call (TUF caps root rotations per update the same way). */
export const MAX_ROOT_CHAIN = 32;

/** Deepest JSON nesting inside a signed payload (strict JSON rejects deeper). */
export const MAX_PAYLOAD_DEPTH = 64;
