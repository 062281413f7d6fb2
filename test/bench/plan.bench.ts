import {
  markPromptShown, markShown, plan, recordPlan, type AgentState, type DeviceContext, type Plan,
} from '../../core/policy/index.js';
import { validateSchedule, type Schedule } from '../../core/schedule/index.js';
import { largeScheduleDocument } from './schedule-verify.bench.js';

const DAY = 86_400_000;
const YEAR_START = Date.parse('2027-01-01T00:00:00Z');

/** Moves a schedule time (instant with Z, or local) by whole days, keeping its kind. */
function shift(text: string, days: number): string {
  const local = !text.endsWith('Z');
  const ms = Date.parse(local ? `${text}Z` : text) + days * DAY;
  const out = new Date(ms).toISOString().slice(0, 19);
  return local ? out : `${out}Z`;
}

/**
 * The example's maintenances repeated to 100 (routine patches with local windows, critical patches with instant
 * windows, incidents), spread evenly over 2027 so a year of wake-ups meets every phase of every one.
 */
export function yearSchedule(count = 100): Schedule {
  const doc = largeScheduleDocument(count);
  doc.issued = '2026-12-01T00:00:00Z';
  doc.expires = '2028-06-01T00:00:00Z';
  const base = Date.parse('2026-12-08T00:00:00Z');
  doc.maintenances.forEach((m: Record<string, any>, i: number) => {
    const target = YEAR_START + Math.floor((i * 365) / count) * DAY;
    const days = Math.round((target - base) / DAY);
    m.window = { start: shift(m.window.start, days), end: shift(m.window.end, days) };
    if (typeof m.restart?.deadline === 'string' && /T/.test(m.restart.deadline)) m.restart.deadline = shift(m.restart.deadline, days);
  });
  const result = validateSchedule(doc);
  if (!result.ok) throw new Error(`bench schedule invalid: ${JSON.stringify(result.issues).slice(0, 300)}`);
  return result.schedule;
}

/**
 * A year of an agent's wake-ups over a 100-maintenance schedule: plan() at each nextWake, notices and prompts
 * recorded as the engine does, the person ignores prompts (so every restart runs to its forced time, the
 * busiest path). Reports the time per plan() call; no goal, it is a number to watch.
 */
export function benchPlan(): { name: string; callsPerYear: number; microsPerCall: number } {
  const schedule = yearSchedule(100);
  const device: DeviceContext = {
    zone: 'Europe/Paris', locale: 'en', groups: [], tags: ['windows'], busy: {}, restartPending: false,
    lastBoot: YEAR_START - DAY,
  };
  const runYear = (): { calls: number; nanos: bigint } => {
    let state: AgentState = { maintenances: {} };
    let now = YEAR_START;
    let lastBoot = device.lastBoot;
    let calls = 0;
    let nanos = 0n;
    const end = YEAR_START + 365 * DAY;
    while (now < end && calls < 1_000_000) {
      const started = process.hrtime.bigint();
      const p: Plan = plan(schedule, { ...device, lastBoot }, state, now);
      nanos += process.hrtime.bigint() - started;
      calls += 1;
      state = recordPlan(state, p, now);
      if (p.notices.length > 0) state = markShown(state, p.notices, now);
      if (p.countdown && p.countdown.restartAt <= now) {
        lastBoot = now + 60_000;
        now = lastBoot + 30_000;
        continue;
      }
      if (p.prompt?.dismissible) state = markPromptShown(state, p.prompt.maintenance, now);
      now = p.nextWake;
    }
    return { calls, nanos };
  };
  runYear(); // warm-up: JIT and the zone formatters
  const { calls, nanos } = runYear();
  const microsPerCall = Number(nanos) / 1e3 / calls;
  return { name: 'plan() over a year of wake-ups, 100 maintenances', callsPerYear: calls, microsPerCall };
}

// `node dist/test/bench/plan.bench.js` runs it alone.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const r = benchPlan();
  console.log(`${r.name}: ${r.callsPerYear} calls, ${r.microsPerCall.toFixed(1)} µs/call`);
}
