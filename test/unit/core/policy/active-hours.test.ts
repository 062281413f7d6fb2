// Active hours (08:00-18:00 on the computer's clock): a restart that becomes pending outside them counts its grace
// period from their next start, so a patch that finishes at 02:00 does not spend the grace while everyone sleeps.
import { describe, expect, it } from 'vitest';
import { plan, type AgentState } from '../../../../core/policy/index.js';
import { validateSchedule } from '../../../../core/schedule/index.js';
import { device, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t } from './helpers.js';

const GRACE = 4 * HOUR; // the schedule default
// Window 22:00-02:00 Paris (21:00Z-01:00Z on 8-9 Dec); deadline 2 h after the window: 04:00 Paris.
const tight = scheduleOf(routinePatch({ restart: { deadline: '2h' } }));
const DEADLINE = t('2026-12-09T03:00:00Z');
const pendingAt = (pendingSince: number, id = 'dec-patch'): AgentState => ({
  maintenances: { [id]: { noticesShown: [`${id}:finished-restart-needed`], deferrals: { count: 0 }, pendingSince } },
  lastPlannedAt: pendingSince,
});
const forcedAt = (schedule = tight, pendingSince: number, settings?: Record<string, string>, zone = 'Europe/Paris', id = 'dec-patch') =>
  plan(schedule, device({ zone }), pendingAt(pendingSince, id), pendingSince, settings).forcedRestartAt;

describe('active hours (08:00-18:00 on the computer’s clock)', () => {
  it('a restart pending at 02:00 gets its grace from 08:00: effective deadline 12:00, not the 04:00 deadline', () => {
    const pending = t('2026-12-09T01:00:00Z'); // 02:00 Paris, the window end
    expect(iso(forcedAt(tight, pending)!)).toBe('2026-12-09T11:00:00.000Z'); // 08:00 Paris + 4 h
    // The prompt waits for 07:00 (quiet hours), and tells the person the moved deadline.
    expect(plan(tight, device(), pendingAt(pending), pending).prompt).toBeUndefined();
    expect(plan(tight, device(), pendingAt(pending), t('2026-12-09T06:00:00Z')).prompt?.deadline).toBe(t('2026-12-09T11:00:00Z'));
    expect(plan(tight, device(), pendingAt(pending), DEADLINE).status).toBe('overdue');
    // The same restart without active hours: the grace counts from 02:00, the restart is forced at 06:00.
    expect(iso(forcedAt(tight, pending, { activeHoursStart: '00:00', activeHoursEnd: '00:00' })!)).toBe('2026-12-09T05:00:00.000Z');
  });

  it('the whole night: nothing asked while people sleep, the first prompt at 07:00, the restart at 12:00', () => {
    const run = simulate({ schedule: tight, from: t('2026-12-08T20:00:00Z'), until: t('2026-12-09T14:00:00Z'), state: { maintenances: {} } });
    expect(run.state.maintenances['dec-patch']?.pendingSince).toBe(t('2026-12-09T01:00:00Z'));
    const prompts = run.seen.filter((s) => s.what === 'prompt').map((s) => s.at);
    expect(iso(prompts[0]!)).toBe('2026-12-09T06:00:00.000Z'); // 07:00 Paris, when quiet hours end
    const forced = t('2026-12-09T11:00:00Z');
    expect(noticesIn(run.seen).filter((n) => n.kind === 'forced-warning').map((n) => iso(n.at)))
      .toEqual([forced - HOUR, forced - 30 * MINUTE, forced - 10 * MINUTE, forced - 5 * MINUTE].map(iso));
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => iso(s.at))).toEqual([iso(forced)]);
    // Past the schedule's deadline (04:00) the restart is overdue, but the grace still runs.
    expect([...run.plans].reverse().find((p) => p.now <= t('2026-12-09T08:00:00Z'))!.plan.status).toBe('overdue');
    expect(noticesIn(run.seen).map((n) => n.kind)).toContain('deadline-passed');
  });

  it('a restart pending at 10:00 counts from 10:00', () => {
    const pending = t('2026-12-09T09:00:00Z'); // 10:00 Paris
    expect(forcedAt(tight, pending)).toBe(pending + GRACE);
  });

  it('the edges: 08:00 is in, 17:59 is in, 18:00 is out (counts from 08:00 the next day)', () => {
    expect(forcedAt(tight, t('2026-12-09T07:00:00Z'))).toBe(t('2026-12-09T07:00:00Z') + GRACE);
    expect(forcedAt(tight, t('2026-12-09T16:59:00Z'))).toBe(t('2026-12-09T16:59:00Z') + GRACE);
    expect(forcedAt(tight, t('2026-12-09T17:00:00Z'))).toBe(t('2026-12-10T07:00:00Z') + GRACE);
    expect(forcedAt(tight, t('2026-12-09T06:59:59Z'))).toBe(t('2026-12-09T07:00:00Z') + GRACE);
  });

  it('weekends are not special: pending on Saturday at 02:00 counts from Saturday 08:00', () => {
    expect(iso(forcedAt(tight, t('2026-12-12T01:00:00Z'))!)).toBe(iso(t('2026-12-12T07:00:00Z') + GRACE));
  });

  it('a schedule deadline later than the moved grace is unchanged', () => {
    const roomy = scheduleOf(routinePatch({ restart: { deadline: '2026-12-10T18:00' } }));
    expect(forcedAt(roomy, t('2026-12-09T01:00:00Z'))).toBe(t('2026-12-10T17:00:00Z'));
  });

  it('critical maintenances are not moved: their grace counts from when the restart became pending', () => {
    const critical = scheduleOf(routinePatch({ id: 'fix', kind: 'critical-patch', restart: { deadline: '2h' } }));
    const marked = scheduleOf(routinePatch({ id: 'fix', severity: 'critical', restart: { deadline: '2h' } }));
    const pending = t('2026-12-09T01:00:00Z');
    expect(forcedAt(critical, pending, undefined, 'Europe/Paris', 'fix')).toBe(pending + GRACE);
    expect(forcedAt(marked, pending, undefined, 'Europe/Paris', 'fix')).toBe(pending + GRACE);
  });

  it('are read in the computer’s own zone', () => {
    // 02:00 Paris is 06:30 in Kolkata: outside active hours there too, until 08:00 IST (02:30Z).
    expect(iso(forcedAt(tight, t('2026-12-09T01:00:00Z'), undefined, 'Asia/Kolkata')!)).toBe(iso(t('2026-12-09T02:30:00Z') + GRACE));
  });

  it('come from the schedule’s settings, and may wrap past midnight (a night shift)', () => {
    const source = {
      format: 1, fleet: 'night-shift', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2028-01-01T00:00:00Z',
      settings: { activeHoursStart: '20:00', activeHoursEnd: '06:00' },
      maintenances: [routinePatch({ restart: { deadline: '2h' } })],
    };
    const result = validateSchedule(source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.schedule.settings).toMatchObject({ activeHoursStart: '20:00', activeHoursEnd: '06:00' });
    const night = t('2026-12-09T01:00:00Z'); // 02:00 Paris: working hours for this fleet
    expect(forcedAt(result.schedule, night)).toBe(night + GRACE);
    expect(iso(forcedAt(result.schedule, t('2026-12-09T09:00:00Z'))!)).toBe(iso(t('2026-12-09T19:00:00Z') + GRACE)); // 20:00 Paris
    const bad = validateSchedule({ ...source, settings: { activeHoursStart: '8:00' } });
    expect(bad.ok).toBe(false);
  });
});

