// Fan-out of "a new schedule version exists" to the SSE streams of a server node. The publish route emits,
// each open stream of the fleet listens. LocalScheduleNotifier is in-process: enough for one node (SQLite, or
// a single node on PostgreSQL in tests). With several nodes behind a load balancer a publish taken by one node
// must reach the streams of all: server/notifier-postgres.ts (PostgresScheduleNotifier) carries it over
// PostgreSQL LISTEN/NOTIFY behind the same interface, and `forewarn server --database` uses it.
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

  /** Fleets with at least one subscriber: what a shared notifier re-reads after it missed notifications. */
  fleets(): string[] {
    return [...this.listeners.keys()];
  }

  size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
