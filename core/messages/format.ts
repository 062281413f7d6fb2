/**
 * Formats a built-in message for a reader: picks the catalog for their language, compiles the ICU text once,
 * checks that every argument it needs is there, and formats.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { messageArguments, type MessageArgument } from './arguments.js';
import { CATALOGS } from './catalogs/index.js';
import type { MessageId } from './catalogs/types.js';
import { formatDateTime, type FormatContext } from './dates.js';
import { direction, resolveLocale, type Locale } from './locales.js';

/** A value for a message argument: text already formatted, a number (plurals), or a moment (shown as a date). */
export type MessageValue = string | number | Date;

interface Compiled {
  format: IntlMessageFormat;
  args: MessageArgument[];
}

// One compiled message per (locale, id): parsing ICU text is the slow part, and the set is small and fixed.
const compiled = new Map<string, Compiled>();

/** The compiled message and its arguments (exported for the catalog tests). */
export function compileMessage(locale: Locale, id: MessageId): Compiled {
  const key = `${locale}\u0000${id}`;
  let entry = compiled.get(key);
  if (!entry) {
    // ignoreTag: "<" is ordinary text in our catalogs, not markup.
    const format = new IntlMessageFormat(CATALOGS[locale][id], locale, undefined, { ignoreTag: true });
    entry = { format, args: messageArguments(format.getAst()) };
    compiled.set(key, entry);
  }
  return entry;
}

// First Strong Isolate ... Pop Directional Isolate: keeps an English title or a time from reordering the
// Arabic sentence around it, and the sentence from reordering the value.
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The message `id` in the reader's language, with `values` filled in.
 *
 * Dates given as Date are shown with formatDateTime in the reader's zone; give strings for anything else
 * (formatRelative, formatDuration, formatTime). Numbers drive plurals. A missing or mistyped argument throws
 * an Error that names the message and the argument; values a message does not use are ignored.
 */
export function formatMessage(id: MessageId, values: Readonly<Record<string, MessageValue>>, ctx: FormatContext): string {
  const locale = resolveLocale(ctx.locale);
  const { format, args } = compileMessage(locale, id);
  const isolate = direction(locale) === 'rtl';
  const prepared: Record<string, string | number> = {};
  for (const arg of args) {
    const value = values[arg.name];
    if (value === undefined) {
      throw new Error(`Message "${id}" needs the argument "${arg.name}" (${arg.kind}), which was not given`);
    }
    prepared[arg.name] = prepare(id, arg, value, ctx, isolate);
  }
  const out = format.format(prepared);
  if (typeof out !== 'string') throw new Error(`Message "${id}" did not format to text`);
  return out;
}

function prepare(id: MessageId, arg: MessageArgument, value: MessageValue, ctx: FormatContext, isolate: boolean): string | number {
  const wrong = (expected: string): Error =>
    new TypeError(`Message "${id}": the argument "${arg.name}" must be ${expected}, got ${JSON.stringify(value)}`);
  switch (arg.kind) {
    case 'plural':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a finite number');
      return value;
    case 'select':
      if (typeof value !== 'string') throw wrong('a text');
      return value;
    default: {
      const text = value instanceof Date ? formatDateTime(value.getTime(), ctx) : String(value);
      return isolate ? `${FSI}${text}${PDI}` : text;
    }
  }
}

/** The arguments message `id` needs (the same in every locale; tests hold the catalogs to it). */
export function argumentsOf(id: MessageId): MessageArgument[] {
  return compileMessage('en', id).args;
}
