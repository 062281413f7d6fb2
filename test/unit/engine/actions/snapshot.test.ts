// The Snapshot from one plan(): words in the person's language and zone, the prompt's choices with labels, and
// the error state when there is no usable schedule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../main/engine/actions/snapshot.js';
import { CATALOGS } from '../../../../core/messages/index.js';
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
    const snap = buildSnapshot({ now, device: device('en'), agent: empty, notices: [], dryRun: true, errors: [{ kind: 'expired-schedule', detail: 'expired on 2027-11-20' }] });
    expect(snap.tray).toMatchObject({ status: 'error', label: 'Can’t get the latest news. Trying again soon' });
    expect(snap.errors).toEqual([{
      kind: 'expired-schedule', detail: 'expired on 2027-11-20',
      message: 'The update schedule on this computer is out of date. It will update when IT publishes a new one.',
    }]);
    expect(snap.maintenances).toEqual([]);
    expect(snap.schedule).toBeUndefined();
  });

  it('error messages in the reader\'s language (German, Arabic); the detail for IT stays as the engine wrote it', () => {
    const now = Date.parse('2027-11-21T00:00:00Z');
    const errors = [
      { kind: 'no-config' as const, detail: 'no managed config at /etc/forewarn/config.json' },
      { kind: 'rejected-schedule' as const, text: 'rejected-update' as const, detail: 'bad-signature: no valid signature' },
    ];
    const german = buildSnapshot({ now, device: device('de-DE', 'Europe/Berlin'), agent: empty, notices: [], dryRun: true, errors });
    expect(german.tray.label).toBe(CATALOGS.de['tray.error']);
    expect(german.errors).toEqual([
      { kind: 'no-config', message: 'Dieser Computer ist noch nicht für Update-Hinweise eingerichtet. Bitte wenden Sie sich an die IT.', detail: errors[0]!.detail },
      { kind: 'rejected-schedule', message: 'Ein neuer Update-Plan wurde abgelehnt, weil er nicht geprüft werden konnte. Die IT weiß Bescheid.', detail: errors[1]!.detail },
    ]);
    const arabic = buildSnapshot({ now, device: device('ar-EG', 'Africa/Cairo'), agent: empty, notices: [], dryRun: true, errors });
    expect(arabic.errors.map((e) => e.message)).toEqual([CATALOGS.ar['error.noConfig'], CATALOGS.ar['error.rejectedUpdate']]);
    expect(arabic.errors[0]!.message).toBe('هذا الجهاز غير مُعدّ بعد لتلقي تنبيهات التحديثات. يُرجى التواصل مع قسم تقنية المعلومات.');
    expect(arabic.errors.map((e) => e.detail)).toEqual(errors.map((e) => e.detail));
  });
});
