// Who sees what, the tray status across several maintenances, the focus, and the settings' own checks.
import { describe, expect, it } from 'vitest';
import { appliesTo, plan, POLICY_DEFAULTS, type AgentState } from '../../../../core/policy/index.js';
import { validateSchedule } from '../../../../core/schedule/index.js';
import { DAY, device, EMPTY, HOUR, MINUTE, routinePatch, scheduleOf, t } from './helpers.js';

const START = t('2026-12-08T21:00:00Z');

describe('audience', () => {
  const finance = scheduleOf(routinePatch({ id: 'finance-patch', audience: { groups: ['finance', 'sales'] } }));
  const kiosks = scheduleOf(routinePatch({ id: 'kiosk-patch', audience: { tags: ['kiosk'] } }));
  const m = (s: typeof finance) => s.maintenances[0]!;

  it.each([
    ['everyone', scheduleOf(routinePatch()), device(), true],
    ['in one of the groups', finance, device({ groups: ['hr', 'sales'] }), true],
    ['in none of the groups', finance, device({ groups: ['hr'] }), false],
    ['with the tag', kiosks, device({ tags: ['windows', 'kiosk'] }), true],
    ['a tag named like a group does not count', kiosks, device({ groups: ['kiosk'] }), false],
    ['no groups or tags at all', finance, device(), false],
  ])('%s', (_name, schedule, dev, applies) => {
    expect(appliesTo(m(schedule), dev)).toBe(applies);
  });

  it('a maintenance for others is invisible: no notice, no status, no wake-up, no restart', () => {
    const p = plan(finance, device({ restartPending: true }), EMPTY, START + HOUR);
    expect(p).toEqual({ status: 'idle', notices: [], remember: [], nextWake: START + HOUR + POLICY_DEFAULTS.maxSleep * 1000 });
    expect(plan(finance, device({ groups: ['finance'], restartPending: true }), EMPTY, START + HOUR).remember).toHaveLength(1);
  });
});

describe('tray status and focus', () => {
  const routine = routinePatch();
  const urgent = {
    id: 'urgent-fix', kind: 'critical-patch', title: 'Urgent fix',
    window: { start: '2026-12-09T13:00:00Z', end: '2026-12-09T15:00:00Z' }, restart: { deadline: '1d' },
  };
  const incident = {
    id: 'phishing', kind: 'incident', title: 'Fake emails', window: { start: '2026-12-08T09:00:00Z', end: '2026-12-20T00:00:00Z' },
    notices: { offsets: ['0s'] },
  };
  const schedule = scheduleOf(routine, urgent, incident);
  const pendingBoth: AgentState = {
    maintenances: {
      'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-09T01:00:00Z') },
      'urgent-fix': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-09T15:00:00Z') },
      phishing: { noticesShown: [], deferrals: { count: 0 }, acknowledgedAt: t('2026-12-08T10:00:00Z') },
    },
  };

  it('idle far ahead; upcoming within upcomingHorizon (7 days) of a window start', () => {
    const only = scheduleOf(routine);
    expect(plan(only, device(), EMPTY, START - 7 * DAY - 1).status).toBe('idle');
    expect(plan(only, device(), EMPTY, START - 7 * DAY - 1).nextWake).toBe(START - 7 * DAY);
    expect(plan(only, device(), EMPTY, START - 7 * DAY).status).toBe('upcoming');
    expect(plan(only, device(), EMPTY, START - 3 * DAY, { upcomingHorizon: 2 * 86_400 }).status).toBe('idle');
  });

  it('an unacknowledged incident beats "upcoming"', () => {
    const p = plan(schedule, device(), EMPTY, t('2026-12-08T12:00:00Z'));
    expect([p.status, p.focus]).toEqual(['action-needed', 'phishing']);
  });

  it('a pending restart beats an incident; the earliest forced restart is the focus', () => {
    const state: AgentState = { maintenances: { ...pendingBoth.maintenances, phishing: { noticesShown: [], deferrals: { count: 0 } } } };
    const p = plan(schedule, device(), state, t('2026-12-09T16:00:00Z'));
    expect(p.status).toBe('restart-pending');
    // Routine: deadline 10 Dec 17:00Z; urgent: 1 day after its window end, 10 Dec 15:00Z: the urgent one first.
    expect(p.focus).toBe('urgent-fix');
    expect(p.forcedRestartAt).toBe(t('2026-12-10T15:00:00Z'));
    expect(p.prompt?.maintenance).toBe('urgent-fix');
  });

  it('overdue once a schedule deadline has passed while the grace period runs', () => {
    const late: AgentState = {
      maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-10T16:00:00Z') } },
    };
    const p = plan(scheduleOf(routine), device(), late, t('2026-12-10T17:30:00Z'));
    expect(p.status).toBe('overdue');
    expect(p.forcedRestartAt).toBe(t('2026-12-10T20:00:00Z')); // pending + 4 h grace
  });

  it('one restart completes every pending restart', () => {
    const p = plan(schedule, device({ lastBoot: t('2026-12-09T16:30:00Z') }), pendingBoth, t('2026-12-09T16:35:00Z'));
    expect(p.forcedRestartAt).toBeUndefined();
    expect(p.status).toBe('idle');
    expect(p.notices.map((n) => n.kind).sort()).toEqual(['catch-up', 'catch-up']);
    expect(p.notices.every((n) => n.facts.stage === 'all-done')).toBe(true);
  });

  it('notices come oldest first, ties by id', () => {
    const two = scheduleOf(routinePatch({ id: 'b-patch' }), routinePatch({ id: 'a-patch' }));
    const p = plan(two, device(), { maintenances: {}, lastPlannedAt: START - 4 * HOUR - MINUTE }, START - 4 * HOUR);
    expect(p.notices.map((n) => n.id)).toEqual(['a-patch:advance:14400', 'b-patch:advance:14400']);
  });
});

