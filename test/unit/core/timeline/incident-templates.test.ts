import { describe, expect, it } from 'vitest';
import { INCIDENT_TEMPLATES, validateSchedule, type Maintenance } from '../../../../core/schedule/index.js';
import { formatMessage, incidentText, LOCALES } from '../../../../core/messages/index.js';

const base = { format: 1, fleet: 'acme', version: 1, issued: '2026-11-20T09:00:00Z', expires: '2027-02-20T09:00:00Z' };
const window = { start: '2026-11-23T09:00:00Z', end: '2026-11-24T17:00:00Z' };
const END = Date.parse(window.end);

function maintenance(fields: Record<string, unknown>): Maintenance {
  const r = validateSchedule({ ...base, maintenances: [{ id: 'i1', kind: 'incident', title: 'Fake payslip emails', window, ...fields }] });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schedule.maintenances[0]!;
}
const issues = (fields: Record<string, unknown>) => {
  const r = validateSchedule({ ...base, maintenances: [{ id: 'i1', kind: 'incident', title: 't', window, ...fields }] });
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('incident templates', () => {
  it('are for incidents and outages only, and name the service where the text needs one', () => {
    expect(issues({ kind: 'routine-patch', template: 'phishing' })).toEqual(['maintenances[0].template: is for incident or outage notices only']);
    expect(issues({ kind: 'outage', template: 'outage' })).toEqual([
      'maintenances[0].service: the outage template needs the service it is about, e.g. service: Email',
    ]);
    expect(issues({ template: 'ransom-note' })[0]).toMatch(/^maintenances\[0\]\.template: must be one of phishing, outage/);
    expect(issues({ kind: 'outage', template: 'outage', service: 'Email' })).toEqual([]);
  });

  it('an English reader reads IT’s own words; a French reader with no translation reads the French template', () => {
    const m = maintenance({ template: 'phishing', summary: 'Emails about your payslip are fake.', steps: ['Delete them.'] });
    const en = incidentText(m, { locale: 'en', zone: 'Europe/Paris', now: END - 86_400_000 }, END);
    expect(en).toEqual({ title: 'Fake payslip emails', body: 'Emails about your payslip are fake.', steps: ['Delete them.'] });
    const ctx = { locale: 'fr-CA', zone: 'Europe/Paris', now: END - 86_400_000 };
    const fr = incidentText(m, ctx, END);
    expect(fr.title).toBe(formatMessage('incident.phishing.title', {}, ctx));
    expect(fr.steps).toEqual(formatMessage('incident.phishing.steps', {}, ctx).split('\n'));
    expect(fr.steps.length).toBeGreaterThan(1);
  });

  it('a translation IT wrote wins over the template', () => {
    const m = maintenance({ template: 'phishing', locales: { fr: { title: 'Faux e-mails de paie' } } });
    expect(incidentText(m, { locale: 'fr', zone: 'UTC', now: 0 }, END).title).toBe('Faux e-mails de paie');
  });

  it('puts the facts in: the service and the time in the reader’s zone', () => {
    const m = maintenance({ kind: 'outage', template: 'outage', service: 'Email', title: 'Email is down' });
    const de = incidentText(m, { locale: 'de', zone: 'Europe/Berlin', now: END - 3_600_000 }, END);
    expect(de.title).toContain('Email');
    expect(de.body).toContain('18:00'); // 17:00 UTC is 18:00 in Berlin in November
  });

  it.each(LOCALES)('%s: every template reads with no placeholder left', (locale) => {
    for (const template of INCIDENT_TEMPLATES) {
      const m = maintenance({ kind: template === 'outage' ? 'outage' : 'incident', template, service: 'Email', title: 'x', steps: [] });
      const t = incidentText(m, { locale, zone: 'Asia/Tokyo', now: END - 86_400_000 }, END);
      for (const text of [t.title, t.body, ...t.steps]) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
      }
    }
  });
});
