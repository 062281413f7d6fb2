/**
 * The notice timeline of one maintenance, and which notice (at most one) to show now.
 *
 * Every notice has a due time and a time until which it is still true ("live"): an advance notice until the
 * next one is due, "starting" until the restart is pending or the window ends, "finished, restart needed" until
 * the restart is done, "all done" for allDoneFor. A notice past its live time is stale and is never shown as
 * itself: a later notice, or a catch-up, stands in for it (`supersedes`), so each id is shown at most once.
 *
 * Missed notices (the computer was asleep or off): a notice that came due after the last plan and is more than
 * catchUpAfter late. Then one catch-up notice with the current facts replaces every notice due and not shown
 * (after a long sleep several are due at once; the catch-up stands for all of them). Otherwise the newest live
 * notice is shown, standing for older ones that went stale (held while busy, or a schedule that arrived late).
 */
import { factsFor } from './facts.js';
import type { Rules } from './settings.js';
import type { NoticeDue, NoticeKind } from './types.js';
import type { MaintenanceView } from './view.js';

export interface Candidate {
  id: string;
  kind: NoticeKind;
  at: number;
  /** Stale from this instant on. */
  liveUntil: number;
}

/** The notices of a maintenance around `now` (forced-restart warnings are in forced.ts). */
export function candidatesOf(view: MaintenanceView, now: number, rules: Rules): Candidate[] {
  return view.incidentAt === undefined ? timelineOf(view, rules) : incidentTimeline(view, view.incidentAt, now, rules);
}

function timelineOf(view: MaintenanceView, rules: Rules): Candidate[] {
  const { id, m, times } = view;
  const { start, end } = times;
  const out: Candidate[] = [];
  // Offsets are elapsed time before the resolved start (earliest first; 0s is the "starting" notice).
  const offsets = m.notices.offsets;
  offsets.forEach((seconds, index) => {
    if (seconds <= 0) return;
    const next = offsets[index + 1] ?? 0;
    out.push({ id: `${id}:advance:${seconds}`, kind: 'advance', at: start - seconds * 1000, liveUntil: start - next * 1000 });
  });
  const r = view.restart;
  const startingUntil = Math.min(end, r?.pendingSince ?? Infinity, r?.completedAt ?? Infinity);
  out.push({ id: `${id}:starting`, kind: 'starting', at: start, liveUntil: startingUntil });
  if (r !== undefined) {
    if (r.pendingSince !== undefined) {
      out.push({
        id: `${id}:finished-restart-needed`, kind: 'finished-restart-needed', at: r.pendingSince,
        liveUntil: r.completedAt ?? Infinity,
      });
      // The schedule's deadline passed while the grace period still runs (or had passed before it began).
      if (r.effectiveDeadline !== undefined && r.forcedAt !== undefined && r.scheduleDeadline < r.effectiveDeadline) {
        out.push({
          id: `${id}:deadline-passed`, kind: 'deadline-passed', at: Math.max(r.scheduleDeadline, r.pendingSince),
          liveUntil: r.forcedAt,
        });
      }
    }
    if (r.completedAt !== undefined) {
      out.push({ id: `${id}:all-done`, kind: 'all-done', at: r.completedAt, liveUntil: r.completedAt + rules.allDoneFor });
    }
  } else if (m.kind !== 'information') {
    // A patch with no restart is done when its window ends; an outage is over.
    out.push({ id: `${id}:all-done`, kind: 'all-done', at: end, liveUntil: end + rules.allDoneFor });
  }
  return out;
}

/** The incident notice, then a reminder every incidentReminderEvery until acknowledged, while the window lasts. */
function incidentTimeline(view: MaintenanceView, incidentAt: number, now: number, rules: Rules): Candidate[] {
  const { id } = view;
  const end = view.times.end;
  const every = rules.incidentReminderEvery;
  const until = Math.min(end, view.state.acknowledgedAt ?? Infinity);
  const out: Candidate[] = [{ id: `${id}:incident`, kind: 'incident', at: incidentAt, liveUntil: Math.min(incidentAt + every, until) }];
  // Only the reminders around now: the one live now, the one before it (to tell a missed one) and the next.
  const current = Math.floor((now - incidentAt) / every);
  for (let k = Math.max(1, current - 1); k <= Math.max(1, current + 1); k += 1) {
    const at = incidentAt + k * every;
    if (at >= until) break;
    out.push({ id: `${id}:reminder:${k}`, kind: 'reminder', at, liveUntil: Math.min(at + every, until) });
  }
  return out;
}

export interface Selection {
  /** The notice to show now, before holds. */
  notice?: NoticeDue;
  /** Future instants at which the selection could change. */
  wake: number[];
}

const KIND_ORDER: readonly NoticeKind[] = [
  'advance', 'starting', 'incident', 'reminder', 'finished-restart-needed', 'deadline-passed', 'all-done',
];

/** At most one notice per maintenance: the live one, the newest live one, or a catch-up. */
export function selectNotice(
  view: MaintenanceView, candidates: Candidate[], now: number, lastPlannedAt: number, rules: Rules,
): Selection {
  const wake: number[] = [];
  const due: Candidate[] = [];
  for (const c of candidates) {
    if (view.shown.has(c.id)) continue;
    if (c.at > now) wake.push(c.at);
    else {
      due.push(c);
      if (c.liveUntil > now && Number.isFinite(c.liveUntil)) wake.push(c.liveUntil);
    }
  }
  const live = due.filter((c) => now < c.liveUntil);
  if (live.length === 0) return { wake };
  live.sort((a, b) => a.at - b.at || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const newest = live[live.length - 1]!;
  const missed = due.some((c) => c.at > lastPlannedAt && now - c.at > rules.catchUpAfter);
  const others = due.filter((c) => c !== newest).map((c) => c.id);
  const catchUpId = `${view.id}:catch-up:${newest.id.slice(view.id.length + 1)}`;
  if (!missed || view.shown.has(catchUpId)) {
    const notice: NoticeDue = { id: newest.id, maintenance: view.id, kind: newest.kind, at: newest.at, facts: factsFor(view, now) };
    if (others.length > 0) notice.supersedes = others;
    return { notice, wake };
  }
  const notice: NoticeDue = {
    id: catchUpId, maintenance: view.id, kind: 'catch-up', at: newest.at,
    facts: factsFor(view, now), supersedes: due.map((c) => c.id),
  };
  return { notice, wake };
}
