/**
 * Which language to speak: the built-in locales, the fallback chain for a requested tag, and text direction.
 *
 * A requested tag comes from the operating system ("en_US.UTF-8", "fr-CA", "zh-Hant-TW") and may be garbage.
 * Everything here is pure and never throws: a tag we cannot read means English.
 *
 * Fallback follows CLDR's idea of a parent locale: a region falls back to its language (fr-CA -> fr), but only
 * while the script stays the same. So zh-SG (Simplified) reaches zh-CN, while zh-TW and zh-Hant (Traditional)
 * do not: CLDR gives zh-Hant no Simplified parent, and a Traditional reader gets English, not the other script.
 */

/** The languages Forewarn ships texts for. English is the source and the last fallback. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-CN', 'ko', 'ar'] as const;
/** A built-in locale. */
export type Locale = (typeof LOCALES)[number];

/** The language every chain ends with: the built-in texts are written in it first. */
export const SOURCE_LOCALE: Locale = 'en';

// Scripts written right to left (ISO 15924). Checked on the likely script, so "ar", "fa" and "az-Arab" are
// right to left and "az" is not. Intl.Locale#textInfo would say the same but is not on every Node/Chromium yet.
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi']);

interface Parsed {
  /** The tag as written, canonical, without extensions: "fr-CA", "zh-Hant-TW", "pt". */
  tag: string;
  language: string;
  /** Whether the tag names a region itself ("fr-CA" does, "fr" does not). */
  hasRegion: boolean;
  /** The script, written or likely ("Latn" for fr, "Hant" for zh-TW). */
  script: string;
  /** The region, written or likely ("FR" for fr). */
  region: string;
}

// Tags repeat (one OS locale, twelve catalogs): remember what they parse to. Bounded, as tags come from outside.
const parsed = new Map<string, Parsed | undefined>();

/** Reads a tag from an OS or a person; undefined when it is not a usable language tag. */
function parse(requested: string): Parsed | undefined {
  if (parsed.has(requested)) return parsed.get(requested);
  const result = parseUncached(requested);
  if (parsed.size >= 256) parsed.clear();
  parsed.set(requested, result);
  return result;
}

function parseUncached(requested: string): Parsed | undefined {
  if (typeof requested !== 'string') return undefined; // from outside: trust nothing
  // POSIX locales: "en_US.UTF-8", "de_DE@euro". "C" and "POSIX" are not languages and fail below.
  const cleaned = requested.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  try {
    const locale = new Intl.Locale(cleaned);
    if (!locale.language || locale.language === 'und') return undefined; // "und": undetermined
    const tag = [locale.language, locale.script, locale.region].filter(Boolean).join('-');
    const max = locale.maximize();
    return {
      tag, language: locale.language, hasRegion: locale.region !== undefined, script: max.script ?? '', region: max.region ?? '',
    };
  } catch {
    return undefined;
  }
}

/** The likely script of a tag ("zh-TW" -> "Hant"), or '' when there is none. */
function likelyScript(tag: string): string {
  return parse(tag)?.script ?? '';
}

/** The candidates for a parsed tag, most specific first, before any filtering. */
function candidates(p: Parsed): string[] {
  const { tag, language, hasRegion, script, region } = p;
  const list = [tag];
  // Name the script only where it is not the language's usual one: zh-Hant-TW, sr-Latn. "fr-Latn" is noise.
  const usualScript = likelyScript(language);
  if (script !== usualScript && region) list.push(`${language}-${script}-${region}`);
  // A region alone implies a script (zh-TW is Traditional): keep it only if that script is ours.
  if (hasRegion && likelyScript(`${language}-${region}`) === script) list.push(`${language}-${region}`);
  if (script !== usualScript) list.push(`${language}-${script}`);
  else list.push(language);
  // The built-in catalog for this language and script, when its tag differs: pt -> pt-BR, zh-SG -> zh-CN.
  const builtIn = LOCALES.find((l) => sameLanguageAndScript(l, language, script));
  if (builtIn) list.push(builtIn);
  list.push(SOURCE_LOCALE);
  return [...new Set(list)];
}

function sameLanguageAndScript(tag: string, language: string, script: string): boolean {
  const p = parse(tag);
  return p !== undefined && p.language === language && p.script === script;
}

/**
 * The locales to try for `requested`, best first.
 *
 * Without `available`: the fallback chain, ending with "en": fr-CA -> fr -> en; pt -> pt-BR -> en;
 * zh / zh-Hans / zh-SG -> ... -> zh-CN -> en; zh-Hant-TW -> zh-TW -> zh-Hant -> en; unknown -> en.
 *
 * With `available` (e.g. the language tags of a schedule's translations): the same chain, keeping only the
 * tags in `available` (matched without regard to case, returned as `available` spells them), followed by any
 * other available tag of the same language and script (an "fr-FR" translation serves an fr-CA reader better
 * than none). It may be empty: then the caller uses its own main text.
 */
export function localeChain(requested: string, available?: readonly string[]): string[] {
  const p = parse(requested);
  const chain = p ? candidates(p) : [SOURCE_LOCALE];
  if (!available) return chain;
  const byLower = new Map(available.map((a) => [a.toLowerCase(), a] as const));
  const picked = chain.map((c) => byLower.get(c.toLowerCase())).filter((a): a is string => a !== undefined);
  if (p) {
    const kin = available.filter((a) => sameLanguageAndScript(a, p.language, p.script));
    // The kin go before the final "en", which is the fallback of last resort.
    const last = picked.at(-1)?.toLowerCase() === SOURCE_LOCALE ? picked.pop() : undefined;
    picked.push(...kin);
    if (last !== undefined) picked.push(last);
  }
  return [...new Set(picked)];
}

/** The built-in locale to use for `requested`: the first built-in in its chain, English when none fits. */
export function resolveLocale(requested: string): Locale {
  const [first] = localeChain(requested, LOCALES);
  return (first as Locale | undefined) ?? SOURCE_LOCALE;
}

/** True when `tag` is one of the built-in locales, spelled exactly. */
export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}

/** 'rtl' for languages written right to left (ar, he, fa, ur...), else 'ltr'. Unknown tags are 'ltr'. */
export function direction(locale: string): 'ltr' | 'rtl' {
  const p = parse(locale);
  return p && RTL_SCRIPTS.has(p.script) ? 'rtl' : 'ltr';
}

/**
 * The locale for dates and numbers next to texts in `catalog`: the reader's own tag when it is the same
 * language and script (an fr-CA reader of the French texts gets "22 h 00"), else the catalog's locale, so a
 * date never comes out in another language than the sentence around it.
 */
export function displayLocale(requested: string, catalog: Locale = resolveLocale(requested)): string {
  const p = parse(requested);
  if (!p || !sameLanguageAndScript(catalog, p.language, p.script)) return catalog;
  return Intl.DateTimeFormat.supportedLocalesOf(p.tag).length > 0 ? p.tag : catalog;
}
