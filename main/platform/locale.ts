/**
 * The person's locale as a BCP 47 tag. On POSIX systems the environment decides (LC_ALL overrides LC_MESSAGES,
 * which overrides LANG — the C library's order for message text); elsewhere, and for "C"/"POSIX", Intl's.
 */

/** "fr_CA.UTF-8" -> "fr-CA", "sr_RS@latin" -> "sr-Latn-RS", "de" -> "de"; null for "C", "POSIX" or garbage. */
export function posixLocaleToBcp47(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^([A-Za-z]{2,3})(?:_([A-Za-z]{2}|\d{3}))?(?:\.[^@]*)?(?:@([A-Za-z]+))?$/.exec(value.trim());
  if (!m) return null;
  const [, language, region, modifier] = m;
  // The glibc modifiers that name a script; others (@euro, @valencia…) carry nothing BCP 47 needs here.
  const script = { latin: 'Latn', cyrillic: 'Cyrl', devanagari: 'Deva' }[modifier?.toLowerCase() ?? ''];
  const tag = [language, script, region].filter(Boolean).join('-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export interface LocaleSources {
  platform?: string;
  env?: NodeJS.ProcessEnv;
  intlLocale?: () => string;
}

export function readSystemLocale(sources: LocaleSources = {}): string {
  const env = sources.env ?? process.env;
  if ((sources.platform ?? process.platform) !== 'win32') {
    // The first variable that is set decides, even when it says "C": that is what the C library does.
    const first = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
    const tag = posixLocaleToBcp47(first);
    if (tag !== null) return tag;
  }
  return (sources.intlLocale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale))();
}
