// Enrollment against a real fleet server on loopback (SQLite): the credential lands in a 0600 file, check-in
// works, an admin reset (the real route) makes the agent enroll again on the 401, a 409 is a clear error state
// that does not loop, and a bad token says so.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { credentialSecret, ENROLL_BLOCKED_RETRY_MS, Enrollment } from '../../../main/engine/enroll/enroll.js';
import { FileSecrets } from '../../../main/engine/enroll/file-secrets.js';
import type { Http } from '../../../main/engine/ports.js';
import { manualTime } from '../../support/manual-time.js';
import { FLEET, NOW } from '../server/fixtures.js';
import { memoryStore, recordingLogger, startFleetServer, type FleetServer } from './fetch-support.js';

let server: FleetServer;
let dir: string;
beforeEach(async () => {
  server = await startFleetServer(() => NOW);
  dir = mkdtempSync(join(tmpdir(), 'forewarn-enroll-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Global fetch, counting requests per path. */
function countingHttp() {
  const calls: string[] = [];
  const http: Http = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(input).pathname}`);
    return fetch(input, init);
  };
  return { http, calls };
}

function agent(token: string | undefined, deviceId = 'laptop-0001', secretsFile = join(dir, 'secrets.json')) {
  const time = manualTime(NOW);
  const { http, calls } = countingHttp();
  const store = memoryStore({ device: { id: deviceId } });
  const logger = recordingLogger();
  const enrollment = new Enrollment({
    serverUrl: server.url, fleet: FLEET, http, secrets: new FileSecrets(secretsFile, logger), store, clock: time.clock, timers: time.timers,
    logger, token: () => token, groups: ['pilot'], tags: ['lab-3'],
  });
  return { enrollment, store, calls, time, logger, secretsFile };
}

it('enrolls with the fleet token, keeps the credential in a 0600 file, and checks in', async () => {
  const token = await server.storage.createEnrollmentToken(FLEET);
  const a = agent(token);
  expect(await a.enrollment.ensure()).toEqual({ state: 'enrolled', device: 'laptop-0001' });
  const credential = a.enrollment.credential();
  expect(credential).toMatch(/.{20,}/);
  if (process.platform !== 'win32') expect(statSync(a.secretsFile).mode & 0o777).toBe(0o600);
  expect(a.store.data.device).toEqual({ id: 'laptop-0001', fleet: FLEET, enrolledAt: NOW });
  // The server knows the device by that credential, with the managed-config groups and tags.
  const device = await server.storage.deviceByCredential(credential!);
  expect(device).toMatchObject({ id: 'laptop-0001', fleet: FLEET, groups: ['pilot'], tags: ['lab-3'] });
  // A second ensure() is local: no request.
  await a.enrollment.ensure();
  expect(a.calls).toEqual([`POST /v1/fleets/${FLEET}/enroll`]);

  expect(await a.enrollment.checkIn({ groups: ['pilot', 'vip'], tags: [], zone: 'Europe/Paris', agentVersion: '0.1.0', scheduleVersion: 3 })).toMatchObject({ ok: true });
  expect(await server.storage.device(FLEET, 'laptop-0001')).toMatchObject({ groups: ['pilot', 'vip'], tags: [], zone: 'Europe/Paris', agentVersion: '0.1.0', scheduleVersion: 3 });
});

it('enrolls again after an admin reset: the check-in gets 401, the agent re-enrolls and the check-in goes through', async () => {
  const token = await server.storage.createEnrollmentToken(FLEET);
  const a = agent(token);
  await a.enrollment.ensure();
  const before = a.enrollment.credential();
  const reset = await fetch(`${server.url}/v1/fleets/${FLEET}/devices/laptop-0001/reset`, { method: 'POST', headers: { authorization: `Bearer ${server.admin}` } });
  expect(reset.status).toBe(200);
  const result = await a.enrollment.checkIn({ groups: ['pilot'], tags: [] });
  expect(result).toMatchObject({ ok: true });
  const after = a.enrollment.credential();
  expect(after).not.toBe(before);
  expect(a.calls).toEqual([
    `POST /v1/fleets/${FLEET}/enroll`, `POST /v1/fleets/${FLEET}/check-in`, `POST /v1/fleets/${FLEET}/enroll`, `POST /v1/fleets/${FLEET}/check-in`,
  ]);
  expect(await server.storage.deviceByCredential(before!)).toBeNull();
  expect((await server.storage.deviceByCredential(after!))?.id).toBe('laptop-0001');
  expect(a.logger.lines.some((l) => l.message.includes('no longer knows this device credential'))).toBe(true);
});

it('a 409 (this id is enrolled elsewhere) is a clear error state, not retried before the hour is up', async () => {
  const token = await server.storage.createEnrollmentToken(FLEET);
  await agent(token).enrollment.ensure();
  // A second installation with the same id (a cloned disk), its own secrets file.
  const clone = agent(token, 'laptop-0001', join(dir, 'clone-secrets.json'));
  const status = await clone.enrollment.ensure();
  expect(status).toEqual({
    state: 'error', kind: 'device-exists',
    message: `this computer's id (laptop-0001) is already enrolled in fleet ${FLEET}; ask IT to reset it (POST /v1/fleets/${FLEET}/devices/laptop-0001/reset)`,
  });
  // Asking again at once does not hit the server; after the hour it asks once more.
  expect(await clone.enrollment.ensure()).toEqual(status);
  expect(clone.calls).toHaveLength(1);
  clone.time.advance(ENROLL_BLOCKED_RETRY_MS);
  await clone.enrollment.ensure();
  expect(clone.calls).toHaveLength(2);
  expect(clone.enrollment.credential()).toBeUndefined();
});

