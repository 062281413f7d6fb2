// In-process fan-out of "a new schedule version exists" to the SSE streams of this server node. The publish
// route emits, each open stream of the fleet listens. With several server nodes behind a load balancer a
// publish reaches only the node that took it: they need a shared notifier (PostgreSQL LISTEN/NOTIFY, the
// same interface) — not built yet; until then agents on other nodes learn of it at their next poll.
export interface ScheduleVersion {
  version: number;
  /** The ETag header value of GET /v1/fleets/:fleet/schedule, quotes included: `"<payload sha256>"`. */
  etag: string;
}

export type ScheduleListener = (update: ScheduleVersion) => void;

export interface ScheduleNotifier {
  publish(fleet: string, update: ScheduleVersion): void;
  /** Returns the function that unsubscribes. */
  subscribe(fleet: string, listener: ScheduleListener): () => void;
  /** Open subscriptions (all fleets), for tests and metrics. */
  size(): number;
}

export class LocalScheduleNotifier implements ScheduleNotifier {
  private readonly listeners = new Map<string, Set<ScheduleListener>>();

  publish(fleet: string, update: ScheduleVersion): void {
    // A copy, so a listener that unsubscribes while being called does not disturb the loop.
    for (const listener of [...(this.listeners.get(fleet) ?? [])]) {
      try {
        listener(update);
      } catch {
        // One broken stream must not keep the others from hearing of the new version.
      }
    }
  }

  subscribe(fleet: string, listener: ScheduleListener): () => void {
    let set = this.listeners.get(fleet);
    if (!set) this.listeners.set(fleet, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(fleet) === set) this.listeners.delete(fleet);
    };
  }

  size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
