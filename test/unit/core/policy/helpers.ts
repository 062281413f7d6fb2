/**
 * Builders for the policy tests (schedules, devices, instants) and simulate(): an engine in miniature that
 * wakes at each plan's nextWake, shows what the plan says, records it as the real engine would, lets a scripted
 * person answer prompts, restarts at the forced time, and returns the ordered list of what the person saw.
 */
import { expect } from 'vitest';
import {
  acknowledge, defer, markPromptShown, markShown, pickRestartTime, plan, recordPlan, type AgentState, type BusySignals,
  type DeviceContext, type NoticeDue, type Plan, type PolicySettings, type RestartPrompt,
} from '../../../../core/policy/index.js';
import { validateSchedule, type Schedule } from '../../../../core/schedule/index.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An instant from ISO text ("2026-12-08T22:00:00Z"). */
export const t = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
export const iso = (ms: number): string => new Date(ms).toISOString();

/** A valid schedule around the given maintenances (objects as IT writes them). */
export function scheduleOf(...maintenances: Array<Record<string, unknown>>): Schedule {
  const result = validateSchedule({
    format: 1, fleet: 'acme-laptops', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2028-01-01T00:00:00Z',
    maintenances,
  });
  if (!result.ok) throw new Error(`invalid test schedule: ${JSON.stringify(result.issues)}`);
  return result.schedule;
}

/** The routine patch most scenarios use: Tuesday 22:00-02:00 local, deadline Thursday 18:00 local. */
export function routinePatch(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'dec-patch', kind: 'routine-patch', title: 'Monthly updates',
    window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' },
    restart: { deadline: '2026-12-10T18:00' },
    ...overrides,
  };
}

export function device(overrides: Partial<DeviceContext> = {}): DeviceContext {
  return {
    zone: 'Europe/Paris', locale: 'en', groups: [], tags: [], busy: {}, restartPending: false,
    lastBoot: t('2026-01-01T08:00:00Z'), ...overrides,
  };
}

export const EMPTY: AgentState = Object.freeze({ maintenances: {} }) as AgentState;

/** What the person saw, in order. */
export type Seen =
  | { at: number; what: 'notice'; notice: NoticeDue }
  | { at: number; what: 'prompt'; prompt: RestartPrompt }
  | { at: number; what: 'countdown'; maintenance: string; restartAt: number }
  | { at: number; what: 'restart'; forced: boolean }
  | { at: number; what: 'deferred'; seconds: number }
  | { at: number; what: 'picked'; time: number };

export type PersonAction = { kind: 'restart-now' } | { kind: 'defer'; seconds: number } | { kind: 'pick-time'; at: number } | undefined;

export interface SimOptions {
  schedule: Schedule;
  from: number;
  until: number;
  device?: Partial<DeviceContext>;
  settings?: PolicySettings;
  state?: AgentState;
  /** [from, to) stretches when the computer sleeps: nothing runs, it wakes (and plans) at `to`. */
  asleep?: Array<[number, number]>;
  /** [from, to) stretches when it is switched off: like asleep, and it boots at `to`. */
  off?: Array<[number, number]>;
  /** The OS reports a restart pending from this instant (until the next boot). */
  osPendingAt?: number;
  busyAt?: (now: number) => BusySignals;
  /** Instants when a signal changes (busy, zone): the engine re-plans then, as it does on OS events. */
  signals?: number[];
  zoneAt?: (now: number) => string;
  /** What the person does with a prompt (undefined: closes it). */
  onPrompt?: (prompt: RestartPrompt, now: number) => PersonAction;
  /** The person acknowledges incident notices when shown. */
  acknowledgeIncidents?: boolean;
  /** How long a restart takes. */
  bootTime?: number;
  maxSteps?: number;
  /** Check the invariants every plan must meet (default on). */
  check?: boolean;
}

export interface SimResult {
  seen: Seen[];
  state: AgentState;
  plans: Array<{ now: number; plan: Plan }>;
  lastBoot: number;
}

