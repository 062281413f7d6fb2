/**
 * The views' own words (headings, labels, buttons, results) for the renderer: `uiText(locale)` gives a
 * function that formats the `ui.*` messages, and the few other built-in messages the views show as chrome,
 * in the reader's language. Pure: no clock (the views pass dates already formatted), safe to bundle for the
 * browser (it imports nothing that needs Node).
 */
import type { MessageId } from './catalogs/types.js';
import { formatMessage, type MessageValue } from './format.js';
import { direction, resolveLocale, type Locale } from './locales.js';

/** The messages the views use as their own words: every `ui.*` id plus shared labels from other groups. */
export type UiMessageId = Extract<MessageId, `ui.${string}`>
  | 'prompt.choice.restartNow' | 'prompt.choice.pickTime' | 'forced.restartingNow' | 'prompt.pickTime.latest' | 'prompt.saveWork'
  | 'incident.acknowledge' | 'policy.title' | 'policy.intro' | 'policy.security' | 'policy.quality' | 'policy.feature'
  | 'policy.drivers' | 'policy.thirdParty' | 'policy.cadence' | 'policy.restarts' | 'policy.outOfBand' | 'policy.failures'
  | 'policy.testing' | 'policy.coverage' | 'help.title' | 'help.intro' | 'help.faq' | 'help.contacts' | 'help.hours'
  | 'help.email' | 'help.phone' | 'help.chat' | 'help.faqPage' | 'feedback.title' | 'feedback.placeholder'
  | 'feedback.contactOptional' | 'feedback.send' | 'feedback.thanks' | 'status.upToDate' | 'status.lastChecked'
  | 'status.pending' | 'common.close' | 'common.acknowledge';

export interface UiText {
  /** The built-in locale the texts are in (the reader's, or the nearest one we ship, or English). */
  locale: Locale;
  /** 'rtl' for Arabic: the views set `dir` and `lang` on the document from it. */
  dir: 'ltr' | 'rtl';
  /** A message with its values (texts already formatted by formatDateTime, formatRelative…, or numbers). */
  t(id: UiMessageId, values?: Readonly<Record<string, MessageValue>>): string;
}

/** The views' words for `requested` (any tag from the OS: "ar-EG", "fr_CA.UTF-8"). */
export function uiText(requested: string): UiText {
  const locale = resolveLocale(requested);
  // zone/now only matter for Date values, which the views never pass: they format dates themselves.
  const ctx = { locale: requested, zone: 'UTC', now: 0 };
  return { locale, dir: direction(locale), t: (id, values = {}) => formatMessage(id, values, ctx) };
}
