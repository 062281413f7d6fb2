// Local windows on DST days (a spring-forward gap, a fall-back overlap: each happens once), zones with odd
// offsets, and a laptop that changes zone while a deferral is pending.
import { describe, expect, it } from 'vitest';
import { defer, plan, resolveTimes, type AgentState } from '../../../../core/policy/index.js';
import { device, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t } from './helpers.js';

const patchAt = (start: string, end: string, deadline: string, offsets = ['1h', '15m']) =>
  scheduleOf(routinePatch({ window: { start, end }, restart: { deadline }, notices: { offsets } }));

describe('DST days in New York', () => {
  it('02:30 on the spring-forward day does not exist: it starts once, at 03:30 EDT (07:30Z)', () => {
    const schedule = patchAt('2026-03-08T02:30', '2026-03-08T04:00', '2026-03-08T12:00');
    const ny = { zone: 'America/New_York' };
    expect(iso(resolveTimes(schedule.maintenances[0]!, ny.zone).start)).toBe('2026-03-08T07:30:00.000Z');
    const run = simulate({ schedule, from: t('2026-03-07T20:00:00Z'), until: t('2026-03-09T00:00:00Z'), device: ny });
    expect(noticesIn(run.seen).map((n) => [n.id, iso(n.at)])).toEqual([
      ['dec-patch:advance:3600', '2026-03-08T06:30:00.000Z'],
      ['dec-patch:advance:900', '2026-03-08T07:15:00.000Z'],
      ['dec-patch:starting', '2026-03-08T07:30:00.000Z'],
      ['dec-patch:finished-restart-needed', '2026-03-08T08:00:00.000Z'],
      ['dec-patch:forced-warning:3600', '2026-03-08T15:00:00.000Z'],
      ['dec-patch:forced-warning:1800', '2026-03-08T15:30:00.000Z'],
      ['dec-patch:forced-warning:600', '2026-03-08T15:50:00.000Z'],
      ['dec-patch:forced-warning:300', '2026-03-08T15:55:00.000Z'],
      ['dec-patch:all-done', '2026-03-08T16:02:00.000Z'],
    ]);
    // 12:00 EDT is 16:00Z: one forced restart.
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual(['2026-03-08T16:00:00.000Z']);
  });

  it('01:30 on the fall-back day happens twice: it starts once, at the first (05:30Z)', () => {
    const schedule = patchAt('2026-11-01T01:30', '2026-11-01T03:00', '2026-11-02T12:00');
    const run = simulate({ schedule, from: t('2026-10-31T20:00:00Z'), until: t('2026-11-01T12:00:00Z'), device: { zone: 'America/New_York' } });
    const starting = noticesIn(run.seen).filter((n) => n.kind === 'starting');
    expect(starting.map((n) => iso(n.at))).toEqual(['2026-11-01T05:30:00.000Z']);
    // The window end (03:00 EST) is 08:00Z: two and a half real hours after the start, not an hour and a half.
    expect(run.state.maintenances['dec-patch']?.pendingSince).toBe(t('2026-11-01T08:00:00Z'));
    // The second 01:30 (06:30Z) changes nothing.
    const at0630 = run.plans.filter((p) => p.now >= t('2026-11-01T06:25:00Z') && p.now <= t('2026-11-01T06:35:00Z'));
    expect(at0630.flatMap((p) => p.plan.notices)).toEqual([]);
  });

  it('notice offsets are real elapsed time before the start, across the change', () => {
    const schedule = patchAt('2026-03-08T09:00', '2026-03-08T10:00', '2026-03-09T12:00', ['1d']);
    const start = resolveTimes(schedule.maintenances[0]!, 'America/New_York').start;
    expect(iso(start)).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    const p = plan(schedule, device({ zone: 'America/New_York' }), { maintenances: {}, lastPlannedAt: start - 24 * HOUR - MINUTE }, start - 24 * HOUR);
    expect(p.notices.map((n) => n.id)).toEqual(['dec-patch:advance:86400']); // 08:00 EST the day before
  });

  it('quiet hours end at 07:00 on the clock, also on the spring-forward morning (11:00Z, not 12:00Z)', () => {
    const schedule = patchAt('2026-03-10T23:00', '2026-03-10T23:30', '2026-03-12T12:00', ['3d']);
    const due = t('2026-03-08T03:00:00Z'); // 72 real hours before 23:00 EDT on the 10th: 22:00 EST on the 7th
    const start = resolveTimes(schedule.maintenances[0]!, 'America/New_York').start;
    expect(start - 3 * 24 * HOUR).toBe(due);
    const p = plan(schedule, device({ zone: 'America/New_York' }), { maintenances: {}, lastPlannedAt: due - MINUTE }, due, { maxSleep: 24 * 3600 });
    expect(p.notices).toEqual([]);
    expect(iso(p.nextWake)).toBe('2026-03-08T11:00:00.000Z');
  });
});

