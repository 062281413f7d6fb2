/**
 * What a message needs from its caller: the ICU arguments found in its syntax tree.
 *
 * formatMessage uses this to name a missing argument before formatting, and the tests use it to check that
 * every translation asks for the same arguments, of the same kinds, as English.
 */
import type { IntlMessageFormat } from 'intl-messageformat';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

// The parser's element types (TYPE in @formatjs/icu-messageformat-parser). intl-messageformat does not
// re-export that enum, and a transitive package is not ours to import, so the numbers are mirrored here.
const TYPE = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

/** How a message uses an argument: plain text, a number, a date or time, a select or a plural. */
export type ArgumentKind = 'text' | 'number' | 'date' | 'time' | 'select' | 'plural';

/** One argument of a message. `options` are the select or plural keys ("yes", "other", "one", "=0"). */
export interface MessageArgument {
  name: string;
  kind: ArgumentKind;
  options?: string[];
}

const KIND_OF: Record<number, ArgumentKind> = {
  [TYPE.argument]: 'text', [TYPE.number]: 'number', [TYPE.date]: 'date', [TYPE.time]: 'time',
  [TYPE.select]: 'select', [TYPE.plural]: 'plural',
};

/**
 * Every argument of a message, in order of first use, each once. An argument inside a plural or select
 * branch counts too: all branches are checked, so a rarely chosen branch cannot hide a missing value.
 * A name used as two different kinds keeps the first; the catalog tests reject such messages anyway.
 */
export function messageArguments(ast: readonly Element[]): MessageArgument[] {
  const found = new Map<string, MessageArgument>();
  const walk = (elements: readonly Element[]): void => {
    for (const el of elements) {
      const kind = KIND_OF[el.type as number];
      if (kind !== undefined && 'value' in el && !found.has(el.value)) {
        const arg: MessageArgument = { name: el.value, kind };
        if ('options' in el) arg.options = Object.keys(el.options);
        found.set(el.value, arg);
      }
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
      if ((el.type as number) === TYPE.tag && 'children' in el) walk(el.children);
    }
  };
  walk(ast);
  return [...found.values()];
}
