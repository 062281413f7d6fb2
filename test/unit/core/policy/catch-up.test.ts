// Computers that were asleep or off: missed notices become one catch-up with the current facts, never a
// stale "in 7 days" notice, and the grace period protects someone back from holiday.
import { describe, expect, it } from 'vitest';
import { plan, type AgentState } from '../../../../core/policy/index.js';
import {
  device, EMPTY, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t,
} from './helpers.js';

// Window 22:00-02:00 Paris (21:00Z-01:00Z on 8-9 Dec), deadline 10 Dec 18:00 Paris (17:00Z), grace 4 h.
const schedule = scheduleOf(routinePatch());

describe('back from holiday: off from before the window until two weeks after the deadline', () => {
  const back = t('2026-12-24T08:00:00Z');
  const run = simulate({
    schedule, from: t('2026-11-25T08:00:00Z'), until: t('2026-12-26T00:00:00Z'),
    off: [[t('2026-12-05T18:00:00Z'), back]],
  });
  const notices = noticesIn(run.seen);
  const afterBack = notices.filter((n) => run.seen.some((s) => s.what === 'notice' && s.notice === n && s.at >= back));

  it('shows one catch-up on return, with the new deadline (now + grace) as its facts', () => {
    const catchUps = notices.filter((n) => n.kind === 'catch-up');
    expect(catchUps).toHaveLength(1);
    const [c] = catchUps;
    expect(afterBack[0]).toBe(c);
    expect(c!.facts).toMatchObject({
      stage: 'restart-needed', deadline: back + 4 * HOUR, forcedAt: back + 4 * HOUR,
      scheduleDeadline: t('2026-12-10T17:00:00Z'), deferralsLeft: 3, minutesLeft: 240,
    });
    expect(c!.supersedes).toEqual(expect.arrayContaining([
      'dec-patch:advance:86400', 'dec-patch:advance:14400', 'dec-patch:advance:3600', 'dec-patch:advance:900',
      'dec-patch:starting', 'dec-patch:finished-restart-needed', 'dec-patch:deadline-passed',
    ]));
  });

  it('then only the forced-restart warnings and "all done": nothing stale, nothing twice', () => {
    expect(afterBack.map((n) => n.kind)).toEqual([
      'catch-up', 'forced-warning', 'forced-warning', 'forced-warning', 'forced-warning', 'all-done',
    ]);
  });

  it('the restart pending since the return; the forced restart exactly grace later, not before', () => {
    expect(run.state.maintenances['dec-patch']?.pendingSince).toBe(back);
    const restarts = run.seen.filter((s) => s.what === 'restart');
    expect(restarts.map((r) => iso(r.at))).toEqual([iso(back + 4 * HOUR)]);
  });

  it('says "overdue" in the tray and asks every 5 minutes', () => {
    const afterReturn = run.plans.filter((p) => p.now >= back && p.now < back + 4 * HOUR);
    expect(afterReturn.every((p) => p.plan.status === 'overdue')).toBe(true);
    const shown = run.seen.filter((s) => s.what === 'prompt' && s.at >= back).map((s) => s.at);
    expect(shown[1]! - shown[0]!).toBe(5 * MINUTE);
  });

  it('offers only deferrals that fit in the grace period', () => {
    const first = run.seen.find((s) => s.what === 'prompt' && s.at >= back);
    expect(first?.what === 'prompt' && first.prompt.choices).toEqual([
      { kind: 'restart-now' },
      { kind: 'defer', seconds: 3600, until: back + HOUR },
      { kind: 'defer', seconds: 14400, until: back + 4 * HOUR },
      { kind: 'pick-time', earliest: back + 5 * MINUTE, latest: back + 4 * HOUR },
    ]);
  });
});

