// Meetings, presentations and do-not-disturb hold interruptions, but never past the deadline; quiet hours hold
// notices about later things and the restart prompt until the morning; critical maintenances get the stricter
// policy.
import { describe, expect, it } from 'vitest';
import { plan, type AgentState, type BusySignals } from '../../../../core/policy/index.js';
import { DAY, device, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t } from './helpers.js';

const schedule = scheduleOf(routinePatch());
// Window 21:00Z-01:00Z on 8-9 Dec (Paris), deadline 10 Dec 17:00Z.
const START = t('2026-12-08T21:00:00Z');
const PENDING = t('2026-12-09T01:00:00Z');
const DEADLINE = t('2026-12-10T17:00:00Z');
const pending = (extra: Partial<AgentState['maintenances'][string]> = {}): AgentState => ({
  maintenances: { 'dec-patch': { noticesShown: [], deferrals: { count: 0 }, pendingSince: PENDING, ...extra } },
  lastPlannedAt: PENDING,
});
const inMeeting: BusySignals = { camera: true, microphone: true };
const NO_QUIET_HOURS = { quietHoursStart: '00:00', quietHoursEnd: '00:00' };
const prompted = (run: ReturnType<typeof simulate>) => run.seen.filter((s) => s.what === 'prompt').map((s) => iso(s.at));

describe('busy', () => {
  it.each(['fullscreen', 'presenting', 'camera', 'microphone', 'screenSharing', 'doNotDisturb'] as const)(
    '%s holds a notice, and the plan looks again within busyRecheck',
    (signal) => {
      const now = START - 4 * HOUR;
      const state: AgentState = { maintenances: { 'dec-patch': { noticesShown: ['dec-patch:advance:604800', 'dec-patch:advance:86400'], deferrals: { count: 0 } } }, lastPlannedAt: now - MINUTE };
      const busy = plan(schedule, device({ busy: { [signal]: true } }), state, now);
      expect(busy.notices).toEqual([]);
      expect(busy.nextWake).toBe(now + 5 * MINUTE);
      expect(plan(schedule, device(), state, now).notices.map((n) => n.id)).toEqual(['dec-patch:advance:14400']);
    },
  );

  it('a meeting delays a notice until it ends', () => {
    const run = simulate({
      schedule, from: START - 5 * HOUR, until: START, state: { maintenances: { 'dec-patch': { noticesShown: ['dec-patch:advance:604800', 'dec-patch:advance:86400'], deferrals: { count: 0 } } } },
      busyAt: (now) => (now >= START - 4 * HOUR - 10 * MINUTE && now < START - 3 * HOUR - 12 * MINUTE ? inMeeting : {}),
      signals: [START - 3 * HOUR - 12 * MINUTE],
    });
    const first = run.seen.find((s) => s.what === 'notice');
    expect(first && first.what === 'notice' && [first.notice.id, iso(first.at)]).toEqual(['dec-patch:advance:14400', iso(START - 3 * HOUR - 12 * MINUTE)]);
  });

  it('always busy: the prompt is held, but shown from busyHoldLimit (1 h) before the deadline', () => {
    // busyHoldMax out of the way, to see the deadline rule alone.
    const settings = { busyHoldMax: 30 * 86_400 };
    const run = simulate({ schedule, from: PENDING, until: DEADLINE + HOUR, state: pending(), busyAt: () => inMeeting, settings });
    const prompts = run.seen.filter((s) => s.what === 'prompt').map((s) => s.at);
    expect(prompts[0]).toBe(DEADLINE - HOUR);
    expect(prompts.every((at) => at >= DEADLINE - HOUR)).toBe(true);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => s.at)).toEqual([DEADLINE]);
  });

  it('always busy: the prompt waits at most busyHoldMax (4 h) after it came due', () => {
    // Pending at 02:00 Paris: quiet hours off, to see busy alone.
    const run = simulate({ schedule, from: PENDING, until: PENDING + 6 * HOUR, state: pending(), busyAt: () => inMeeting, settings: NO_QUIET_HOURS });
    expect(run.seen.filter((s) => s.what === 'prompt').map((s) => s.at)).toEqual([PENDING + 4 * HOUR]);
  });

  it('always busy with the defaults: a prompt held for the night comes due at 07:00, and busy holds it 4 h from then', () => {
    const run = simulate({ schedule, from: PENDING, until: PENDING + 12 * HOUR, state: pending(), busyAt: () => inMeeting });
    expect(prompted(run)).toEqual(['2026-12-09T10:00:00.000Z']); // 11:00 Paris
  });

  it('busy never delays the forced restart: warnings, countdown and restart on time', () => {
    const run = simulate({ schedule, from: PENDING, until: DEADLINE + HOUR, state: pending(), busyAt: () => ({ presenting: true, fullscreen: true }) });
    const warnings = noticesIn(run.seen).filter((n) => n.kind === 'forced-warning').map((n) => iso(n.at));
    expect(warnings).toEqual([DEADLINE - HOUR, DEADLINE - 30 * MINUTE, DEADLINE - 10 * MINUTE, DEADLINE - 5 * MINUTE].map(iso));
    expect(run.seen.find((s) => s.what === 'countdown')?.at).toBe(DEADLINE - 5 * MINUTE);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => s.at)).toEqual([DEADLINE]);
  });

  it('the finished notice is held while busy, but not longer than busyHoldMax (4 h)', () => {
    const state: AgentState = { ...pending(), maintenances: { 'dec-patch': { ...pending().maintenances['dec-patch']!, noticesShown: ['dec-patch:starting'] } } };
    expect(plan(schedule, device({ busy: { doNotDisturb: true } }), state, PENDING + 4 * HOUR - 1).notices).toEqual([]);
    expect(plan(schedule, device({ busy: { doNotDisturb: true } }), state, PENDING + 4 * HOUR).notices.map((n) => n.kind)).toEqual(['finished-restart-needed']);
  });
});

