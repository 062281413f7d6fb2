/**
 * The trust keeper: the one place that decides which schedule the agent may act on. Everything goes through
 * core/trust (loadTrustedRoot, updateRoot, verifySchedule); this file only adds memory (the Store's `trust`
 * section) and time (the Clock).
 *
 * Two checks are kept apart on purpose:
 * - authenticity (signatures, fleet, content, rollback, equivocation) is decided once per envelope, when it is
 *   accepted and again at every start (a store edited on disk is caught there);
 * - freshness (the schedule's and the root's `expires`) is decided at EVERY use, in current(). A server (or a
 *   man in the middle) that answers 304 forever therefore cannot keep the agent acting on a stale schedule.
 */
import {
  isExpired, loadTrustedRoot, MAX_ROOT_CHAIN, updateRoot, verifySchedule,
  type Rejection, type RejectionReason, type RootDocument, type ScheduleState,
} from '../../../core/trust/index.js';
import type { Schedule } from '../../../core/schedule/index.js';
import type { Clock, Logger, Store } from '../ports.js';
import type { PersistedState, TrustState } from '../state/types.js';

/**
 * Signature checks only, with the clock parked at the epoch: every real expiry is after it, so verifySchedule and
 * updateRoot then say nothing about freshness, which current() checks at each use against the real clock. This
 * lets an expired root still be the start of a rotation (TUF 5.3: expiry is checked after updating the root).
 */
const SIGNATURES_ONLY = 0;

/** A root this close to its expiry makes the agent ask the server for a newer one after every check. */
export const ROOT_REFRESH_BEFORE_MS = 30 * 86_400_000;

/** Rejections that mean "signed by keys this root does not know": a newer root may know them. */
const KEY_PROBLEMS = new Set(['unknown-key', 'threshold-not-met']);

export type ScheduleRejection = Pick<Rejection, 'reason' | 'detail'>;

export type CurrentSchedule =
  | { status: 'valid'; schedule: Schedule; version: number; expires: string; rootVersion: number }
  /** The last good schedule (or the root) has expired: the tray shows an error and the engine reports it. */
  | { status: 'expired'; version?: number; detail: string }
  /** Nothing accepted yet (first run, or the stored one did not survive re-verification). */
  | { status: 'none'; detail: string }
  /** The pinned root itself cannot be used (broken managed config): nothing can be trusted. */
  | { status: 'rejected'; rejection: ScheduleRejection };

export type AcceptResult =
  | { ok: true; schedule: Schedule; version: number; unchanged: boolean; rootsFollowed: number }
  /** Turned into a `schedule-rejected` event by the engine; the last good schedule stays in use. */
  | { ok: false; rejection: ScheduleRejection; rootsFollowed: number };

export interface StartResult {
  /** Problems found at start, each to be reported as a `schedule-rejected` event (tampering, a bad chain). */
  rejections: ScheduleRejection[];
}

export interface TrustKeeperOptions {
  /** The pinned root envelope bytes from managed config. */
  pinnedRoot: Uint8Array;
  /** This agent's fleet (managed config). */
  fleet: string;
  store: Store<Pick<PersistedState, 'trust'>>;
  clock: Clock;
  logger: Logger;
  /**
   * GET /v1/fleets/:fleet/roots/:version: the bytes, or null when the server has no such root (404). Throws when
   * the server cannot be reached. Absent: roots are never followed.
   */
  fetchRoot?: (version: number) => Promise<Uint8Array | null>;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** The schedule role as TrustState.lastGood.scheduleRole records it: a key rotation forgets the version. */
export function scheduleRoleOf(root: RootDocument): string {
  return `${root.roles.schedule.threshold}:${[...root.roles.schedule.keyids].sort().join(',')}`;
}

export class TrustKeeper {
  private root: RootDocument | null = null;
  private rootProblem: ScheduleRejection | null = null;
  private accepted: { schedule: Schedule; version: number } | null = null;
  private noneDetail = 'no schedule has been accepted yet';

  constructor(private readonly options: TrustKeeperOptions) {}

