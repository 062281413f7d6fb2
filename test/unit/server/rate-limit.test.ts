import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../server/rate-limit.js';
import { LocalScheduleNotifier } from '../../../server/notifier.js';
import { isStorageUnavailable } from '../../../server/protection.js';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token, and refills', () => {
    let t = 0;
    const b = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 }, () => t);
    expect([b.take('a'), b.take('a'), b.take('a')].every((r) => r.ok)).toBe(true);
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(b.take('b').ok).toBe(true); // keys are independent
    t = 1000;
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    t = 2000;
    expect(b.take('a').ok).toBe(true);
    t = 1_000_000;
    expect([1, 2, 3, 4].map(() => b.take('a').ok)).toEqual([true, true, true, false]); // never above capacity
  });

  it('stays bounded: idle buckets go first, then the least recently used', () => {
    let t = 0;
    const b = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => t, 4);
    for (const k of ['a', 'b', 'c', 'd']) b.take(k);
    t = 10_000; // all full again
    b.take('e');
    expect(b.size()).toBe(1);
    for (const k of ['f', 'g', 'h', 'i', 'j']) b.take(k);
    expect(b.size()).toBeLessThanOrEqual(4);
  });

  it('rejects a limit that could never allow a request', () => {
    expect(() => new TokenBuckets({ capacity: 0, refillPerSecond: 1 })).toThrow();
    expect(() => new TokenBuckets({ capacity: 1, refillPerSecond: 0 })).toThrow();
  });
});

describe('LocalScheduleNotifier', () => {
  it('tells the listeners of one fleet only and forgets them on unsubscribe', () => {
    const n = new LocalScheduleNotifier();
    const heard: number[] = [];
    const off = n.subscribe('a', (u) => heard.push(u.version));
    n.subscribe('b', () => heard.push(-1));
    n.subscribe('a', () => { throw new Error('a broken stream'); });
    n.publish('a', { version: 2, etag: '"x"' });
    off();
    n.publish('a', { version: 3, etag: '"y"' });
    expect(heard).toEqual([2]);
    expect(n.size()).toBe(2);
  });
});

describe('isStorageUnavailable', () => {
  it('knows connection failures and a destroyed pool, not ordinary bugs', () => {
    expect(isStorageUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStorageUnavailable(Object.assign(new Error('too many clients'), { code: '53300' }))).toBe(true);
    expect(isStorageUnavailable(new Error('driver has already been destroyed'))).toBe(true);
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageUnavailable(null)).toBe(false);
  });
});
