/**
 * The built-in plain-language texts of Forewarn, in twelve languages, and the formatting around them.
 *
 * Use `formatMessage(id, values, { locale, zone, now })` with values already formatted by
 * `formatDateTime`, `formatTime`, `formatRelative` and `formatDuration` (or numbers, for plurals).
 * docs/messages.md lists every message, its English text and its arguments.
 */
export { CATALOGS } from './catalogs/index.js';
export type { BaseCatalog, Catalog, MessageId } from './catalogs/index.js';
export { messageArguments, type ArgumentKind, type MessageArgument } from './arguments.js';
export { formatDateTime, formatDuration, formatRelative, formatTime, type FormatContext } from './dates.js';
export { argumentsOf, formatMessage, type MessageValue } from './format.js';
export { direction, displayLocale, isLocale, localeChain, LOCALES, resolveLocale, SOURCE_LOCALE, type Locale } from './locales.js';
export { localizedText } from './overrides.js';
export { choiceLabel, countdownText, incidentText, noticeText, promptText, type NoticeText } from './describe.js';
export { agentErrorText, refusalText, type AgentErrorText, type RefusalReason } from './problems.js';
export { fleschKincaidGrade, READABILITY, sentences, syllables, words } from './readability.js';
export { uiText, type UiMessageId, type UiText } from './ui-text.js';
