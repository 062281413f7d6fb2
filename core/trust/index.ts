// Signed envelopes and the root of trust. See docs/trust-model.md.
export { PAYLOAD_TYPES, pae, signEnvelope, addSignatures, serializeEnvelope, decodeEnvelope, decodeUtf8 } from './dsse.js';
export type { Envelope, EnvelopeSignature, DecodedEnvelope, DecodeResult, PayloadType } from './dsse.js';
export {
  generateKeyPair,
  loadPrivateKey,
  loadPublicKey,
  exportPrivateKey,
  exportPublicKey,
  keyidOf,
  keyidOfRaw,
  rawPublicKey,
  publicKeyFromRaw,
  KeyError,
} from './keys.js';
export type { GeneratedKeyPair, KeyErrorCode } from './keys.js';
export {
  createRoot,
  signRoot,
  rootPayload,
  validateRoot,
  loadTrustedRoot,
  updateRoot,
  isExpired,
  sha256Hex,
  RootError,
} from './root.js';
export type {
  RootDocument,
  RootRole,
  RoleName,
  RootFields,
  RootValidation,
  LoadRootOptions,
  LoadRootResult,
  RootRejection,
  UpdateRootOptions,
  UpdateRootResult,
} from './root.js';
export { checkSignatures } from './signatures.js';
export type { RoleKeys, KeyTable, SignatureCheck } from './signatures.js';
export { verifySchedule } from './verify-schedule.js';
export type { VerifyScheduleOptions, VerifyResult, AcceptedSchedule, VerifiedSchedule, ScheduleState } from './verify-schedule.js';
export { REJECTION_REASONS, formatRejection } from './rejection.js';
export type { RejectionReason, Rejection, ScheduleIssue } from './rejection.js';
export { MAX_ENVELOPE_BYTES, MAX_SIGNATURES, MAX_ROOT_CHAIN, MAX_PAYLOAD_DEPTH } from './limits.js';
export { decodeCanonicalBase64, encodeBase64 } from './base64.js';
