/**
 * plan(): the one pure function from which everything the person sees is derived (ARCHITECTURE.md, "The data's
 * way"). Same inputs, same plan; it never reads the clock, never changes its inputs, and says when to call it
 * again (nextWake). docs/policy.md explains each rule; the numbers are in defaults.ts.
 */
import type { Schedule } from '../schedule/index.js';
import { appliesTo } from './audience.js';
import { busyHoldRelease, isBusy } from './busy.js';
import type { PolicySettings } from './defaults.js';
import { choiceBoundaries, inCountdown, promptContent } from './deferrals.js';
import { dueWarning, warningsOf } from './forced.js';
import { candidatesOf, selectNotice } from './notices.js';
import { cadenceOf, phaseAt, phaseBoundaries } from './phases.js';
import { quietHoursEndAt } from './quiet-hours.js';
import { rulesForSchedule, type Rules } from './settings.js';
import type { AgentState, DeviceContext, NoticeDue, Plan, PlanStatus, RestartPrompt } from './types.js';
import { resolvedTimes } from './resolve-cache.js';
import { dormantWakes, viewOf, type MaintenanceView } from './view.js';

const RANK: Record<PlanStatus, number> = { idle: 0, error: 0, upcoming: 1, 'action-needed': 2, 'restart-pending': 3, overdue: 4 };

/** What plan() needs about the moment, computed once for all maintenances. */
interface Moment {
  now: number;
  /** The computer's IANA zone. */
  zone: string;
  rules: Rules;
  busy: boolean;
  /** End of the quiet hours we are in, if any (computed on first use). */
  quietEnd: () => number | undefined;
  lastPlannedAt: number;
  wake: number[];
}

interface Urgency {
  id: string;
  status: PlanStatus;
  /** The instant the status is about (forced restart, incident, window start): earlier is more urgent. */
  when: number;
}

/**
 * Decides, for one computer at `now`, what to show, what to remember and when to look again. The numbers are
 * the defaults, then the schedule's `settings`, then `settings` given here (tests, previews).
 * The engine maps a rejected or expired schedule to status 'error' itself; plan() always has a valid schedule.
 */
