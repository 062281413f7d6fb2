// The whole life of a routine patch on one laptop in Paris, run through simulate(): what the person sees, in
// order and at what time, for a person who ignores the prompts, one who restarts, and one who defers.
import { describe, expect, it } from 'vitest';
import { plan, POLICY_DEFAULTS, type RestartPrompt } from '../../../../core/policy/index.js';
import {
  DAY, device, EMPTY, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t, type Seen,
} from './helpers.js';

// Window 22:00-02:00 Paris (21:00Z-01:00Z), deadline Monday 14 Dec 18:00 Paris (17:00Z): 5 days after the window.
const schedule = scheduleOf(routinePatch({ restart: { deadline: '2026-12-14T18:00' } }));
const FROM = t('2026-11-25T08:00:00Z');
const UNTIL = t('2026-12-20T00:00:00Z');

const prompts = (seen: Seen[]): Array<{ at: number; prompt: RestartPrompt }> =>
  seen.flatMap((s) => (s.what === 'prompt' ? [{ at: s.at, prompt: s.prompt }] : []));

describe('a routine patch, start to finish (person ignores every prompt)', () => {
  const run = simulate({ schedule, from: FROM, until: UNTIL });
  const notices = noticesIn(run.seen);

  it('shows each notice once, in order, at its time (quiet hours move the 22:00 ones to 07:00)', () => {
    expect(notices.map((n) => [n.id, iso(run.seen.find((s) => s.what === 'notice' && s.notice === n)!.at)])).toEqual([
      // 7 days and 1 day before 22:00 Paris are in quiet hours: shown at 07:00 Paris (06:00Z) next morning.
      ['dec-patch:advance:604800', '2026-12-02T06:00:00.000Z'],
      ['dec-patch:advance:86400', '2026-12-08T06:00:00.000Z'],
      ['dec-patch:advance:14400', '2026-12-08T17:00:00.000Z'],
      ['dec-patch:advance:3600', '2026-12-08T20:00:00.000Z'],
      ['dec-patch:advance:900', '2026-12-08T20:45:00.000Z'],
      ['dec-patch:starting', '2026-12-08T21:00:00.000Z'],
      ['dec-patch:finished-restart-needed', '2026-12-09T01:00:00.000Z'],
      ['dec-patch:forced-warning:3600', '2026-12-14T16:00:00.000Z'],
      ['dec-patch:forced-warning:1800', '2026-12-14T16:30:00.000Z'],
      ['dec-patch:forced-warning:600', '2026-12-14T16:50:00.000Z'],
      ['dec-patch:forced-warning:300', '2026-12-14T16:55:00.000Z'],
      ['dec-patch:all-done', '2026-12-14T17:02:30.000Z'],
    ]);
    expect(new Set(notices.map((n) => n.id)).size).toBe(notices.length);
  });

  it('restarts exactly at the deadline, after a final countdown that starts 5 minutes before', () => {
    const countdown = run.seen.find((s) => s.what === 'countdown');
    const restarts = run.seen.filter((s) => s.what === 'restart');
    expect(countdown && iso(countdown.at)).toBe('2026-12-14T16:55:00.000Z');
    expect(restarts.map((r) => [iso(r.at), r.what === 'restart' && r.forced])).toEqual([['2026-12-14T17:00:00.000Z', true]]);
  });

  it('remembers when the restart became pending: at the window end', () => {
    expect(run.state.maintenances['dec-patch']?.pendingSince).toBe(t('2026-12-09T01:00:00Z'));
  });

  it('brings the prompt back every 5 h, then every 100 min under 72 h, then every 10 min under 24 h (not at night)', () => {
    const shown = prompts(run.seen).map((p) => p.at);
    const deadline = t('2026-12-14T17:00:00Z');
    // Pending at 02:00 Paris, in quiet hours: the first prompt waits for 07:00 Paris (06:00Z).
    expect(iso(shown[0]!)).toBe('2026-12-09T06:00:00.000Z');
    // Quiet hours (22:00-07:00 Paris, 21:00Z-06:00Z) hold every prompt: the deadline is at 18:00, far from them.
    const quiet = (at: number) => new Date(at).getUTCHours() >= 21 || new Date(at).getUTCHours() < 6;
    expect(shown.filter(quiet).map(iso)).toEqual([]);
    for (let i = 1; i < shown.length; i += 1) {
      const previous = shown[i - 1]!;
      const left = deadline - previous;
      const cadence = left > 72 * HOUR ? 5 * HOUR : left > 24 * HOUR ? 100 * MINUTE : 10 * MINUTE;
      const gap = shown[i]! - previous;
      // A phase change brings it back early (the new, shorter cadence already elapsed); never later, except
      // when it came due in quiet hours: then it comes at their end, 07:00 Paris.
      if (gap > cadence) {
        expect(quiet(previous + cadence), `prompt ${i} at ${iso(shown[i]!)}`).toBe(true);
        expect(iso(shown[i]!), `prompt ${i}`).toMatch(/T06:00:00\.000Z$/);
      }
      if (deadline - shown[i]! > 72 * HOUR && !quiet(previous + cadence)) expect(gap).toBe(5 * HOUR);
    }
    expect(shown.slice(0, 4).map(iso)).toEqual([
      '2026-12-09T06:00:00.000Z', '2026-12-09T11:00:00.000Z', '2026-12-09T16:00:00.000Z', '2026-12-10T06:00:00.000Z',
    ]);
    // The last 24 h: every 10 minutes from 18:00 to 22:00 and from 07:00 to 17:00 Paris (the last hour's prompt
    // is replaced by the countdown at 17:55), none in between.
    const last24h = shown.filter((s) => deadline - s <= 24 * HOUR && deadline - s > 0);
    expect(last24h.length).toBe(90);
  });

  it('offers fewer choices as the deadline nears', () => {
    const deferKinds = (p: RestartPrompt) => p.choices.flatMap((c) => (c.kind === 'defer' ? [c.seconds] : []));
    const at = (when: string) => prompts(run.seen).find((p) => p.at >= t(when))!.prompt;
    expect(deferKinds(at('2026-12-09T06:00:00Z'))).toEqual([3600, 14400, 86400]);
    expect(deferKinds(at('2026-12-13T18:00:00Z'))).toEqual([3600, 14400]); // under 24 h: no 1-day option
    expect(deferKinds(at('2026-12-14T13:30:00Z'))).toEqual([3600]); // 4 h no longer fits
    expect(deferKinds(at('2026-12-14T16:01:00Z'))).toEqual([]); // last hour: only <= 15 min options
    // Picking a time: up to 3 days (latestPick) after the restart became pending (at 02:00 Paris, not from when
    // the first prompt could be shown at 07:00), then no more.
    const first = at('2026-12-09T01:00:00Z').choices.find((c) => c.kind === 'pick-time');
    expect(first).toEqual({ kind: 'pick-time', earliest: t('2026-12-09T06:05:00Z'), latest: t('2026-12-12T01:00:00Z') });
    expect(at('2026-12-12T01:00:00Z').choices.map((c) => c.kind)).not.toContain('pick-time');
    expect(at('2026-12-14T16:01:00Z').choices.map((c) => c.kind)).toEqual(['restart-now']);
  });

  it('tray status: idle, upcoming within 7 days, restart-pending once pending, idle when done', () => {
    const statusAt = (when: string) => [...run.plans].reverse().find((p) => p.now <= t(when))!.plan.status;
    expect(statusAt('2026-11-30T12:00:00Z')).toBe('idle');
    expect(statusAt('2026-12-02T06:00:00Z')).toBe('upcoming');
    expect(statusAt('2026-12-08T21:30:00Z')).toBe('upcoming');
    expect(statusAt('2026-12-10T12:00:00Z')).toBe('restart-pending');
    expect(statusAt('2026-12-15T12:00:00Z')).toBe('idle');
  });

  it('never sleeps past maxSleep, and wakes for the upcoming horizon', () => {
    for (let i = 1; i < run.plans.length; i += 1) {
      const gap = run.plans[i]!.now - run.plans[i - 1]!.now;
      // Restarts take 2.5 minutes in the simulation; everything else is a planned wake-up.
      expect(gap).toBeLessThanOrEqual(POLICY_DEFAULTS.maxSleep * 1000);
    }
    expect(run.plans.some((p) => p.now === t('2026-12-01T21:00:00Z'))).toBe(true); // 7 days before the start
  });
});

