/**
 * The building blocks of the schedule schema: short texts, links, durations and times, each with its plain
 * error message and its JSON Schema words. schema.ts puts them together.
 */
import { z } from 'zod';
import { LIMITS } from './defaults.js';
import { DURATION_MESSAGE, DURATION_PATTERN, durationSeconds, formatDuration, parseDuration } from './durations.js';
import type { PathSegments } from './issues.js';
import {
  INSTANT_PATTERN, LOCAL_PATTERN, parseInstant, parseScheduleTime, type ScheduleTime,
} from './times.js';

/** Title, description and extra JSON Schema keywords for one field, as shown in editors and the docs. */
export interface SchemaDoc {
  title?: string;
  description?: string;
  examples?: unknown[];
  /** Extra JSON Schema keywords for rules that zod checks in code (the JSON Schema cannot see refinements). */
  [keyword: string]: unknown;
}

/**
 * Our own registry for titles and descriptions, so nothing in the schedule schema lands in zod's global
 * registry (another module registering the same schema or id there would clash).
 */
export const scheduleDocs = z.registry<SchemaDoc>();

/** Attaches a title/description to a schema for the generated JSON Schema and returns the same schema. */
export function documented<T extends z.ZodType>(schema: T, doc: SchemaDoc): T {
  scheduleDocs.add(schema, doc);
  return schema;
}

/** A whole number: "must be a whole number" both for 1.5 and for "three" (zod would say "a number" for the latter). */
export function wholeNumber(): z.ZodInt {
  return z.int({ error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? 'must be a whole number' : undefined) });
}

/** A short text that says something: not empty, not only spaces, at most `max` characters. */
export function text(max: number): z.ZodString {
  return z.string().regex(/\S/, { error: 'must not be empty' }).max(max);
}

/** A list of short texts, such as the steps of a maintenance. */
export function textList(maxItems: number, maxLength: number): z.ZodArray<z.ZodString> {
  return z.array(text(maxLength)).max(maxItems);
}

const HTTPS_MESSAGE = 'must be an https:// link';

function isHttpsUrl(value: string): boolean {
  // The pattern only checks the prefix; URL tells us whether the rest is a real address with a host. Not
  // URL.canParse: on Node 20 its optimised fast path says no to some valid non-ASCII hosts
  // ("https://bücher.example") once the caller is hot, so a schedule accepted at first was refused later.
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '';
}

/**
 * A link people may open: https only, so no notice ever sends someone to a page that can be tampered with.
 * A factory, like the other fields, so each place gets its own instance and its own description.
 */
export function httpsUrl() {
  return z
    .string()
    .max(LIMITS.urlLength)
    .regex(/^https:\/\/\S+$/, { error: HTTPS_MESSAGE })
    // Only when the length and the prefix are right: one problem, one message. The checks above never abort, so
    // this runs after them and looks at their issues itself: the same as `when: no issues`, which zod's compiler
    // refuses (see validate.ts).
    .superRefine((value, ctx) => {
      if (ctx.issues.length === 0 && !isHttpsUrl(value)) problem(ctx, HTTPS_MESSAGE);
    });
}

/** A labelled link, at the top level or in a maintenance. */
export const linkSchema = documented(
  z.strictObject({
    label: documented(text(LIMITS.labelLength), { description: 'What the link shows, e.g. "Patching FAQ".' }),
    url: documented(httpsUrl(), { description: 'Where it goes: an https:// address.' }),
  }),
  { title: 'Link' },
);

/**
 * Records one plain-language problem from a transform or refinement; `path` is relative to the value checked.
 * Such an issue stops the value being used by anything after it (zod treats it as aborting).
 */
export function problem(ctx: Pick<z.core.$RefinementCtx, 'addIssue'>, message: string, path?: PathSegments): void {
  ctx.addIssue({ code: 'custom', message, ...(path === undefined ? {} : { path: [...path] }) });
}

/** Range limits of a duration field, in seconds. */
export interface DurationRange {
  min?: number;
  max?: number;
}

/**
 * A duration such as "4h" or "1h30m", read as whole seconds. The JSON Schema sees the text pattern; the range
 * is checked here, with the limit written as a duration in the message ("must be at least 1m").
 */
