// The TrustKeeper against a real fleet server on loopback: schedules published through the real publish route,
// roots followed through GET /roots/:version. Real keys and signatures throughout (core/trust).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConfStore } from '../../../main/engine/state/conf-store.js';
import type { PersistedState } from '../../../main/engine/state/types.js';
import type { Store } from '../../../main/engine/ports.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRoot, generateKeyPair, loadPrivateKey, loadPublicKey, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, signRoot, type RootDocument,
} from '../../../core/trust/index.js';
import { parseScheduleSource } from '../../../core/schedule/index.js';
import { rootFetcher } from '../../../main/engine/fetch/roots.js';
import { TrustKeeper } from '../../../main/engine/trust/keeper.js';
import { Poller } from '../../../main/engine/fetch/poller.js';
import { manualTime, type ManualTime } from '../../support/manual-time.js';
import { FLEET, NOW } from '../server/fixtures.js';
import { fixedRandom, memoryStore, recordingLogger, startFleetServer, type FleetServer } from './fetch-support.js';

const DAY = 86_400_000;
const keyPair = () => {
  const k = generateKeyPair();
  return { privateKey: loadPrivateKey(k.privatePem), publicKey: loadPublicKey(k.publicPem) };
};
const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
if (!source.ok) throw new Error('examples/schedule.yaml does not parse');
const base = source.document as Record<string, unknown>;

/** Two generations of keys; root 1 expires at `root1Expires`, root 2 (signed by old and new root keys) a year later. */
function keys(root1Expires = '2027-12-01T00:00:00Z') {
  const [r1, s1, r2, s2] = [keyPair(), keyPair(), keyPair(), keyPair()];
  const root = (version: number, r: typeof r1, s: typeof s1, expires: string): RootDocument => createRoot({
    fleet: FLEET, version, expires, roles: { root: { keys: [r.publicKey], threshold: 1 }, schedule: { keys: [s.publicKey], threshold: 1 } },
  });
  return {
    root1: Buffer.from(serializeEnvelope(signRoot(root(1, r1, s1, root1Expires), [r1.privateKey]))),
    root2: Buffer.from(serializeEnvelope(signRoot(root(2, r2, s2, '2028-12-01T00:00:00Z'), [r1.privateKey, r2.privateKey]))),
    root2Forged: Buffer.from(serializeEnvelope(signRoot(root(2, r2, s2, '2028-12-01T00:00:00Z'), [r2.privateKey]))),
    schedule: (version: number, extra: Record<string, unknown> = {}, key: 'old' | 'new' = 'old') =>
      Buffer.from(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, Buffer.from(JSON.stringify({ ...base, version, ...extra })), [(key === 'old' ? s1 : s2).privateKey]))),
  };
}

let server: FleetServer;
let time: ManualTime;
beforeEach(async () => {
  time = manualTime(NOW);
  server = await startFleetServer(() => time.clock.now());
});
afterEach(async () => server.close());

function keeperFor<S extends Store<Pick<PersistedState, 'trust'>> = ReturnType<typeof memoryStore>>(pinned: Buffer, store: S = memoryStore({ trust: { rootChain: [] } }) as unknown as S) {
  const logger = recordingLogger();
  const keeper = new TrustKeeper({
    pinnedRoot: pinned, fleet: FLEET, store, clock: time.clock, logger,
    fetchRoot: rootFetcher({ serverUrl: server.url, fleet: FLEET, http: fetch, timers: time.timers }),
  });
  return { keeper, store, logger, start: () => keeper.start() };
}

async function served(): Promise<Buffer> {
  const res = await fetch(`${server.url}/v1/fleets/${FLEET}/schedule`);
  return Buffer.from(await res.arrayBuffer());
}

