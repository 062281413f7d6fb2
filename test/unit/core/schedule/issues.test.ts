import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../../core/schedule/index.js';
import { formatPath } from '../../../../core/schedule/issues.js';

describe('formatIssue', () => {
  it('writes path, message and line', () => {
    expect(formatIssue({ path: 'maintenances[2].window.end', message: 'must be after start', line: 41 }))
      .toBe('maintenances[2].window.end: must be after start (line 41)');
  });

  it('leaves the line out when there is none', () => {
    expect(formatIssue({ path: 'fleet', message: 'is required' })).toBe('fleet: is required');
  });

  it('calls the root "schedule"', () => {
    expect(formatIssue({ path: '', message: 'is empty', line: 1 })).toBe('schedule: is empty (line 1)');
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['fleet'], 'fleet'],
    [['maintenances', 2, 'window', 'end'], 'maintenances[2].window.end'],
    [['maintenances', 0, 'locales', 'fr-CA', 'title'], 'maintenances[0].locales.fr-CA.title'],
    [['maintenances', 0, 'locales', 'fr CA'], 'maintenances[0].locales["fr CA"]'],
    [['a.b'], '["a.b"]'],
  ] as const)('writes %j as %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
  });
});