describe('quiet hours (22:00-07:00 on the computer’s clock)', () => {
  it('hold a notice about a window days away until 07:00 local', () => {
    // 7 days before 22:00 Paris is 22:00 Paris: in quiet hours.
    const due = START - 7 * DAY;
    const state: AgentState = { maintenances: {}, lastPlannedAt: due - MINUTE };
    const p = plan(schedule, device(), state, due, { maxSleep: 12 * 3600 });
    expect(p.notices).toEqual([]);
    expect(iso(p.nextWake)).toBe('2026-12-02T06:00:00.000Z'); // 07:00 Paris
    const later = { ...state, lastPlannedAt: t('2026-12-02T05:59:00Z') };
    expect(plan(schedule, device(), later, t('2026-12-02T05:59:59Z')).notices).toEqual([]);
    expect(plan(schedule, device(), later, t('2026-12-02T06:00:00Z')).notices.map((n) => n.id)).toEqual(['dec-patch:advance:604800']);
  });

  it('use the computer’s own zone: the same local window in Kolkata is held until 07:00 IST', () => {
    const kolkata = device({ zone: 'Asia/Kolkata' });
    const due = t('2026-12-01T16:30:00Z'); // 22:00 IST, 7 days before 22:00 IST on the 8th
    const p = plan(schedule, kolkata, { maintenances: {}, lastPlannedAt: due - MINUTE }, due, { maxSleep: 12 * 3600 });
    expect(p.notices).toEqual([]);
    expect(iso(p.nextWake)).toBe('2026-12-02T01:30:00.000Z'); // 07:00 IST
  });

  it('do not hold a notice about something that starts before they end', () => {
    const night = scheduleOf(routinePatch({ window: { start: '2026-12-09T01:00', end: '2026-12-09T03:00' }, notices: { offsets: ['1d', '1h'] } }));
    const due = t('2026-12-08T23:00:00Z'); // 00:00 Paris, 1 h before 01:00
    const p = plan(night, device(), { maintenances: { 'dec-patch': { noticesShown: ['dec-patch:advance:86400'], deferrals: { count: 0 } } }, lastPlannedAt: due - MINUTE }, due);
    expect(p.notices.map((n) => n.id)).toEqual(['dec-patch:advance:3600']);
  });

  it('can be switched off (start equal to end)', () => {
    const due = START - 7 * DAY;
    const p = plan(schedule, device(), { maintenances: {}, lastPlannedAt: due - MINUTE }, due, { quietHoursStart: '00:00', quietHoursEnd: '00:00' });
    expect(p.notices.map((n) => n.id)).toEqual(['dec-patch:advance:604800']);
  });

  it('hold the restart prompt of a routine patch: due at 23:00, shown at 07:00, nothing in between', () => {
    // Deadline 18:00 Paris on the 10th: at 23:00 on the 9th the prompt is imminent (every 10 minutes).
    const lastShown = t('2026-12-09T21:50:00Z'); // 22:50 Paris
    const state = pending({ promptShownAt: lastShown, noticesShown: ['dec-patch:finished-restart-needed'] });
    const due = lastShown + 10 * MINUTE; // 23:00 Paris
    const atDue = plan(schedule, device(), state, due, { maxSleep: 12 * 3600 });
    expect(atDue.prompt).toBeUndefined();
    expect(iso(atDue.nextWake)).toBe('2026-12-10T06:00:00.000Z'); // 07:00 Paris: the end of quiet hours
    const run = simulate({ schedule, from: due, until: t('2026-12-10T07:00:00Z'), state });
    expect(prompted(run)).toEqual(['2026-12-10T06:00:00.000Z', '2026-12-10T06:10:00.000Z', '2026-12-10T06:20:00.000Z',
      '2026-12-10T06:30:00.000Z', '2026-12-10T06:40:00.000Z', '2026-12-10T06:50:00.000Z']);
    // The same night without quiet hours: every 10 minutes, 48 times before 07:00.
    const sleepless = simulate({ schedule, from: due, until: t('2026-12-10T06:00:00Z'), state, settings: NO_QUIET_HOURS });
    expect(prompted(sleepless)).toHaveLength(48);
  });

  it('but not within busyHoldLimit (1 h) of the deadline: a 03:00 deadline asks from 02:00, and warns and restarts on time', () => {
    const early = scheduleOf(routinePatch({ restart: { deadline: '2026-12-10T03:00' } })); // 02:00Z
    const deadline = t('2026-12-10T02:00:00Z');
    const from = t('2026-12-09T20:55:00Z'); // 21:55 Paris
    const state = pending({ promptShownAt: from, noticesShown: ['dec-patch:finished-restart-needed'] });
    const run = simulate({ schedule: early, from, until: deadline + HOUR, state });
    const shown = prompted(run);
    expect(shown[0]).toBe(iso(deadline - HOUR)); // 02:00 Paris
    expect(shown.every((at) => t(at) >= deadline - HOUR)).toBe(true);
    expect(noticesIn(run.seen).filter((n) => n.kind === 'forced-warning').map((n) => iso(n.at)))
      .toEqual([deadline - HOUR, deadline - 30 * MINUTE, deadline - 10 * MINUTE, deadline - 5 * MINUTE].map(iso));
    expect(run.seen.find((s) => s.what === 'countdown')?.at).toBe(deadline - 5 * MINUTE);
    expect(run.seen.filter((s) => s.what === 'restart').map((s) => s.at)).toEqual([deadline]);
    // While held, the plan wakes at the start of the no-hold hour (before the 07:00 end of quiet hours).
    expect(iso(plan(early, device(), state, t('2026-12-09T23:00:00Z')).nextWake)).toBe(iso(deadline - HOUR));
  });

  it('do not hold the forced-restart warnings', () => {
    const early = scheduleOf(routinePatch({ restart: { deadline: '2026-12-10T03:00' } }));
    const at = t('2026-12-10T01:30:00Z'); // 02:30 Paris, 30 minutes before the forced restart
    const p = plan(early, device(), pending({ noticesShown: ['dec-patch:finished-restart-needed', 'dec-patch:forced-warning:3600'] }), at);
    expect(p.notices.map((n) => n.id)).toEqual(['dec-patch:forced-warning:1800']);
  });
});