describe('active hours across DST (America/New_York)', () => {
  // Instant windows ending in the night of the DST changes, deadline 1 h after the window end.
  const patch = (end: string) => scheduleOf(routinePatch({
    window: { start: new Date(t(end) - 2 * HOUR).toISOString().replace('.000', ''), end }, restart: { deadline: '1h' },
  }));
  const NY = 'America/New_York';

  it('spring forward (8 March 2026): pending at 01:00 EST counts from 08:00 EDT (12:00Z), not 13:00Z', () => {
    const pending = t('2026-03-08T06:00:00Z'); // 01:00 EST
    expect(iso(forcedAt(patch('2026-03-08T06:00:00Z'), pending, undefined, NY)!)).toBe('2026-03-08T16:00:00.000Z');
  });

  it('fall back (1 November 2026): pending at 01:30 EDT counts from 08:00 EST (13:00Z)', () => {
    const pending = t('2026-11-01T05:30:00Z'); // 01:30 EDT, the first of two
    expect(iso(forcedAt(patch('2026-11-01T05:30:00Z'), pending, undefined, NY)!)).toBe('2026-11-01T17:00:00.000Z');
  });

  it('a start inside the spring-forward gap (02:30) moves forward by the gap, to 03:30 EDT', () => {
    const pending = t('2026-03-08T06:00:00Z'); // 01:00 EST
    const settings = { activeHoursStart: '02:30', activeHoursEnd: '18:00' };
    expect(iso(forcedAt(patch('2026-03-08T06:00:00Z'), pending, settings, NY)!)).toBe(iso(t('2026-03-08T07:30:00Z') + GRACE));
  });
});
