/**
 * What a person may do about a pending restart right now: restart now (always), put it off by one of the
 * schedule's options, or pick a time. The only place that decides which choices are offered; defer() and
 * pickRestartTime() refuse anything not offered here.
 */
import type { Rules } from './settings.js';
import type { RestartChoice, RestartPrompt } from './types.js';
import type { MaintenanceView } from './view.js';

/** The final countdown has started: nothing can be put off or closed any more. */
export function inCountdown(view: MaintenanceView, now: number): boolean {
  const r = view.restart;
  return r?.forcedAt !== undefined && now >= r.forcedAt - r.finalCountdown;
}

/**
 * The prompt's content at `now` for an open restart (whether or not it is due to be shown), or undefined when
 * no restart is pending. Rules:
 * - restart-now is always offered;
 * - in the final countdown, or once a time was picked (a promise), nothing else;
 * - a deferral only while fewer than `deferrals.max` were used, and option d only if now + d <= the effective
 *   deadline; no long option (>= longDeferral) with imminentWindow or less left; in the last finalHour only
 *   options <= finalHourLongestDeferral;
 * - pick-a-time in [now + pickMinLead, min(effective deadline, pendingSince + latestPick)] when that range is
 *   not empty, and the schedule allows putting the restart off at all (deferrals.max > 0). Picking a time
 *   does not use up a deferral.
 */
export function promptContent(view: MaintenanceView, now: number, rules: Rules): RestartPrompt | undefined {
  const r = view.restart;
  if (!view.restartOpen || r?.effectiveDeadline === undefined || r.forcedAt === undefined || r.pendingSince === undefined) {
    return undefined;
  }
  const policy = view.m.restart.deferrals;
  const used = view.state.deferrals.count;
  const deferralsLeft = Math.max(0, policy.max - used);
  const choices: RestartChoice[] = [{ kind: 'restart-now' }];
  const countdown = inCountdown(view, now);
  const base = { maintenance: view.id, deadline: r.forcedAt, deferralsLeft, choices, dismissible: !countdown };
  if (countdown || view.state.pickedRestartAt !== undefined || policy.max === 0) return base;
  const effective = r.effectiveDeadline;
  const left = effective - now;
  if (used < policy.max) {
    for (const seconds of policy.options) {
      const ms = seconds * 1000;
      if (now + ms > effective) continue;
      if (left <= rules.imminentWindow && ms >= rules.longDeferral) continue;
      if (left <= rules.finalHour && ms > rules.finalHourLongestDeferral) continue;
      choices.push({ kind: 'defer', seconds, until: now + ms });
    }
  }
  const earliest = now + rules.pickMinLead;
  const latest = pickLatest(view);
  if (latest !== undefined && earliest <= latest) choices.push({ kind: 'pick-time', earliest, latest });
  return base;
}

/** The latest time a person may pick: the effective deadline, or pendingSince + latestPick if earlier. */
export function pickLatest(view: MaintenanceView): number | undefined {
  const r = view.restart;
  if (r?.effectiveDeadline === undefined || r.pendingSince === undefined) return undefined;
  return Math.min(r.effectiveDeadline, r.pendingSince + view.m.restart.deferrals.latestPick * 1000);
}

/** Instants at which the offered choices change (an option stops fitting, a rule starts to apply). */
export function choiceBoundaries(view: MaintenanceView, rules: Rules): number[] {
  const r = view.restart;
  if (r?.effectiveDeadline === undefined) return [];
  const effective = r.effectiveDeadline;
  const out = [effective - rules.imminentWindow, effective - rules.finalHour];
  // An option fits up to and including effective - d; it is gone a millisecond later. Same for picking.
  for (const seconds of view.m.restart.deferrals.options) out.push(effective - seconds * 1000 + 1);
  const latest = pickLatest(view);
  if (latest !== undefined) out.push(latest - rules.pickMinLead + 1);
  if (r.forcedAt !== undefined) out.push(r.forcedAt - r.finalCountdown);
  return out;
}
