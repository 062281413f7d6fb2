/**
 * The shape of a catalog. English defines the ids; every other catalog is checked against them by the type
 * system (`satisfies Catalog` rejects a missing id and, on an object literal, an extra one) and by a test that
 * also compares each message's ICU arguments.
 */
import type { en } from './en.js';

/** Any flat map of message id to ICU MessageFormat text (what the English catalog itself satisfies). */
export type BaseCatalog = Readonly<Record<string, string>>;

/** The id of a built-in message, e.g. "notice.advance.title". */
export type MessageId = keyof typeof en;

/** A translation: exactly the English ids, each an ICU MessageFormat text. */
export type Catalog = { readonly [Id in MessageId]: string };
