/** Shared builders for the schedule tests: a small valid schedule as YAML text, and line lookup by marker. */
import { expect } from 'vitest';
import { parseScheduleSource, type ScheduleIssue, type Schedule } from '../../../../core/schedule/index.js';

/** Lines of the smallest useful valid schedule; extras are appended at the top level or to its maintenance. */
export function scheduleYaml(parts: { top?: string[]; maintenance?: string[]; more?: string[] } = {}): string {
  return [
    'format: 1',
    'fleet: acme-laptops',
    'version: 3',
    'issued: 2026-11-20T09:00:00Z',
    'expires: 2027-02-20T09:00:00Z',
    ...(parts.top ?? []),
    'maintenances:',
    '  - id: dec-patch',
    '    kind: routine-patch',
    '    title: Monthly updates',
    '    window:',
    '      start: 2026-12-08T22:00',
    '      end: 2026-12-09T02:00',
    ...(parts.maintenance ?? []).map((line) => `    ${line}`),
    ...(parts.more ?? []),
    '',
  ].join('\n');
}

/** 1-based line of the `occurrence`-th line containing `needle`; fails the test when there is none. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`no line ${occurrence} with ${JSON.stringify(needle)} in:\n${text}`);
}

/** The issues of a source text that must not validate. */
export function issuesOf(text: string): ScheduleIssue[] {
  const result = parseScheduleSource(text);
  if (result.ok) throw new Error(`expected issues, but this schedule is valid:\n${text}`);
  return result.issues;
}

/** The schedule of a source text that must validate. */
export function scheduleOf(text: string): Schedule {
  const result = parseScheduleSource(text);
  expect(result.ok ? [] : result.issues).toEqual([]);
  if (!result.ok) throw new Error('unreachable');
  return result.schedule;
}