  private trust(): TrustState {
    return this.options.store.get('trust') ?? { rootChain: [] };
  }

  /** Writes the whole trust section; durable when it returns (the Store port's promise). */
  private save(patch: Partial<TrustState>): void {
    this.options.store.set('trust', { ...this.trust(), ...patch });
  }

  /**
   * Re-derive the trusted root (pinned root + stored chain) and re-verify the stored last good schedule. Never
   * throws; problems come back as rejections to report and leave current() saying why nothing is usable.
   */
  start(): StartResult {
    const rejections: ScheduleRejection[] = [];
    const { logger } = this.options;
    const pinned = loadTrustedRoot(this.options.pinnedRoot, { now: SIGNATURES_ONLY });
    if (!pinned.ok) {
      this.rootProblem = { reason: pinned.reason, detail: `the pinned root in managed config is not usable: ${pinned.detail}` };
      this.root = null;
      logger.error('pinned root refused', { ...this.rootProblem });
      return { rejections: [this.rootProblem] };
    }
    if (pinned.root.fleet !== this.options.fleet) {
      this.rootProblem = { reason: 'wrong-fleet', detail: `the pinned root is for fleet ${JSON.stringify(pinned.root.fleet)}, the managed config says ${JSON.stringify(this.options.fleet)}` };
      logger.error('pinned root refused', { ...this.rootProblem });
      return { rejections: [this.rootProblem] };
    }
    this.rootProblem = null;
    const trust = this.trust();
    const chain = trust.rootChain.map(unb64);
    const updated = updateRoot(pinned.root, chain, { now: SIGNATURES_ONLY });
    if (updated.ok) {
      this.root = updated.root;
    } else {
      // A chain that no longer verifies from the pinned root was edited (or the pinned root was replaced by IT):
      // trust the pinned root alone and forget the chain; the server offers the roots again when needed.
      this.root = pinned.root;
      rejections.push({ reason: updated.reason, detail: `the stored root chain does not verify from the pinned root and was dropped: ${updated.detail}` });
      this.save({ rootChain: [] });
    }
    const lastGood = trust.lastGood;
    this.accepted = null;
    if (lastGood !== undefined) {
      const bytes = unb64(lastGood.envelope);
      const verified = verifySchedule(bytes, { root: this.root, now: SIGNATURES_ONLY, state: null, fleet: this.options.fleet });
      if (!verified.ok) {
        rejections.push({ reason: verified.reason, detail: `the stored last good schedule no longer verifies (edited on disk?) and is not used: ${verified.detail}` });
        this.noneDetail = 'the stored schedule failed re-verification at start';
        // Its version and hash are not trustworthy either: without the envelope they protect nothing.
        this.forgetLastGood();
      } else if (verified.version !== lastGood.version || verified.payloadSha256 !== lastGood.payloadSha256) {
        // The remembered version is what rollback protection compares against: it must be the envelope's own.
        rejections.push({
          reason: 'equivocation',
          detail: `the stored schedule facts (version ${lastGood.version}) do not match the stored envelope (version ${verified.version}); the store was edited, the schedule is not used`,
        });
        this.noneDetail = 'the stored schedule facts did not match the stored envelope';
        this.forgetLastGood();
      } else {
        this.accepted = { schedule: verified.schedule, version: verified.version };
      }
    }
    for (const r of rejections) logger.warn('trust store problem at start', { ...r });
    return { rejections };
  }

  /** The trusted root now (after start()), or null when the pinned root is unusable. */
  trustedRoot(): RootDocument | null {
    return this.root;
  }

  /** The stored ETag, for If-None-Match. */
  etag(): string | undefined {
    return this.trust().etag;
  }

  /** The version of the schedule in use (for SSE: is the announced one newer?). */
  version(): number | undefined {
    return this.accepted?.version;
  }

