// Property-based: no mutation of a valid threshold-2 envelope is ever accepted with a payload other than
// the one the two keys signed; where the outcome is determined, it is exactly that outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifySchedule, type VerifyResult } from '../../../../core/trust/index.js';
import { keyFromLabel, makeRoot, NOW, schedulePayload, signedSchedule } from './helpers.js';
import { applyMutation, mutationKinds, Rng, type Mutation } from './mutations.js';

const SEED = 424_242;
// Deterministic keys, so a counterexample replays exactly with its seed.
const S1 = keyFromLabel('properties S1');
const S2 = keyFromLabel('properties S2');
const ATTACKER = keyFromLabel('properties attacker');
const root = makeRoot({ rootKeys: [keyFromLabel('properties root')], scheduleKeys: [S1, S2], scheduleThreshold: 2 });
const payload = schedulePayload({ version: 7 });
const original = signedSchedule([S1, S2], payload);
const kinds = mutationKinds(ATTACKER);

/** A mutation drawn through fast-check (kind + the seed of its own parameters, so it shrinks and replays). */
const mutationArb: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat({ max: kinds.length - 1 }), fc.integer({ min: 1, max: 0x7fffffff }))
  .map(([kind, seed]) => kinds[kind]!(new Rng(seed)));

function check(bytes: Uint8Array): VerifyResult {
  const result = verifySchedule(bytes, { root, now: NOW });
  if (result.ok) {
    // The invariant: whatever was accepted is exactly what the keys signed.
    expect(Buffer.from(result.payload).equals(Buffer.from(payload))).toBe(true);
    expect(result.version).toBe(7);
  }
  return result;
}

describe('mutated envelopes (threshold 2, two signatures)', () => {
  it('the unmutated envelope is accepted', () => {
    expect(check(original).ok).toBe(true);
  });

  it('property: one mutation -> the determined outcome, and never another payload', () => {
    fc.assert(
      fc.property(mutationArb, (mutation) => {
        const result = check(applyMutation(original, mutation));
        const outcome = result.ok ? 'accepted' : result.reason;
        if (mutation.expect !== undefined) expect(`${mutation.name}: ${outcome}`).toBe(`${mutation.name}: ${mutation.expect}`);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('property: 1 to 5 stacked mutations are never accepted with another payload, and never throw', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (mutations) => {
        const bytes = mutations.reduce((b, m) => applyMutation(b, m), original);
        check(bytes);
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });

  it('property: a dropped or duplicated signature is never enough (threshold 2)', () => {
    const drop = kinds.findIndex((k) => k(new Rng(1)).name.startsWith('drop signature'));
    const dup = kinds.findIndex((k) => k(new Rng(1)).name.includes('replaced by a copy of the other'));
    fc.assert(
      fc.property(fc.constantFrom(drop, dup), fc.integer({ min: 1, max: 1000 }), (kind, seed) => {
        const result = check(applyMutation(original, kinds[kind]!(new Rng(seed))));
        expect(result.ok || result.reason).toBe('threshold-not-met');
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
  });
});
