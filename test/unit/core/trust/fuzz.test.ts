// Fuzz: 10,000 mutated envelopes (fixed seed, printed). None may throw; none may be accepted with a payload
// other than the signed one. Mutations stack 1-3 at a time, over two roots (threshold 2 and threshold 1).
import { describe, expect, it } from 'vitest';
import { verifySchedule } from '../../../../core/trust/index.js';
import { keyFromLabel, makeRoot, NOW, schedulePayload, signedSchedule } from './helpers.js';
import { applyMutation, mutationKinds, Rng } from './mutations.js';

const FUZZ_SEED = Number(process.env.FOREWARN_FUZZ_SEED ?? 0x5eed_f00d);
const FUZZ_RUNS = Number(process.env.FOREWARN_FUZZ_RUNS ?? 10_000);

describe('fuzz', () => {
  it(`${FUZZ_RUNS} mutated envelopes: no throw, no other payload accepted`, () => {
    // Deterministic keys: with the seed, a failing run replays exactly.
    const S1 = keyFromLabel(`fuzz S1 ${FUZZ_SEED}`);
    const S2 = keyFromLabel(`fuzz S2 ${FUZZ_SEED}`);
    const R = keyFromLabel(`fuzz R ${FUZZ_SEED}`);
    const roots = [
      makeRoot({ rootKeys: [R], scheduleKeys: [S1, S2], scheduleThreshold: 2 }),
      makeRoot({ rootKeys: [R], scheduleKeys: [S1, S2], scheduleThreshold: 1 }),
    ];
    const payload = Buffer.from(schedulePayload({ version: 7, maintenances: 2 }));
    const original = signedSchedule([S1, S2], payload);
    const kinds = mutationKinds(keyFromLabel(`fuzz attacker ${FUZZ_SEED}`));
    const rng = new Rng(FUZZ_SEED);
    const outcomes = new Map<string, number>();
    const started = performance.now();
    for (let run = 0; run < FUZZ_RUNS; run++) {
      let bytes = original;
      const steps = 1 + rng.int(3);
      const names: string[] = [];
      for (let s = 0; s < steps; s++) {
        const mutation = rng.pick(kinds)(new Rng(rng.next()));
        names.push(mutation.name);
        bytes = applyMutation(bytes, mutation);
      }
      const root = roots[run % 2]!;
      let outcome: string;
      try {
        const result = verifySchedule(bytes, { root, now: NOW });
        if (result.ok && !Buffer.from(result.payload).equals(payload)) {
          throw new Error(`ACCEPTED A CHANGED PAYLOAD at run ${run} (seed ${FUZZ_SEED}): ${names.join(' + ')}`);
        }
        outcome = result.ok ? 'accepted' : result.reason;
      } catch (e) {
        throw new Error(`run ${run} (seed ${FUZZ_SEED}, ${names.join(' + ')}): ${String(e)}`, { cause: e });
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${FUZZ_RUNS} envelopes, seed 0x${FUZZ_SEED.toString(16)}, ${seconds.toFixed(2)} s; outcomes: ` +
        [...outcomes].sort().map(([k, v]) => `${k}=${v}`).join(', '),
    );
    // The fuzzer must reach past the parser: signature checks and acceptance both happen.
    expect(outcomes.get('accepted') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('bad-signature') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('threshold-not-met') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('malformed-envelope') ?? 0).toBeGreaterThan(0);
  });
});
