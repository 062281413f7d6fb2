// Why a signed document was refused. One fixed vocabulary, shared by the agent (reported as an event), the
// server (publish refused) and the CLI (`forewarn verify`), so every rejection can be counted and explained.

/** Every reason verifySchedule can give, in the order the checks run (docs/trust-model.md). */
export const REJECTION_REASONS = [
  'too-large',
  'malformed-envelope',
  'wrong-payload-type',
  'unknown-key',
  'bad-signature',
  'threshold-not-met',
  'invalid-schedule',
  'wrong-fleet',
  'rollback',
  'equivocation',
  'expired',
  'root-rotation-invalid',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** One problem inside a document: path as core/schedule writes it (`maintenances[0].title`, '' = the whole). */
export interface ScheduleIssue {
  path: string;
  message: string;
  line?: number;
}

export interface Rejection<R extends string = RejectionReason> {
  ok: false;
  reason: R;
  /** One plain sentence an IT person can act on. */
  detail: string;
  /** The document's problems, for invalid-schedule (and root-rotation-invalid when a root document is invalid). */
  issues?: ScheduleIssue[];
}

export function reject<R extends string>(reason: R, detail: string, issues?: ScheduleIssue[]): Rejection<R> {
  return issues === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, issues };
}

/** `rejected: <reason>: <detail>` - one line for logs, events and the CLI. */
export function formatRejection(r: { reason: string; detail: string }): string {
  return `rejected: ${r.reason}: ${r.detail}`;
}

/** Short keyid for messages: the first 12 hex digits are plenty to tell keys apart for a human. */
export function shortKeyid(keyid: string): string {
  return keyid.length > 12 ? `${keyid.slice(0, 12)}…` : keyid;
}