export function plan(schedule: Schedule, device: DeviceContext, state: AgentState, now: number, settings?: PolicySettings): Plan {
  const rules = rulesForSchedule(schedule, settings);
  let quietEnd: number | undefined | null = null;
  const moment: Moment = {
    now, zone: device.zone, rules, busy: isBusy(device.busy), lastPlannedAt: state.lastPlannedAt ?? -Infinity, wake: [],
    quietEnd: () => (quietEnd === null ? (quietEnd = quietHoursEndAt(now, device.zone, rules.quiet)) : quietEnd),
  };
  const notices: NoticeDue[] = [];
  const remember: Plan['remember'] = [];
  const urgencies: Urgency[] = [];
  const prompts: Array<{ prompt: RestartPrompt; forcedAt: number }> = [];
  const countdowns: Array<{ prompt: RestartPrompt; forcedAt: number }> = [];
  let forcedRestartAt: number | undefined;

  const views: MaintenanceView[] = [];
  for (const m of schedule.maintenances) {
    if (!appliesTo(m, device)) continue;
    const dormant = dormantWakes(m, resolvedTimes(m, device.zone), state.maintenances[m.id], device, now, rules);
    if (dormant !== undefined) moment.wake.push(...dormant);
    else views.push(viewOf(m, device, state.maintenances[m.id], now, rules));
  }
  // One restart completes every pending one, so a prompt shown for one counts for all: the cadence runs from
  // the last prompt of any of them (deferrals stay each maintenance's own).
  let lastPrompt = -Infinity;
  for (const v of views) if (v.restartOpen && v.state.promptShownAt !== undefined) lastPrompt = Math.max(lastPrompt, v.state.promptShownAt);

  for (const view of views) {
    const m = view.m;
    const r = view.restart;
    if (r?.newlyPending && r.pendingSince !== undefined) remember.push({ maintenance: m.id, pendingSince: r.pendingSince });

    const urgency = urgencyOf(view, moment);
    if (urgency !== undefined) urgencies.push(urgency);

    const notice = noticeToShow(view, moment);
    if (notice !== undefined) notices.push(notice);
    const warning = dueWarning(view, now, rules);
    if (warning !== undefined) notices.push(warning);

    if (view.restartOpen && r?.forcedAt !== undefined) {
      forcedRestartAt = forcedRestartAt === undefined ? r.forcedAt : Math.min(forcedRestartAt, r.forcedAt);
      const shown = restartPromptOf(view, lastPrompt, moment);
      if (shown !== undefined) (inCountdown(view, now) ? countdowns : prompts).push({ prompt: shown, forcedAt: r.forcedAt });
    }
    collectWakes(view, moment);
  }

  notices.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result: Plan = { status: 'idle', notices, remember, nextWake: nextWakeOf(moment) };
  const focus = mostUrgent(urgencies);
  if (focus !== undefined) {
    result.status = focus.status;
    result.focus = focus.id;
  }
  const byForced = (a: { prompt: RestartPrompt; forcedAt: number }, b: { prompt: RestartPrompt; forcedAt: number }) =>
    a.forcedAt - b.forcedAt || (a.prompt.maintenance < b.prompt.maintenance ? -1 : 1);
  const countdown = countdowns.sort(byForced)[0];
  const prompt = countdown ?? prompts.sort(byForced)[0];
  if (prompt !== undefined) {
    result.prompt = prompt.prompt;
    if (result.status === 'upcoming' || result.status === 'idle') result.status = 'action-needed';
  }
  if (countdown !== undefined) result.countdown = { maintenance: countdown.prompt.maintenance, restartAt: countdown.forcedAt };
  if (forcedRestartAt !== undefined) result.forcedRestartAt = forcedRestartAt;
  return result;
}

/** The tray status one maintenance asks for, if any. */
function urgencyOf(view: MaintenanceView, moment: Moment): Urgency | undefined {
  const { now, rules } = moment;
  const { id, times } = view;
  const r = view.restart;
  if (view.restartOpen && r?.forcedAt !== undefined) {
    return { id, status: now >= r.scheduleDeadline ? 'overdue' : 'restart-pending', when: r.forcedAt };
  }
  if (view.incidentAt !== undefined) {
    const open = view.state.acknowledgedAt === undefined && now >= view.incidentAt && now < times.end;
    return open ? { id, status: 'action-needed', when: view.incidentAt } : undefined;
  }
  if (view.stage !== 'all-done' && now < times.end && now >= times.start - rules.upcomingHorizon) {
    return { id, status: 'upcoming', when: times.start };
  }
  return undefined;
}

function mostUrgent(urgencies: Urgency[]): Urgency | undefined {
  let best: Urgency | undefined;
  for (const u of urgencies) {
    if (best === undefined || RANK[u.status] > RANK[best.status]
      || (RANK[u.status] === RANK[best.status] && (u.when < best.when || (u.when === best.when && u.id < best.id)))) {
      best = u;
    }
  }
  return best;
}

/** The one notice of a maintenance to show now, after quiet hours and busy holds. */
function noticeToShow(view: MaintenanceView, moment: Moment): NoticeDue | undefined {
  const { now, rules } = moment;
  const selection = selectNotice(view, candidatesOf(view, now, rules), now, moment.lastPlannedAt, rules);
  moment.wake.push(...selection.wake);
  const notice = selection.notice;
  if (notice === undefined) return undefined;
  // Quiet hours hold notices about later things until the morning; not a notice about something that starts
  // before the morning (it would be useless then), and never a critical maintenance's.
  const aboutLater = notice.kind === 'advance' || (notice.kind === 'catch-up' && notice.facts.stage === 'upcoming');
  if (aboutLater && !view.critical) {
    const quietEnd = moment.quietEnd();
    if (quietEnd !== undefined && view.times.start >= quietEnd) {
      moment.wake.push(quietEnd);
      return undefined;
    }
  }
  const r = view.restart;
  const release = busyHoldRelease({
    busy: moment.busy, dueAt: notice.at, now, critical: view.critical,
    ...(view.restartOpen && r?.effectiveDeadline !== undefined ? { effectiveDeadline: r.effectiveDeadline } : {}),
  }, rules);
  if (release !== undefined) {
    moment.wake.push(release);
    return undefined;
  }
  return notice;
}

