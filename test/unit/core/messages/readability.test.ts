/** The Flesch-Kincaid heuristic against known counts, and every built-in English text against grade 7. */
import { describe, expect, it } from 'vitest';
import {
  CATALOGS, fleschKincaidGrade, formatMessage, READABILITY, sentences, syllables, words, type MessageId,
} from '../../../../core/messages/index.js';
import { NOW, variants } from './samples.js';

/** Dictionary syllable counts (Merriam-Webster hyphenation) that the heuristic must get right. */
const KNOWN: Array<[string, number]> = [
  ['the', 1], ['cat', 1], ['you', 1], ['yes', 1], ['your', 1], ['year', 1], ['save', 1], ['make', 1],
  ['files', 1], ['times', 1], ['planned', 1], ['asked', 1], ['brought', 1], ["don’t", 1],
  ['restart', 2], ['update', 2], ['updates', 2], ['table', 2], ['simple', 2], ['little', 2], ['people', 2],
  ['started', 2], ['needed', 2], ['boxes', 2], ['changes', 2], ['pages', 2], ['minutes', 2], ['email', 2],
  ['away', 2], ['system', 2], ['special', 2], ['measures', 2], ['nation', 2], ['sign-in', 2], ['Tuesday', 2],
  ['computer', 3], ['tomorrow', 3], ['December', 3], ['beautiful', 3], ['syllable', 3], ['media', 3],
  ['initial', 3], ['technical', 3], ['liberty', 3], ['continent', 3],
  ['appropriate', 4], ['responsible', 4], ['dedicated', 4],
  ['readability', 5], ['organization', 5], ['implementation', 5],
  // Numbers and times are read at a glance: one syllable each.
  ['3', 1], ['22:00', 1], ['2026', 1],
];

/**
 * Passages with grades worked out by hand from dictionary syllable counts: the heuristic must land within 1.
 * (words, sentences, syllables) are given so the expected grade can be checked against the formula too.
 */
const PASSAGES: Array<{ name: string; text: string; words: number; sentences: number; syllables: number }> = [
  { name: 'one-syllable words', text: 'The cat sat on the mat. The dog ran to the cat.', words: 12, sentences: 2, syllables: 12 },
  {
    name: 'a plain notice',
    text: 'Please save your work before you go home. Your computer will restart tonight at ten. It will be ready in the morning.',
    words: 22, sentences: 3, syllables: 29,
  },
  {
    name: 'the Gettysburg Address, first sentence',
    text: 'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, '
      + 'and dedicated to the proposition that all men are created equal.',
    words: 30, sentences: 1, syllables: 48,
  },
  {
    name: 'policy prose',
    text: 'The organization is responsible for the implementation of appropriate technical measures.',
    words: 11, sentences: 1, syllables: 28,
  },
];

const grade = (w: number, s: number, syl: number): number => 0.39 * (w / s) + 11.8 * (syl / w) - 15.59;

describe('Flesch-Kincaid pieces', () => {
  it.each(KNOWN)('syllables(%s) = %i', (word, count) => {
    expect(syllables(word)).toBe(count);
  });

  it('counts at least one syllable in any word', () => {
    for (const w of ['PM', 'Mr', 'shh', 'x', 'IT']) expect(syllables(w)).toBe(1);
  });

  it('splits sentences on end punctuation and line breaks, not inside times or numbers', () => {
    expect(sentences('Restart by 22:00. Save your work! Ready?')).toEqual(['Restart by 22:00.', 'Save your work!', 'Ready?']);
    expect(sentences('Delete the email.\nTell IT')).toEqual(['Delete the email.', 'Tell IT']);
    expect(sentences('Version 1.5 is out')).toHaveLength(1);
    expect(sentences('')).toEqual([]);
  });

  it('takes punctuation off words and drops lone signs', () => {
    expect(words('Coming in 3 days: December updates (in 2 days) – OK.'))
      .toEqual(['Coming', 'in', '3', 'days', 'December', 'updates', 'in', '2', 'days', 'OK']);
  });

  it.each(PASSAGES)('grades "$name" within 1 of the dictionary grade', (p) => {
    expect(words(p.text)).toHaveLength(p.words);
    expect(sentences(p.text)).toHaveLength(p.sentences);
    const expected = grade(p.words, p.sentences, p.syllables);
    expect(Math.abs(fleschKincaidGrade(p.text) - expected)).toBeLessThanOrEqual(1);
  });

  it('tells easy from hard text', () => {
    const [simple, notice, gettysburg, policy] = PASSAGES.map((p) => fleschKincaidGrade(p.text));
    expect(simple).toBeLessThan(0);
    expect(notice).toBeLessThan(READABILITY.builtInMaxGrade);
    expect(gettysburg).toBeGreaterThan(READABILITY.warnAboveGrade);
    expect(policy).toBeGreaterThan(15);
    expect(fleschKincaidGrade('')).toBe(0);
  });
});

describe('the built-in English texts', () => {
  const ctx = { locale: 'en', zone: 'America/New_York', now: NOW };
  const ids = Object.keys(CATALOGS.en) as MessageId[];
  /** Every message, in its hardest branch, with realistic values filled in. */
  const hardest = ids.map((id) => {
    const worst = variants(id, ctx)
      .map((values) => formatMessage(id, values, ctx))
      .map((text) => ({ text, grade: fleschKincaidGrade(text), words: words(text).length }))
      .reduce((a, b) => (b.grade > a.grade ? b : a));
    return { id, ...worst };
  }).sort((a, b) => b.grade - a.grade);
  const texts = hardest.filter((h) => h.words >= READABILITY.minWords);
  const labels = hardest.filter((h) => h.words < READABILITY.minWords);

  it(`read at grade ${READABILITY.builtInMaxGrade} or lower (texts of ${READABILITY.minWords} words or more, every branch)`, () => {
    console.log('Hardest English texts (Flesch-Kincaid grade, words):\n'
      + texts.slice(0, 6).map((g) => `  ${g.grade.toFixed(1)} ${g.words}w  ${g.id}: ${g.text}`).join('\n'));
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.filter((g) => g.grade > READABILITY.builtInMaxGrade).map((g) => `${g.id} (${g.grade.toFixed(1)})`)).toEqual([]);
  });

  it(`keep labels, headings and buttons short, with no word over ${READABILITY.labelMaxSyllables} syllables`, () => {
    console.log('Labels with the highest grade (not held to it):\n'
      + labels.slice(0, 4).map((g) => `  ${g.grade.toFixed(1)} ${g.words}w  ${g.id}: ${g.text}`).join('\n'));
    const long = labels.flatMap((l) => words(l.text).filter((w) => syllables(w) > READABILITY.labelMaxSyllables).map((w) => `${l.id}: ${w}`));
    expect(long).toEqual([]);
  });

  it(`read at grade ${READABILITY.builtInMaxGrade} or lower all together, labels included`, () => {
    const all = hardest.map((h) => (/[.!?…]$/.test(h.text) ? h.text : `${h.text}.`)).join('\n');
    expect(fleschKincaidGrade(all)).toBeLessThanOrEqual(READABILITY.builtInMaxGrade);
  });

  it('keep sentences short: none over 20 words', () => {
    for (const id of ids) {
      for (const values of variants(id, ctx)) {
        for (const s of sentences(formatMessage(id, values, ctx))) expect(words(s).length, `${id}: ${s}`).toBeLessThanOrEqual(20);
      }
    }
  });
});
