/**
 * Reading IT's schedule file. YAML 1.2 and JSON go through the same YAML parser (JSON is YAML 1.2 flow
 * syntax), so both get line numbers. Anything YAML can do that a plain JSON value cannot carry — tags, a
 * YAML 1.1 directive, alias bombs, duplicate keys — is refused with a line, before the schema sees the value.
 */
import {
  isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, Parser, type Document, type Node,
} from 'yaml';
import { formatPath, type PathIssue, type PathSegments, type ScheduleIssue } from './issues.js';
import { checkSchedule, type ScheduleResult } from './validate.js';

/** yaml's own default, kept explicit: more alias expansion than this is treated as an attack. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Deepest nesting of collections accepted. A schedule needs about 7 levels. yaml composes documents
 * recursively; thousands of levels (`[[[[…`, a few kilobytes) exhaust the stack, and in V8 that can abort the
 * whole process instead of throwing, so such text must never reach parseDocument.
 */
export const MAX_NESTING = 64;

type YamlNode = Node | null | undefined;

interface Located {
  node: YamlNode;
  /** The line to report for this place; undefined for the document root (the whole file). */
  line: number | undefined;
}

/**
 * Parses IT's source text (YAML 1.2 or JSON) and validates it. Issues carry the 1-based line of the place they
 * are about (the key's line for a field, the nearest existing parent for a missing one) and come sorted by line,
 * whole-file issues first.
 */
export function parseScheduleSource(text: string): ScheduleResult {
  const deepAt = tooDeepAt(text);
  if (deepAt !== undefined) {
    return { ok: false, issues: [{ path: '', message: `is nested too deeply (more than ${MAX_NESTING} levels)`, line: lineOfOffset(text, deepAt) }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    stringKeys: true,
    prettyErrors: false,
    // 'error' prints nothing (problems come back as issues). Not 'silent': that also drops the "more than one
    // document" error, and a second document would be ignored without a word.
    logLevel: 'error',
  });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  if (doc.contents === null && doc.errors.length === 0) {
    return { ok: false, issues: [{ path: '', message: 'is empty: it must start with "format: 1"' }] };
  }
  const yamlIssues = readProblems(doc, lineAt);
  if (yamlIssues.length > 0) return { ok: false, issues: sortByLine(yamlIssues) };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = aliasProblem(error);
    if (message === undefined) throw error;
    return { ok: false, issues: [{ path: '', message, ...firstAliasLine(doc, lineAt) }] };
  }

  const result = checkSchedule(value);
  if (result.ok) return { ok: true, schedule: result.schedule, document: value };
  return { ok: false, issues: sortByLine(result.issues.map((issue) => withLine(doc, issue, lineAt))) };
}

/**
 * The source line of each place in a schedule text, for findings about valid files (`forewarn lint`). Returns a
 * lookup from a path such as ['maintenances', 2, 'title'] to its 1-based line (or its nearest parent's).
 */
export function sourceLines(text: string): (segments: PathSegments) => number | undefined {
  if (tooDeepAt(text) !== undefined) return () => undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', logLevel: 'error' });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  return (segments) => locate(doc, segments, lineAt).line;
}

/**
 * The offset where collections nest deeper than MAX_NESTING, or undefined. yaml's lexer and parser keep their
 * nesting in an explicit stack (no recursion), so this pass is safe on any text; it stops at the first level
 * too many, before the lexer can go deep itself (a line of "- - - -…").
 */
function tooDeepAt(text: string): number | undefined {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    for (const _token of parser.next(lexeme)) {
      // Only the depth matters here; parseDocument does the real work.
    }
    if (parser.stack.length > MAX_NESTING) return parser.offset;
  }
  return undefined;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** YAML errors and warnings, a YAML 1.1 directive, and explicit tags, each with its line. */
function readProblems(doc: Document, lineAt: (offset: number) => number): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    // An unknown tag is reported once, below, with every other tag.
    if (error.code === 'TAG_RESOLVE_FAILED') continue;
    const line = lineAt(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      issues.push({ path: formatPath(pathAt(doc, error.pos[0])), message: 'is given twice: each field may appear only once', line });
    } else {
      issues.push({ path: '', message: `is not valid YAML: ${firstLine(error.message)}`, line });
    }
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    // YAML 1.1 reads "yes" as true and "2026-12-08" as a date: the same file would mean something else.
    issues.push({ path: '', message: `must be YAML 1.2: remove the %YAML ${doc.directives.yaml.version} line`, line: 1 });
  }
  collectTags(doc, lineAt, issues);
  return dedupe(issues);
}

