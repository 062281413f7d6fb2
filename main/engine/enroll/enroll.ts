/**
 * Enrollment: the first run trades the fleet's enrollment token (managed config) and this computer's device id
 * for a per-device credential, kept in the Secrets port (never in the store). When the server no longer knows
 * the credential (401: IT reset the device, or the server's data was rebuilt) the agent forgets it and enrolls
 * again. A 409 (the id is enrolled already and not reset) is a clear error state, retried at most hourly: never a
 * crash, never a loop hammering the server.
 *
 * The credential is proposed by the agent and kept (Secrets) BEFORE the request, like an outbox event: a crash
 * after the server enrolled the device but before the answer arrived would otherwise leave the device locked out
 * (its id enrolled under a credential it never learnt). Sending the same proposal again is an idempotent retry
 * that the server answers 200 with the same credential.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, Http, Logger, Secrets, Store, Timers } from '../ports.js';
import type { PersistedState } from '../state/types.js';
import { REQUEST_TIMEOUT_MS } from '../fetch/poller.js';
import { readCappedBody } from '../fetch/capped-body.js';

/** The Secrets name of the credential for one fleet: moving to another fleet (managed config) enrolls anew. */
export const credentialSecret = (fleet: string): string => `device-credential:${fleet}`;
/** The credential proposed to the server and not yet confirmed (kept across crashes; see the header). */
export const proposedSecret = (fleet: string): string => `device-credential-proposed:${fleet}`;
/** After a 409 or a refused token, the agent asks again at most this often (IT may reset or fix it meanwhile). */
export const ENROLL_BLOCKED_RETRY_MS = 60 * 60_000;

export type EnrollStatus =
  | { state: 'enrolled'; device: string }
  | {
      state: 'error';
      kind: 'device-exists' | 'bad-token' | 'no-token' | 'no-device-id' | 'unreachable' | 'server-error';
      /** One sentence for the tray and the log. */
      message: string;
    };

export interface CheckInReport {
  groups: readonly string[];
  tags: readonly string[];
  zone?: string;
  agentVersion?: string;
  scheduleVersion?: number;
}

export type CheckInResult =
  | { ok: true; lastSeen?: string }
  | { ok: false; status?: number; detail: string };

export interface EnrollmentOptions {
  serverUrl: string;
  fleet: string;
  http: Http;
  secrets: Secrets;
  store: Store<Pick<PersistedState, 'device'>>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** The enrollment token from managed config (read when needed: IT may add it later). */
  token: () => string | undefined;
  groups: readonly string[];
  tags: readonly string[];
  timeoutMs?: number;
}

export class Enrollment {
  private lastStatus: EnrollStatus | null = null;
  private blockedUntil = 0;
  private pending: Promise<EnrollStatus> | null = null;

  constructor(private readonly options: EnrollmentOptions) {}

  private base(): string {
    return `${this.options.serverUrl.replace(/\/+$/, '')}/v1/fleets/${encodeURIComponent(this.options.fleet)}`;
  }

  /** The credential, when this device is enrolled in the configured fleet. */
  credential(): string | undefined {
    return this.options.secrets.get(credentialSecret(this.options.fleet));
  }

  status(): EnrollStatus | null {
    return this.lastStatus;
  }

  /** Enrolls unless a credential for this fleet is kept already. Concurrent callers share one request. */
  ensure(): Promise<EnrollStatus> {
    const device = this.options.store.get('device');
    if (this.credential() !== undefined && device !== undefined) {
      return Promise.resolve((this.lastStatus = { state: 'enrolled', device: device.id }));
    }
    return this.enroll();
  }

  /** The server answered 401 to the credential: forget it and enroll again (once per call; the caller retries). */
  async reenroll(): Promise<EnrollStatus> {
    this.options.secrets.delete(credentialSecret(this.options.fleet));
    // A fresh proposal: the old one may be the very credential the server revoked.
    this.options.secrets.delete(proposedSecret(this.options.fleet));
    this.options.logger.warn('the server no longer knows this device credential; enrolling again');
    return this.enroll();
  }

  private enroll(): Promise<EnrollStatus> {
    if (this.pending !== null) return this.pending;
    const run = this.enrollOnce().then((status) => {
      this.pending = null;
      this.lastStatus = status;
      return status;
    });
    this.pending = run;
    return run;
  }

