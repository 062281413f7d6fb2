// The Snapshot from one plan(): words in the person's language and zone, the prompt's choices with labels, and
// the error state when there is no usable schedule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../main/engine/actions/snapshot.js';
import { plan, type AgentState, type DeviceContext } from '../../../../core/policy/index.js';
import { validateSchedule, parseScheduleSource } from '../../../../core/schedule/index.js';

const source = parseScheduleSource(readFileSync(new URL('../../../../examples/schedule.yaml', import.meta.url), 'utf8'));
if (!source.ok) throw new Error('example does not parse');
const checked = validateSchedule(source.document);
if (!checked.ok) throw new Error('example invalid');
const schedule = checked.schedule;
const M = '2026-12-patch-tuesday';
const device = (locale: string, zone = 'Europe/Paris'): DeviceContext =>
  ({ zone, locale, groups: [], tags: [], busy: {}, restartPending: false, lastBoot: 0 });
const empty: AgentState = { maintenances: {} };

describe('buildSnapshot', () => {
  it('an upcoming maintenance: the tray label and tooltip in the reader\'s language', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const d = device('fr');
    const snap = buildSnapshot({ now, device: d, schedule, agent: empty, plan: plan(schedule, d, empty, now), notices: [], errors: [], dryRun: true });
    expect(snap.tray.status).toBe('upcoming');
    expect(snap.focus?.id).toBe(M);
    expect(snap.focus?.title).toBe('Mises à jour mensuelles dans la nuit du mardi 8 décembre');
    expect(snap.tray.tooltip).toContain('Mises à jour mensuelles');
    expect(snap.schedule).toMatchObject({ version: 1, fleet: 'acme-laptops' });
    expect(snap.schedule?.support.contacts[0]?.name).toBe('IT Service Desk');
    expect(snap.maintenances.map((m) => m.id)).toEqual([M, '2026-11-phishing-payslip']); // the Windows fix is for tag windows
    expect(snap.prompt).toBeUndefined();
  });

  it('a pending restart: the prompt with one label per offered choice', () => {
    const now = Date.parse('2026-12-09T09:30:00Z');
    const d = device('en');
    const snap = buildSnapshot({ now, device: d, schedule, agent: empty, plan: plan(schedule, d, empty, now), notices: [], errors: [], dryRun: false });
    expect(snap.tray.status).toBe('restart-pending');
    expect(snap.prompt?.maintenance).toBe(M);
    expect(snap.prompt?.choices.map((c) => c.label)).toEqual(['Restart now', 'Remind me in 1 hour', 'Remind me in 4 hours', 'Remind me in 1 day', 'Pick a time']);
    expect(snap.prompt?.deferralsLeftText).toMatch(/3/);
  });

  it('no usable schedule: the error state, with what the views say', () => {
    const now = Date.parse('2027-11-21T00:00:00Z');
    const snap = buildSnapshot({ now, device: device('en'), agent: empty, notices: [], dryRun: true, errors: [{ kind: 'expired-schedule', message: 'out of date' }] });
    expect(snap.tray).toMatchObject({ status: 'error', label: 'Can’t get the latest news. Trying again soon' });
    expect(snap.maintenances).toEqual([]);
    expect(snap.schedule).toBeUndefined();
  });
});