/** One issue per place and message: a broken line can make yaml say the same thing thousands of times. */
function dedupe(issues: ScheduleIssue[]): ScheduleIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}\u0000${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every explicit tag (`!!str`, `!custom`): a signed schedule is plain JSON, with nothing for a tag to mean. */
function collectTags(doc: Document, lineAt: (offset: number) => number, issues: ScheduleIssue[]): void {
  walk(doc.contents, [], (node, segments) => {
    if (node.tag !== undefined && node.range) {
      issues.push({
        path: formatPath(segments),
        message: `has a YAML tag (${node.tag.replace('tag:yaml.org,2002:', '!!')}); write the plain value instead`,
        line: lineAt(node.range[0]),
      });
    }
  });
}

/** Visits every node with its path; aliases are not followed (their target is visited where it is written). */
function walk(node: YamlNode, segments: PathSegments, visit: (node: Node, segments: PathSegments) => void): void {
  if (!node) return;
  visit(node, segments);
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (isScalar(pair.key) && pair.key.tag !== undefined) visit(pair.key, [...segments, key]);
      walk(pair.value as YamlNode, [...segments, key], visit);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walk(item as YamlNode, [...segments, index], visit));
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The path of the innermost map key or sequence item at a text offset (for duplicate keys). */
function pathAt(doc: Document, offset: number): PathSegments {
  let found: PathSegments = [];
  const inside = (node: unknown): boolean => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range !== undefined && range[0] <= offset && offset < range[2];
  };
  const search = (node: YamlNode, segments: PathSegments): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const next = [...segments, String(pair.key.value)];
        if (inside(pair.key)) found = next;
        if (inside(pair.value)) search(pair.value as YamlNode, next);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (inside(item)) search(item as YamlNode, [...segments, index]);
      });
    }
  };
  search(doc.contents, []);
  return found;
}

/**
 * Finds the line for a path: the key's line for a map entry (so "window:" rather than the line below it),
 * the item's first line for a list entry, and for a missing field the nearest parent that exists. The root
 * itself has no line: a whole-file problem ("fleet: is required") is not on any one line.
 */
function locate(doc: Document, segments: PathSegments, lineAt: (offset: number) => number): Located {
  let located: Located = { node: doc.contents, line: undefined };
  for (const segment of segments) {
    let node = located.node;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyRange = (pair.key as Node).range;
      const valueRange = (pair.value as YamlNode)?.range;
      const range = keyRange ?? valueRange;
      located = { node: pair.value as YamlNode, line: range ? lineAt(range[0]) : located.line };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode;
      if (!item) break;
      located = { node: item, line: item.range ? lineAt(item.range[0]) : located.line };
    } else {
      break;
    }
  }
  return located;
}

function withLine(doc: Document, issue: PathIssue, lineAt: (offset: number) => number): ScheduleIssue {
  const { line } = locate(doc, issue.segments, lineAt);
  const path = formatPath(issue.segments);
  return line === undefined ? { path, message: issue.message } : { path, message: issue.message, line };
}

/** The two ways yaml's toJS fails on aliases, in plain words; undefined for anything else (a bug: rethrown). */
function aliasProblem(error: unknown): string | undefined {
  if (!(error instanceof ReferenceError)) return undefined;
  if (error.message.startsWith('Excessive alias count')) {
    return `uses aliases (*name) too much (more than ${MAX_ALIAS_COUNT} expansions): write the values out`;
  }
  if (error.message.startsWith('Unresolved alias')) return 'has an alias (*name) with no anchor (&name) before it';
  return undefined;
}

function firstAliasLine(doc: Document, lineAt: (offset: number) => number): { line?: number } {
  let line: number | undefined;
  walk(doc.contents, [], (node) => {
    if (line === undefined && isAlias(node) && node.range) line = lineAt(node.range[0]);
  });
  return line === undefined ? {} : { line };
}

/** Whole-file issues (no line) first, then by line; the order found is kept within a line. */
function sortByLine(issues: ScheduleIssue[]): ScheduleIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.index - b.index)
    .map(({ issue }) => issue);
}