it('a bad token, a missing token and an unreachable server are error states with what to do', async () => {
  expect(await agent('not-a-token').enrollment.ensure()).toMatchObject({ state: 'error', kind: 'bad-token', message: expect.stringContaining('ask IT for a valid one') });
  expect(await agent(undefined).enrollment.ensure()).toMatchObject({ state: 'error', kind: 'no-token', message: expect.stringContaining('no enrollmentToken') });
  const a = agent('x');
  await server.close();
  server = await startFleetServer(() => NOW); // a fresh one for afterEach; the agent still points at the closed port
  expect(await a.enrollment.ensure()).toMatchObject({ state: 'error', kind: 'unreachable', message: expect.stringContaining('cannot reach the fleet server') });
});

it('keeps the credential per fleet: the secret is named after the fleet', async () => {
  const token = await server.storage.createEnrollmentToken(FLEET);
  const a = agent(token);
  await a.enrollment.ensure();
  const secrets = new FileSecrets(a.secretsFile, recordingLogger());
  expect(secrets.get(credentialSecret(FLEET))).toBe(a.enrollment.credential());
  expect(secrets.get(credentialSecret('other-fleet'))).toBeUndefined();
});

it('an answer lost after the server enrolled the device is recovered by retrying with the kept proposal (no 409 lock-out)', async () => {
  const token = await server.storage.createEnrollmentToken(FLEET);
  const secretsFile = join(dir, 'secrets.json');
  const time = manualTime(NOW);
  const logger = recordingLogger();
  const store = memoryStore({ device: { id: 'laptop-0002' } });
  // The server enrolls the device, then the agent "crashes" before it reads the answer.
  let lose = true;
  const http: Http = async (input, init) => {
    const response = await fetch(input, init);
    if (lose && new URL(input).pathname.endsWith('/enroll')) {
      lose = false;
      await response.arrayBuffer();
      throw new Error('connection reset');
    }
    return response;
  };
  const make = () => new Enrollment({
    serverUrl: server.url, fleet: FLEET, http, secrets: new FileSecrets(secretsFile, logger), store, clock: time.clock, timers: time.timers,
    logger, token: () => token, groups: [], tags: [],
  });
  const first = await make().ensure();
  expect(first.state).toBe('error');
  expect(await server.storage.device(FLEET, 'laptop-0002')).not.toBeNull(); // the server did enroll it
  // A new process (same secrets file) retries with the same proposal: enrolled, and the credential works.
  const second = make();
  expect(await second.ensure()).toEqual({ state: 'enrolled', device: 'laptop-0002' });
  const credential = second.credential()!;
  expect((await server.storage.deviceByCredential(credential))?.id).toBe('laptop-0002');
  expect(new FileSecrets(secretsFile, logger).get(credentialSecret(FLEET))).toBe(credential);
});
