// Which links "Get help" may open (the engine decides, for the app and the preview alike): only https links that the signed schedule itself lists (its links, the
// support page and chat links, each maintenance's links). A view (or a script injected into one) can ask for any
// URL; nothing outside this list leaves the agent.
import type { Snapshot } from './agent-api.js';

/** Every link the signed schedule in the snapshot lists, https only, as normalised URL strings. */
export function allowedHelpLinks(snapshot: Snapshot): Set<string> {
  const listed: string[] = [];
  const schedule = snapshot.schedule;
  if (schedule !== undefined) {
    listed.push(...schedule.links.map((l) => l.url));
    if (schedule.support.faqUrl !== undefined) listed.push(schedule.support.faqUrl);
    for (const c of schedule.support.contacts) if (c.chat !== undefined) listed.push(c.chat);
  }
  for (const m of snapshot.maintenances) listed.push(...m.links.map((l) => l.url));
  const out = new Set<string>();
  for (const url of listed) {
    const normal = normalise(url);
    if (normal !== undefined) out.add(normal);
  }
  return out;
}

/** The URL as the WHATWG parser writes it, when it is https; undefined otherwise. */
export function normalise(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` is an https link the schedule lists. */
export function isAllowedHelpLink(snapshot: Snapshot, url: string): boolean {
  const normal = normalise(url);
  return normal !== undefined && allowedHelpLinks(snapshot).has(normal);
}