  /** The schedule to act on at `now`, or why there is none. Expiry is checked here, at every call. */
  current(now: number = this.options.clock.now()): CurrentSchedule {
    if (this.rootProblem !== null || this.root === null) {
      return { status: 'rejected', rejection: this.rootProblem ?? { reason: 'root-rotation-invalid', detail: 'start() has not run' } };
    }
    if (isExpired(this.root.expires, now)) {
      return {
        status: 'expired',
        ...(this.accepted ? { version: this.accepted.version } : {}),
        detail: `the trusted root (version ${this.root.version}) expired at ${this.root.expires}: IT must publish a new root`,
      };
    }
    if (this.accepted === null) return { status: 'none', detail: this.noneDetail };
    const { schedule, version } = this.accepted;
    if (isExpired(schedule.expires, now)) {
      return { status: 'expired', version, detail: `the schedule (version ${version}) expired at ${schedule.expires}; no newer one has arrived` };
    }
    return { status: 'valid', schedule, version, expires: schedule.expires, rootVersion: this.root.version };
  }

  /** The server answered 304: nothing new. Recorded only; freshness is still decided by current(). */
  noteUnchanged(): void {
    this.save({ lastCheck: { at: this.options.clock.now(), outcome: 'unchanged' } });
  }

  /** The server could not be reached (or answered an error). */
  noteUnreachable(detail: string): void {
    this.save({ lastCheck: { at: this.options.clock.now(), outcome: 'unreachable', detail: detail.slice(0, 500) } });
  }

  /**
   * A schedule envelope from the server. Accepted: persisted (envelope, version, hash, role, ETag) BEFORE it is
   * returned for use. Refused: the last good one stays; the typed rejection comes back for the outbox. A refusal
   * for unknown keys, or a root that expired, first follows newer roots from the server and retries once.
   */
  async accept(bytes: Uint8Array, etag: string | undefined): Promise<AcceptResult> {
    if (this.root === null || this.rootProblem !== null) {
      return { ok: false, rejection: this.rootProblem ?? { reason: 'root-rotation-invalid', detail: 'start() has not run' }, rootsFollowed: 0 };
    }
    let result = this.verify(bytes);
    let rootsFollowed = 0;
    const rootExpired = isExpired(this.root.expires, this.options.clock.now());
    if (!result.ok && (KEY_PROBLEMS.has(result.reason) || rootExpired)) {
      const followed = await this.followRoots();
      if (followed.ok) {
        rootsFollowed = followed.applied;
        if (followed.applied > 0) result = this.verify(bytes);
      } else {
        this.recordRejection(followed.rejection);
        return { ok: false, rejection: followed.rejection, rootsFollowed: 0 };
      }
    }
    if (!result.ok) {
      const rejection = { reason: result.reason, detail: result.detail };
      this.recordRejection(rejection);
      return { ok: false, rejection, rootsFollowed };
    }
    const { verified } = result;
    const root = this.root;
    if (!verified.unchanged || this.trust().lastGood?.scheduleRole !== scheduleRoleOf(root)) {
      this.save({
        lastGood: {
          envelope: b64(bytes), version: verified.version, payloadSha256: verified.payloadSha256,
          scheduleRole: scheduleRoleOf(root), acceptedAt: this.options.clock.now(),
        },
        ...(etag !== undefined ? { etag } : {}),
        lastCheck: { at: this.options.clock.now(), outcome: 'updated' },
      });
    } else {
      this.save({ ...(etag !== undefined ? { etag } : {}), lastCheck: { at: this.options.clock.now(), outcome: 'unchanged' } });
    }
    this.accepted = { schedule: verified.schedule, version: verified.version };
    this.noneDetail = 'no schedule has been accepted yet';
    return { ok: true, schedule: verified.schedule, version: verified.version, unchanged: verified.unchanged, rootsFollowed };
  }

