/**
 * Benchmarks report ratios against a baseline measured in the same run, interleaved batch by batch, so a
 * noisy machine slows both sides alike. Medians of per-batch means; never a timed assertion.
 */
export interface Comparison {
  name: string;
  baselineName: string;
  baselineMicros: number;
  subjectMicros: number;
  ratio: number;
  goal: number;
  met: boolean;
}

export function compare(
  name: string,
  baseline: { name: string; run: () => void },
  subject: () => void,
  opts: { goal: number; batches?: number; minBatchMs?: number },
): Comparison {
  const batches = opts.batches ?? 15;
  const minBatchMs = opts.minBatchMs ?? 40;
  // Warm up both (JIT, caches) and size a batch so it lasts about minBatchMs.
  const perBatch = Math.max(calibrate(baseline.run, minBatchMs), calibrate(subject, minBatchMs));
  const base: number[] = [];
  const subj: number[] = [];
  for (let b = 0; b < batches; b++) {
    base.push(batchMicros(baseline.run, perBatch));
    subj.push(batchMicros(subject, perBatch));
  }
  const baselineMicros = median(base);
  const subjectMicros = median(subj);
  const ratio = subjectMicros / baselineMicros;
  return { name, baselineName: baseline.name, baselineMicros, subjectMicros, ratio, goal: opts.goal, met: ratio <= opts.goal };
}

export function report(c: Comparison): string {
  return `${c.name}: ${c.subjectMicros.toFixed(1)} µs/op vs ${c.baselineName} ${c.baselineMicros.toFixed(1)} µs/op `
    + `= ${c.ratio.toFixed(2)}x (goal <= ${c.goal}x: ${c.met ? 'met' : 'NOT met'})`;
}

function calibrate(fn: () => void, minBatchMs: number): number {
  let n = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms >= minBatchMs / 4 || n >= 1 << 20) return Math.max(1, Math.ceil((n * minBatchMs) / Math.max(ms, 0.001)));
    n *= 2;
  }
}

function batchMicros(fn: () => void, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A throughput comparison of async work (HTTP servers, databases): each run does some operations and says how
 * many; runs of the baseline and the subject alternate batch by batch, as in compare(), and the medians of the
 * per-batch rates are compared. Higher is better here: met when subject rate >= goal x baseline rate.
 */
export interface RateComparison {
  name: string;
  baselineName: string;
  unit: string;
  baselinePerSecond: number;
  subjectPerSecond: number;
  ratio: number;
  goal: number;
  met: boolean;
  /** Anything else the bench measured, printed after the ratio (e.g. bytes stored per event). */
  note?: string;
}

export async function compareAsync(
  name: string,
  baseline: { name: string; run: () => Promise<RunResult> },
  subject: () => Promise<RunResult>,
  opts: { goal: number; unit: string; batches?: number; warmups?: number },
): Promise<RateComparison> {
  const batches = opts.batches ?? 7;
  // Warm-up runs (JIT, keep-alive sockets, database caches) are not counted.
  for (let w = 0; w < (opts.warmups ?? 1); w++) {
    await baseline.run();
    await subject();
  }
  const base: number[] = [];
  const subj: number[] = [];
  for (let b = 0; b < batches; b++) {
    base.push(await batchRate(baseline.run));
    subj.push(await batchRate(subject));
  }
  const baselinePerSecond = median(base);
  const subjectPerSecond = median(subj);
  const ratio = subjectPerSecond / baselinePerSecond;
  return { name, baselineName: baseline.name, unit: opts.unit, baselinePerSecond, subjectPerSecond, ratio, goal: opts.goal, met: ratio >= opts.goal };
}

export function reportRate(c: RateComparison): string {
  return `${c.name}: ${Math.round(c.subjectPerSecond)} ${c.unit}/s vs ${c.baselineName} ${Math.round(c.baselinePerSecond)} ${c.unit}/s `
    + `= ${c.ratio.toFixed(2)}x (goal >= ${c.goal}x: ${c.met ? 'met' : 'NOT met'})${c.note ? `; ${c.note}` : ''}`;
}

/** Operations done, and optionally the seconds they took when the run timed itself (e.g. in a load process). */
export type RunResult = number | { ops: number; seconds: number };

async function batchRate(run: () => Promise<RunResult>): Promise<number> {
  const start = process.hrtime.bigint();
  const result = await run();
  if (typeof result !== 'number') return result.ops / result.seconds;
  return result / (Number(process.hrtime.bigint() - start) / 1e9);
}