describe('accepting and keeping', () => {
  it('persists the last good schedule before handing it out, and restarts from it', async () => {
    const k = keys();
    expect(await server.put('root', k.root1)).toBe(201);
    expect(await server.put('schedule', k.schedule(1))).toBe(201);
    const a = keeperFor(k.root1);
    expect(a.start().rejections).toEqual([]);
    expect(a.keeper.current()).toMatchObject({ status: 'none' });
    const accepted = await a.keeper.accept(await served(), '"etag-1"');
    expect(accepted).toMatchObject({ ok: true, version: 1, unchanged: false });
    expect(a.store.data.trust?.lastGood).toMatchObject({ version: 1, acceptedAt: NOW, scheduleRole: expect.stringMatching(/^1:[0-9a-f]{64}$/) });
    expect(a.store.data.trust?.etag).toBe('"etag-1"');
    // A new keeper over the same store (a restart) re-verifies and uses it.
    const b = keeperFor(k.root1, a.store);
    expect(b.start().rejections).toEqual([]);
    expect(b.keeper.current()).toMatchObject({ status: 'valid', version: 1, rootVersion: 1 });
  });

  it('catches a tampered last good envelope at start, and a tampered version next to a good envelope', async () => {
    const k = keys();
    await server.put('root', k.root1);
    await server.put('schedule', k.schedule(5));
    const a = keeperFor(k.root1);
    a.start();
    await a.keeper.accept(await served(), undefined);

    // 1. The envelope edited on disk: its payload changed, the signature no longer matches.
    const edited = memoryStore(a.store.data);
    const envelope = JSON.parse(Buffer.from(edited.data.trust!.lastGood!.envelope, 'base64').toString('utf8')) as { payload: string };
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as Record<string, unknown>;
    envelope.payload = Buffer.from(JSON.stringify({ ...payload, expires: '2099-01-01T00:00:00Z' })).toString('base64');
    edited.data.trust!.lastGood!.envelope = Buffer.from(JSON.stringify(envelope)).toString('base64');
    const b = keeperFor(k.root1, edited);
    const started = b.start();
    expect(started.rejections).toEqual([{ reason: 'bad-signature', detail: expect.stringContaining('the stored last good schedule no longer verifies') }]);
    expect(b.keeper.current()).toEqual({ status: 'none', detail: 'the stored schedule failed re-verification at start' });
    expect(edited.data.trust?.lastGood).toBeUndefined();
    // The ETag goes with it: otherwise the server's 304 would keep the agent from ever fetching it again.
    expect(edited.data.trust?.etag).toBeUndefined();

    // 2. The envelope intact, the remembered version lowered (to let an old schedule back in as "newer").
    const lowered = memoryStore(a.store.data);
    lowered.data.trust!.lastGood!.version = 1;
    const c = keeperFor(k.root1, lowered);
    expect(c.start().rejections).toEqual([{ reason: 'equivocation', detail: expect.stringContaining('the store was edited') }]);
    expect(c.keeper.current().status).toBe('none');
  });

  it('catches an envelope edited in the real state file on disk (E1\'s conf store) at the next start', async () => {
    const k = keys();
    await server.put('root', k.root1);
    await server.put('schedule', k.schedule(1));
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-trust-state-'));
    try {
      const open = () => {
        const opened = openConfStore({ cwd: dir, clock: time.clock });
        if (!opened.ok) throw new Error(opened.refusal.message);
        return opened.store;
      };
      const first = open();
      const a = keeperFor(k.root1, first);
      a.start();
      expect(await a.keeper.accept(await served(), '"e1"')).toMatchObject({ ok: true, version: 1 });
      // Someone with write access to the agent's folder swaps in a payload of their own (same signature).
      const onDisk = JSON.parse(readFileSync(first.files.main, 'utf8')) as { trust: { lastGood: { envelope: string } } };
      const envelope = JSON.parse(Buffer.from(onDisk.trust.lastGood.envelope, 'base64').toString('utf8')) as { payload: string };
      envelope.payload = Buffer.from(Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"version":1', '"version":9')).toString('base64');
      onDisk.trust.lastGood.envelope = Buffer.from(JSON.stringify(envelope)).toString('base64');
      writeFileSync(first.files.main, JSON.stringify(onDisk));
      const b = keeperFor(k.root1, open());
      expect(b.start().rejections).toEqual([{ reason: 'bad-signature', detail: expect.stringContaining('no longer verifies') }]);
      expect(b.keeper.current().status).toBe('none');
      // The next poll fetches it whole again (no ETag left to answer 304 to).
      expect(b.keeper.etag()).toBeUndefined();
      expect(await b.keeper.accept(await served(), '"e1"')).toMatchObject({ ok: true, version: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses rollback and equivocation with their reasons, and keeps the last good schedule', async () => {
    const k = keys();
    await server.put('root', k.root1);
    const a = keeperFor(k.root1);
    a.start();
    expect(await a.keeper.accept(k.schedule(2), undefined)).toMatchObject({ ok: true, version: 2 });
    expect(await a.keeper.accept(k.schedule(1), undefined)).toEqual({
      ok: false, rootsFollowed: 0, rejection: { reason: 'rollback', detail: 'version 1 is older than the accepted version 2' },
    });
    const other = await a.keeper.accept(k.schedule(2, { expires: '2027-10-01T00:00:00Z' }), undefined);
    expect(other).toMatchObject({ ok: false, rejection: { reason: 'equivocation', detail: expect.stringContaining('version 2 was already accepted with different content') } });
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 2 });
    expect(a.store.data.trust?.lastCheck).toMatchObject({ outcome: 'rejected', detail: expect.stringMatching(/^equivocation: /) });
    // The same bytes again are "unchanged", not an error.
    expect(await a.keeper.accept(k.schedule(2), undefined)).toMatchObject({ ok: true, unchanged: true });
  });
});

describe('roots', () => {
  it('follows a rotated root: root 2 signed by old and new keys, a schedule signed by the new keys is accepted', async () => {
    const k = keys();
    await server.put('root', k.root1);
    await server.put('schedule', k.schedule(1));
    const a = keeperFor(k.root1);
    a.start();
    await a.keeper.accept(await served(), undefined);
    // IT rotates: root 2 (server verifies it against root 1), then a schedule signed only by the new key.
    expect(await server.put('root', k.root2)).toBe(201);
    expect(await server.put('schedule', k.schedule(2, {}, 'new'))).toBe(201);
    const result = await a.keeper.accept(await served(), undefined);
    expect(result).toMatchObject({ ok: true, version: 2, rootsFollowed: 1 });
    expect(a.store.data.trust?.rootChain).toEqual([k.root2.toString('base64')]);
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 2, rootVersion: 2 });
    // A restart re-derives root 2 from the pinned root 1 through the stored chain.
    const b = keeperFor(k.root1, a.store);
    expect(b.start().rejections).toEqual([]);
    expect(b.keeper.trustedRoot()?.version).toBe(2);
    expect(b.keeper.current()).toMatchObject({ status: 'valid', version: 2 });
    // The old schedule key is no longer trusted.
    expect(await b.keeper.accept(k.schedule(3), undefined)).toMatchObject({ ok: false, rejection: { reason: 'unknown-key' } });
  });

  it('TUF fast-forward: after a schedule-key rotation a lower version signed by the new keys is accepted', async () => {
    const k = keys();
    await server.put('root', k.root1);
    const a = keeperFor(k.root1);
    a.start();
    await a.keeper.accept(k.schedule(50), undefined); // a (revoked) key once signed a high version
    await server.put('root', k.root2);
    expect(await a.keeper.accept(k.schedule(3, {}, 'new'), undefined)).toMatchObject({ ok: true, version: 3, rootsFollowed: 1 });
    expect(await a.keeper.accept(k.schedule(2, {}, 'new'), undefined)).toMatchObject({ ok: false, rejection: { reason: 'rollback' } });
  });

  it('refuses a forged rotation (signed by the new key only) served by a compromised server, and keeps root 1', async () => {
    const k = keys();
    await server.put('root', k.root1);
    const a = keeperFor(k.root1);
    a.start();
    await a.keeper.accept(k.schedule(1), undefined);
    // Straight into storage: the real publish route would refuse it.
    await server.storage.putRoot({ fleet: FLEET, version: 2, envelope: k.root2Forged, actor: 'attacker' });
    const result = await a.keeper.accept(k.schedule(2, {}, 'new'), undefined);
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'root-rotation-invalid', detail: expect.stringContaining("not signed by a threshold of root v1's root keys") } });
    expect(a.store.data.trust?.rootChain).toEqual([]);
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 1, rootVersion: 1 });
  });

  it('an expired root: current() reports it at once; a newer root from the server brings the agent back', async () => {
    const k = keys('2026-12-10T00:00:00Z');
    await server.put('root', k.root1);
    await server.put('schedule', k.schedule(1));
    const a = keeperFor(k.root1);
    a.start();
    await a.keeper.accept(await served(), undefined);
    time.jump(10 * DAY); // 2026-12-11: root 1 expired, the schedule itself would still be valid
    expect(a.keeper.current()).toEqual({ status: 'expired', version: 1, detail: 'the trusted root (version 1) expired at 2026-12-10T00:00:00Z: IT must publish a new root' });
    // No newer root on the server yet: the same schedule is refused as expired (root), nothing followed.
    expect(await a.keeper.accept(await served(), undefined)).toMatchObject({ ok: false, rejection: { reason: 'expired' }, rootsFollowed: 0 });
    // A restart with the expired root still starts (signatures verify), and says expired.
    const b = keeperFor(k.root1, a.store);
    expect(b.start().rejections).toEqual([]);
    expect(b.keeper.current().status).toBe('expired');
    // IT publishes root 2 and a schedule under it: the agent follows and is valid again.
    expect(await server.put('root', k.root2)).toBe(201);
    expect(await server.put('schedule', k.schedule(2, {}, 'new'))).toBe(201);
    expect(await b.keeper.accept(await served(), undefined)).toMatchObject({ ok: true, version: 2, rootsFollowed: 1 });
    expect(b.keeper.current()).toMatchObject({ status: 'valid', version: 2, rootVersion: 2 });
  });

  it('a rotation published without a new schedule is found through the 304 path when the root nears expiry', async () => {
    const k = keys('2026-12-20T00:00:00Z'); // 19 days left at NOW: inside the 30-day refresh window
    await server.put('root', k.root1);
    await server.put('schedule', k.schedule(1));
    const a = keeperFor(k.root1);
    a.start();
    const poller = new Poller({
      serverUrl: server.url, fleet: FLEET, http: fetch, clock: time.clock, timers: time.timers, random: fixedRandom(0.5), logger: a.logger, sink: a.keeper,
    });
    expect(await poller.checkNow()).toEqual({ outcome: 'updated', version: 1 });
    expect(await server.put('root', k.root2)).toBe(201);
    // The schedule did not change: 304. The keeper still looks for a newer root, follows it, and drops the
    // schedule signed by keys root 2 revoked, with its ETag, so the next poll fetches whole.
    expect(await poller.checkNow()).toEqual({ outcome: 'unchanged' });
    expect(a.keeper.trustedRoot()?.version).toBe(2);
    expect(a.keeper.current()).toEqual({ status: 'none', detail: 'the schedule in use was signed by keys root version 2 no longer trusts; waiting for one signed by the new keys' });
    expect(a.store.data.trust?.etag).toBeUndefined();
    expect(await poller.checkNow()).toMatchObject({ outcome: 'rejected', reason: 'unknown-key' });
    expect(await server.put('schedule', k.schedule(2, {}, 'new'))).toBe(201);
    expect(await poller.checkNow()).toEqual({ outcome: 'updated', version: 2 });
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 2, rootVersion: 2 });
  });

  it('drops a stored chain that does not verify from the pinned root, and says so', async () => {
    const k = keys();
    const store = memoryStore({ trust: { rootChain: [k.root2Forged.toString('base64')] } });
    const a = keeperFor(k.root1, store);
    expect(a.start().rejections).toEqual([{ reason: 'root-rotation-invalid', detail: expect.stringContaining('the stored root chain does not verify from the pinned root') }]);
    expect(a.keeper.trustedRoot()?.version).toBe(1);
    expect(store.data.trust?.rootChain).toEqual([]);
  });

  it('a broken pinned root, or one for another fleet, is a rejected state, not a crash', () => {
    const a = keeperFor(Buffer.from('{"not":"a root"}'));
    expect(a.start().rejections[0]).toMatchObject({ reason: 'malformed-envelope', detail: expect.stringContaining('the pinned root in managed config is not usable') });
    expect(a.keeper.current()).toMatchObject({ status: 'rejected', rejection: { reason: 'malformed-envelope' } });
    const r = keyPair();
    const other = createRoot({
      fleet: 'other-fleet', version: 1, expires: '2027-12-01T00:00:00Z',
      roles: { root: { keys: [r.publicKey], threshold: 1 }, schedule: { keys: [r.publicKey], threshold: 1 } },
    });
    const b = keeperFor(Buffer.from(serializeEnvelope(signRoot(other, [r.privateKey]))));
    expect(b.start().rejections).toEqual([{ reason: 'wrong-fleet', detail: `the pinned root is for fleet "other-fleet", the managed config says "${FLEET}"` }]);
    expect(b.keeper.current()).toMatchObject({ status: 'rejected', rejection: { reason: 'wrong-fleet' } });
  });
});
