import { report, type Comparison } from './measure.js';
import { benchScheduleVerify } from './schedule-verify.bench.js';

/** `npm run bench`: every benchmark as a ratio against a baseline measured in the same run. */
const benches: Array<() => Comparison> = [benchScheduleVerify];

let missed = 0;
for (const bench of benches) {
  const result = bench();
  console.log(report(result));
  if (!result.met) missed++;
}
console.log(`${benches.length - missed} of ${benches.length} goals met`);
