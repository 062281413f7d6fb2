// The current schedule of each fleet, kept in memory so the common poll — "unchanged?" with If-None-Match,
// answered 304 — costs no database query. Kept fresh three ways: the publish route offers what it just stored
// (visible at once on this node), the notifier's updates (other nodes' publishes, PostgreSQL LISTEN/NOTIFY)
// mark it stale, and an entry older than maxAgeMs is reloaded anyway, in case a notification was missed.
import type { ScheduleNotifier } from './notifier.js';
import type { StoredSchedule } from './storage/index.js';

export interface CachedSchedule {
  version: number;
  /** The ETag header value, quotes included: `"<payload sha256>"`. */
  etag: string;
  envelope: Buffer;
}

/** A few seconds: the longest a missed notification can hide a publish from this node's pollers. */
export const SCHEDULE_CACHE_MAX_AGE_MS = 5_000;
/** Fleets kept at most; past it the least recently loaded is forgotten (it reloads on its next poll). */
export const SCHEDULE_CACHE_MAX_FLEETS = 10_000;

interface FleetEntry {
  /** The highest version this node has loaded or stored; never replaced by a lower one. */
  schedule: CachedSchedule;
  loadedAt: number;
  /** The highest version known to exist (from a notification); an entry below it must be reloaded. */
  floor: number;
  unsubscribe: () => void;
}

export interface ScheduleCacheOptions {
  load: (fleet: string) => Promise<StoredSchedule | null>;
  notifier?: ScheduleNotifier;
  maxAgeMs?: number;
  maxFleets?: number;
  /** Milliseconds, monotonic by default (the wall clock may jump). */
  clock?: () => number;
}

export class ScheduleCache {
  private readonly fleets = new Map<string, FleetEntry>();
  /** One load per fleet at a time: a thousand polls right after a publish make one query, not a thousand. */
  private readonly loading = new Map<string, Promise<CachedSchedule | null>>();
  private readonly maxAgeMs: number;
  private readonly maxFleets: number;
  private readonly clock: () => number;

  constructor(private readonly options: ScheduleCacheOptions) {
    this.maxAgeMs = options.maxAgeMs ?? SCHEDULE_CACHE_MAX_AGE_MS;
    this.maxFleets = options.maxFleets ?? SCHEDULE_CACHE_MAX_FLEETS;
    this.clock = options.clock ?? (() => performance.now());
    if (!(this.maxAgeMs >= 0) || !(this.maxFleets >= 1)) throw new Error('ScheduleCache: maxAgeMs must be >= 0 and maxFleets >= 1');
  }

  /**
   * The fleet's current schedule, or null when it has none. Versions served by this node never go back: a load
   * that returns an older version than one already held (a read that started before a publish) yields the newer.
   */
  async get(fleet: string): Promise<CachedSchedule | null> {
    const entry = this.fleets.get(fleet);
    if (entry && entry.schedule.version >= entry.floor && this.clock() - entry.loadedAt < this.maxAgeMs) return entry.schedule;
    let pending = this.loading.get(fleet);
    if (!pending) {
      pending = this.reload(fleet);
      this.loading.set(fleet, pending);
      const clear = (): void => {
        if (this.loading.get(fleet) === pending) this.loading.delete(fleet);
      };
      pending.then(clear, clear);
    }
    return pending;
  }

  /** What the publish route just stored: cached at once (if newer), so this node serves it from now on. */
  offer(fleet: string, schedule: CachedSchedule): void {
    this.store(fleet, schedule);
    this.markAtLeast(fleet, schedule.version);
  }

  /** A version exists that is at least this one (a notification): hold nothing older without reloading. */
  markAtLeast(fleet: string, version: number): void {
    const entry = this.fleets.get(fleet);
    if (!entry) return;
    entry.floor = Math.max(entry.floor, version);
    // A load that started before this news may return the older version: later polls must not wait on it.
    if (entry.schedule.version < entry.floor) this.loading.delete(fleet);
  }

  size(): number {
    return this.fleets.size;
  }

  /** Ends the notifier subscriptions (server close). */
  close(): void {
    for (const entry of this.fleets.values()) entry.unsubscribe();
    this.fleets.clear();
    this.loading.clear();
  }

  private async reload(fleet: string): Promise<CachedSchedule | null> {
    const row = await this.options.load(fleet);
    // No schedule: not cached, so requests for made-up fleet names cannot fill the memory.
    if (!row) return this.fleets.get(fleet)?.schedule ?? null;
    return this.store(fleet, { version: row.version, etag: `"${row.payloadSha256}"`, envelope: row.envelope });
  }

  /** Keeps the higher of the held and the given version and returns it; refreshes the age when it is current. */
  private store(fleet: string, schedule: CachedSchedule): CachedSchedule {
    const entry = this.fleets.get(fleet);
    if (entry) {
      if (schedule.version > entry.schedule.version) entry.schedule = schedule;
      if (schedule.version >= entry.schedule.version) entry.loadedAt = this.clock();
      return entry.schedule;
    }
    if (this.fleets.size >= this.maxFleets) this.forgetOldest();
    const unsubscribe = this.options.notifier?.subscribe(fleet, (update) => this.markAtLeast(fleet, update.version)) ?? (() => {});
    this.fleets.set(fleet, { schedule, loadedAt: this.clock(), floor: schedule.version, unsubscribe });
    return schedule;
  }

  private forgetOldest(): void {
    let oldest: [string, FleetEntry] | null = null;
    for (const item of this.fleets) if (oldest === null || item[1].loadedAt < oldest[1].loadedAt) oldest = item;
    if (oldest) {
      oldest[1].unsubscribe();
      this.fleets.delete(oldest[0]);
    }
  }
}
