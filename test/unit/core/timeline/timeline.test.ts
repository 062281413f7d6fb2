import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScheduleSource, type Schedule } from '../../../../core/schedule/index.js';
import { simulateTimeline, type DeviceContext } from '../../../../core/policy/index.js';
import { countdownText, LOCALES, noticeText, promptText } from '../../../../core/messages/index.js';

const parsed = parseScheduleSource(readFileSync(new URL('../../../../examples/schedule.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('example invalid');
const schedule: Schedule = parsed.schedule;
const FROM = Date.parse('2026-11-30T00:00:00Z');
const TO = Date.parse('2026-12-20T00:00:00Z');
const device = (zone: string, locale = 'en'): DeviceContext => ({
  zone, locale, groups: [], tags: ['windows'], busy: {}, restartPending: false, lastBoot: FROM - 86_400_000,
});

describe('simulateTimeline (a person who never clicks)', () => {
  const timeline = simulateTimeline(schedule, device('Europe/Paris'), FROM, TO);

  it('is in time order and deterministic', () => {
    for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.at).toBeGreaterThanOrEqual(timeline[i - 1]!.at);
    expect(simulateTimeline(schedule, device('Europe/Paris'), FROM, TO)).toEqual(timeline);
  });

  it('shows each notice once, and tells the patch night in the computer’s own zone', () => {
    const ids = timeline.flatMap((e) => (e.type === 'notice' ? [e.notice.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const starting = timeline.find((e) => e.type === 'notice' && e.notice.kind === 'starting' && e.maintenance === '2026-12-patch-tuesday');
    // 22:00 on 8 December in Paris is 21:00 UTC; in New York it is 03:00 UTC the next day.
    expect(new Date(starting!.at).toISOString()).toBe('2026-12-08T21:00:00.000Z');
    const ny = simulateTimeline(schedule, device('America/New_York'), FROM, TO)
      .find((e) => e.type === 'notice' && e.notice.kind === 'starting' && e.maintenance === '2026-12-patch-tuesday');
    expect(new Date(ny!.at).toISOString()).toBe('2026-12-09T03:00:00.000Z');
  });

  it('ends each restart with warnings at 60, 30, 10 and 5 minutes, a countdown and the restart, then all done', () => {
    for (const id of ['2026-12-patch-tuesday', '2026-12-urgent-windows-fix']) {
      const mine = timeline.filter((e) => e.maintenance === id);
      const warnings = mine.flatMap((e) => (e.type === 'notice' && e.notice.kind === 'forced-warning' ? [e.notice.facts.minutesLeft] : []));
      expect(warnings).toEqual([60, 30, 10, 5]);
      const restart = mine.find((e) => e.type === 'restart')!;
      const countdown = mine.find((e) => e.type === 'countdown')!;
      expect(countdown.type === 'countdown' && countdown.restartAt).toBe(restart.at);
      expect(mine.filter((e) => e.type === 'restart')).toHaveLength(1);
      expect(mine.at(-1)?.type === 'notice' && (mine.at(-1) as any).notice.kind).toBe('all-done');
    }
  });

  it('hides what is not for this computer', () => {
    const noTags = simulateTimeline(schedule, { ...device('Europe/Paris'), tags: [] }, FROM, TO);
    expect(noTags.some((e) => e.maintenance === '2026-12-urgent-windows-fix')).toBe(false);
  });
});

describe('texts for every step of the timeline, in all twelve languages', () => {
  const byId = new Map(schedule.maintenances.map((m) => [m.id, m]));
  const timeline = simulateTimeline(schedule, device('Asia/Kolkata'), FROM, TO);

  it.each(LOCALES)('%s: every notice, prompt and countdown has words, with no placeholder left', (locale) => {
    for (const e of timeline) {
      const ctx = { locale, zone: 'Asia/Kolkata', now: e.at };
      const texts = e.type === 'notice' ? Object.values(noticeText(e.notice, byId.get(e.maintenance)!, ctx))
        : e.type === 'prompt' ? Object.values(promptText(e.prompt, ctx)).flat()
          : e.type === 'countdown' ? Object.values(countdownText(e.restartAt, ctx)) : [];
      for (const t of texts) {
        expect(t.trim().length, `${locale} ${e.type}`).toBeGreaterThan(0);
        expect(t).not.toMatch(/[{}]/);
      }
    }
  });

  it('says the facts: the minutes of a warning, the deadline time in the zone, the deferrals left', () => {
    const warning = timeline.find((e) => e.type === 'notice' && e.notice.kind === 'forced-warning')!;
    if (warning.type !== 'notice') throw new Error('no warning');
    expect(noticeText(warning.notice, byId.get(warning.maintenance)!, { locale: 'en', zone: 'Asia/Kolkata', now: warning.at }).body)
      .toContain('60 minutes');
    const prompt = timeline.find((e) => e.type === 'prompt' && e.maintenance === '2026-12-patch-tuesday')!;
    if (prompt.type !== 'prompt') throw new Error('no prompt');
    const en = promptText(prompt.prompt, { locale: 'en', zone: 'Asia/Kolkata', now: prompt.at });
    // The patch-night deadline is Thursday 18:00 on the computer's own clock (local-time schedule).
    expect(en.body).toMatch(/December 10 at 6:00\s?PM/);
    expect(en.deferralsLeft).toBe('You can put it off 3 more times.');
    expect(en.choices).toEqual(['Restart now', 'Remind me in 1 hour', 'Remind me in 4 hours', 'Remind me in 1 day', 'Pick a time']);
    const fr = promptText(prompt.prompt, { locale: 'fr', zone: 'Asia/Kolkata', now: prompt.at });
    expect(fr.body).toContain('18:00');
    expect(fr.body).toContain('10 décembre');
  });

  it('a prompt with deferrals left but none that fits says none are left', () => {
    const late = timeline.filter((e) => e.type === 'prompt' && e.prompt.choices.every((c) => c.kind !== 'defer'));
    expect(late.length).toBeGreaterThan(0);
    for (const e of late) {
      if (e.type !== 'prompt') continue;
      expect(promptText(e.prompt, { locale: 'en', zone: 'Asia/Kolkata', now: e.at }).deferralsLeft).toBe('You can’t put it off again.');
    }
  });
});