export function duration(range: DurationRange = {}) {
  return z
    .string()
    .regex(new RegExp(DURATION_PATTERN), { error: DURATION_MESSAGE })
    .transform((value, ctx) => {
      // The pattern has passed (a pipe never runs its transform after a failed check), so only the sum is left.
      const seconds = durationSeconds(value);
      if (range.min !== undefined && seconds < range.min) {
        problem(ctx, `must be at least ${formatDuration(range.min)}`);
      } else if (range.max !== undefined && seconds > range.max) {
        problem(ctx, `must be at most ${formatDuration(range.max)}`);
      }
      return seconds;
    });
}

const NOT_A_DATE = 'is not a real date and time';
const INSTANT_MESSAGE = 'must be a date and time with an offset, like "2026-11-20T09:00:00Z" or "2026-11-20T10:00:00+01:00"';
const TIME_MESSAGE = 'must be a date and time like "2026-12-08T22:00" (local time) or "2026-12-08T22:00:00+01:00"';

/**
 * The one plain issue for a text of the right shape that is not a real date (Feb 30): the pattern has passed,
 * so the parse can only fail on the calendar.
 */
function notADate(ctx: z.core.$RefinementCtx): never {
  problem(ctx, NOT_A_DATE);
  return z.NEVER;
}

/** An instant (date and time with an offset or Z), normalised to UTC: "2026-11-20T09:00:00Z". */
export function instant() {
  return z
    .string()
    .regex(new RegExp(INSTANT_PATTERN), { error: INSTANT_MESSAGE })
    .transform((value, ctx) => {
      const time = parseInstant(value);
      return typeof time === 'string' ? notADate(ctx) : time.text;
    });
}

/** Either pattern, as one JSON Schema pattern (ECMA-262 alternation of two anchored patterns). */
const TIME_PATTERN = `(?:${LOCAL_PATTERN})|(?:${INSTANT_PATTERN})`;

/** A window time: an instant (with offset) or a local wall-clock time (no offset). */
export function scheduleTime() {
  return z
    .string()
    .regex(new RegExp(TIME_PATTERN), { error: TIME_MESSAGE })
    .transform((value, ctx): ScheduleTime => {
      const time = parseScheduleTime(value);
      return typeof time === 'string' ? notADate(ctx) : time;
    });
}

/** A deadline read from the schedule: a time like a window's, or a duration after the window end. */
export type DeadlineInput = ScheduleTime | { kind: 'after'; seconds: number };

/** A restart deadline: a time (instant or local, like the window) or a duration after the window end ("2d"). */
export function deadlineSchema(maxAfterSeconds: number) {
  return z
    .string()
    .regex(new RegExp(`${TIME_PATTERN}|(?:${DURATION_PATTERN})`), {
      error: `must be a date and time like the window's, or a duration after the window end like "2d"`,
    })
    .transform((value, ctx): DeadlineInput => {
      const seconds = parseDuration(value);
      if (seconds !== undefined) {
        if (seconds > maxAfterSeconds) problem(ctx, `must be at most ${formatDuration(maxAfterSeconds)}`);
        return { kind: 'after', seconds };
      }
      const time = parseScheduleTime(value);
      return typeof time === 'string' ? notADate(ctx) : time;
    });
}

/**
 * True when no issue found so far touches `path`: none on it, inside it, or on a parent of it (a parent that
 * is not even an object). Cross-field checks run with `when`, so they report alongside unrelated problems, and
 * use this to read only values that parsed cleanly. "Unknown field" issues never make a value unreadable.
 */
export function isClean(issues: readonly z.core.$ZodRawIssue[], path: PathSegments): boolean {
  return !issues.some((issue) => {
    if (issue.code === 'unrecognized_keys') return false;
    const at = issue.path ?? [];
    const shared = Math.min(at.length, path.length);
    for (let i = 0; i < shared; i += 1) if (at[i] !== path[i]) return false;
    return true;
  });
}

/** Runs a cross-field check even after other issues, so every problem is reported at once. */
export const ALWAYS = { when: () => true } as const;

/**
 * The same cross-field check as a plain refinement, for the copy of the schema that zod compiles (zod's compiler
 * refuses a custom `when`). The compiled copy only ever answers for valid input, where every check runs with or
 * without `when`; anything else goes to the schema built with ALWAYS (see validate.ts).
 */
export const COMPILED = {} as const;

/** How a cross-field check runs: ALWAYS in the schema, COMPILED in the copy zod compiles. */
export type RuleMode = typeof ALWAYS | typeof COMPILED;
