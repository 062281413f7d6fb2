import { report, type Comparison } from './measure.js';
import { benchPlan } from './plan.bench.js';
import { benchScheduleVerify } from './schedule-verify.bench.js';

/**
 * `npm run bench`. Goals are ratios against a baseline measured in the same run (machines here are noisy);
 * numbers without a natural baseline (plan() per call) are printed to watch, never asserted.
 */
const comparisons: Array<() => Comparison> = [benchScheduleVerify];

let missed = 0;
for (const bench of comparisons) {
  const result = bench();
  console.log(report(result));
  if (!result.met) missed++;
}
const p = benchPlan();
console.log(`${p.name}: ${p.microsPerCall.toFixed(1)} µs per plan() call over ${p.callsPerYear} wake-ups in a year`);
console.log(`${comparisons.length - missed} of ${comparisons.length} ratio goals met`);
