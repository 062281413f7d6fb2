/** Plural forms read right in the languages that have many of them (Polish, Arabic) and none (Japanese). */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatMessage } from '../../../../core/messages/index.js';
import { parisContext } from './samples.js';

const pl = parisContext('pl');
const ar = parisContext('ar');

describe('Polish: one, few, many', () => {
  it('counts minutes in the form each number takes after "za"', () => {
    const minutes = (n: number): string => formatMessage('forced.warning.body', { minutes: n }, pl);
    expect(minutes(1)).toContain('za 1 minutę.');
    expect(minutes(2)).toContain('za 2 minuty.');
    expect(minutes(4)).toContain('za 4 minuty.');
    expect(minutes(5)).toContain('za 5 minut.');
    expect(minutes(12)).toContain('za 12 minut.'); // 12–14 are "many", not "few"
    expect(minutes(22)).toContain('za 22 minuty.');
    expect(minutes(25)).toContain('za 25 minut.');
  });

  it('names durations in the nominative: 1 minuta, 2 minuty, 5 minut', () => {
    expect(formatDuration(60, pl)).toBe('1 minuta');
    expect(formatDuration(120, pl)).toBe('2 minuty');
    expect(formatDuration(300, pl)).toBe('5 minut');
    expect(formatDuration(3600, pl)).toBe('1 godzina');
  });

  it('counts deferrals and updates', () => {
    expect(formatMessage('prompt.deferralsLeft', { count: 1 }, pl)).toBe('Możesz to odłożyć jeszcze 1 raz.');
    expect(formatMessage('prompt.deferralsLeft', { count: 3 }, pl)).toBe('Możesz to odłożyć jeszcze 3 razy.');
    expect(formatMessage('prompt.deferralsLeft', { count: 0 }, pl)).toBe('Nie możesz już tego odłożyć.');
    expect(formatMessage('status.pending', { count: 1 }, pl)).toBe('Zaplanowano 1 aktualizację.');
    expect(formatMessage('status.pending', { count: 3 }, pl)).toBe('Zaplanowano 3 aktualizacje.');
    expect(formatMessage('status.pending', { count: 5 }, pl)).toBe('Zaplanowano 5 aktualizacji.');
  });
});

describe('Arabic: six forms', () => {
  const n = (x: number): string => new Intl.NumberFormat('ar').format(x); // digits as this ICU writes them

  it('uses a different form for 1, 2, 3, 11 and 100 minutes', () => {
    const minutes = (x: number): string => formatMessage('forced.warning.body', { minutes: x }, ar);
    expect(minutes(1)).toContain('بعد دقيقة واحدة.'); // one: the noun alone, "one minute"
    expect(minutes(2)).toContain('بعد دقيقتين.'); // two: the dual, no number
    expect(minutes(3)).toContain(`بعد ${n(3)} دقائق.`); // few: plural noun
    expect(minutes(11)).toContain(`بعد ${n(11)} دقيقة.`); // many: singular noun
    expect(minutes(100)).toContain(`بعد ${n(100)} دقيقة.`); // other
    expect(new Set([1, 2, 3, 11, 100].map((x) => new Intl.PluralRules('ar').select(x))).size).toBe(5);
    expect(new Set([1, 2, 3, 11].map(minutes)).size).toBe(4);
  });

  it('has a zero form for the moment itself', () => {
    expect(formatMessage('forced.countdown.body', { seconds: 0 }, ar)).toContain('ستتم إعادة تشغيل جهازك الآن.');
  });
});

describe('languages without plural forms', () => {
  it('puts the number in one form in Japanese, Chinese and Korean', () => {
    expect(formatMessage('forced.warning.title', { minutes: 1 }, parisContext('ja'))).toBe('1分後に再起動');
    expect(formatMessage('forced.warning.title', { minutes: 5 }, parisContext('ja'))).toBe('5分後に再起動');
    expect(formatMessage('prompt.deferralsLeft', { count: 2 }, parisContext('zh-CN'))).toBe('您还可以推迟2次。');
    expect(formatMessage('prompt.deferralsLeft', { count: 0 }, parisContext('ko'))).toBe('더 이상 미룰 수 없습니다.');
  });

  it('keeps French 0 and 1 apart from the rest, with the zero case first', () => {
    const fr = parisContext('fr');
    expect(formatMessage('status.pending', { count: 0 }, fr)).toBe('Aucune mise à jour n’est prévue.');
    expect(formatMessage('status.pending', { count: 1 }, fr)).toBe('1 mise à jour est prévue.');
    expect(formatMessage('status.pending', { count: 2 }, fr)).toBe('2 mises à jour sont prévues.');
  });
});
