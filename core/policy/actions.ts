/**
 * What people and the engine do, as pure state transitions: each returns a new AgentState and never changes
 * the one it was given. Deferring and picking a time are checked against the choices plan() offers at that
 * same moment (deferrals.ts decides them), so a choice the person was not offered is refused.
 */
import type { Schedule } from '../schedule/index.js';
import { appliesTo } from './audience.js';
import type { PolicySettings } from './defaults.js';
import { promptContent } from './deferrals.js';
import { rulesForSchedule } from './settings.js';
import type { AgentState, DeviceContext, MaintenanceState, NoticeDue, Plan, RestartPrompt } from './types.js';
import { EMPTY_STATE, viewOf, type MaintenanceView } from './view.js';

/** Why a deferral or a picked time was refused. */
export type DeferRefusal =
  /** No such maintenance in the schedule, or not for this computer. */
  | 'unknown-maintenance'
  /** No restart is pending for it (not yet, or already done). */
  | 'not-pending'
  /** Every allowed deferral was used. */
  | 'no-deferrals-left'
  /** Not among the choices offered now (too long for the time left, the final countdown, a time already picked). */
  | 'not-offered';

export type DeferResult = { ok: true; state: AgentState } | { ok: false; reason: DeferRefusal };

/** A choice as the person made it: one of the offered deferrals, or a picked time. */
export type DeferChoice = { kind: 'defer'; seconds: number } | { kind: 'pick-time'; at: number };

function entry(state: AgentState, id: string): MaintenanceState {
  return state.maintenances[id] ?? EMPTY_STATE;
}

function withEntry(state: AgentState, id: string, change: (m: MaintenanceState) => MaintenanceState): AgentState {
  const current = entry(state, id);
  const next = change({ ...current, noticesShown: [...current.noticesShown], deferrals: { ...current.deferrals } });
  return { ...state, maintenances: { ...state.maintenances, [id]: next } };
}

/** "I have read this": recorded once (the first time counts). */
export function acknowledge(state: AgentState, id: string, now: number): AgentState {
  if (entry(state, id).acknowledgedAt !== undefined) return state;
  return withEntry(state, id, (m) => ({ ...m, acknowledgedAt: now }));
}

/** The maintenance's view at `now`, if it exists and is for this computer. */
function viewFor(
  schedule: Schedule, device: DeviceContext, state: AgentState, id: string, now: number, settings?: PolicySettings,
): MaintenanceView | undefined {
  const m = schedule.maintenances.find((x) => x.id === id);
  if (m === undefined || !appliesTo(m, device)) return undefined;
  return viewOf(m, device, state.maintenances[id], now, rulesForSchedule(schedule, settings));
}

/**
 * The restart choices offered now for one maintenance, whether or not plan() would show the prompt at this
 * moment (for the tray's "restart options"). Undefined when no restart is pending for it.
 */
export function restartOptions(
  schedule: Schedule, device: DeviceContext, state: AgentState, id: string, now: number, settings?: PolicySettings,
): RestartPrompt | undefined {
  const view = viewFor(schedule, device, state, id, now, settings);
  return view === undefined ? undefined : promptContent(view, now, rulesForSchedule(schedule, settings));
}

/**
 * Puts a restart off by one of the offered options, or picks a time (see pickRestartTime). The deferral hides
 * the prompt until `now + seconds`; it never lands past the effective deadline, and the count never exceeds
 * the schedule's max (both follow from accepting only offered choices).
 */
export function defer(
  state: AgentState, schedule: Schedule, device: DeviceContext, id: string, choice: DeferChoice, now: number,
  settings?: PolicySettings,
): DeferResult {
  const view = viewFor(schedule, device, state, id, now, settings);
  if (view === undefined) return { ok: false, reason: 'unknown-maintenance' };
  const prompt = promptContent(view, now, rulesForSchedule(schedule, settings));
  const r = view.restart;
  if (prompt === undefined || r?.pendingSince === undefined || r.effectiveDeadline === undefined) {
    return { ok: false, reason: 'not-pending' };
  }
  // The restart may have become pending at this very moment: remember when, with the choice.
  const pendingSince = r.pendingSince;
  if (choice.kind === 'defer') {
    const offered = prompt.choices.some((c) => c.kind === 'defer' && c.seconds === choice.seconds);
    if (!offered) return { ok: false, reason: prompt.deferralsLeft === 0 ? 'no-deferrals-left' : 'not-offered' };
    const until = now + choice.seconds * 1000;
    if (until > r.effectiveDeadline) return { ok: false, reason: 'not-offered' };
    return {
      ok: true,
      state: withEntry(state, id, (m) => ({ ...m, pendingSince, deferrals: { count: m.deferrals.count + 1, until } })),
    };
  }
  const pick = prompt.choices.find((c) => c.kind === 'pick-time');
  if (pick === undefined || pick.kind !== 'pick-time' || !(choice.at >= pick.earliest && choice.at <= pick.latest)) {
    return { ok: false, reason: 'not-offered' };
  }
  return { ok: true, state: withEntry(state, id, (m) => ({ ...m, pendingSince, pickedRestartAt: choice.at })) };
}

/** Picks the restart time: it must be within the offered range; the restart then happens at that time. */
export function pickRestartTime(
  state: AgentState, schedule: Schedule, device: DeviceContext, id: string, at: number, now: number,
  settings?: PolicySettings,
): DeferResult {
  return defer(state, schedule, device, id, { kind: 'pick-time', at }, now, settings);
}

/**
 * Records notices as shown: each notice's id and every id it supersedes (pass the NoticeDue objects), or bare
 * ids. A notice id starts with its maintenance id and ":".
 */
export function markShown(state: AgentState, notices: ReadonlyArray<NoticeDue | string>, _now: number): AgentState {
  const byMaintenance = new Map<string, string[]>();
  for (const n of notices) {
    const ids = typeof n === 'string' ? [n] : [n.id, ...(n.supersedes ?? [])];
    for (const id of ids) {
      const colon = id.indexOf(':');
      if (colon <= 0) continue;
      const m = id.slice(0, colon);
      const list = byMaintenance.get(m) ?? [];
      list.push(id);
      byMaintenance.set(m, list);
    }
  }
  let next = state;
  for (const [m, ids] of byMaintenance) {
    const known = new Set(entry(next, m).noticesShown);
    const fresh = [...new Set(ids)].filter((id) => !known.has(id));
    if (fresh.length > 0) next = withEntry(next, m, (e) => ({ ...e, noticesShown: [...e.noticesShown, ...fresh] }));
  }
  return next;
}

/** The restart prompt was shown now: its cadence counts from here. */
export function markPromptShown(state: AgentState, id: string, now: number): AgentState {
  return withEntry(state, id, (m) => ({ ...m, promptShownAt: now }));
}

/** The restart is done (e.g. the engine saw the update finish without one). Recorded once. */
export function markCompleted(state: AgentState, id: string, now: number): AgentState {
  if (entry(state, id).completedAt !== undefined) return state;
  return withEntry(state, id, (m) => ({ ...m, completedAt: now }));
}

/** After each plan: remember restarts that became pending, and when the engine last planned. */
export function recordPlan(state: AgentState, result: Pick<Plan, 'remember'>, now: number): AgentState {
  let next: AgentState = { ...state, lastPlannedAt: now };
  for (const r of result.remember) {
    if (entry(next, r.maintenance).pendingSince === undefined) {
      next = withEntry(next, r.maintenance, (m) => ({ ...m, pendingSince: r.pendingSince }));
    }
  }
  return next;
}