describe('a routine patch, with people who act', () => {
  it('restart at the first prompt: all done, no warnings, no forced restart', () => {
    const run = simulate({ schedule, from: FROM, until: UNTIL, onPrompt: () => ({ kind: 'restart-now' }) });
    const notices = noticesIn(run.seen).map((n) => n.kind);
    expect(notices.slice(-2)).toEqual(['finished-restart-needed', 'all-done']);
    expect(notices).not.toContain('forced-warning');
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => s.what === 'restart' && s.forced)).toEqual([false]);
    expect(run.seen.filter((s) => s.what === 'prompt')).toHaveLength(1);
  });

  it('defer whenever possible: 3 deferrals, the count shown going down, then the deadline holds', () => {
    const run = simulate({
      schedule, from: FROM, until: UNTIL,
      onPrompt: (p) => {
        const longest = p.choices.filter((c) => c.kind === 'defer').at(-1);
        return longest?.kind === 'defer' ? { kind: 'defer', seconds: longest.seconds } : undefined;
      },
    });
    expect(run.state.maintenances['dec-patch']?.deferrals.count).toBe(3);
    const deferrals = run.seen.filter((s) => s.what === 'deferred');
    expect(deferrals.map((d) => d.what === 'deferred' && d.seconds)).toEqual([86400, 86400, 86400]);
    const lefts = prompts(run.seen).map((p) => p.prompt.deferralsLeft);
    expect(lefts.slice(0, 4)).toEqual([3, 2, 1, 0]);
    // Each deferral hid the prompt for a day: the next prompt came exactly when it ended.
    const shown = prompts(run.seen).map((p) => p.at);
    expect(shown[1]! - shown[0]!).toBe(DAY);
    expect(shown[2]! - shown[1]!).toBe(DAY);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual(['2026-12-14T17:00:00.000Z']);
  });

  it('the OS reports the restart pending during the window: pending from then, not from the window end', () => {
    const run = simulate({ schedule, from: t('2026-12-08T20:00:00Z'), until: t('2026-12-09T03:00:00Z'), osPendingAt: t('2026-12-08T21:40:00Z'), state: EMPTY });
    expect(run.state.maintenances['dec-patch']?.pendingSince).toBe(t('2026-12-08T21:40:00Z'));
    const finished = noticesIn(run.seen).find((n) => n.kind === 'finished-restart-needed');
    expect(finished?.at).toBe(t('2026-12-08T21:40:00Z'));
    // A first run ever at 20:00Z: the 7d, 1d and 4h notices were missed, so one catch-up stands for them.
    expect(noticesIn(run.seen).map((n) => n.kind)).toEqual(['catch-up', 'advance', 'starting', 'finished-restart-needed']);
  });

  it('plan() returns remember only once: the engine persists it and the next plan reads it back', () => {
    const now = t('2026-12-09T01:00:00Z');
    const first = plan(schedule, device(), EMPTY, now);
    expect(first.remember).toEqual([{ maintenance: 'dec-patch', pendingSince: now }]);
    const remembered = { maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: now } } };
    expect(plan(schedule, device(), remembered, now + MINUTE).remember).toEqual([]);
  });
});
