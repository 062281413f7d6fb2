/**
 * The forced restart: warnings at forcedWarnings before it (60, 30, 10 and 5 minutes), each once, and the
 * final countdown (the schedule's finalCountdown, never under minFinalCountdown). Neither is ever held by
 * busy signals or quiet hours: the deadline is IT's promise to the fleet, and the warnings are the user's.
 */
import type { Rules } from './settings.js';
import type { NoticeDue } from './types.js';
import type { MaintenanceView } from './view.js';
import { factsFor } from './facts.js';

export interface Warning {
  id: string;
  seconds: number;
  at: number;
  /** When the next warning takes over (or the restart happens). */
  liveUntil: number;
}

/**
 * The warnings of an open restart. A warning that would fall before the restart became pending never existed
 * (a 15-minute grace period has no 60-minute warning).
 */
export function warningsOf(view: MaintenanceView, rules: Rules): Warning[] {
  const r = view.restart;
  if (!view.restartOpen || r?.forcedAt === undefined || r.pendingSince === undefined) return [];
  const forced = r.forcedAt;
  const pendingSince = r.pendingSince;
  const out: Warning[] = [];
  rules.forcedWarnings.forEach((ms, index) => {
    const at = forced - ms;
    if (at < pendingSince) return;
    const next = rules.forcedWarnings[index + 1];
    out.push({
      id: `${view.id}:forced-warning:${rules.forcedWarningSeconds[index]!}`,
      seconds: rules.forcedWarningSeconds[index]!,
      at,
      liveUntil: next === undefined ? forced : forced - next,
    });
  });
  return out;
}

/**
 * The warning to show now, if any: the latest one due and not shown, standing in for earlier ones that were
 * missed (they are stale: a "60 minutes" warning with 20 minutes left would be wrong).
 */
export function dueWarning(view: MaintenanceView, now: number, rules: Rules): NoticeDue | undefined {
  const due = warningsOf(view, rules).filter((w) => w.at <= now && !view.shown.has(w.id));
  const live = due.find((w) => now < w.liveUntil);
  if (live === undefined) return undefined;
  const notice: NoticeDue = {
    id: live.id, maintenance: view.id, kind: 'forced-warning', at: live.at, facts: factsFor(view, now),
  };
  const older = due.filter((w) => w !== live).map((w) => w.id);
  if (older.length > 0) notice.supersedes = older;
  return notice;
}