describe('critical maintenances: the stricter policy', () => {
  const urgentFix = {
    id: 'urgent-fix', kind: 'critical-patch', title: 'Urgent fix',
    window: { start: '2026-12-16T13:00:00Z', end: '2026-12-16T15:00:00Z' },
    restart: { deadline: '3d', deferrals: { max: 2, options: ['1h', '4h'], latestPick: '8h' } },
    notices: { offsets: ['1d', '1h'] },
  };
  const critical = scheduleOf(urgentFix);
  const cStart = t('2026-12-16T13:00:00Z');
  const cPending = t('2026-12-16T15:00:00Z');
  const cState = (extra: Partial<AgentState['maintenances'][string]> = {}): AgentState => ({
    maintenances: { 'urgent-fix': { noticesShown: ['urgent-fix:advance:86400', 'urgent-fix:advance:3600', 'urgent-fix:starting', 'urgent-fix:finished-restart-needed'], deferrals: { count: 0 }, pendingSince: cPending, ...extra } },
    lastPlannedAt: cPending,
  });

  it('busy holds its notices at most criticalBusyHold (15 min)', () => {
    const due = cStart - HOUR;
    const state: AgentState = { maintenances: { 'urgent-fix': { noticesShown: ['urgent-fix:advance:86400'], deferrals: { count: 0 } } }, lastPlannedAt: due - MINUTE };
    const busy = device({ busy: inMeeting });
    expect(plan(critical, busy, state, due).notices).toEqual([]);
    expect(plan(critical, busy, state, due).nextWake).toBe(due + 5 * MINUTE);
    const looked = { ...state, lastPlannedAt: due + 10 * MINUTE };
    expect(plan(critical, busy, looked, due + 15 * MINUTE - 1).notices).toEqual([]);
    expect(plan(critical, busy, looked, due + 15 * MINUTE).notices.map((n) => n.id)).toEqual(['urgent-fix:advance:3600']);
  });

  it('quiet hours do not hold its restart prompt: it comes back every 10 minutes at night', () => {
    const night = t('2026-12-16T23:00:00Z'); // 00:00 Paris
    expect(plan(critical, device(), cState({ promptShownAt: night - 10 * MINUTE }), night).prompt?.maintenance).toBe('urgent-fix');
    // The same patch as a routine one, its prompt due (last shown 2 h ago): held until 07:00 Paris.
    const state = cState({ promptShownAt: night - 2 * HOUR });
    expect(plan(critical, device(), state, night).prompt?.maintenance).toBe('urgent-fix');
    const routine = scheduleOf({ ...urgentFix, kind: 'routine-patch' });
    const held = plan(routine, device(), state, night, { maxSleep: 12 * 3600 });
    expect(held.prompt).toBeUndefined();
    expect(iso(held.nextWake)).toBe('2026-12-17T06:00:00.000Z');
  });

  it('busy holds its prompt at most 15 minutes too', () => {
    const busy = device({ busy: inMeeting });
    expect(plan(critical, busy, cState(), cPending + 14 * MINUTE).prompt).toBeUndefined();
    expect(plan(critical, busy, cState(), cPending + 15 * MINUTE).prompt?.maintenance).toBe('urgent-fix');
  });

  it('quiet hours do not hold its notices', () => {
    const late = scheduleOf({
      id: 'urgent-fix', kind: 'critical-patch', title: 'Urgent fix', window: { start: '2026-12-17T22:00:00Z', end: '2026-12-17T23:00:00Z' },
      notices: { offsets: ['1d'] },
    });
    const due = t('2026-12-16T22:00:00Z'); // 23:00 Paris
    expect(plan(late, device(), { maintenances: {}, lastPlannedAt: due - MINUTE }, due).notices.map((n) => n.id)).toEqual(['urgent-fix:advance:86400']);
  });

  it('a routine patch marked severity critical is critical too', () => {
    const marked = scheduleOf(routinePatch({ severity: 'critical' }));
    const due = START - 7 * DAY; // 22:00 Paris: quiet hours
    expect(plan(marked, device(), { maintenances: {}, lastPlannedAt: due - MINUTE }, due).notices).toHaveLength(1);
  });

  it('its prompt comes back every 10 minutes from the start, with 3 days left', () => {
    const shown = cPending;
    const state = cState({ promptShownAt: shown });
    expect(plan(critical, device(), state, shown + 10 * MINUTE - 1).prompt).toBeUndefined();
    expect(plan(critical, device(), state, shown + 10 * MINUTE).prompt?.maintenance).toBe('urgent-fix');
    // A routine patch with as long left waits 5 hours.
    expect(plan(schedule, device(), pending({ promptShownAt: PENDING }), PENDING + 10 * MINUTE).prompt).toBeUndefined();
  });
});
