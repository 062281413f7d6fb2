/** The facts a notice carries: what its message needs, as of now. */
import type { NoticeFacts, Stage } from './types.js';
import type { MaintenanceView } from './view.js';

const MINUTE = 60_000;

export function factsFor(view: MaintenanceView, now: number, stage: Stage = view.stage): NoticeFacts {
  const { times, m } = view;
  const facts: NoticeFacts = {
    stage, start: times.start, end: times.end, restartRequired: m.restart.required, steps: m.steps.length,
  };
  const r = view.restart;
  if (r !== undefined) {
    facts.deadline = r.effectiveDeadline ?? r.scheduleDeadline;
    if (r.effectiveDeadline !== undefined && r.effectiveDeadline !== r.scheduleDeadline) facts.scheduleDeadline = r.scheduleDeadline;
    if (r.forcedAt !== undefined) facts.forcedAt = r.forcedAt;
    if (view.restartOpen) facts.deferralsLeft = Math.max(0, m.restart.deferrals.max - view.state.deferrals.count);
  }
  const target = stage === 'upcoming' ? times.start
    : stage === 'restart-needed' ? r?.forcedAt
      : stage === 'in-progress' ? times.end
        : stage === 'incident' ? times.end : undefined;
  if (target !== undefined && target > now) facts.minutesLeft = Math.ceil((target - now) / MINUTE);
  if (view.incidentAt !== undefined && view.state.acknowledgedAt === undefined) facts.acknowledgementNeeded = true;
  return facts;
}