describe('sleep and resume', () => {
  it('asleep across three notice times: one catch-up on waking, then the next notices as usual', () => {
    const wake = t('2026-12-08T20:50:00Z');
    const run = simulate({
      schedule, from: t('2026-11-25T12:00:00Z'), until: t('2026-12-08T22:00:00Z'),
      asleep: [[t('2026-12-08T05:00:00Z'), wake]],
    });
    const shown = run.seen.filter((s) => s.what === 'notice' && s.at >= wake).map((s) => s.what === 'notice' && [iso(s.at), s.notice.id]);
    expect(shown).toEqual([
      ['2026-12-08T20:50:00.000Z', 'dec-patch:catch-up:advance:900'],
      ['2026-12-08T21:00:00.000Z', 'dec-patch:starting'],
    ]);
    const catchUp = noticesIn(run.seen).find((n) => n.kind === 'catch-up')!;
    // The 1-day notice (held for quiet hours, then missed), 4 h and 1 h (missed), 15 min (due while asleep).
    expect(catchUp.supersedes?.sort()).toEqual([
      'dec-patch:advance:14400', 'dec-patch:advance:3600', 'dec-patch:advance:86400', 'dec-patch:advance:900',
    ]);
    expect(catchUp.facts).toMatchObject({ stage: 'upcoming', start: t('2026-12-08T21:00:00Z'), minutesLeft: 10 });
  });

  it('woken during the window: the catch-up says the updates are under way', () => {
    const run = simulate({
      schedule, from: t('2026-11-25T12:00:00Z'), until: t('2026-12-08T23:00:00Z'),
      asleep: [[t('2026-12-08T13:00:00Z'), t('2026-12-08T21:30:00Z')]],
    });
    const notices = noticesIn(run.seen).filter((n) => n.at >= t('2026-12-08T13:00:00Z'));
    expect(notices.map((n) => n.id)).toEqual(['dec-patch:catch-up:starting']);
    expect(notices[0]!.facts).toMatchObject({ stage: 'in-progress', end: t('2026-12-09T01:00:00Z') });
  });

  it('a short nap (shorter than catchUpAfter) late for one notice just shows it', () => {
    const run = simulate({
      schedule, from: t('2026-12-08T19:00:00Z'), until: t('2026-12-08T20:30:00Z'),
      asleep: [[t('2026-12-08T19:55:00Z'), t('2026-12-08T20:05:00Z')]],
    });
    expect(noticesIn(run.seen).map((n) => n.id)).toEqual(['dec-patch:catch-up:advance:14400', 'dec-patch:advance:3600']);
  });

  it('asleep through forced-restart warnings: only the latest is shown, standing in for the others', () => {
    const forced = t('2026-12-10T17:00:00Z');
    const run = simulate({
      schedule, from: t('2026-12-10T15:00:00Z'), until: t('2026-12-10T18:00:00Z'),
      state: { maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-09T01:00:00Z') } }, lastPlannedAt: t('2026-12-10T14:59:00Z') },
      asleep: [[forced - 65 * MINUTE, forced - 8 * MINUTE]],
    });
    const warnings = noticesIn(run.seen).filter((n) => n.kind === 'forced-warning');
    expect(warnings.map((w) => w.id)).toEqual(['dec-patch:forced-warning:600', 'dec-patch:forced-warning:300']);
    expect(warnings[0]!.supersedes).toEqual(['dec-patch:forced-warning:3600', 'dec-patch:forced-warning:1800']);
    expect(warnings[0]!.facts.minutesLeft).toBe(8);
  });
});

describe('never a stale notice', () => {
  const start = t('2026-12-08T21:00:00Z');

  it('first run 2 hours before the window: one catch-up "in 2 hours", never the 7-day notice', () => {
    const p = plan(schedule, device(), EMPTY, start - 2 * HOUR);
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]).toMatchObject({ kind: 'catch-up', facts: { stage: 'upcoming', minutesLeft: 120 } });
    expect(p.notices[0]!.supersedes).toEqual(['dec-patch:advance:604800', 'dec-patch:advance:86400', 'dec-patch:advance:14400']);
  });

  it('a schedule that arrives late while the agent runs: the live notice, superseding the stale ones', () => {
    const running: AgentState = { maintenances: {}, lastPlannedAt: start - 2 * HOUR - MINUTE };
    const p = plan(schedule, device(), running, start - 2 * HOUR);
    expect(p.notices.map((n) => [n.id, n.supersedes])).toEqual([
      ['dec-patch:advance:14400', ['dec-patch:advance:604800', 'dec-patch:advance:86400']],
    ]);
  });

  it('a notice held until the next one is due is dropped for the next one', () => {
    // The 1 h notice was held (busy) and never shown; at 15 min before, only the 15 min notice is live.
    const state: AgentState = {
      maintenances: { 'dec-patch': { noticesShown: ['dec-patch:advance:604800', 'dec-patch:advance:86400', 'dec-patch:advance:14400'], deferrals: { count: 0 } } },
      lastPlannedAt: start - 20 * MINUTE,
    };
    const p = plan(schedule, device(), state, start - 15 * MINUTE);
    expect(p.notices.map((n) => [n.id, n.supersedes])).toEqual([['dec-patch:advance:900', ['dec-patch:advance:3600']]]);
  });

  it('at most one catch-up per maintenance, one for each maintenance', () => {
    const two = scheduleOf(routinePatch(), routinePatch({ id: 'office-update', kind: 'routine-patch', window: { start: '2026-12-08T23:00', end: '2026-12-09T01:00' } }));
    const p = plan(two, device(), EMPTY, start + 90 * MINUTE);
    expect(p.notices.map((n) => n.id).sort()).toEqual(['dec-patch:catch-up:starting', 'office-update:catch-up:starting']);
  });

  it('all done long ago: nothing to say', () => {
    const noRestart = scheduleOf(routinePatch({ restart: { required: false } }));
    expect(plan(noRestart, device(), EMPTY, t('2026-12-09T02:00:00Z')).notices.map((n) => n.id)).toEqual(['dec-patch:catch-up:all-done']);
    expect(plan(noRestart, device(), EMPTY, t('2026-12-20T00:00:00Z')).notices).toEqual([]);
  });
});