  /** Ask the server for newer roots (one version at a time, up to MAX_ROOT_CHAIN), verify and persist them. */
  async followRoots(): Promise<{ ok: true; applied: number } | { ok: false; rejection: ScheduleRejection }> {
    const fetchRoot = this.options.fetchRoot;
    const root = this.root;
    if (fetchRoot === undefined || root === null) return { ok: true, applied: 0 };
    const stored = this.trust().rootChain;
    const fetched: Uint8Array[] = [];
    // Bounded: at most MAX_ROOT_CHAIN requests, stopping at the first version the server does not have.
    for (let i = 1; i <= MAX_ROOT_CHAIN - stored.length; i++) {
      let bytes: Uint8Array | null;
      try {
        bytes = await fetchRoot(root.version + i);
      } catch (error) {
        if (fetched.length === 0) return { ok: true, applied: 0 }; // offline: nothing to follow now
        this.options.logger.warn('root fetch failed midway', { error: String(error) });
        break;
      }
      if (bytes === null) break;
      fetched.push(bytes);
    }
    if (fetched.length === 0) return { ok: true, applied: 0 };
    const updated = updateRoot(root, fetched, { now: SIGNATURES_ONLY });
    if (!updated.ok) {
      this.options.logger.error('newer root refused', { reason: updated.reason, detail: updated.detail });
      return { ok: false, rejection: { reason: updated.reason, detail: updated.detail } };
    }
    this.root = updated.root;
    // The chain is a trust fact on its own (verified from the pinned root): kept even if the schedule still fails.
    this.save({ rootChain: [...stored, ...fetched.map(b64)] });
    // The schedule in use must still be signed by keys the NEW root trusts (TUF: a rotation revokes old keys).
    const lastGood = this.trust().lastGood;
    if (lastGood !== undefined) {
      const still = verifySchedule(unb64(lastGood.envelope), { root: updated.root, now: SIGNATURES_ONLY, state: null, fleet: this.options.fleet });
      if (!still.ok) {
        this.accepted = null;
        this.noneDetail = `the schedule in use was signed by keys root version ${updated.root.version} no longer trusts; waiting for one signed by the new keys`;
        this.forgetLastGood();
      }
    }
    this.options.logger.info('followed newer roots', { from: root.version, to: updated.root.version });
    return { ok: true, applied: updated.applied };
  }

  private verify(bytes: Uint8Array):
    | { ok: true; verified: { schedule: Schedule; version: number; payloadSha256: string; unchanged: boolean } }
    | { ok: false; reason: RejectionReason; detail: string } {
    const root = this.root!;
    const now = this.options.clock.now();
    if (isExpired(root.expires, now)) {
      return { ok: false, reason: 'expired', detail: `the trusted root (version ${root.version}) expired at ${root.expires}: IT must publish a new root` };
    }
    const result = verifySchedule(bytes, { root, now, state: this.stateFor(root), fleet: this.options.fleet });
    return result.ok ? { ok: true, verified: result } : { ok: false, reason: result.reason, detail: result.detail };
  }

  /** TUF fast-forward: the remembered version counts only under the schedule role it was accepted with. */
  private stateFor(root: RootDocument): ScheduleState | null {
    const lastGood = this.trust().lastGood;
    if (lastGood === undefined || lastGood.scheduleRole !== scheduleRoleOf(root)) return null;
    return { version: lastGood.version, payloadSha256: lastGood.payloadSha256 };
  }

  /**
   * Drops the last good schedule and the ETag with it: with the ETag kept, the server would answer 304 and the
   * agent would never get the schedule again.
   */
  private forgetLastGood(): void {
    const { lastGood: _lastGood, etag: _etag, ...rest } = this.trust();
    this.options.store.set('trust', rest);
  }

  /**
   * After each answer from the server (the poller calls it): when the trusted root has expired or expires within
   * ROOT_REFRESH_BEFORE_MS, look for a newer one. Without this, a rotation published with no new schedule would
   * never be seen: the schedule poll keeps answering 304.
   */
  async afterCheck(): Promise<void> {
    const root = this.root;
    if (root === null || this.rootProblem !== null) return;
    if (Date.parse(root.expires) - this.options.clock.now() > ROOT_REFRESH_BEFORE_MS) return;
    await this.followRoots();
  }

  private recordRejection(rejection: ScheduleRejection): void {
    this.save({ lastCheck: { at: this.options.clock.now(), outcome: 'rejected', detail: `${rejection.reason}: ${rejection.detail}`.slice(0, 500) } });
  }
}
