import { describe, expect, it } from 'vitest';
import { validateSchedule, type Schedule } from '../../../../core/schedule/index.js';
import { lintSchedule, type LintRule } from '../../../../core/lint/schedule-lint.js';

function schedule(maintenance: Record<string, unknown>, extra: Record<string, unknown> = {}): Schedule {
  const result = validateSchedule({
    format: 1, fleet: 'acme', version: 1, issued: '2026-11-20T09:00:00Z', expires: '2027-02-20T09:00:00Z',
    maintenances: [{ id: 'm1', kind: 'routine-patch', title: 'Updates on Tuesday night',
      window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' }, ...maintenance }],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.schedule;
}
const rules = (s: Schedule, opts = {}): LintRule[] => lintSchedule(s, opts).map((f) => f.rule);
const only = (s: Schedule, rule: LintRule) => lintSchedule(s).filter((f) => f.rule === rule);

describe('forewarn lint rules', () => {
  it('a plain, short text passes clean', () => {
    expect(rules(schedule({ summary: 'We will update your laptop on Tuesday night. Leave it on and plugged in.' }))).toEqual([]);
  });

  it('flags a text above grade 8, with the grade', () => {
    const [f] = only(schedule({
      summary: 'Comprehensive cumulative operating system modifications necessitate administrative reinitialization procedures subsequently.',
    }), 'grade');
    expect(f?.severity).toBe('warning');
    expect(f?.segments).toEqual(['maintenances', 0, 'summary']);
    expect(f?.message).toMatch(/reads at grade (\d+\.\d); aim for 8/);
    expect(Number(/grade (\d+\.\d)/.exec(f!.message)![1])).toBeGreaterThan(8);
  });

  it('flags a sentence over 25 words and counts them', () => {
    const long = 'Please leave your laptop on and plugged in on Tuesday night so that the updates can go in while you sleep and you do not lose any time at all on Wednesday.';
    const [f] = only(schedule({ summary: long }), 'long-sentence');
    expect(f?.message).toContain(`${long.split(' ').length} words`);
  });

  it('flags KB numbers, CVE ids and unexplained acronyms, but not explained or common ones', () => {
    const s = schedule({
      summary: 'This fixes CVE-2026-12345 from KB5031234.',
      steps: ['Turn on multi-factor authentication (MFA) in the app.', 'Check MFA works.', 'Call the IT desk if the VPN fails.', 'Open the PDF.'],
    });
    const found = lintSchedule(s).filter((f) => f.rule !== 'grade').map((f) => `${f.rule}: ${f.message.split(/[ :]/).slice(0, 2).join(' ')}`);
    expect(found.sort()).toEqual(['acronym: uses VPN', 'cve-id: mentions CVE-2026-12345', 'kb-number: mentions KB5031234']);
  });

  it('says "restart", not "reboot"', () => {
    expect(rules(schedule({ steps: ['Reboot your laptop when asked.'] }))).toContain('word-choice');
  });

  it('an http:// link inside a text is an error', () => {
    const [f] = only(schedule({ summary: 'Read more at http://help.acme.example/patching today.' }), 'insecure-link');
    expect(f?.severity).toBe('error');
  });

  it('missing translations: a warning for languages other maintenances use, an error for declared ones', () => {
    const s = validateSchedule({
      format: 1, fleet: 'acme', version: 1, issued: '2026-11-20T09:00:00Z', expires: '2027-02-20T09:00:00Z',
      maintenances: [
        { id: 'a', kind: 'information', title: 'New printer', window: { start: '2026-12-08T10:00', end: '2026-12-08T11:00' }, locales: { fr: { title: 'Nouvelle imprimante' } } },
        { id: 'b', kind: 'information', title: 'New coffee', window: { start: '2026-12-09T10:00', end: '2026-12-09T11:00' } },
      ],
    });
    if (!s.ok) throw new Error('invalid');
    const inferred = lintSchedule(s.schedule).filter((f) => f.rule === 'missing-translation');
    expect(inferred.map((f) => [f.severity, f.segments.join('.')])).toEqual([['warning', 'maintenances.1.locales']]);
    const declared = lintSchedule(s.schedule, { locales: ['fr', 'de'] }).filter((f) => f.rule === 'missing-translation');
    expect(declared.map((f) => [f.severity, f.message.split(':')[0]])).toEqual([
      ['error', 'has no text in de'], ['error', 'has no text in fr, de'],
    ]);
  });
});

describe('languages the schedule declares', () => {
  it('are required of every maintenance, as errors', () => {
    const s = schedule({ locales: { fr: { title: 'Mises à jour mardi soir' } } }, { languages: ['fr', 'de'] });
    const found = lintSchedule(s).filter((f) => f.rule === 'missing-translation');
    expect(found.map((f) => [f.severity, f.message.split(':')[0]])).toEqual([['error', 'has no text in de']]);
  });
});