/** The restart prompt of an open restart if it is to be shown now (due by its cadence, not deferred, not held). */
function restartPromptOf(view: MaintenanceView, lastPrompt: number, moment: Moment): RestartPrompt | undefined {
  const { now, rules } = moment;
  const r = view.restart;
  const content = promptContent(view, now, rules);
  if (content === undefined || r?.effectiveDeadline === undefined || r.pendingSince === undefined) return undefined;
  // The final countdown is never held, deferred or dismissible.
  if (inCountdown(view, now)) return content;
  // A picked time is a decision: no more asking, only the warnings and the countdown.
  if (view.state.pickedRestartAt !== undefined) return undefined;
  const { state } = view;
  const phase = phaseAt(now, r.scheduleDeadline, r.effectiveDeadline, rules);
  const cadence = cadenceOf(phase, view.critical, rules);
  const dueAt = Math.max(
    r.pendingSince,
    state.deferrals.until ?? -Infinity,
    lastPrompt + cadence,
  );
  if (now < dueAt) {
    moment.wake.push(dueAt);
    return undefined;
  }
  // Quiet hours hold the prompt of a non-critical maintenance until the morning (it would otherwise come back
  // all night), but not within busyHoldLimit of the effective deadline: the person must be asked before then.
  const noHoldFrom = r.effectiveDeadline - rules.busyHoldLimit;
  if (!view.critical && now < noHoldFrom) {
    const quietEnd = moment.quietEnd();
    if (quietEnd !== undefined) {
      moment.wake.push(Math.min(quietEnd, noHoldFrom));
      return undefined;
    }
  }
  // A prompt that waited out the night comes due again when quiet hours end: a meeting at 07:00 may hold it.
  const quietEndOfDue = !view.critical && moment.busy ? quietHoursEndAt(dueAt, moment.zone, rules.quiet) : undefined;
  const heldFrom = quietEndOfDue !== undefined && quietEndOfDue <= now ? quietEndOfDue : dueAt;
  const release = busyHoldRelease({ busy: moment.busy, dueAt: heldFrom, now, critical: view.critical, effectiveDeadline: r.effectiveDeadline }, rules);
  if (release !== undefined) {
    moment.wake.push(release);
    return undefined;
  }
  // Shown now, so (once the engine records it) it comes back one cadence from now.
  moment.wake.push(now + cadence);
  return content;
}

/** Instants at which this maintenance's part of the plan could change, besides notices and holds. */
function collectWakes(view: MaintenanceView, moment: Moment): void {
  const { rules, wake } = moment;
  const { start, end } = view.times;
  wake.push(start, end, start - rules.upcomingHorizon);
  if (view.incidentAt !== undefined) wake.push(view.incidentAt);
  const r = view.restart;
  if (!view.restartOpen || r?.effectiveDeadline === undefined || r.forcedAt === undefined) return;
  wake.push(r.forcedAt, ...phaseBoundaries(r.scheduleDeadline, r.effectiveDeadline, rules), ...choiceBoundaries(view, rules));
  if (view.state.deferrals.until !== undefined) wake.push(view.state.deferrals.until);
  for (const w of warningsOf(view, rules)) {
    if (!view.shown.has(w.id)) wake.push(w.at, w.liveUntil);
  }
}

/** The earliest wake-up after now, never later than now + maxSleep. */
function nextWakeOf(moment: Moment): number {
  const { now, rules } = moment;
  let next = now + rules.maxSleep;
  for (const t of moment.wake) if (t > now && t < next) next = t;
  return next;
}
