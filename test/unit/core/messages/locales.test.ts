/** Which language a reader gets, for built-in texts and for IT's own translations; and which way it runs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  direction, displayLocale, isLocale, localeChain, localizedText, LOCALES, resolveLocale,
} from '../../../../core/messages/index.js';

describe('localeChain', () => {
  it.each([
    ['fr-CA', ['fr-CA', 'fr', 'en']],
    ['fr', ['fr', 'en']],
    ['pt', ['pt', 'pt-BR', 'en']],
    ['pt-PT', ['pt-PT', 'pt', 'pt-BR', 'en']],
    ['zh', ['zh', 'zh-CN', 'en']],
    ['zh-Hans', ['zh-Hans', 'zh', 'zh-CN', 'en']],
    ['zh-SG', ['zh-SG', 'zh', 'zh-CN', 'en']],
    // Traditional Chinese never falls to Simplified (CLDR gives zh-Hant no such parent).
    ['zh-Hant-TW', ['zh-Hant-TW', 'zh-TW', 'zh-Hant', 'en']],
    ['zh-TW', ['zh-TW', 'zh-Hant-TW', 'zh-Hant', 'en']],
    ['EN-us', ['en-US', 'en']],
    ['en_US.UTF-8', ['en-US', 'en']],
    ['de_DE@euro', ['de-DE', 'de', 'en']],
    ['es-419', ['es-419', 'es', 'en']],
    ['sr-Latn-RS', ['sr-Latn-RS', 'sr-Latn', 'en']],
    ['garbage!!', ['en']],
    ['', ['en']],
    ['C', ['en']],
    ['und', ['en']],
  ])('%s -> %j', (requested, chain) => {
    expect(localeChain(requested)).toEqual(chain);
  });

  it('keeps only the available tags, as they are spelled, best first', () => {
    expect(localeChain('fr-CA', ['de', 'fr', 'en'])).toEqual(['fr', 'en']);
    expect(localeChain('fr-CA', ['FR-ca', 'fr'])).toEqual(['FR-ca', 'fr']);
    expect(localeChain('fr-CA', ['de'])).toEqual([]);
    expect(localeChain('pt', ['pt-PT', 'pt-BR'])).toEqual(['pt-BR', 'pt-PT']);
    expect(localeChain('pt-PT', ['pt-PT', 'pt-BR'])).toEqual(['pt-PT', 'pt-BR']);
  });

  it('serves another region of the same language and script before giving up', () => {
    expect(localeChain('fr-CA', ['fr-FR', 'en'])).toEqual(['fr-FR', 'en']);
    expect(localeChain('es-MX', ['es-ES'])).toEqual(['es-ES']);
    expect(localeChain('zh-SG', ['zh-TW', 'zh-CN'])).toEqual(['zh-CN']);
    expect(localeChain('zh-HK', ['zh-CN', 'zh-TW'])).toEqual(['zh-TW']);
  });

  it('never throws and always ends in English, whatever it is given', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const chain = localeChain(s);
      expect(chain.at(-1)).toBe('en');
      expect(isLocale(resolveLocale(s))).toBe(true);
    }));
  });
});

describe('resolveLocale', () => {
  it.each([
    ['fr-CA', 'fr'], ['pt', 'pt-BR'], ['pt-PT', 'pt-BR'], ['zh', 'zh-CN'], ['zh-Hans-SG', 'zh-CN'],
    ['zh-Hant-TW', 'en'], ['EN-us', 'en'], ['de-AT', 'de'], ['ar-EG', 'ar'], ['nl-BE', 'nl'], ['ja-JP', 'ja'],
    ['ko-KR', 'ko'], ['pl-PL', 'pl'], ['it-CH', 'it'], ['es-419', 'es'], ['sv', 'en'], ['xx', 'en'], ['garbage!!', 'en'],
  ])('%s -> %s', (requested, locale) => {
    expect(resolveLocale(requested)).toBe(locale);
  });

  it('maps every built-in locale to itself', () => {
    for (const l of LOCALES) expect(resolveLocale(l)).toBe(l);
  });
});

describe('direction', () => {
  it('runs Arabic and other right-to-left scripts right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('ar-EG')).toBe('rtl');
    expect(direction('he')).toBe('rtl');
    expect(direction('fa-IR')).toBe('rtl');
    expect(direction('az-Arab')).toBe('rtl');
  });

  it('runs the rest left to right, unknown tags included', () => {
    for (const l of LOCALES.filter((x) => x !== 'ar')) expect(direction(l)).toBe('ltr');
    expect(direction('az')).toBe('ltr');
    expect(direction('nonsense!')).toBe('ltr');
  });
});

describe('displayLocale (dates next to texts)', () => {
  it('keeps the reader’s region when the text is in their language, never another language', () => {
    expect(displayLocale('fr-CA')).toBe('fr-CA');
    expect(displayLocale('en-GB')).toBe('en-GB');
    expect(displayLocale('pt-PT')).toBe('pt-PT');
    expect(displayLocale('sv-SE')).toBe('en'); // English text: English dates
    expect(displayLocale('zh-TW')).toBe('en');
    expect(displayLocale('garbage!!')).toBe('en');
  });
});

describe('localizedText: IT’s own translations in a schedule', () => {
  // The shape of a schedule's `locales` (LocaleOverride): every field optional.
  const locales: Record<string, { title?: string; summary?: string; steps?: string[] }> = {
    fr: { title: 'Mises à jour de décembre', summary: 'Votre ordinateur sera mis à jour mardi soir.' },
    'fr-CA': { title: 'Mises à jour de décembre (Québec)' },
    'pt-BR': { summary: 'Seu computador será atualizado na terça à noite.' },
  };

  it('takes each field from the best translation that has it, else the main text', () => {
    expect(localizedText('fr-CA', 'title', 'December updates', locales)).toBe('Mises à jour de décembre (Québec)');
    expect(localizedText('fr-CA', 'summary', 'Main summary', locales)).toBe('Votre ordinateur sera mis à jour mardi soir.');
    expect(localizedText('fr-BE', 'title', 'December updates', locales)).toBe('Mises à jour de décembre');
    expect(localizedText('pt', 'summary', 'Main summary', locales)).toBe('Seu computador será atualizado na terça à noite.');
    expect(localizedText('pt', 'title', 'December updates', locales)).toBe('December updates');
    expect(localizedText('de', 'title', 'December updates', locales)).toBe('December updates');
    expect(localizedText('fr', 'title', 'December updates', {} as typeof locales)).toBe('December updates');
    expect(localizedText('fr', 'steps', [], locales)).toEqual([]);
  });
});
