// A small in-memory token bucket per key (a client address, a device credential). Each node counts on its
// own: behind a load balancer with N nodes a client gets up to N times the limit, which is fine for abuse
// protection (the goal), not for quotas.
export interface BucketLimit {
  /** Requests allowed in a burst (the bucket's size). */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

/** Per client address: generous, since many agents can share one address behind NAT. */
export const ADDRESS_LIMIT: BucketLimit = { capacity: 600, refillPerSecond: 50 };
/** Per credential (device or admin token): an agent polls, streams and sends events far below this. */
export const CREDENTIAL_LIMIT: BucketLimit = { capacity: 60, refillPerSecond: 1 };
/** Buckets kept at most; beyond it full (idle) buckets are dropped first, then the oldest. */
export const MAX_BUCKETS = 100_000;

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: BucketLimit,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxBuckets = MAX_BUCKETS,
  ) {
    if (!(limit.capacity >= 1) || !(limit.refillPerSecond > 0)) throw new Error('TokenBuckets: capacity must be >= 1 and refillPerSecond > 0');
  }

  /** Takes one token for `key`; when none is left, says in how many whole seconds one will be. */
  take(key: string): Take {
    const now = this.clock();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.level(bucket, now) : this.limit.capacity;
    if (tokens >= 1) {
      if (!bucket && this.buckets.size >= this.maxBuckets) this.prune(now);
      // Delete, then set: the Map's order stays least-recently-used first, for prune().
      this.buckets.delete(key);
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.limit.refillPerSecond)) };
  }

  size(): number {
    return this.buckets.size;
  }

  private level(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.limit.capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.limit.refillPerSecond);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (this.level(bucket, now) >= this.limit.capacity) this.buckets.delete(key);
    // Still full of busy clients: forget the oldest half (they start again with a full bucket).
    if (this.buckets.size >= this.maxBuckets) {
      let drop = Math.ceil(this.buckets.size / 2);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
