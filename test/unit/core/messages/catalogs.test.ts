/** The twelve catalogs against English: same ids, same arguments, sound ICU, every message formats everywhere. */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  CATALOGS, formatMessage, LOCALES, messageArguments, type Locale, type MessageArgument, type MessageId,
} from '../../../../core/messages/index.js';
import { parisContext, variants } from './samples.js';

const ids = Object.keys(CATALOGS.en) as MessageId[];
const translations = LOCALES.filter((l) => l !== 'en');

/** Parses with intl-messageformat's own parser, as formatMessage does. */
function argumentsIn(locale: Locale, id: MessageId): MessageArgument[] {
  const text = CATALOGS[locale][id];
  return messageArguments(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst());
}

/** What must match English: name and kind of each argument, select keys, and exact plural keys (=0). */
function shape(args: MessageArgument[]): string[] {
  return args
    .map((a) => {
      const keys = a.kind === 'select' ? a.options : a.kind === 'plural' ? a.options?.filter((o) => o.startsWith('=')) : [];
      return `${a.name}:${a.kind}[${[...(keys ?? [])].sort().join(',')}]`;
    })
    .sort();
}

describe('catalog shape', () => {
  it('has the twelve languages', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES).toHaveLength(12);
  });

  it('has at least the messages the views need', () => {
    for (const id of ['tray.idle', 'tray.tooltip', 'notice.advance.body', 'notice.catchUp.title', 'prompt.deferralsLeft',
      'forced.countdown.body', 'incident.dataExposure.body', 'policy.outOfBand', 'help.faqPage', 'feedback.thanks',
      'status.pending', 'common.acknowledge']) {
      expect(ids).toContain(id);
    }
  });

  it.each(translations)('%s has exactly the English ids', (locale) => {
    const keys = Object.keys(CATALOGS[locale]);
    expect(keys.filter((k) => !ids.includes(k as MessageId)), 'extra ids').toEqual([]);
    expect(ids.filter((k) => !keys.includes(k)), 'missing ids').toEqual([]);
  });

  it.each(translations)('%s asks for the same arguments as English, message by message', (locale) => {
    const differences = ids
      .filter((id) => JSON.stringify(shape(argumentsIn(locale, id))) !== JSON.stringify(shape(argumentsIn('en', id))))
      .map((id) => `${id}: ${shape(argumentsIn(locale, id)).join(' ')} vs en ${shape(argumentsIn('en', id)).join(' ')}`);
    expect(differences).toEqual([]);
  });

  it('uses only text, select and plural arguments (dates come in formatted, in the reader’s zone)', () => {
    for (const locale of LOCALES) {
      for (const id of ids) {
        for (const arg of argumentsIn(locale, id)) expect(['text', 'select', 'plural'], `${locale} ${id} ${arg.name}`).toContain(arg.kind);
      }
    }
  });

  it('has no straight apostrophe, which ICU would read as the start of quoted text', () => {
    const offenders = LOCALES.flatMap((l) => ids.filter((id) => CATALOGS[l][id].includes("'")).map((id) => `${l} ${id}`));
    expect(offenders).toEqual([]);
  });

  it('has no empty text and no stray whitespace', () => {
    for (const locale of LOCALES) {
      for (const id of ids) {
        const text = CATALOGS[locale][id];
        expect(text.trim(), `${locale} ${id}`).toBe(text);
        expect(text.length, `${locale} ${id}`).toBeGreaterThan(0);
        expect(text, `${locale} ${id}`).not.toMatch(/ {2}| \n|\n /);
      }
    }
  });
});

describe('plural forms per language', () => {
  const probes = Array.from({ length: 1001 }, (_, n) => n);

  it.each(LOCALES)('%s: every plural has a branch for each form whole numbers reach, and no foreign form', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const categories = new Set<string>(rules.resolvedOptions().pluralCategories);
    for (const id of ids) {
      for (const arg of argumentsIn(locale, id).filter((a) => a.kind === 'plural')) {
        const keys = new Set(arg.options);
        expect(keys.has('other'), `${locale} ${id}: needs "other"`).toBe(true);
        for (const key of keys) {
          if (!key.startsWith('=')) expect(categories.has(key), `${locale} ${id}: "${key}" is not a ${locale} plural form`).toBe(true);
        }
        const missing = new Set(probes.filter((n) => !keys.has(`=${n}`) && !keys.has(rules.select(n))).map((n) => rules.select(n)));
        expect([...missing], `${locale} ${id}`).toEqual([]);
      }
    }
  });

  it('uses "other" alone in Japanese, Chinese and Korean', () => {
    for (const locale of ['ja', 'zh-CN', 'ko'] as const) {
      for (const id of ids) {
        for (const arg of argumentsIn(locale, id).filter((a) => a.kind === 'plural')) {
          expect(arg.options?.filter((o) => !o.startsWith('=')), `${locale} ${id}`).toEqual(['other']);
        }
      }
    }
  });

  it('gives Polish one, few and many, and Arabic all six forms, where a count can reach them', () => {
    expect(argumentsIn('pl', 'forced.warning.body')[0]?.options).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    expect(argumentsIn('ar', 'forced.warning.body')[0]?.options)
      .toEqual(expect.arrayContaining(['zero', 'one', 'two', 'few', 'many', 'other']));
  });
});

describe('every message formats in every language', () => {
  it.each(LOCALES)('%s: no error, no leftover braces or #, every branch', (locale) => {
    const ctx = parisContext(locale);
    const problems: string[] = [];
    for (const id of ids) {
      for (const values of variants(id, ctx)) {
        try {
          const out = formatMessage(id, values, ctx);
          if (/[{}#]/.test(out) || out.trim() === '') problems.push(`${id}: ${JSON.stringify(out)}`);
        } catch (error) {
          problems.push(`${id}: ${String(error)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
