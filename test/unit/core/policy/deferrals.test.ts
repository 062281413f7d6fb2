// Deferral choices near the deadline, the deferral count, refusals, picking a time, and the prompt's return.
import { describe, expect, it } from 'vitest';
import {
  defer, markPromptShown, pickRestartTime, plan, restartOptions, type AgentState, type RestartPrompt,
} from '../../../../core/policy/index.js';
import { DAY, device, EMPTY, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t } from './helpers.js';

// Pending since the window end (9 Dec 01:00Z); deadline 14 Dec 17:00Z (18:00 Paris); options 10m, 1h, 4h, 1d.
const schedule = scheduleOf(routinePatch({
  restart: { deadline: '2026-12-14T18:00', deferrals: { max: 3, options: ['10m', '1h', '4h', '1d'], latestPick: '10d' } },
}));
const PENDING = t('2026-12-09T01:00:00Z');
const DEADLINE = t('2026-12-14T17:00:00Z');
const pending = (extra: Partial<AgentState['maintenances'][string]> = {}): AgentState => ({
  maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: PENDING, ...extra } },
  lastPlannedAt: PENDING,
});
const options = (p: RestartPrompt | undefined) => p?.choices.flatMap((c) => (c.kind === 'defer' ? [c.seconds] : [])) ?? [];
const kinds = (p: RestartPrompt | undefined) => p?.choices.map((c) => c.kind) ?? [];
const at = (now: number, state = pending()) => restartOptions(schedule, device(), state, 'dec-patch', now);

describe('deferral options shrink as the deadline nears', () => {
  it.each([
    ['5 days left: every option', DEADLINE - 5 * DAY, [600, 3600, 14400, 86400]],
    ['exactly 24 h left: no option of a day or more', DEADLINE - DAY, [600, 3600, 14400]],
    ['3 h left: 4 h no longer fits', DEADLINE - 3 * HOUR, [600, 3600]],
    ['exactly 4 h left: 4 h still lands on the deadline', DEADLINE - 4 * HOUR, [600, 3600, 14400]],
    ['the last hour: only 15 minutes or less', DEADLINE - 59 * MINUTE, [600]],
    ['9 minutes left: nothing fits', DEADLINE - 9 * MINUTE, []],
  ])('%s', (_name, now, expected) => {
    expect(options(at(now))).toEqual(expected);
    for (const c of at(now)!.choices) if (c.kind === 'defer') expect(c.until).toBeLessThanOrEqual(DEADLINE);
  });

  it('restart-now is always first; pick-a-time while its range is not empty', () => {
    expect(kinds(at(DEADLINE - 2 * DAY))).toEqual(['restart-now', 'defer', 'defer', 'defer', 'defer', 'pick-time']);
    expect(at(DEADLINE - 2 * DAY)!.choices.at(-1)).toEqual({ kind: 'pick-time', earliest: DEADLINE - 2 * DAY + 5 * MINUTE, latest: DEADLINE });
    expect(kinds(at(DEADLINE - 4 * MINUTE))).toEqual(['restart-now']);
  });

  it('in the final countdown: only restart-now, and it cannot be closed', () => {
    const p = at(DEADLINE - 4 * MINUTE);
    expect(p).toMatchObject({ dismissible: false, choices: [{ kind: 'restart-now' }], deadline: DEADLINE });
    const full = plan(schedule, device(), pending(), DEADLINE - 4 * MINUTE);
    expect(full.countdown).toEqual({ maintenance: 'dec-patch', restartAt: DEADLINE });
    expect(full.prompt?.dismissible).toBe(false);
  });

  it('the schedule allows no deferral (max 0): restart-now only, no picking either', () => {
    const none = scheduleOf(routinePatch({ restart: { deadline: '2026-12-14T18:00', deferrals: { max: 0 } } }));
    expect(kinds(restartOptions(none, device(), pending(), 'dec-patch', PENDING))).toEqual(['restart-now']);
  });

  it('no options when no restart is pending (before the window; after it is done)', () => {
    expect(at(PENDING - DAY, EMPTY)).toBeUndefined();
    expect(restartOptions(schedule, device({ lastBoot: PENDING + HOUR }), pending(), 'dec-patch', PENDING + 2 * HOUR)).toBeUndefined();
  });
});

