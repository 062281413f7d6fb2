import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScheduleSource } from '../../../core/schedule/index.js';
import { decodeEnvelope, keyidOf, loadPrivateKey, loadTrustedRoot, verifySchedule } from '../../../core/trust/index.js';

const read = (name: string): Buffer => readFileSync(new URL(`../../../examples/${name}`, import.meta.url));
const AS_OF = Date.parse('2026-12-01T09:00:00Z');

describe('the signed example', () => {
  const root = loadTrustedRoot(read('root.json'), { now: AS_OF });

  it('root.json is a valid root, signed by both of its root keys', () => {
    expect(root.ok && root.root.fleet).toBe('acme-laptops');
    expect(root.ok && root.keyids).toHaveLength(2);
  });

  it('schedule.signed.json is accepted against root.json', () => {
    if (!root.ok) throw new Error(root.detail);
    const result = verifySchedule(read('schedule.signed.json'), { root: root.root, now: AS_OF });
    expect(result.ok ? result.schedule.maintenances.map((m) => m.kind) : result).toEqual(['routine-patch', 'critical-patch', 'incident']);
  });

  it('is schedule.yaml exactly, so it is never stale (regenerate: examples/make-signed-example.sh)', () => {
    const source = parseScheduleSource(read('schedule.yaml').toString('utf8'));
    const envelope = decodeEnvelope(read('schedule.signed.json'));
    if (!source.ok || !envelope.ok) throw new Error('example does not parse');
    expect(Buffer.from(envelope.envelope.payload).toString('utf8')).toBe(JSON.stringify(source.document));
  });

  it('its keys are marked example-only and are the keys the root names', () => {
    if (!root.ok) throw new Error(root.detail);
    const files = readdirSync(new URL('../../../examples/keys', import.meta.url));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^EXAMPLE-ONLY-/);
    const named = new Set([...root.root.roles.root.keyids, ...root.root.roles.schedule.keyids]);
    for (const f of files.filter((name) => name.endsWith('.key'))) {
      expect(named.has(keyidOf(loadPrivateKey(read(`keys/${f}`).toString('utf8'))))).toBe(true);
    }
  });
});
