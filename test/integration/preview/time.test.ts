// --at and --speed move plan time: the engine plans at the chosen instant, and its timers run N× faster, so a
// notice due in an hour at speed 3600 arrives after about a real second. Asserted on the snapshot (what the
// views show), with a generous wait: how fast is for the benchmarks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../core/agent-api.js';
import { startPreview, type Preview } from '../../../cli/preview/index.js';
import { scaledTime } from '../../../cli/preview/scaled-time.js';
import { EXAMPLE, PATCH } from './support.js';

/** An hour before the example's last notice (1h before 22:00 Paris on December 8). */
const AT = '2026-12-08T20:00:00+01:00';
const ONE_HOUR_NOTICE = Date.parse('2026-12-08T21:00:00+01:00');

describe('preview time', () => {
  let preview: Preview | undefined;
  afterEach(async () => {
    await preview?.stop();
    preview = undefined;
  });

  it('--at: the engine plans at the given instant, not today', async () => {
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: AT });
    const s = await preview.engine.getSnapshot();
    expect(s.at).toBeGreaterThanOrEqual(Date.parse(AT));
    expect(s.at).toBeLessThan(Date.parse(AT) + 60_000);
    expect(s.tray.status).toBe('upcoming');
    expect(s.focus?.id).toBe(PATCH);
    // At speed 1 the 21:00 notice is an hour away: not shown yet.
    expect(s.notices.some((n) => n.at === ONE_HOUR_NOTICE)).toBe(false);
  });

  it('the page\'s snapshots carry the speed, so the views\' own countdowns run at plan time (none at speed 1)', async () => {
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: AT, speed: 600 });
    expect(((await preview.call('getSnapshot', [])).body as Snapshot).rate).toBe(600);
    const acted = (await preview.call('checkNow', [])).body as { ok: boolean; snapshot: Snapshot };
    expect(acted.snapshot.rate).toBe(600);
    await preview.stop();
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: AT });
    expect(((await preview.call('getSnapshot', [])).body as Snapshot).rate).toBeUndefined();
  });

  it('--speed 3600: the notice due in an hour appears within seconds, and plan time has moved an hour', async () => {
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: AT, speed: 3600 });
    const p = preview;
    const snapshot = await vi.waitFor(async () => {
      const s: Snapshot = await p.engine.getSnapshot();
      if (!s.notices.some((n) => n.at === ONE_HOUR_NOTICE)) throw new Error('not yet');
      return s;
    }, { timeout: 20_000, interval: 100 });
    expect(snapshot.at).toBeGreaterThanOrEqual(ONE_HOUR_NOTICE);
    const notice = snapshot.notices.find((n) => n.at === ONE_HOUR_NOTICE)!;
    expect(notice.maintenance).toBe(PATCH);
    expect(p.notifications.some((n) => n.id === notice.id)).toBe(true);
    await p.engine.settled();
    const notified = (await p.serverEvents()).filter((e) => e.type === 'notified' && (JSON.parse(e.body) as { notice: string }).notice === notice.id);
    expect(notified).toHaveLength(1);
  });

  it('scaled time: the clock and the timers share one scale', () => {
    let real = 1000;
    const t = scaledTime(Date.parse(AT), 60, () => real);
    real += 5000;
    expect(t.clock.now()).toBe(Date.parse(AT)); // stands still until started
    t.start();
    expect(t.clock.now()).toBe(Date.parse(AT));
    real += 1000;
    expect(t.clock.now()).toBe(Date.parse(AT) + 60_000);
    // A 60 s plan-time timer at 60× waits 1 s of real time (fake timers: no timing in the assertion).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let fired = 0;
      t.timers.setTimeout(() => { fired += 1; }, 60_000);
      const cancelled = t.timers.setTimeout(() => { fired += 10; }, 60_000);
      t.timers.clearTimeout(cancelled);
      vi.advanceTimersByTime(999);
      expect(fired).toBe(0);
      vi.advanceTimersByTime(1);
      expect(fired).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    expect(() => scaledTime(0, 0)).toThrow(/speed must be more than 0/);
    expect(() => scaledTime(Number.NaN, 1)).toThrow(/finite/);
  });
});