describe('defer()', () => {
  it('accepts an offered option: count + 1, the prompt hidden until then', () => {
    const now = PENDING + HOUR;
    const r = defer(pending(), schedule, device(), 'dec-patch', { kind: 'defer', seconds: 14400 }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.maintenances['dec-patch']?.deferrals).toEqual({ count: 1, until: now + 4 * HOUR });
    const shown = markPromptShown(r.state, 'dec-patch', now);
    expect(plan(schedule, device(), shown, now + 4 * HOUR - 1).prompt).toBeUndefined();
    expect(plan(schedule, device(), shown, now + 4 * HOUR - 1).nextWake).toBe(now + 4 * HOUR);
  });

  it('the prompt comes back at max(until, shown + cadence)', () => {
    // 5 days left: initial phase, a 5 h cadence; a 1 h deferral does not bring it back sooner.
    const now = PENDING;
    const r = defer(markPromptShown(pending(), 'dec-patch', now), schedule, device(), 'dec-patch', { kind: 'defer', seconds: 3600 }, now);
    if (!r.ok) throw new Error(r.reason);
    expect(plan(schedule, device(), r.state, now + HOUR).prompt).toBeUndefined();
    expect(plan(schedule, device(), r.state, now + 5 * HOUR).prompt?.maintenance).toBe('dec-patch');
  });

  it('refuses an option that is not offered now (1 day with 20 h left) and one not in the schedule', () => {
    const now = DEADLINE - 20 * HOUR;
    expect(defer(pending(), schedule, device(), 'dec-patch', { kind: 'defer', seconds: 86400 }, now)).toEqual({ ok: false, reason: 'not-offered' });
    expect(defer(pending(), schedule, device(), 'dec-patch', { kind: 'defer', seconds: 7200 }, now)).toEqual({ ok: false, reason: 'not-offered' });
  });

  it('never more than max: the fourth deferral is refused', () => {
    let state = pending();
    let now = PENDING;
    for (let i = 0; i < 3; i += 1) {
      const r = defer(state, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 3600 }, now);
      if (!r.ok) throw new Error(r.reason);
      state = r.state;
      now += 2 * HOUR;
    }
    expect(state.maintenances['dec-patch']?.deferrals.count).toBe(3);
    expect(defer(state, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 3600 }, now)).toEqual({ ok: false, reason: 'no-deferrals-left' });
    expect(kinds(at(now, state))).toEqual(['restart-now', 'pick-time']);
    expect(at(now, state)?.deferralsLeft).toBe(0);
  });

  it('refuses in the final countdown, for an unknown maintenance, and when nothing is pending', () => {
    expect(defer(pending(), schedule, device(), 'dec-patch', { kind: 'defer', seconds: 600 }, DEADLINE - 3 * MINUTE)).toEqual({ ok: false, reason: 'not-offered' });
    expect(defer(pending(), schedule, device(), 'nope', { kind: 'defer', seconds: 600 }, PENDING)).toEqual({ ok: false, reason: 'unknown-maintenance' });
    expect(defer(EMPTY, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 600 }, PENDING - DAY)).toEqual({ ok: false, reason: 'not-pending' });
  });

  it('a deferral at the moment the restart becomes pending also remembers pendingSince', () => {
    const r = defer(EMPTY, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 3600 }, PENDING);
    expect(r.ok && r.state.maintenances['dec-patch']).toMatchObject({ pendingSince: PENDING, deferrals: { count: 1, until: PENDING + HOUR } });
  });

  it('does not change the state it was given', () => {
    const state = pending();
    const before = structuredClone(state);
    defer(state, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 3600 }, PENDING);
    expect(state).toEqual(before);
  });
});

describe('pick a time', () => {
  it('accepts a time in [now + 5 min, min(deadline, pending + latestPick)], refuses one outside', () => {
    const now = PENDING + HOUR;
    expect(pickRestartTime(pending(), schedule, device(), 'dec-patch', now + 4 * MINUTE, now)).toEqual({ ok: false, reason: 'not-offered' });
    expect(pickRestartTime(pending(), schedule, device(), 'dec-patch', DEADLINE + 1, now)).toEqual({ ok: false, reason: 'not-offered' });
    const r = pickRestartTime(pending(), schedule, device(), 'dec-patch', DEADLINE, now);
    expect(r.ok && r.state.maintenances['dec-patch']?.pickedRestartAt).toBe(DEADLINE);
  });

  it('latestPick counts from when the restart became pending', () => {
    const short = scheduleOf(routinePatch({ restart: { deadline: '2026-12-14T18:00', deferrals: { options: ['1h'], latestPick: '8h' } } }));
    const p = restartOptions(short, device(), pending(), 'dec-patch', PENDING + HOUR);
    expect(p?.choices.find((c) => c.kind === 'pick-time')).toEqual({ kind: 'pick-time', earliest: PENDING + HOUR + 5 * MINUTE, latest: PENDING + 8 * HOUR });
    expect(kinds(restartOptions(short, device(), pending(), 'dec-patch', PENDING + 8 * HOUR))).not.toContain('pick-time');
  });

  it('a picked time is a promise: forced then, no more prompts, warnings and countdown before it', () => {
    const picked = t('2026-12-10T12:00:00Z');
    // Pending at 02:00 Paris: the first prompt comes when quiet hours end, at 07:00 Paris (06:00Z).
    const firstPrompt = t('2026-12-09T06:00:00Z');
    const run = simulate({
      schedule, from: PENDING, until: t('2026-12-11T00:00:00Z'), state: pending(),
      onPrompt: (p, now) => (now === firstPrompt ? { kind: 'pick-time', at: picked } : undefined),
    });
    expect(run.seen.filter((s) => s.what === 'prompt').map((s) => s.at)).toEqual([firstPrompt]);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual([iso(picked)]);
    const warnings = noticesIn(run.seen).filter((n) => n.kind === 'forced-warning').map((n) => n.at);
    expect(warnings).toEqual([picked - HOUR, picked - 30 * MINUTE, picked - 10 * MINUTE, picked - 5 * MINUTE]);
    expect(run.plans.find((p) => p.now > firstPrompt)?.plan.forcedRestartAt).toBe(picked);
    // After picking, the only choice left is to restart now.
    const state = pickRestartTime(pending(), schedule, device(), 'dec-patch', picked, PENDING);
    expect(state.ok && kinds(restartOptions(schedule, device(), state.state, 'dec-patch', PENDING + HOUR))).toEqual(['restart-now']);
  });

  it('picking does not use a deferral, and is still offered when none are left', () => {
    const state = pending({ deferrals: { count: 3 } });
    const r = pickRestartTime(state, schedule, device(), 'dec-patch', PENDING + DAY, PENDING);
    expect(r.ok && r.state.maintenances['dec-patch']?.deferrals.count).toBe(3);
  });
});