describe('zones with odd offsets and DST steps', () => {
  // The same routine patch (22:00-02:00 local, deadline 10 Dec 18:00 local) on computers around the world.
  it.each([
    ['Europe/London', '2026-12-08T22:00:00.000Z', '2026-12-10T18:00:00.000Z'],
    ['Asia/Kolkata', '2026-12-08T16:30:00.000Z', '2026-12-10T12:30:00.000Z'], // +05:30
    ['Pacific/Chatham', '2026-12-08T08:15:00.000Z', '2026-12-10T04:15:00.000Z'], // +13:45 in summer
    ['Australia/Lord_Howe', '2026-12-08T11:00:00.000Z', '2026-12-10T07:00:00.000Z'], // +11:00 in summer
    ['America/New_York', '2026-12-09T03:00:00.000Z', '2026-12-10T23:00:00.000Z'],
  ])('%s: starts at %s, restarts at %s', (zone, start, deadline) => {
    const schedule = scheduleOf(routinePatch());
    const run = simulate({ schedule, from: t('2026-12-08T00:00:00Z'), until: t('2026-12-11T12:00:00Z'), device: { zone } });
    expect(noticesIn(run.seen).filter((n) => n.kind === 'starting').map((n) => iso(n.at))).toEqual([start]);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual([deadline]);
  });

  it('Europe/London: 01:30 on the spring-forward day is 02:30 BST (01:30Z)', () => {
    const schedule = patchAt('2026-03-29T01:30', '2026-03-29T03:00', '2026-03-30T12:00');
    expect(iso(resolveTimes(schedule.maintenances[0]!, 'Europe/London').start)).toBe('2026-03-29T01:30:00.000Z');
    const run = simulate({ schedule, from: t('2026-03-28T20:00:00Z'), until: t('2026-03-29T04:00:00Z'), device: { zone: 'Europe/London' } });
    expect(noticesIn(run.seen).filter((n) => n.kind === 'starting').map((n) => iso(n.at))).toEqual(['2026-03-29T01:30:00.000Z']);
  });

  it('Australia/Lord_Howe: a 30-minute gap (02:15 is 02:45 +11:00) and a 30-minute overlap (01:45 once)', () => {
    const spring = patchAt('2026-10-04T02:15', '2026-10-04T04:00', '2026-10-05T12:00');
    const springRun = simulate({ schedule: spring, from: t('2026-10-03T12:00:00Z'), until: t('2026-10-03T18:00:00Z'), device: { zone: 'Australia/Lord_Howe' } });
    expect(noticesIn(springRun.seen).map((n) => [n.kind, iso(n.at)])).toEqual([
      ['advance', '2026-10-03T14:45:00.000Z'],
      ['advance', '2026-10-03T15:30:00.000Z'],
      ['starting', '2026-10-03T15:45:00.000Z'],
      ['finished-restart-needed', '2026-10-03T17:00:00.000Z'],
    ]);
    const autumn = patchAt('2026-04-05T01:45', '2026-04-05T03:00', '2026-04-06T12:00');
    const autumnRun = simulate({ schedule: autumn, from: t('2026-04-04T12:00:00Z'), until: t('2026-04-04T18:00:00Z'), device: { zone: 'Australia/Lord_Howe' } });
    expect(noticesIn(autumnRun.seen).filter((n) => n.kind === 'starting').map((n) => iso(n.at))).toEqual(['2026-04-04T14:45:00.000Z']);
  });
});

describe('a zone change while a deferral is pending', () => {
  const schedule = scheduleOf(routinePatch());
  const PENDING = t('2026-12-09T01:00:00Z');
  const base: AgentState = {
    maintenances: { 'dec-patch': { noticesShown: ['dec-patch:starting', 'dec-patch:finished-restart-needed'], deferrals: { count: 0 }, pendingSince: PENDING } },
    lastPlannedAt: PENDING,
  };

  it('flying west: the deferral ends at the same instant; the local deadline moves with the clock', () => {
    const now = t('2026-12-09T09:00:00Z');
    const r = defer(base, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 4 * 3600 }, now);
    if (!r.ok) throw new Error(r.reason);
    const ny = device({ zone: 'America/New_York' });
    const inNewYork = plan(schedule, ny, r.state, now + 2 * HOUR);
    expect(inNewYork.prompt).toBeUndefined();
    expect(inNewYork.forcedRestartAt).toBe(t('2026-12-10T23:00:00Z')); // 18:00 EST (was 17:00Z in Paris)
    expect(plan(schedule, ny, r.state, now + 4 * HOUR - 1).prompt).toBeUndefined();
    expect(plan(schedule, ny, r.state, now + 4 * HOUR).prompt?.deadline).toBe(t('2026-12-10T23:00:00Z'));
    expect(r.state.maintenances['dec-patch']?.deferrals.until).toBe(now + 4 * HOUR);
  });

  it('flying east past the deadline: the restart still happens at the new effective deadline', () => {
    const now = t('2026-12-09T10:00:00Z');
    const r = defer(base, schedule, device(), 'dec-patch', { kind: 'defer', seconds: 86_400 }, now);
    if (!r.ok) throw new Error(r.reason);
    // In Tokyo, 18:00 on the 10th is 09:00Z: before the deferral ends (10:00Z). The deadline wins.
    const run = simulate({ schedule, from: now + HOUR, until: t('2026-12-10T12:00:00Z'), state: r.state, device: { zone: 'Asia/Tokyo' } });
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual(['2026-12-10T09:00:00.000Z']);
    expect(noticesIn(run.seen).filter((n) => n.kind === 'forced-warning')).toHaveLength(4);
    expect(run.seen.filter((s) => s.what === 'prompt')).toEqual([]);
  });

  it('a window not yet started re-resolves in the new zone', () => {
    const before = t('2026-12-08T20:00:00Z');
    expect(plan(schedule, device(), { maintenances: {}, lastPlannedAt: before - MINUTE }, before).nextWake).toBe(t('2026-12-08T20:45:00Z'));
    // In New York the same 22:00 is 03:00Z tomorrow: the 1-day notice is the live one, the 4 h one comes at 23:00Z.
    const ny = plan(schedule, device({ zone: 'America/New_York' }), { maintenances: {}, lastPlannedAt: before - MINUTE }, before);
    expect(ny.notices.map((n) => [n.id, iso(n.facts.start)])).toEqual([['dec-patch:advance:86400', '2026-12-09T03:00:00.000Z']]);
    expect(ny.nextWake).toBe(t('2026-12-08T23:00:00Z'));
    expect(ny.status).toBe('upcoming');
  });
});