describe('settings', () => {
  it('every default is a named number of seconds (or HH:MM), and bad overrides are refused', () => {
    const s = routinePatch();
    const schedule = scheduleOf(s);
    expect(() => plan(schedule, device(), EMPTY, START, { quietHoursStart: '25:00' })).toThrow(/quietHoursStart/);
    expect(() => plan(schedule, device(), EMPTY, START, { maxSleep: 0 })).toThrow(/maxSleep/);
    expect(() => plan(schedule, device(), EMPTY, START, { imminentCadence: Number.NaN })).toThrow(/imminentCadence/);
    expect(() => plan(schedule, device(), EMPTY, START, { forcedWarnings: [600, -1] })).toThrow(/forcedWarnings/);
    expect(plan(schedule, device(), EMPTY, START, { maxSleep: 60 }).nextWake).toBeLessThanOrEqual(START + MINUTE);
  });

  it('the schedule’s own settings apply; settings given to plan() win over them', () => {
    const result = validateSchedule({
      format: 1, fleet: 'acme-laptops', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2028-01-01T00:00:00Z',
      settings: { quietHoursStart: '00:00', quietHoursEnd: '00:00', imminentCadence: '20m' },
      maintenances: [routinePatch()],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const due = START - 7 * DAY; // 22:00 Paris: quiet hours by default, none in this fleet
    const fresh: AgentState = { maintenances: {}, lastPlannedAt: due - MINUTE };
    expect(plan(result.schedule, device(), fresh, due).notices.map((n) => n.id)).toEqual(['dec-patch:advance:604800']);
    expect(plan(result.schedule, device(), fresh, due, { quietHoursStart: '22:00', quietHoursEnd: '07:00' }).notices).toEqual([]);
    // The fleet's imminent cadence: 20 minutes instead of 10.
    const deadline = t('2026-12-10T17:00:00Z');
    const shown: AgentState = { maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-09T01:00:00Z'), promptShownAt: deadline - 5 * HOUR } } };
    expect(plan(result.schedule, device(), shown, deadline - 5 * HOUR + 19 * MINUTE).prompt).toBeUndefined();
    expect(plan(result.schedule, device(), shown, deadline - 5 * HOUR + 20 * MINUTE).prompt?.maintenance).toBe('dec-patch');
  });

  it('the final countdown is never under minFinalCountdown, whatever the schedule object says', () => {
    const schedule = scheduleOf(routinePatch());
    const tampered = structuredClone(schedule);
    tampered.maintenances[0]!.restart.finalCountdown = 10;
    const deadline = t('2026-12-10T17:00:00Z');
    const state: AgentState = { maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: t('2026-12-09T01:00:00Z') } } };
    expect(plan(tampered, device(), state, deadline - 60_000).countdown).toEqual({ maintenance: 'dec-patch', restartAt: deadline });
    expect(plan(tampered, device(), state, deadline - 60_001).countdown).toBeUndefined();
  });
});
