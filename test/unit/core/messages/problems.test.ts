/**
 * The words for what went wrong (refused actions, the status view's errors) and the catch-up notice of an
 * incident come from the catalogs, in the reader's language: a German and an Arabic reader never read English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agentErrorText, CATALOGS, noticeText, refusalText, type AgentErrorText, type FormatContext, type RefusalReason,
} from '../../../../core/messages/index.js';
import type { NoticeDue } from '../../../../core/policy/index.js';
import { parseScheduleSource, validateSchedule } from '../../../../core/schedule/index.js';

const de: FormatContext = { locale: 'de-DE', zone: 'Europe/Berlin', now: Date.parse('2026-11-21T09:00:00Z') };
const ar: FormatContext = { locale: 'ar-EG', zone: 'Africa/Cairo', now: Date.parse('2026-11-21T09:00:00Z') };
const en: FormatContext = { locale: 'en-US', zone: 'Europe/Paris', now: Date.parse('2026-11-21T09:00:00Z') };

const REASONS: RefusalReason[] = [
  'unknown-maintenance', 'not-pending', 'no-deferrals-left', 'not-offered', 'link-not-offered', 'no-schedule', 'not-running', 'restart-failed',
];
const ERRORS: AgentErrorText[] = ['store', 'no-config', 'no-schedule', 'expired-schedule', 'rejected-schedule', 'rejected-update', 'enrollment'];

describe('refusals and errors in the reader’s language', () => {
  it('a German reader gets German words for a refused deferral and for an error', () => {
    expect(refusalText('no-deferrals-left', de)).toBe('Sie haben diesen Neustart so oft verschoben, wie es erlaubt ist.');
    expect(refusalText('link-not-offered', de)).toBe(CATALOGS.de['refusal.linkNotOffered']);
    expect(agentErrorText('no-config', de)).toBe('Dieser Computer ist noch nicht für Update-Hinweise eingerichtet. Bitte wenden Sie sich an die IT.');
  });

  it('an Arabic reader gets Arabic words for a refused deferral and for an error', () => {
    expect(refusalText('no-deferrals-left', ar)).toBe('تم تأجيل إعادة التشغيل هذه بالعدد الأقصى المسموح به.');
    expect(agentErrorText('rejected-update', ar)).toBe(CATALOGS.ar['error.rejectedUpdate']);
    expect(agentErrorText('rejected-update', ar)).toMatch(/[\u0600-\u06ff]/);
  });

  it('English keeps the words the views and tests know', () => {
    expect(refusalText('link-not-offered', en)).toBe('This link is not in the signed schedule, so it does not open. Please ask IT.');
    expect(refusalText('not-offered', en)).toBe('That choice is not offered now.');
  });

  it.each(['de', 'ar', 'ja', 'fr'] as const)('%s: every refusal and error is translated, none is the English text', (locale) => {
    const ctx = { ...en, locale };
    for (const reason of REASONS) expect(refusalText(reason, ctx), reason).not.toBe(refusalText(reason, en));
    for (const kind of ERRORS) expect(agentErrorText(kind, ctx), kind).not.toBe(agentErrorText(kind, en));
  });
});

describe('the catch-up notice of an incident', () => {
  const source = parseScheduleSource(readFileSync(new URL('../../../../examples/schedule.yaml', import.meta.url), 'utf8'));
  if (!source.ok) throw new Error('example does not parse');
  const checked = validateSchedule(source.document);
  if (!checked.ok) throw new Error('example invalid');
  const m = checked.schedule.maintenances.find((x) => x.id === '2026-11-phishing-payslip')!;
  const start = Date.parse('2026-11-20T09:00:00Z');
  const end = Date.parse('2026-11-27T18:00:00Z');
  const notice: NoticeDue = {
    id: `${m.id}:catch-up:incident`, maintenance: m.id, kind: 'catch-up', at: start,
    facts: { stage: 'incident', start, end, restartRequired: false, steps: m.steps.length, acknowledgementNeeded: true },
  };

  it('says in a sentence that IT sent a notice, then what it says — not a bare title at the end', () => {
    const text = noticeText(notice, m, en);
    expect(text.title).toBe('While you were away');
    expect(text.body).toMatch(/^IT sent you a notice: “Warning: fake emails about your payslip”\. Some of us got emails/);
    expect(text.body).toMatch(/do not type your password\.$/);
  });

  it('reads in German and Arabic, with the template’s words where IT wrote none in that language', () => {
    const german = noticeText(notice, m, de);
    expect(german.title).toBe(CATALOGS.de['notice.catchUp.title']);
    expect(german.body).toBe(`Die IT hat Ihnen eine Meldung geschickt: „${CATALOGS.de['incident.phishing.title']}“. ${CATALOGS.de['incident.phishing.body']}`);
    const arabic = noticeText(notice, m, ar);
    expect(arabic.body).toBe(`أرسل إليك قسم تقنية المعلومات تنبيهًا: «\u2068${CATALOGS.ar['incident.phishing.title']}\u2069». ${CATALOGS.ar['incident.phishing.body']}`);
  });
});