/** Runs the engine loop from `from` to `until` (bounded by maxSteps) and returns what was seen. */
export function simulate(o: SimOptions): SimResult {
  const seen: Seen[] = [];
  const plans: SimResult['plans'] = [];
  const base = device(o.device);
  let lastBoot = base.lastBoot;
  let state = o.state ?? EMPTY;
  let now = o.from;
  const bootTime = o.bootTime ?? 2 * MINUTE;
  const shownIds = new Set<string>();
  const countdownSeen = new Set<string>();
  const maxSteps = o.maxSteps ?? 5000;
  for (let step = 0; now < o.until; step += 1) {
    if (step >= maxSteps) throw new Error(`simulation did not finish in ${maxSteps} steps (at ${iso(now)})`);
    const sleeping = o.asleep?.find(([a, b]) => now >= a && now < b);
    if (sleeping) {
      now = sleeping[1];
      continue;
    }
    const off = o.off?.find(([a, b]) => now >= a && now < b);
    if (off) {
      now = off[1];
      lastBoot = off[1] - 30 * SECOND;
      continue;
    }
    const dev: DeviceContext = {
      ...base,
      lastBoot,
      restartPending: o.osPendingAt !== undefined && now >= o.osPendingAt && lastBoot < o.osPendingAt,
      busy: o.busyAt?.(now) ?? base.busy,
      zone: o.zoneAt?.(now) ?? base.zone,
    };
    const p = plan(o.schedule, dev, state, now, o.settings);
    plans.push({ now, plan: p });
    if (o.check !== false) {
      expect(p.nextWake).toBeGreaterThan(now);
      for (const n of p.notices) {
        expect(shownIds.has(n.id), `notice ${n.id} shown twice (again at ${iso(now)})`).toBe(false);
        for (const s of n.supersedes ?? []) expect(shownIds.has(s), `${n.id} supersedes shown ${s}`).toBe(false);
      }
    }
    state = recordPlan(state, p, now);
    for (const n of p.notices) {
      seen.push({ at: now, what: 'notice', notice: n });
      shownIds.add(n.id);
      for (const s of n.supersedes ?? []) shownIds.add(s);
      state = markShown(state, [n], now);
      if (o.acknowledgeIncidents && n.facts.acknowledgementNeeded) state = acknowledge(state, n.maintenance, now);
    }
    if (p.countdown && !countdownSeen.has(`${p.countdown.maintenance}@${p.countdown.restartAt}`)) {
      countdownSeen.add(`${p.countdown.maintenance}@${p.countdown.restartAt}`);
      seen.push({ at: now, what: 'countdown', maintenance: p.countdown.maintenance, restartAt: p.countdown.restartAt });
    }
    const restart = (forced: boolean): void => {
      seen.push({ at: now, what: 'restart', forced });
      lastBoot = now + bootTime;
      now = lastBoot + 30 * SECOND;
    };
    if (p.countdown && p.countdown.restartAt <= now) {
      restart(true);
      continue;
    }
    if (p.prompt && p.prompt.dismissible) {
      seen.push({ at: now, what: 'prompt', prompt: p.prompt });
      state = markPromptShown(state, p.prompt.maintenance, now);
      const action = o.onPrompt?.(p.prompt, now);
      if (action?.kind === 'restart-now') {
        restart(false);
        continue;
      }
      if (action?.kind === 'defer') {
        const r = defer(state, o.schedule, dev, p.prompt.maintenance, action, now, o.settings);
        if (!r.ok) throw new Error(`offered deferral refused: ${r.reason}`);
        state = r.state;
        seen.push({ at: now, what: 'deferred', seconds: action.seconds });
      }
      if (action?.kind === 'pick-time') {
        const r = pickRestartTime(state, o.schedule, dev, p.prompt.maintenance, action.at, now, o.settings);
        if (!r.ok) throw new Error(`offered pick refused: ${r.reason}`);
        state = r.state;
        seen.push({ at: now, what: 'picked', time: action.at });
      }
    }
    // The engine also re-plans when an OS signal changes (restart pending, busy, zone).
    const signals = [...(o.signals ?? []), ...(o.osPendingAt === undefined ? [] : [o.osPendingAt])];
    now = Math.min(p.nextWake, ...signals.filter((s) => s > now));
  }
  return { seen, state, plans, lastBoot };
}

/** The notices in a simulation's record. */
export function noticesIn(seen: Seen[]): NoticeDue[] {
  return seen.flatMap((s) => (s.what === 'notice' ? [s.notice] : []));
}

/** Compact "kind@ISO" lines, for readable failure messages. */
export function timeline(seen: Seen[]): string[] {
  return seen.map((s) => {
    switch (s.what) {
      case 'notice': return `${iso(s.at)} notice ${s.notice.id}`;
      case 'prompt': return `${iso(s.at)} prompt ${s.prompt.choices.map((c) => (c.kind === 'defer' ? `defer:${c.seconds}` : c.kind)).join(',')}`;
      case 'countdown': return `${iso(s.at)} countdown to ${iso(s.restartAt)}`;
      case 'restart': return `${iso(s.at)} restart${s.forced ? ' (forced)' : ''}`;
      case 'deferred': return `${iso(s.at)} deferred ${s.seconds}s`;
      case 'picked': return `${iso(s.at)} picked ${iso(s.time)}`;
    }
  });
}
