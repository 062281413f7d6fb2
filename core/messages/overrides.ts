/**
 * IT's own texts in the reader's language: a schedule's maintenance has main texts (title, summary, steps)
 * and optional translations by language tag (`locales: { fr: {...}, pt-BR: {...} }`).
 */
import { localeChain } from './locales.js';

/**
 * One field of IT's text for a reader: from the best translation that has that field, else the main text.
 *
 * Field by field, so an "fr-CA" translation with only a title still gets its summary from "fr" if there is
 * one. Translations are tried in localeChain order: the exact tag, its parents (fr-CA -> fr), then other
 * regions of the same language and script (fr-FR). A Traditional Chinese reader never gets a Simplified
 * translation, or the reverse; they get the main text.
 *
 * @example localizedText('fr-CA', 'title', m.title, m.locales)
 */
export function localizedText<T extends object, F extends keyof T, M>(
  requested: string,
  field: F,
  main: M,
  translations: Readonly<Record<string, T>>,
): NonNullable<T[F]> | M {
  for (const tag of localeChain(requested, Object.keys(translations))) {
    const value = translations[tag]?.[field];
    if (value !== undefined && value !== null) return value;
  }
  return main;
}
