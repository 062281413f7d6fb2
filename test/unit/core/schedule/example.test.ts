/** examples/schedule.yaml: valid, and the realistic schedule the docs promise. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScheduleSource, validateSchedule, type Schedule } from '../../../../core/schedule/index.js';

const text = readFileSync(new URL('../../../../examples/schedule.yaml', import.meta.url), 'utf8');

function example(): Schedule {
  const result = parseScheduleSource(text);
  expect(result.ok ? [] : result.issues).toEqual([]);
  if (!result.ok) throw new Error('unreachable');
  return result.schedule;
}

describe('examples/schedule.yaml', () => {
  it('points editors at the JSON Schema', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../docs/schedule.schema.json');
  });

  it('is the Acme laptops schedule, version 1, valid for a year', () => {
    const schedule = example();
    expect(schedule).toMatchObject({
      fleet: 'acme-laptops', version: 1, issued: '2026-11-20T09:00:00Z', expires: '2027-11-20T09:00:00Z',
    });
  });

  it('has the full policy, two contacts, four FAQ entries and the FAQ link', () => {
    const { policy, support } = example();
    expect(Object.keys(policy).sort()).toEqual(['cadence', 'coverage', 'failures', 'outOfBand', 'patchTypes', 'restarts', 'testing']);
    expect(Object.keys(policy.patchTypes ?? {}).sort()).toEqual(['drivers', 'feature', 'quality', 'security', 'thirdParty']);
    expect(support.contacts).toHaveLength(2);
    expect(support.faq).toHaveLength(4);
    expect(support.faqUrl).toBe('https://help.acme.example/patching');
  });

  it('has a local-time patch Tuesday, an instant critical patch and an incident', () => {
    const [routine, critical, incident] = example().maintenances;
    expect(routine).toMatchObject({
      kind: 'routine-patch',
      window: { type: 'local', start: '2026-12-08T22:00:00' },
      restart: { required: true, deferrals: { max: 3 } },
    });
    expect(Object.keys(routine?.locales ?? {}).sort()).toEqual(['de', 'fr']);
    expect(critical).toMatchObject({ kind: 'critical-patch', severity: 'critical', window: { type: 'instant' }, restart: { required: true } });
    expect(incident).toMatchObject({ kind: 'incident', severity: 'high', restart: { required: false } });
  });

  it('means the same after signing: its document as JSON validates to the same schedule', () => {
    const result = parseScheduleSource(text);
    if (!result.ok) throw new Error('example is invalid');
    const signed = JSON.parse(JSON.stringify(result.document)) as unknown;
    expect(validateSchedule(signed)).toEqual({ ok: true, schedule: result.schedule, document: signed });
  });

  it('says "restart", never "reboot"', () => {
    expect(text).not.toMatch(/reboot/i);
  });
});
