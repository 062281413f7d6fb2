import { report, reportRate, type Comparison, type RateComparison } from './measure.js';
import { benchPlan } from './plan.bench.js';
import { benchScheduleVerify } from './schedule-verify.bench.js';
import { benchSchedulePoll } from './server-poll.bench.js';
import { benchIngest } from './server-ingest.bench.js';
import { benchSseFanOut, reportFanOut } from './server-sse.bench.js';
import { benchEngine } from './engine-agent.bench.js';

/**
 * `npm run bench`. Goals are ratios against a baseline measured in the same run (machines here are noisy);
 * numbers without a natural baseline (plan() per call) are printed to watch, never asserted. A bench whose
 * prerequisite is missing (PostgreSQL) returns why, and is reported as skipped, not as met.
 */
type Bench = () => Comparison | RateComparison | string | Promise<Comparison | RateComparison | string>;
const comparisons: Array<{ name: string; run: Bench }> = [
  { name: 'schedule verify', run: benchScheduleVerify },
  { name: 'schedule poll 304', run: benchSchedulePoll },
  { name: 'event ingest on SQLite', run: () => benchIngest('sqlite') },
  { name: 'event ingest on PostgreSQL', run: () => benchIngest('postgres') },
];

let met = 0;
let measured = 0;
for (const bench of comparisons) {
  const result = await bench.run();
  if (typeof result === 'string') {
    console.log(`${bench.name}: skipped: ${result}`);
    continue;
  }
  measured++;
  console.log('subjectMicros' in result ? report(result) : reportRate(result));
  if (result.met) met++;
}
const p = benchPlan();
console.log(`${p.name}: ${p.microsPerCall.toFixed(1)} µs per plan() call over ${p.callsPerYear} wake-ups in a year`);
const fanOut = await benchSseFanOut();
console.log(typeof fanOut === 'string' ? `SSE fan-out: skipped: ${fanOut}` : reportFanOut(fanOut));
for (const line of await benchEngine()) console.log(line);
const skipped = comparisons.length - measured;
console.log(`${met} of ${measured} ratio goals met${skipped > 0 ? ` (${skipped} skipped)` : ''}`);
