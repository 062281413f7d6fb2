/** Reading IT's text: YAML 1.2 and JSON through one parser, with lines for every issue. */
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, parseScheduleSource } from '../../../../core/schedule/index.js';
import { issuesOf, lineOf, scheduleOf, scheduleYaml } from './helpers.js';

describe('YAML source', () => {
  it('returns the document as IT wrote it (no defaults), ready to sign', () => {
    const result = parseScheduleSource(scheduleYaml());
    expect(result.ok && result.document).toEqual({
      format: 1,
      fleet: 'acme-laptops',
      version: 3,
      issued: '2026-11-20T09:00:00Z',
      expires: '2027-02-20T09:00:00Z',
      maintenances: [{ id: 'dec-patch', kind: 'routine-patch', title: 'Monthly updates', window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' } }],
    });
  });

  it('reads YAML 1.2: yes stays text, dates stay text', () => {
    const text = scheduleYaml({ maintenance: ['restart:', '  required: yes'] });
    expect(issuesOf(text)).toEqual([{ path: 'maintenances[0].restart.required', message: 'must be true or false', line: lineOf(text, 'required:') }]);
  });

  it('refuses a duplicate key, at the line of the second one', () => {
    const text = scheduleYaml({ maintenance: ['title: Again'] });
    expect(issuesOf(text)).toEqual([
      { path: 'maintenances[0].title', message: 'is given twice: each field may appear only once', line: lineOf(text, 'title: Again') },
    ]);
  });

  it('refuses a duplicate top-level key', () => {
    const text = scheduleYaml({ top: ['version: 4'] });
    expect(issuesOf(text)).toEqual([{ path: 'version', message: 'is given twice: each field may appear only once', line: lineOf(text, 'version: 4') }]);
  });

  it('refuses tags, known or not, each at its line', () => {
    const text = scheduleYaml({ maintenance: ['summary: !!str 42', 'steps: [!custom x]'] });
    expect(issuesOf(text)).toEqual([
      { path: 'maintenances[0].summary', message: 'has a YAML tag (!!str); write the plain value instead', line: lineOf(text, 'summary:') },
      { path: 'maintenances[0].steps[0]', message: 'has a YAML tag (!custom); write the plain value instead', line: lineOf(text, 'steps:') },
    ]);
  });

  it('refuses a YAML 1.1 directive (yes/no booleans, dates): the same file would mean something else', () => {
    expect(issuesOf(`%YAML 1.1\n---\n${scheduleYaml()}`)).toEqual([{ path: '', message: 'must be YAML 1.2: remove the %YAML 1.1 line', line: 1 }]);
  });

  it('reports a syntax error with its line and nothing else', () => {
    const text = scheduleYaml().replace('    title: Monthly updates', '    title: [Monthly updates');
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: '' });
    expect(issues[0]?.message).toMatch(/^is not valid YAML: /);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(lineOf(text, 'title: [Monthly'));
  });

  it('refuses tabs used as indentation', () => {
    const text = scheduleYaml().replace('      start: 2026', '\tstart: 2026');
    expect(issuesOf(text)[0]).toMatchObject({ path: '', line: lineOf(text, '\tstart') });
  });

  it('refuses more than one document in the file', () => {
    const text = `${scheduleYaml()}---\nformat: 1\n`;
    expect(issuesOf(text)).toEqual([{ path: '', message: expect.stringMatching(/^is not valid YAML: .*multiple documents/) as unknown as string, line: lineOf(text, '---') }]);
  });

  it('allows plain anchors and aliases, and reports through them', () => {
    const text = scheduleYaml({ top: ['links:', '  - label: Help', '    url: &help https://help.acme.example', '  - label: Also help', '    url: *help'] });
    expect(scheduleOf(text).links.map((link) => link.url)).toEqual(['https://help.acme.example', 'https://help.acme.example']);
  });

  it(`refuses an alias bomb (more than ${MAX_ALIAS_COUNT} expansions) without expanding it`, () => {
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { path: '', message: `uses aliases (*name) too much (more than ${MAX_ALIAS_COUNT} expansions): write the values out`, line: 2 },
    ]);
  });

  it('refuses an alias with no anchor', () => {
    const text = scheduleYaml().replace('fleet: acme-laptops', 'fleet: *fleet');
    expect(issuesOf(text)).toEqual([{ path: '', message: 'has an alias (*name) with no anchor (&name) before it', line: 2 }]);
  });

  it('refuses non-text keys', () => {
    const text = scheduleYaml({ top: ['? [a, b]', ': 1'] });
    expect(issuesOf(text)[0]).toMatchObject({ path: '', line: lineOf(text, '? [a, b]') });
  });

  it('says a repeated YAML problem on one line once', () => {
    const issues = issuesOf(`- ${'!a '.repeat(1_000)}x\n`);
    expect(issues.length).toBeLessThan(5);
  });

  it('says an empty file is empty', () => {
    expect(issuesOf('')).toEqual([{ path: '', message: 'is empty: it must start with "format: 1"' }]);
    expect(issuesOf('# only a comment\n')).toEqual([{ path: '', message: 'is empty: it must start with "format: 1"' }]);
  });

  it('points at the list item for a field missing from it, and gives no line for one missing from the file', () => {
    const text = scheduleYaml().replace('fleet: acme-laptops\n', '').replace('    title: Monthly updates\n', '');
    expect(issuesOf(text)).toEqual([
      { path: 'fleet', message: 'is required' },
      { path: 'maintenances[0].title', message: 'is required', line: lineOf(text, '- id: dec-patch') },
    ]);
  });

  it('points at the key line of a block value ("window:"), not the line below', () => {
    const text = scheduleYaml().replace('      start: 2026-12-08T22:00\n      end: 2026-12-09T02:00\n', '      - 2026-12-08T22:00\n');
    expect(issuesOf(text)).toEqual([
      { path: 'maintenances[0].window', message: 'must be a group of fields (name: value)', line: lineOf(text, 'window:') },
    ]);
  });
});

