import type { Schedule } from '../schedule/index.js';
import { markPromptShown, markShown, recordPlan } from './actions.js';
import type { PolicySettings } from './defaults.js';
import { plan } from './plan.js';
import type { AgentState, DeviceContext, NoticeDue, RestartPrompt } from './types.js';

/** One thing a person would see, in order: a notice, the restart prompt, the final countdown, the restart. */
export type TimelineEntry =
  | { at: number; type: 'notice'; maintenance: string; notice: NoticeDue }
  | { at: number; type: 'prompt'; maintenance: string; prompt: RestartPrompt }
  | { at: number; type: 'countdown'; maintenance: string; restartAt: number }
  | { at: number; type: 'restart'; maintenance: string };

/** How long the simulated computer takes to come back after a forced restart. */
const RESTART_TAKES = 2 * 60_000;

/**
 * What a person at `device` would see from `from` to `to` if they never clicked anything: plan() at each of
 * its own wake-ups, with the engine's bookkeeping (shown notices, prompt times, pending restarts) and the
 * forced restart carried out. Pure and bounded: the same inputs give the same timeline. `forewarn inspect`
 * prints it; tests read it.
 */
export function simulateTimeline(
  schedule: Schedule, device: DeviceContext, from: number, to: number,
  opts: { settings?: PolicySettings; state?: AgentState; maxSteps?: number } = {},
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const maxSteps = opts.maxSteps ?? 20_000;
  let state: AgentState = opts.state ?? { maintenances: {} };
  let lastBoot = device.lastBoot;
  let countdownFor: string | undefined;
  let now = from;
  for (let step = 0; now <= to; step++) {
    if (step >= maxSteps) throw new Error(`the timeline did not settle within ${maxSteps} steps`);
    const p = plan(schedule, { ...device, lastBoot, restartPending: false }, state, now, opts.settings);
    state = recordPlan(state, p, now);
    for (const notice of p.notices) out.push({ at: now, type: 'notice', maintenance: notice.maintenance, notice });
    state = markShown(state, p.notices, now);
    if (p.countdown) {
      if (countdownFor !== p.countdown.maintenance) out.push({ at: now, type: 'countdown', ...p.countdown });
      countdownFor = p.countdown.maintenance;
      if (now >= p.countdown.restartAt) {
        out.push({ at: now, type: 'restart', maintenance: p.countdown.maintenance });
        lastBoot = now + RESTART_TAKES;
        countdownFor = undefined;
        now = lastBoot;
        continue;
      }
    } else if (p.prompt) {
      out.push({ at: now, type: 'prompt', maintenance: p.prompt.maintenance, prompt: p.prompt });
      state = markPromptShown(state, p.prompt.maintenance, now);
    }
    now = p.nextWake;
  }
  return out;
}
