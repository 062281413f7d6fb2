/**
 * Flesch-Kincaid grade level for English text: how many years of school a reader needs, roughly.
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * The built-in English texts must read at grade 7 or lower (a test holds them to it); `forewarn lint` warns IT
 * about their own texts above grade 8. The score is a guide, not a judge: it sees only sentence and word
 * length, so short words in short sentences win.
 *
 * Pass plain text. For an ICU message, format it with realistic sample values first: "{start}" is not a word,
 * "Tuesday 8 December at 22:00" is five.
 */

/** The grades Forewarn holds texts to. */
export const READABILITY = Object.freeze({
  /** Highest grade for a built-in English text. */
  builtInMaxGrade: 7,
  /** IT's own texts above this grade get a lint warning. */
  warnAboveGrade: 8,
  /**
   * Fewest words for the grade to mean anything. Below this a text is a label, a heading or a button, where
   * one long word swings the grade by ten ("Security updates" is grade 20.6, "Help" −3.4). Labels are held to
   * `labelMaxSyllables` per word instead.
   */
  minWords: 8,
  /** Longest word, in syllables, in a label (a text under `minWords` words). */
  labelMaxSyllables: 4,
});

/**
 * The sentences of a text: ended by ".", "!", "?" or "…" before a space or the end, or by a line break (a
 * heading, a list item). A text with no ending punctuation is one sentence. "22:00" and "1.5" stay whole.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

/**
 * The words of a text: runs between spaces that hold a letter or a digit, with the punctuation around them
 * taken off ("(in" -> "in", "time." -> "time"). "22:00", "3" and "sign-in" are one word each.
 */
export function words(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * The syllables of an English word, by heuristic (no dictionary), at least 1:
 * - a word with a digit ("3", "22:00", "2026"), an address or a link ("help@example.com", "example.com") is
 *   one syllable: it is read (or copied) at a glance, not sounded out;
 * - otherwise count groups of vowels (a e i o u, and y when not the first letter), after
 * - dropping a silent final "e" ("make", "save"), except in consonant + "le" ("table", "simple");
 * - dropping a silent "-es" ("updates", "files"), but not after s, x, z, c, g, ch, sh ("boxes", "pages");
 * - dropping a silent "-ed" ("planned", "asked"), but not after t or d ("started", "needed");
 * - and counting "ia" as two ("ap-pro-pri-ate", "me-di-a") except after c or t ("spe-cial", "ini-tial").
 * Known misses are few and small: "created" gets 2 (3), "area" 2 (3).
 */
export function syllables(word: string): number {
  if (/\p{N}|@|\.\p{L}/u.test(word)) return 1;
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length > 3) {
    if (/[^aeiouy]le$/.test(w)) {
      // "-le" after a consonant is its own syllable ("ta-ble"): keep the e.
    } else if (/es$/.test(w) && !/(?:[sxzcg]|ch|sh)es$/.test(w)) {
      w = w.slice(0, -2);
    } else if (/ed$/.test(w) && !/[td]ed$/.test(w)) {
      w = w.slice(0, -2);
    } else if (/e$/.test(w)) {
      w = w.slice(0, -1);
    }
  } else if (/[^aeiouy]e$/.test(w) && w.length > 2) {
    w = w.slice(0, -1); // "the", "are", "use": the e is silent
  }
  w = w.replace(/^y/, ''); // a leading y is a consonant: "yes", "you", "year"
  const groups = w.match(/[aeiouy]+/g) ?? [];
  const splitIa = (w.match(/[^ct]ia/g) ?? []).length + (w.startsWith('ia') ? 1 : 0);
  return Math.max(1, groups.length + splitIa);
}

/** The Flesch-Kincaid grade of a text; 0 for a text with no words. */
export function fleschKincaidGrade(text: string): number {
  const all = words(text);
  if (all.length === 0) return 0;
  const sentenceCount = Math.max(1, sentences(text).length);
  const syllableCount = all.reduce((sum, w) => sum + syllables(w), 0);
  return 0.39 * (all.length / sentenceCount) + 11.8 * (syllableCount / all.length) - 15.59;
}