describe('JSON source', () => {
  const json = [
    '{',
    '  "format": 1,',
    '  "fleet": "acme-laptops",',
    '  "version": 2,',
    '  "issued": "2026-11-20T09:00:00Z",',
    '  "expires": "2027-02-20T09:00:00Z",',
    '  "maintenances": [',
    '    {',
    '      "id": "dec-patch",',
    '      "kind": "routine-patch",',
    '      "title": "Monthly updates",',
    '      "window": { "start": "2026-12-08T22:00", "end": "2026-12-09T02:00" }',
    '    }',
    '  ]',
    '}',
  ].join('\n');

  it('reads JSON with the same parser', () => {
    const result = parseScheduleSource(json);
    expect(result.ok && result.document).toEqual(JSON.parse(json));
  });

  it('gives JSON issues lines too', () => {
    const text = json.replace('"end": "2026-12-09T02:00"', '"end": "2026-12-08T20:00"').replace('"version": 2', '"version": 0');
    expect(issuesOf(text)).toEqual([
      { path: 'version', message: 'must be at least 1', line: 4 },
      { path: 'maintenances[0].window.end', message: 'must be after start', line: 12 },
    ]);
  });

  it('points at an unknown JSON key', () => {
    const text = json.replace('"title": "Monthly updates",', '"title": "Monthly updates",\n      "colour": "red",');
    expect(issuesOf(text)).toEqual([{ path: 'maintenances[0].colour', message: 'unknown field', line: 12 }]);
  });

  it('refuses duplicate JSON keys (JSON.parse would silently keep the last)', () => {
    const text = json.replace('"version": 2,', '"version": 2,\n  "version": 9,');
    expect(issuesOf(text)).toEqual([{ path: 'version', message: 'is given twice: each field may appear only once', line: 5 }]);
  });

  it('reports broken JSON with a line', () => {
    const issues = issuesOf(json.replace('"version": 2,', '"version": 2,,'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(4);
  });
});