  private async enrollOnce(): Promise<EnrollStatus> {
    const { store, clock, logger, fleet } = this.options;
    const now = clock.now();
    if (now < this.blockedUntil && this.lastStatus?.state === 'error') return this.lastStatus;
    const device = store.get('device');
    if (device === undefined || device.id === '') {
      return { state: 'error', kind: 'no-device-id', message: 'this computer has no device id yet (the agent state was not initialised)' };
    }
    const token = this.options.token();
    if (token === undefined || token === '') {
      return { state: 'error', kind: 'no-token', message: 'not enrolled, and the managed config has no enrollmentToken: ask IT to add one' };
    }
    const proposal = this.options.secrets.get(proposedSecret(fleet)) ?? this.propose(fleet);
    const response = await this.post('/enroll', {
      token, deviceId: device.id, credential: proposal, groups: [...this.options.groups], tags: [...this.options.tags],
    });
    if (!response.ok) return { state: 'error', kind: 'unreachable', message: `cannot reach the fleet server to enroll: ${response.detail}` };
    const { status, body } = response;
    // 201 enrolled now; 200 enrolled by an earlier attempt whose answer was lost (the same proposal).
    if ((status === 201 || status === 200) && typeof (body as { credential?: unknown })?.credential === 'string') {
      // The secret decides "enrolled" (keyed by fleet); the store only records when, for the status view.
      this.options.secrets.set(credentialSecret(fleet), (body as { credential: string }).credential);
      this.options.secrets.delete(proposedSecret(fleet));
      store.set('device', { ...device, fleet, enrolledAt: now });
      this.blockedUntil = 0;
      logger.info('enrolled', { fleet, device: device.id });
      return { state: 'enrolled', device: device.id };
    }
    if (status === 409) {
      this.blockedUntil = now + ENROLL_BLOCKED_RETRY_MS;
      const message = `this computer's id (${device.id}) is already enrolled in fleet ${fleet}; ask IT to reset it (POST /v1/fleets/${fleet}/devices/${device.id}/reset)`;
      logger.error('enrollment refused: device exists', { device: device.id });
      return { state: 'error', kind: 'device-exists', message };
    }
    if (status === 401) {
      this.blockedUntil = now + ENROLL_BLOCKED_RETRY_MS;
      return { state: 'error', kind: 'bad-token', message: `the fleet server refused the enrollment token in the managed config for fleet ${fleet}: ask IT for a valid one` };
    }
    return { state: 'error', kind: 'server-error', message: `enrollment failed: HTTP ${status} ${JSON.stringify(body).slice(0, 200)}` };
  }

  /**
   * POST check-in: the device's groups, tags, zone and versions (the engine decides when: after enrolling, then
   * daily). A 401 re-enrolls and retries once.
   */
  async checkIn(report: CheckInReport): Promise<CheckInResult> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const credential = this.credential();
      if (credential === undefined) {
        const status = await this.ensure();
        if (status.state !== 'enrolled') return { ok: false, detail: status.message };
        continue;
      }
      const body = {
        groups: [...report.groups], tags: [...report.tags],
        ...(report.zone !== undefined ? { zone: report.zone } : {}),
        ...(report.agentVersion !== undefined ? { agentVersion: report.agentVersion } : {}),
        ...(report.scheduleVersion !== undefined ? { scheduleVersion: report.scheduleVersion } : {}),
      };
      const response = await this.post('/check-in', body, credential);
      if (!response.ok) return { ok: false, detail: response.detail };
      if (response.status === 200) return { ok: true, ...(typeof (response.body as { lastSeen?: unknown })?.lastSeen === 'string' ? { lastSeen: (response.body as { lastSeen: string }).lastSeen } : {}) };
      if (response.status === 401 && attempt === 0) {
        const status = await this.reenroll();
        if (status.state !== 'enrolled') return { ok: false, status: 401, detail: status.message };
        continue;
      }
      return { ok: false, status: response.status, detail: `check-in failed: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}` };
    }
    return { ok: false, detail: 'check-in failed after enrolling again' };
  }

  /** A new credential (the server's own format: 32 random bytes), kept before it is sent. */
  private propose(fleet: string): string {
    const credential = `fwd_${randomBytes(32).toString('base64url')}`;
    this.options.secrets.set(proposedSecret(fleet), credential);
    return credential;
  }

  private async post(path: string, body: unknown, credential?: string): Promise<{ ok: true; status: number; body: unknown } | { ok: false; detail: string }> {
    const { http, timers } = this.options;
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(new Error('timed out')), this.options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    try {
      const response = await http(`${this.base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(credential !== undefined ? { authorization: `Bearer ${credential}` } : {}) },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      // Small JSON answers only: a hostile server cannot make the agent buffer an endless body.
      const capped = await readCappedBody(response, 64 * 1024, () => controller.abort(new Error('answer too large')));
      const text = capped.ok ? new TextDecoder().decode(capped.bytes) : '';
      let parsed: unknown = text;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        // keep the text for the message
      }
      return { ok: true, status: response.status, body: parsed };
    } catch (error) {
      return { ok: false, detail: controller.signal.aborted ? 'timed out' : String((error as Error)?.message ?? error) };
    } finally {
      timers.clearTimeout(timer);
    }
  }
}
