/**
 * The shape of the agent's persistent memory (the Store port's T). One file, written whole and atomically on
 * every set. main/engine/state/ owns its schemaVersion and migrations; everything else reads and writes it
 * through the Store port only.
 */
import type { ForewarnEvent } from '../../../core/events/index.js';
import type { AgentState } from '../../../core/policy/index.js';

export interface PersistedState {
  schemaVersion: number;
  /** Who this computer is to the fleet server. The credential itself is kept in Secrets, never here. */
  device: DeviceIdentity;
  trust: TrustState;
  /** plan()'s memory: notices shown, acknowledgements, deferrals, picked times, per maintenance. */
  agent: AgentState;
  outbox: OutboxState;
  /** The engine's own memory (E4, added): see EngineMemory. */
  engine?: EngineMemory;
}

export interface DeviceIdentity {
  /** Stable per installation (server DEVICE_ID pattern: ^[a-z0-9][a-z0-9._-]{0,127}$). */
  id: string;
  /** The fleet it enrolled in (from managed config); a different fleet in the config means enroll again. */
  fleet?: string;
  enrolledAt?: number;
}

export interface TrustState {
  /** Newer root envelopes followed (base64 of the exact bytes), oldest first; re-verified from the pinned root at start. */
  rootChain: string[];
  /** The last schedule accepted: the exact envelope bytes (base64), re-verified at every start and expiry-checked at every use. */
  lastGood?: {
    envelope: string;
    version: number;
    payloadSha256: string;
    /** The schedule role it was accepted under ("threshold:keyid,keyid"): a key rotation forgets the version (TUF fast-forward). */
    scheduleRole: string;
    acceptedAt: number;
  };
  /** The ETag of the last 200 from the server, sent as If-None-Match. */
  etag?: string;
  lastCheck?: { at: number; outcome: 'updated' | 'unchanged' | 'rejected' | 'unreachable'; detail?: string };
}

export interface OutboxState {
  /** Events not yet accepted by the server (2xx with accepted or duplicate), oldest first. */
  events: ForewarnEvent[];
  /** Low-value events dropped because the outbox was full; reported to the server with the next upload. */
  dropped: number;
  /**
   * The `events-dropped` report being sent (main/engine/outbox/uploader.ts): kept with its id until a 2xx, so a
   * retry after a lost response is the same event (a duplicate at the server), never a second count.
   */
  droppedReport?: { id: string; at: string; count: number };
}

/**
 * Added by the engine (E4): what main/engine/engine.ts must remember across restarts besides plan()'s memory.
 * Optional, so a state written before it existed stays valid. Every fact here can also be rebuilt from the
 * outbox (the engine writes the event first, then this), see engine.ts "write-ahead".
 */
export interface EngineMemory {
  /** The highest schedule version whose `delivered` events were written. */
  deliveredVersion?: number;
  /** The schedule version whose expiry was reported (once per version). */
  expiredReported?: number;
  /** The last rejection reported ("reason:detail"), so a bad schedule served on every poll is reported once. */
  rejectionReported?: string;
  /** Restarts started (event written, command run) and not yet seen completed after a new boot. */
  restarts?: Array<{ event: string; maintenance: string; at: number }>;
}
