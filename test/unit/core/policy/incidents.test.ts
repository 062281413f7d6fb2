// Incidents, outages and information: no restart; incidents ask for "I have read this" and come back daily.
import { describe, expect, it } from 'vitest';
import { acknowledge, plan, type AgentState } from '../../../../core/policy/index.js';
import { DAY, device, EMPTY, HOUR, iso, MINUTE, noticesIn, routinePatch, scheduleOf, simulate, t } from './helpers.js';

const phishing = (extra: Record<string, unknown> = {}) => ({
  id: 'phishing', kind: 'incident', title: 'Fake payslip emails',
  window: { start: '2026-11-20T09:00:00Z', end: '2026-11-27T18:00:00Z' }, notices: { offsets: ['0s'] }, ...extra,
});
const START = t('2026-11-20T09:00:00Z');
const END = t('2026-11-27T18:00:00Z');

describe('incident', () => {
  it('a notice at the window start that asks for an acknowledgement; action-needed until then', () => {
    const schedule = scheduleOf(phishing());
    const p = plan(schedule, device(), { maintenances: {}, lastPlannedAt: START - MINUTE }, START);
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]).toMatchObject({ id: 'phishing:incident', kind: 'incident', at: START, facts: { stage: 'incident', acknowledgementNeeded: true } });
    expect(p.status).toBe('action-needed');
    expect(p.focus).toBe('phishing');
    const acked = acknowledge(EMPTY, 'phishing', START + HOUR);
    expect(plan(schedule, device(), acked, START + 2 * HOUR).status).toBe('idle');
    expect(plan(schedule, device(), EMPTY, START - MINUTE).status).toBe('idle');
  });

  it('ignored: re-shown daily while the window lasts, then nothing', () => {
    const run = simulate({ schedule: scheduleOf(phishing()), from: START - DAY, until: END + 3 * DAY });
    const shown = noticesIn(run.seen).map((n) => [n.id, iso(n.at)]);
    expect(shown).toEqual([
      ['phishing:incident', iso(START)],
      ...[1, 2, 3, 4, 5, 6, 7].map((k) => [`phishing:reminder:${k}`, iso(START + k * DAY)]),
    ]);
    expect(run.plans.filter((p) => p.now >= END).every((p) => p.plan.status === 'idle')).toBe(true);
  });

  it('acknowledged: no reminders', () => {
    const run = simulate({ schedule: scheduleOf(phishing()), from: START - DAY, until: END + DAY, acknowledgeIncidents: true });
    expect(noticesIn(run.seen).map((n) => n.id)).toEqual(['phishing:incident']);
    expect(run.state.maintenances.phishing?.acknowledgedAt).toBe(START);
  });

  it('with an offset before the start: the notice comes at the earliest offset', () => {
    const early = scheduleOf(phishing({ notices: { offsets: ['1h', '2h'] } }));
    const p = plan(early, device(), { maintenances: {}, lastPlannedAt: START - 2 * HOUR - MINUTE }, START - 2 * HOUR);
    expect(p.notices.map((n) => n.id)).toEqual(['phishing:incident']);
  });

  it('asleep for three days: one catch-up that still asks for the acknowledgement', () => {
    const run = simulate({ schedule: scheduleOf(phishing()), from: START - DAY, until: START + 4 * DAY, asleep: [[START + HOUR, START + 3 * DAY + 2 * HOUR]] });
    const notices = noticesIn(run.seen);
    expect(notices.map((n) => n.id)).toEqual(['phishing:incident', 'phishing:catch-up:reminder:3']);
    expect(notices[1]!.facts.acknowledgementNeeded).toBe(true);
  });

  it('never asks for a restart', () => {
    const p = plan(scheduleOf(phishing()), device({ restartPending: true }), EMPTY, START + HOUR);
    expect(p.prompt).toBeUndefined();
    expect(p.forcedRestartAt).toBeUndefined();
    expect(p.remember).toEqual([]);
  });
});

describe('outage and information', () => {
  const outage = scheduleOf({
    id: 'mail-down', kind: 'outage', title: 'Email is down for maintenance',
    window: { start: '2026-12-12T08:00:00Z', end: '2026-12-12T10:00:00Z' }, notices: { offsets: ['1d'] },
  });

  it('an outage: advance notice, starting, all done when it ends; upcoming in the tray', () => {
    const run = simulate({ schedule: outage, from: t('2026-12-10T09:00:00Z'), until: t('2026-12-13T00:00:00Z') });
    expect(noticesIn(run.seen).map((n) => [n.id, iso(n.at)])).toEqual([
      ['mail-down:advance:86400', '2026-12-11T08:00:00.000Z'],
      ['mail-down:starting', '2026-12-12T08:00:00.000Z'],
      ['mail-down:all-done', '2026-12-12T10:00:00.000Z'],
    ]);
    expect(run.plans.find((p) => p.now === t('2026-12-12T08:00:00Z'))?.plan.status).toBe('upcoming');
    expect(run.plans.at(-1)?.plan.status).toBe('idle');
  });

  it('information: advance notice and starting, no "all done"', () => {
    const info = scheduleOf({
      id: 'new-vpn', kind: 'information', title: 'New VPN app',
      window: { start: '2026-12-12T08:00:00Z', end: '2026-12-12T10:00:00Z' }, notices: { offsets: ['1d'] },
    });
    const run = simulate({ schedule: info, from: t('2026-12-10T09:00:00Z'), until: t('2026-12-13T00:00:00Z') });
    expect(noticesIn(run.seen).map((n) => n.kind)).toEqual(['advance', 'starting']);
  });

  it('a routine patch that needs no restart: all done at the window end, never pending', () => {
    const noRestart = scheduleOf(routinePatch({ restart: { required: false } }));
    const end = t('2026-12-09T01:00:00Z');
    const state: AgentState = { maintenances: { 'dec-patch': { noticesShown: ['dec-patch:starting'], deferrals: { count: 0 } } }, lastPlannedAt: end - MINUTE };
    const p = plan(noRestart, device({ restartPending: true }), state, end);
    expect(p.notices.map((n) => n.id)).toEqual(['dec-patch:all-done']);
    expect(p.remember).toEqual([]);
    expect(p.status).toBe('idle');
  });
});
