// Which notice a notice or incident view shows: the one the URL names, else the newest for the named
// maintenance, else the newest of that sort at all. Incidents are the notices that ask for "I have read this"
// (a catch-up notice about an incident is one too, though its kind is 'catch-up').
import type { NoticeView, Snapshot, ViewRequestArg } from '../core/agent-api.js';

export function pickNotice(snapshot: Snapshot, route: ViewRequestArg, incident: boolean): NoticeView | undefined {
  const isIncident = (n: NoticeView) => n.kind === 'incident' || n.acknowledgementNeeded;
  const sorted = snapshot.notices.filter((n) => isIncident(n) === incident);
  if (route.notice !== undefined) {
    const named = snapshot.notices.find((n) => n.id === route.notice);
    if (named !== undefined) return named;
  }
  const forMaintenance = route.maintenance === undefined ? sorted : sorted.filter((n) => n.maintenance === route.maintenance);
  return forMaintenance.at(-1) ?? sorted.at(-1);
}
