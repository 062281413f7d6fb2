/**
 * Problems found in a schedule, in words IT can act on: "maintenances[2].window.end: must be after start
 * (line 41)". zod's issues are translated here (one error map for the whole schema) so no zod jargon such as
 * "Invalid input: expected string, received undefined" ever reaches a person.
 */
import type { z } from 'zod';

/** One problem in a schedule. */
export interface ScheduleIssue {
  /** Where: "maintenances[2].window.end"; "" for the schedule as a whole. */
  path: string;
  /** What is wrong, in plain words: "must be after start". */
  message: string;
  /** 1-based line in IT's source text, when the schedule came from text and the place could be found. */
  line?: number;
}

/** A path as a list of keys and indices, before it is written as text. */
export type PathSegments = readonly (string | number)[];

/** An issue that still carries its path as segments, so the source reader can find its line. */
export interface PathIssue {
  segments: PathSegments;
  message: string;
}

const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;

/** Writes a path the way people read it: a.b[2].c, with odd keys quoted: locales["fr CA"]. */
export function formatPath(segments: PathSegments): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (SIMPLE_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * "maintenances[2].window.end: must be after start (line 41)". The whole schedule (path "") prints as
 * "schedule"; " (line N)" is left out when the line is unknown.
 */
export function formatIssue(issue: ScheduleIssue): string {
  const where = issue.path === '' ? 'schedule' : issue.path;
  return `${where}: ${issue.message}${issue.line === undefined ? '' : ` (line ${issue.line})`}`;
}

/** What a value of each JSON type must be, in plain words. */
const EXPECTED: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a group of fields (name: value)',
  record: 'must be a group of fields (name: value)',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The schema's error map: turns each zod issue into a plain message. Fields with a message of their own (a
 * duration, a link) set it on the field; everything else gets its words here.
 */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return EXPECTED[issue.expected] ?? `must be ${issue.expected}`;
    case 'invalid_value':
      // An enum or literal that is missing altogether is reported like any missing field.
      if (issue.input === undefined) return 'is required';
      return issue.values.length === 1
        ? `must be ${showValue(issue.values[0])}`
        : `must be one of ${issue.values.map(showValue).join(', ')}`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
      if (issue.origin === 'array') return `must have at most ${plural(max, 'entry', 'entries')}`;
      return `must be at most ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return `must be at least ${plural(min, 'character', 'characters')}`;
      if (issue.origin === 'array') return `must have at least ${plural(min, 'entry', 'entries')}`;
      return `must be at least ${min}`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'must be an email address like help@example.com' : 'has the wrong format';
    case 'unrecognized_keys':
      return 'unknown field';
    case 'invalid_key':
      return 'is not an allowed name here';
    default:
      return 'is not valid';
  }
};

/**
 * Flattens zod's issues into one issue per place: an unknown-keys issue becomes one "unknown field" per key,
 * at the key itself, so IT is pointed at the exact line of the typo. Exact repeats are dropped.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): PathIssue[] {
  const out: PathIssue[] = [];
  const seen = new Set<string>();
  // zod runs length checks on anything with a length, even after a type error ("steps: Save your work" would
  // also be "at most 10 characters"): once a value has the wrong type, that is the only thing said about it.
  const wrongType = new Set(issues.filter((issue) => issue.code === 'invalid_type').map((issue) => JSON.stringify(issue.path)));
  const add = (segments: PathSegments, message: string): void => {
    const key = `${JSON.stringify(segments)}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ segments, message });
  };
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(JSON.stringify(issue.path))) continue;
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key], issue.message);
    } else if (issue.code === 'invalid_key') {
      // A bad name in a map of names (a language tag): the name's own rule says what is wrong with it.
      add(path, issue.issues[0]?.message ?? issue.message);
    } else {
      add(path, issue.message);
    }
  }
  return out;
}
