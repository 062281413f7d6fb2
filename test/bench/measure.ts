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
