/**
 * Whatever arrives — a random value, a schedule with any field swapped for junk, random text — the reader
 * answers with a result, never an exception: the cross-field checks run even after other problems, so they
 * must cope with half-valid input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseScheduleSource, validateSchedule, type ScheduleResult } from '../../../../core/schedule/index.js';
import { issuesOf, scheduleYaml } from './helpers.js';

const full = {
  format: 1,
  fleet: 'acme-laptops',
  version: 2,
  issued: '2026-11-20T09:00:00Z',
  expires: '2027-02-20T09:00:00Z',
  policy: { cadence: 'Monthly.', patchTypes: { security: 'Monthly.' } },
  support: { contacts: [{ name: 'Desk', email: 'desk@acme.example' }], faq: [{ question: 'Why?', answer: 'Because.' }] },
  links: [{ label: 'Help', url: 'https://help.acme.example' }],
  maintenances: [
    {
      id: 'dec-patch',
      kind: 'routine-patch',
      title: 'Monthly updates',
      audience: { groups: ['finance'] },
      window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' },
      restart: { deadline: '2026-12-10T18:00', deferrals: { max: 2, options: ['1h'], latestPick: '1d' } },
      notices: { offsets: ['1d'] },
      locales: { fr: { title: 'Mises à jour' } },
    },
    { id: 'note', kind: 'information', title: 'Note', window: { start: '2026-12-10T09:00:00Z', end: '2026-12-10T10:00:00Z' } },
  ],
};

/** Every path to a value inside a JSON value (objects and arrays), the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  return [];
}

function replaced(path: (string | number)[], junk: unknown): unknown {
  const copy = structuredClone(full) as unknown;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy);
  (parent as Record<string | number, unknown>)[path[path.length - 1]!] = junk;
  return copy;
}

function wellFormed(result: ScheduleResult): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message).toMatch(/^[^\n]+$/);
    expect(issue.message).not.toMatch(/Invalid input|expected .* received/i);
  }
}

describe('robustness', () => {
  it('accepts the full value the mutations start from', () => {
    expect(validateSchedule(full).ok).toBe(true);
  });

  it('answers any JSON value with a result', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => wellFormed(validateSchedule(value))));
  });

  it('answers a schedule with any one field swapped for junk, with a plain message', () => {
    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('', ' ', '1h', '0s', '2026-12-08T22:00', '2026-12-08T22:00:00Z', '2026-02-30T10:00', 'https://x', 'routine-patch', true, -1, 1.5),
    );
    fc.assert(fc.property(fc.constantFrom(...paths(full)), junk, (path, value) => {
      wellFormed(validateSchedule(replaced(path, value)));
    }), { numRuns: 2_000 });
  });

  it('answers any text with a result', () => {
    fc.assert(fc.property(fc.string(), (text) => wellFormed(parseScheduleSource(text))));
  });

  // Thousands of levels would exhaust yaml's recursive composer, and V8 may then abort the whole process.
  it.each([
    ['flow lists', 'format: 1\nlinks: ' + '['.repeat(50_000) + ']'.repeat(50_000), 2],
    ['flow maps', 'format: 1\nlinks: ' + '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000), 2],
    ['compact lists', 'format: 1\nlinks:\n  ' + '- '.repeat(20_000) + 'x', 3],
    // One level per line here: the root map, then "links:", then a map per line from line 3.
    ['block maps', 'format: 1\nlinks:\n' + Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + ' 1', MAX_NESTING + 1],
  ])('refuses deep nesting (%s) with an issue at its line, not a crash', (_name, text, line) => {
    expect(issuesOf(text)).toEqual([{ path: '', message: `is nested too deeply (more than ${MAX_NESTING} levels)`, line }]);
  });

  it(`accepts nesting up to ${MAX_NESTING} levels (it is then only a schema problem)`, () => {
    const text = `format: 1\nlinks: ${'['.repeat(MAX_NESTING - 2)}${']'.repeat(MAX_NESTING - 2)}`;
    expect(issuesOf(text).map((issue) => issue.message)).not.toContain(`is nested too deeply (more than ${MAX_NESTING} levels)`);
  });

  it('answers the base schedule with any line damaged', () => {
    const lines = scheduleYaml().split('\n');
    fc.assert(fc.property(fc.nat(lines.length - 1), fc.string({ maxLength: 12 }), (index, noise) => {
      const damaged = lines.map((line, i) => (i === index ? line.slice(0, line.length / 2) + noise : line)).join('\n');
      wellFormed(parseScheduleSource(damaged));
    }), { numRuns: 1_000 });
  });
});
