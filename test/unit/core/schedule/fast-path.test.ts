/**
 * validateSchedule answers a valid schedule from zod's compiled fast path (validate.ts) and anything else from
 * the schema itself. The schema must keep compiling (or every schedule silently takes the slow road), and both
 * roads must give the same schedule, field for field and in the same order.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseScheduleSource, scheduleSchema, validateSchedule } from '../../../../core/schedule/index.js';
import { plainErrorMap } from '../../../../core/schedule/issues.js';
import { compiledScheduleSchema } from '../../../../core/schedule/schema.js';

const minimal = {
  format: 1,
  fleet: 'acme-laptops',
  version: 1,
  issued: '2026-11-20T09:00:00Z',
  expires: '2027-02-20T09:00:00Z',
};

const exampleText = readFileSync(new URL('../../../../examples/schedule.yaml', import.meta.url), 'utf8');

function exampleDocument(): Record<string, unknown> {
  const result = parseScheduleSource(exampleText);
  if (!result.ok) throw new Error(`examples/schedule.yaml is invalid: ${JSON.stringify(result.issues)}`);
  return result.document as Record<string, unknown>;
}

/** Schedules that use every kind of value: defaults, both kinds of time, offsets, fractions, durations. */
const valid: [string, Record<string, unknown>][] = [
  ['the smallest schedule (every default)', minimal],
  ['examples/schedule.yaml', exampleDocument()],
  ['times with offsets and fractions, deadlines of each kind, audiences, translations', {
    ...minimal,
    issued: '2026-11-20T10:00:00.5+01:00',
    expires: '2027-02-20T09:00Z',
    support: { contacts: [{ name: 'Desk', chat: 'https://chat.acme.example/it' }], faqUrl: 'https://help.acme.example' },
    links: [{ label: 'Help', url: 'https://help.acme.example/a?b=c#d' }],
    maintenances: [
      {
        id: 'a', kind: 'critical-patch', title: 'Urgent fix', summary: 'Now.',
        audience: { groups: ['finance'], tags: ['vip'] },
        window: { start: '2026-12-08T16:00:00-05:30', end: '2026-12-09T02:00:00.123456Z' },
        restart: { required: true, deadline: '2026-12-10T18:00:00+01:00', grace: '1h', finalCountdown: '1m' },
        notices: { offsets: ['1h', '1d', '1h', '15m'] },
      },
      {
        id: 'b', kind: 'incident', severity: 'low', title: 'Mail is slow',
        audience: { all: true },
        window: { start: '2028-02-29T08:00', end: '2028-03-01T08:00:30' },
        restart: { deadline: '3d', deferrals: { max: 0, options: ['1d', '1h', '1d'], latestPick: '2d' } },
        steps: ['Wait.'],
        locales: { fr: { title: 'Courrier lent', steps: ['Attendez.'] }, 'pt-BR': { summary: 'Lento.' } },
      },
      { id: 'c', kind: 'information', title: 'New laptops', window: { start: '2026-12-31T23:00', end: '2027-01-01T01:00' } },
    ],
  }],
];

describe('the compiled fast path', () => {
  it('is generated: the schema uses nothing zod\'s compiler refuses (such as a custom `when`)', () => {
    expect(() => z.core.compileFn(compiledScheduleSchema)).not.toThrow();
  });

  it.each(valid)('answers a valid schedule itself, with the same schedule as the schema: %s', (_name, document) => {
    // The fast path itself, not the schema it falls back to.
    expect(z.core.compileFn(compiledScheduleSchema)(document)).not.toBe(z.INVALID);
    const fast = validateSchedule(document);
    const schema = scheduleSchema.safeParse(document, { error: plainErrorMap });
    expect(schema.success ? [] : schema.error.issues).toEqual([]);
    expect(fast.ok).toBe(true);
    if (!fast.ok) throw new Error('unreachable');
    expect(fast.schedule).toStrictEqual(schema.data);
    // toStrictEqual ignores the order of fields; the documented order is part of the output.
    expect(JSON.stringify(fast.schedule)).toBe(JSON.stringify(schema.data));
  });

  it('leaves the document it was given as it was', () => {
    const document = exampleDocument();
    const before = JSON.stringify(document);
    validateSchedule(document);
    expect(JSON.stringify(document)).toBe(before);
  });
});

describe('https links', () => {
  // Node 20's URL.canParse, once optimised, says no to some valid non-ASCII hosts: a schedule accepted by the
  // first few thousand checks was refused by the next ones. The answer must not depend on how hot the code is.
  it('accepts a link with a non-ASCII host every time, also once the code is hot', () => {
    const document = { ...minimal, links: [{ label: 'Bücher', url: 'https://bücher.example/patching' }] };
    let refused = 0;
    for (let i = 0; i < 5000; i += 1) if (!validateSchedule(document).ok) refused += 1;
    expect(refused).toBe(0);
  });
});
