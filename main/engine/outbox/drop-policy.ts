/**
 * Which events the outbox may drop when it is full, and in what order. Pure, so the policy is property-tested
 * on its own (test/unit/engine/outbox/drop-policy.test.ts).
 *
 * Tier 0 goes first: `delivered` and `notified` (telemetry: the next one says the same), and a
 * `schedule-rejected` that a newer identical one (same reason, detail, version) repeats.
 * Tier 1 next: other `schedule-rejected` and `store-recovered` (useful to IT, but no one's decision).
 * Never: what a person decided or what restarting did (acknowledged, deferred, feedback, restart-started,
 * completed, failed), the dropped-count report, and any type this version does not know. Losing one of those
 * would make IT's compliance view wrong: a user who acknowledged would show as not having done so.
 *
 * Within a tier the OLDEST goes first: newer events describe the present.
 */
import type { ForewarnEvent } from '../../../core/events/index.js';

export const DEFAULT_OUTBOX_LIMIT = 10_000;

const TIER: Readonly<Record<string, 0 | 1>> = { delivered: 0, notified: 0, 'schedule-rejected': 1, 'store-recovered': 1 };

/** True for the event types enforceBound may drop (tier 0 or 1). */
export function isDroppable(type: string): boolean {
  return TIER[type] !== undefined;
}

const rejectionKey = (e: ForewarnEvent): string =>
  JSON.stringify([e['reason'], e['detail'], e.scheduleVersion ?? null, e.maintenance ?? null]);

/**
 * Drops low-value events until at most `limit` remain, or nothing droppable is left. If only never-drop events
 * remain, the list stays longer than `limit` on purpose: the bound protects the disk from chatty telemetry, and
 * never-drop events come from people's actions (a handful per maintenance), so they cannot grow it without end.
 */
export function enforceBound(events: readonly ForewarnEvent[], dropped: number, limit: number): { events: ForewarnEvent[]; dropped: number } {
  let excess = events.length - limit;
  if (excess <= 0) return { events: [...events], dropped };
  // Rank every droppable event: tier, then position (oldest first). A repeated rejection ranks as tier 0.
  const laterRejection = new Set<string>();
  const rank: Array<{ index: number; tier: number }> = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    let tier = TIER[e.type];
    if (tier === undefined) continue;
    if (e.type === 'schedule-rejected') {
      const key = rejectionKey(e);
      if (laterRejection.has(key)) tier = 0;
      laterRejection.add(key);
    }
    rank.push({ index: i, tier });
  }
  rank.sort((a, b) => a.tier - b.tier || a.index - b.index);
  const drop = new Set<number>();
  for (const r of rank) {
    if (excess <= 0) break;
    drop.add(r.index);
    excess -= 1;
  }
  return { events: events.filter((_, i) => !drop.has(i)), dropped: dropped + drop.size };
}
