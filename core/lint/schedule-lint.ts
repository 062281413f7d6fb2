import type { Schedule } from '../schedule/index.js';
import { fleschKincaidGrade, sentences, words } from '../messages/readability.js';

/** One thing `forewarn lint` found in IT's own texts. Errors stop a release; warnings are advice. */
export interface LintFinding {
  severity: 'error' | 'warning';
  rule: LintRule;
  /** Where, as segments (['maintenances', 0, 'summary']); formatted and given a line by the caller. */
  segments: readonly (string | number)[];
  message: string;
}

export type LintRule = 'grade' | 'long-sentence' | 'kb-number' | 'cve-id' | 'acronym' | 'missing-translation' | 'insecure-link' | 'word-choice';

/** Every threshold of the linter, named, with the reasons for its default. */
export const LINT_LIMITS = {
  /** Flesch-Kincaid grade above which a text is flagged (built-in texts are held to 7; IT's to 8). */
  maxGrade: 8,
  /** Longest sentence, in words; plain-language guides put the comfortable average at 15-20. */
  maxSentenceWords: 25,
  /** Texts shorter than this (in words) are not graded: a three-word title has no meaningful grade. */
  minWordsToGrade: 8,
} as const;

/** Acronyms most people know; anything else should be spelt out once, e.g. "multi-factor authentication (MFA)". */
const KNOWN_ACRONYMS = new Set(['IT', 'PC', 'OK', 'PDF', 'USB', 'AM', 'PM', 'ID', 'HR', 'UK', 'US', 'EU', 'FAQ', 'TV', 'CEO']);

interface Text { segments: (string | number)[]; text: string; language: string }

/**
 * Checks the words IT wrote, before they reach anyone: readability, sentence length, jargon (KB numbers, CVE
 * ids, unexplained acronyms), "reboot", plain-http links inside texts, and translations missing for the
 * languages the fleet uses. `mainLanguage` is the language of the schedule's own texts (default en).
 */
export function lintSchedule(schedule: Schedule, opts: { locales?: readonly string[]; mainLanguage?: string } = {}): LintFinding[] {
  const main = opts.mainLanguage ?? 'en';
  const texts = collectTexts(schedule, main);
  const explained = explainedAcronyms(texts);
  const findings: LintFinding[] = [];
  for (const t of texts) findings.push(...lintText(t, explained));
  // Languages given on the command line win; otherwise the ones the schedule declares; otherwise none declared.
  const declared = opts.locales ?? (schedule.languages.length > 0 ? schedule.languages : undefined);
  findings.push(...missingTranslations(schedule, declared));
  return findings;
}

function lintText({ segments, text, language }: Text, explained: ReadonlySet<string>): LintFinding[] {
  const out: LintFinding[] = [];
  const warn = (rule: LintRule, message: string) => out.push({ severity: 'warning', rule, segments, message });
  const english = language === 'en' || language.startsWith('en-');
  if (english && words(text).length >= LINT_LIMITS.minWordsToGrade) {
    // Compared as shown (one decimal), so "grade 8.0" is never flagged as above 8.
    const grade = Math.round(fleschKincaidGrade(text) * 10) / 10;
    if (grade > LINT_LIMITS.maxGrade) {
      warn('grade', `reads at grade ${grade.toFixed(1)}; aim for ${LINT_LIMITS.maxGrade} or below: shorter sentences, everyday words`);
    }
  }
  for (const sentence of sentences(text)) {
    const n = words(sentence).length;
    if (n > LINT_LIMITS.maxSentenceWords) warn('long-sentence', `has a sentence of ${n} words ("${clip(sentence)}"); keep sentences under ${LINT_LIMITS.maxSentenceWords + 1} words`);
  }
  for (const kb of text.match(/\bKB ?\d{6,7}\b/g) ?? []) warn('kb-number', `mentions ${kb}: say what the update does for people instead`);
  for (const cve of text.match(/\bCVE-\d{4}-\d{4,}\b/gi) ?? []) warn('cve-id', `mentions ${cve}: say what the risk is in plain words (and keep details that help attackers out)`);
  // KB numbers and CVE ids are reported above; their letters are not also "acronyms".
  const rest = text.replace(/\bKB ?\d{6,7}\b|\bCVE-\d{4}-\d{4,}\b/gi, '');
  const acronyms = new Set((rest.match(/\b[A-Z]{2,6}s?\b/g) ?? []).map((a) => a.replace(/s$/, '')));
  for (const a of acronyms) {
    if (!KNOWN_ACRONYMS.has(a) && !explained.has(a)) warn('acronym', `uses ${a} without saying what it means: spell it out once, e.g. "words (${a})"`);
  }
  if (english && /\brebooti?n?g?s?\b|\breboots?\b/i.test(text)) warn('word-choice', 'says "reboot": say "restart", the word people use');
  for (const url of text.match(/\bhttp:\/\/\S+/g) ?? []) {
    out.push({ severity: 'error', rule: 'insecure-link', segments, message: `links to ${url}: use https:// so people land on the real page` });
  }
  return out;
}

/** An acronym counts as explained anywhere in the schedule when it stands in parentheses once: "… (MFA)". */
function explainedAcronyms(texts: readonly Text[]): Set<string> {
  const found = new Set<string>();
  for (const { text } of texts) for (const m of text.matchAll(/\(([A-Z]{2,6})s?\)/g)) found.add(m[1]!);
  return found;
}

/** Each maintenance should speak every language the fleet uses: declared, or used by any maintenance. */
function missingTranslations(schedule: Schedule, declared: readonly string[] | undefined): LintFinding[] {
  const wanted = declared ?? [...new Set(schedule.maintenances.flatMap((m) => Object.keys(m.locales)))];
  const out: LintFinding[] = [];
  schedule.maintenances.forEach((m, i) => {
    const missing = wanted.filter((tag) => !(tag in m.locales));
    if (missing.length > 0) {
      out.push({
        severity: declared ? 'error' : 'warning', rule: 'missing-translation', segments: ['maintenances', i, 'locales'],
        message: `has no text in ${missing.join(', ')}${declared ? '' : ', which other maintenances have'}: people with those languages would read the main text`,
      });
    }
  });
  return out;
}

function collectTexts(schedule: Schedule, main: string): Text[] {
  const texts: Text[] = [];
  const add = (segments: (string | number)[], text: string | undefined, language = main) => {
    if (text) texts.push({ segments, text, language });
  };
  const { patchTypes, ...policy } = schedule.policy;
  for (const [key, value] of Object.entries(policy)) add(['policy', key], value as string | undefined);
  for (const [key, value] of Object.entries(patchTypes ?? {})) add(['policy', 'patchTypes', key], value as string | undefined);
  schedule.support.faq.forEach((f, i) => {
    add(['support', 'faq', i, 'question'], f.question);
    add(['support', 'faq', i, 'answer'], f.answer);
  });
  schedule.maintenances.forEach((m, i) => {
    add(['maintenances', i, 'title'], m.title);
    add(['maintenances', i, 'summary'], m.summary);
    m.steps.forEach((s, j) => add(['maintenances', i, 'steps', j], s));
    for (const [tag, o] of Object.entries(m.locales)) {
      add(['maintenances', i, 'locales', tag, 'title'], o.title, tag);
      add(['maintenances', i, 'locales', tag, 'summary'], o.summary, tag);
      o.steps?.forEach((s, j) => add(['maintenances', i, 'locales', tag, 'steps', j], s, tag));
    }
  });
  return texts;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
