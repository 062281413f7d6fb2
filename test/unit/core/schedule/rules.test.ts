/**
 * Every rule of format v1, through IT's source text: each invalid case must give exactly one issue with the
 * exact path, message and line.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, lineOf, scheduleOf, scheduleYaml } from './helpers.js';

const DURATION = 'must be a duration like "4h" or "1d"';
const HTTPS = 'must be an https:// link';
const TIME = 'must be a date and time like "2026-12-08T22:00" (local time) or "2026-12-08T22:00:00+01:00"';
const INSTANT = 'must be a date and time with an offset, like "2026-11-20T09:00:00Z" or "2026-11-20T10:00:00+01:00"';
const SAME_KIND_AS_START = 'must be the same kind of time as start: both with an offset (Z, +01:00) or both local (no offset)';

interface Case {
  name: string;
  text: string;
  path: string;
  message: string;
  /** A text on the expected line (its first occurrence), or undefined when the issue has no line. */
  at: string | undefined;
  occurrence?: number;
}

/** Replaces one exact line (it must exist once) of the base schedule. */
function replace(text: string, from: string, to: string[]): string {
  const lines = text.split('\n');
  const index = lines.indexOf(from);
  if (index < 0 || lines.indexOf(from, index + 1) >= 0) throw new Error(`line ${JSON.stringify(from)} not found once`);
  lines.splice(index, 1, ...to);
  return lines.join('\n');
}

const base = scheduleYaml();
const m = (...lines: string[]) => scheduleYaml({ maintenance: lines });
const top = (...lines: string[]) => scheduleYaml({ top: lines });
const second = (...lines: string[]) => scheduleYaml({
  more: ['  - id: second', '    kind: information', '    title: Second', '    window:', '      start: 2026-12-10T09:00', '      end: 2026-12-10T10:00', ...lines.map((l) => `    ${l}`)],
});

const cases: Case[] = [
  // ------------------------------------------------------------ top level
  { name: 'format missing', text: replace(base, 'format: 1', []), path: 'format', message: 'is required', at: undefined },
  { name: 'format 2', text: replace(base, 'format: 1', ['format: 2']), path: 'format', message: 'must be 1: this version of Forewarn reads format 1', at: 'format:' },
  { name: 'format as text', text: replace(base, 'format: 1', ['format: "1"']), path: 'format', message: 'must be 1: this version of Forewarn reads format 1', at: 'format:' },
  { name: 'fleet missing', text: replace(base, 'fleet: acme-laptops', []), path: 'fleet', message: 'is required', at: undefined },
  { name: 'fleet with capitals', text: replace(base, 'fleet: acme-laptops', ['fleet: Acme']), path: 'fleet', message: 'must be 1 to 63 lowercase letters, digits or "-", starting with a letter or digit', at: 'fleet:' },
  { name: 'fleet starting with a dash', text: replace(base, 'fleet: acme-laptops', ['fleet: -acme']), path: 'fleet', message: 'must be 1 to 63 lowercase letters, digits or "-", starting with a letter or digit', at: 'fleet:' },
  { name: 'fleet too long', text: replace(base, 'fleet: acme-laptops', [`fleet: ${'a'.repeat(64)}`]), path: 'fleet', message: 'must be 1 to 63 lowercase letters, digits or "-", starting with a letter or digit', at: 'fleet:' },
  { name: 'fleet as a number', text: replace(base, 'fleet: acme-laptops', ['fleet: 42']), path: 'fleet', message: 'must be text', at: 'fleet:' },
  { name: 'version 0', text: replace(base, 'version: 3', ['version: 0']), path: 'version', message: 'must be at least 1', at: 'version:' },
  { name: 'version 1.5', text: replace(base, 'version: 3', ['version: 1.5']), path: 'version', message: 'must be a whole number', at: 'version:' },
  { name: 'version as text', text: replace(base, 'version: 3', ['version: three']), path: 'version', message: 'must be a whole number', at: 'version:' },
  { name: 'issued without offset', text: replace(base, 'issued: 2026-11-20T09:00:00Z', ['issued: 2026-11-20T09:00:00']), path: 'issued', message: INSTANT, at: 'issued:' },
  { name: 'issued on Feb 30', text: replace(base, 'issued: 2026-11-20T09:00:00Z', ['issued: 2026-02-30T09:00:00Z']), path: 'issued', message: 'is not a real date and time', at: 'issued:' },
  { name: 'issued missing', text: replace(base, 'issued: 2026-11-20T09:00:00Z', []), path: 'issued', message: 'is required', at: undefined },
  { name: 'expires before issued', text: replace(base, 'expires: 2027-02-20T09:00:00Z', ['expires: 2026-11-20T08:00:00Z']), path: 'expires', message: 'must be after issued', at: 'expires:' },
  { name: 'expires at issued (other offset)', text: replace(base, 'expires: 2027-02-20T09:00:00Z', ['expires: 2026-11-20T10:00:00+01:00']), path: 'expires', message: 'must be after issued', at: 'expires:' },
  { name: 'unknown top-level field', text: top('colour: red'), path: 'colour', message: 'unknown field', at: 'colour:' },
  { name: 'top-level link not https', text: top('links:', '  - label: Help', '    url: http://help.acme.example'), path: 'links[0].url', message: HTTPS, at: 'url:' },
  { name: 'top-level link without label', text: top('links:', '  - url: https://help.acme.example'), path: 'links[0].label', message: 'is required', at: '  - url:' },
  { name: 'maintenances not a list', text: replace(base.split('\nmaintenances:')[0]! + '\n', 'expires: 2027-02-20T09:00:00Z', ['expires: 2027-02-20T09:00:00Z', 'maintenances: none']), path: 'maintenances', message: 'must be a list', at: 'maintenances:' },

  // ------------------------------------------------------------ policy and support
  { name: 'policy typo', text: top('policy:', '  cadance: Monthly'), path: 'policy.cadance', message: 'unknown field', at: 'cadance:' },
  { name: 'policy text too long', text: top('policy:', `  restarts: ${'x'.repeat(601)}`), path: 'policy.restarts', message: 'must be at most 600 characters', at: 'restarts:' },
  { name: 'policy text blank', text: top('policy:', '  cadence: "   "'), path: 'policy.cadence', message: 'must not be empty', at: 'cadence:' },
  { name: 'patch type unknown', text: top('policy:', '  patchTypes:', '    firmware: Yes'), path: 'policy.patchTypes.firmware', message: 'unknown field', at: 'firmware:' },
  { name: 'contact without name', text: top('support:', '  contacts:', '    - role: Help'), path: 'support.contacts[0].name', message: 'is required', at: '- role:' },
  { name: 'contact email', text: top('support:', '  contacts:', '    - name: Desk', '      email: desk-at-acme'), path: 'support.contacts[0].email', message: 'must be an email address like help@example.com', at: 'email:' },
  { name: 'contact chat not https', text: top('support:', '  contacts:', '    - name: Desk', '      chat: http://chat.acme.example'), path: 'support.contacts[0].chat', message: HTTPS, at: 'chat:' },
  { name: 'faq without answer', text: top('support:', '  faq:', '    - question: Why?'), path: 'support.faq[0].answer', message: 'is required', at: '- question:' },
  { name: 'faqUrl not https', text: top('support:', '  faqUrl: ftp://acme.example/faq'), path: 'support.faqUrl', message: HTTPS, at: 'faqUrl:' },
  { name: 'faqUrl not a real address', text: top('support:', '  faqUrl: https://[nope'), path: 'support.faqUrl', message: HTTPS, at: 'faqUrl:' },

  // ------------------------------------------------------------ maintenance fields
  { name: 'maintenance id with capitals', text: replace(base, '  - id: dec-patch', ['  - id: Dec-Patch']), path: 'maintenances[0].id', message: 'must be 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit', at: '- id:' },
  { name: 'duplicate maintenance id', text: second().replace('  - id: second', '  - id: dec-patch'), path: 'maintenances[1].id', message: '"dec-patch" is already the id of maintenances[0]', at: '- id: dec-patch', occurrence: 2 },
  { name: 'unknown kind', text: replace(base, '    kind: routine-patch', ['    kind: patch']), path: 'maintenances[0].kind', message: 'must be one of routine-patch, critical-patch, incident, outage, information', at: 'kind:' },
  { name: 'kind missing', text: replace(base, '    kind: routine-patch', []), path: 'maintenances[0].kind', message: 'is required', at: '- id:' },
  { name: 'unknown severity', text: m('severity: urgent'), path: 'maintenances[0].severity', message: 'must be one of low, normal, high, critical', at: 'severity:' },
  { name: 'unknown maintenance field', text: m('colour: red'), path: 'maintenances[0].colour', message: 'unknown field', at: 'colour:' },
  { name: 'title too long', text: replace(base, '    title: Monthly updates', [`    title: ${'t'.repeat(81)}`]), path: 'maintenances[0].title', message: 'must be at most 80 characters', at: 'title:' },
  { name: 'title empty', text: replace(base, '    title: Monthly updates', ['    title: ""']), path: 'maintenances[0].title', message: 'must not be empty', at: 'title:' },
  { name: 'title missing', text: replace(base, '    title: Monthly updates', []), path: 'maintenances[0].title', message: 'is required', at: '- id:' },
  { name: 'summary too long', text: m(`summary: ${'s'.repeat(401)}`), path: 'maintenances[0].summary', message: 'must be at most 400 characters', at: 'summary:' },
  { name: 'step too long', text: m('steps:', '  - Save your work.', `  - ${'x'.repeat(201)}`), path: 'maintenances[0].steps[1]', message: 'must be at most 200 characters', at: 'xxxx' },
  { name: 'too many steps', text: m('steps:', ...Array.from({ length: 11 }, (_, i) => `  - Step ${i}`)), path: 'maintenances[0].steps', message: 'must have at most 10 entries', at: 'steps:' },
  { name: 'steps as text', text: m('steps: Save'), path: 'maintenances[0].steps', message: 'must be a list', at: 'steps:' },

  // ------------------------------------------------------------ audience
  { name: 'audience empty', text: m('audience: {}'), path: 'maintenances[0].audience', message: 'must be all: true, or name groups or tags', at: 'audience:' },
  { name: 'audience all false alone', text: m('audience: { all: false }'), path: 'maintenances[0].audience', message: 'must be all: true, or name groups or tags', at: 'audience:' },
  { name: 'audience all and groups', text: m('audience:', '  all: true', '  groups: [finance]'), path: 'maintenances[0].audience.all', message: 'use either all: true or groups/tags, not both', at: 'all: true' },
  { name: 'audience empty group list', text: m('audience:', '  groups: []'), path: 'maintenances[0].audience.groups', message: 'must have at least 1 entry', at: 'groups:' },
  { name: 'audience unknown field', text: m('audience:', '  all: true', '  teams: [finance]'), path: 'maintenances[0].audience.teams', message: 'unknown field', at: 'teams:' },

  // ------------------------------------------------------------ window
  { name: 'window start not a time', text: replace(base, '      start: 2026-12-08T22:00', ['      start: next tuesday']), path: 'maintenances[0].window.start', message: TIME, at: 'start:' },
  { name: 'window start Feb 30', text: replace(base, '      start: 2026-12-08T22:00', ['      start: 2026-02-30T22:00']), path: 'maintenances[0].window.start', message: 'is not a real date and time', at: 'start:' },
  { name: 'window start month 13', text: replace(base, '      start: 2026-12-08T22:00', ['      start: 2026-13-08T22:00']), path: 'maintenances[0].window.start', message: 'is not a real date and time', at: 'start:' },
  { name: 'window end hour 24', text: replace(base, '      end: 2026-12-09T02:00', ['      end: 2026-12-08T24:00']), path: 'maintenances[0].window.end', message: 'is not a real date and time', at: 'end:' },
  { name: 'window end before start (local)', text: replace(base, '      end: 2026-12-09T02:00', ['      end: 2026-12-08T21:00']), path: 'maintenances[0].window.end', message: 'must be after start', at: 'end:' },
  { name: 'window end equal to start', text: replace(base, '      end: 2026-12-09T02:00', ['      end: 2026-12-08T22:00:00']), path: 'maintenances[0].window.end', message: 'must be after start', at: 'end:' },
  {
    name: 'window end before start (instants compared as moments, not text)',
    text: replace(replace(base, '      start: 2026-12-08T22:00', ['      start: 2026-12-08T22:00:00+01:00']), '      end: 2026-12-09T02:00', ['      end: 2026-12-08T21:30:00+02:00']),
    path: 'maintenances[0].window.end', message: 'must be after start', at: 'end:',
  },
  { name: 'window mixes local and instant', text: replace(base, '      end: 2026-12-09T02:00', ['      end: 2026-12-09T02:00:00Z']), path: 'maintenances[0].window.end', message: SAME_KIND_AS_START, at: 'end:' },
  { name: 'window end missing', text: replace(base, '      end: 2026-12-09T02:00', []), path: 'maintenances[0].window.end', message: 'is required', at: 'window:' },
  { name: 'window missing', text: replace(replace(base, '      end: 2026-12-09T02:00', []), '      start: 2026-12-08T22:00', []).replace('    window:\n', ''), path: 'maintenances[0].window', message: 'is required', at: '- id:' },

  // ------------------------------------------------------------ restart
  { name: 'restart typo', text: m('restart:', '  deferals: { max: 1 }'), path: 'maintenances[0].restart.deferals', message: 'unknown field', at: 'deferals:' },
  { name: 'restart required not a boolean', text: m('restart:', '  required: yes'), path: 'maintenances[0].restart.required', message: 'must be true or false', at: 'required:' },
  ...(['incident', 'outage', 'information'] as const).map((kind): Case => ({
    name: `restart required on ${kind}`,
    text: replace(m('restart:', '  required: true'), '    kind: routine-patch', [`    kind: ${kind}`]),
    path: 'maintenances[0].restart.required', message: 'can only be true for routine-patch or critical-patch', at: 'required:',
  })),
  { name: 'deadline not a time or duration', text: m('restart:', '  deadline: soon'), path: 'maintenances[0].restart.deadline', message: 'must be a date and time like the window\'s, or a duration after the window end like "2d"', at: 'deadline:' },
  { name: 'deadline of another kind than the window', text: m('restart:', '  deadline: 2026-12-10T18:00:00Z'), path: 'maintenances[0].restart.deadline', message: 'must be the same kind of time as the window: both with an offset (Z, +01:00) or both local (no offset)', at: 'deadline:' },
  { name: 'deadline before window start', text: m('restart:', '  deadline: 2026-12-08T21:59'), path: 'maintenances[0].restart.deadline', message: 'must not be before the window start', at: 'deadline:' },
  { name: 'deadline too far after the window', text: m('restart:', '  deadline: 91d'), path: 'maintenances[0].restart.deadline', message: 'must be at most 90d', at: 'deadline:' },
  { name: 'deadline on Feb 30', text: m('restart:', '  deadline: 2027-02-30T10:00'), path: 'maintenances[0].restart.deadline', message: 'is not a real date and time', at: 'deadline:' },
  { name: 'grace not a duration', text: m('restart:', '  grace: 4 hours'), path: 'maintenances[0].restart.grace', message: DURATION, at: 'grace:' },
  { name: 'grace too short', text: m('restart:', '  grace: 10m'), path: 'maintenances[0].restart.grace', message: 'must be at least 15m', at: 'grace:' },
  { name: 'finalCountdown under a minute', text: m('restart:', '  finalCountdown: 59s'), path: 'maintenances[0].restart.finalCountdown', message: 'must be at least 1m', at: 'finalCountdown:' },
  { name: 'finalCountdown over an hour', text: m('restart:', '  finalCountdown: 61m'), path: 'maintenances[0].restart.finalCountdown', message: 'must be at most 1h', at: 'finalCountdown:' },
  { name: 'deferrals max too high', text: m('restart:', '  deferrals:', '    max: 21'), path: 'maintenances[0].restart.deferrals.max', message: 'must be at most 20', at: 'max:' },
  { name: 'deferrals max negative', text: m('restart:', '  deferrals:', '    max: -1'), path: 'maintenances[0].restart.deferrals.max', message: 'must be at least 0', at: 'max:' },
  { name: 'deferrals max not whole', text: m('restart:', '  deferrals:', '    max: 1.5'), path: 'maintenances[0].restart.deferrals.max', message: 'must be a whole number', at: 'max:' },
  { name: 'deferral option not a duration', text: m('restart:', '  deferrals:', '    options:', '      - 1h', '      - tomorrow'), path: 'maintenances[0].restart.deferrals.options[1]', message: DURATION, at: '- tomorrow' },
  { name: 'deferral option longer than latestPick', text: m('restart:', '  deferrals:', '    options:', '      - 1h', '      - 4d'), path: 'maintenances[0].restart.deferrals.options[1]', message: 'must not be longer than latestPick (3d)', at: '- 4d' },
  { name: 'latestPick too long', text: m('restart:', '  deferrals:', '    latestPick: 31d'), path: 'maintenances[0].restart.deferrals.latestPick', message: 'must be at most 30d', at: 'latestPick:' },

  // ------------------------------------------------------------ notices, links, locales
  { name: 'notice offset not a duration', text: m('notices:', '  offsets: [1d, 2 hours]'), path: 'maintenances[0].notices.offsets[1]', message: DURATION, at: 'offsets:' },
  { name: 'notice offsets empty', text: m('notices:', '  offsets: []'), path: 'maintenances[0].notices.offsets', message: 'must have at least 1 entry', at: 'offsets:' },
  { name: 'notice offset too early', text: m('notices:', '  offsets: [61d]'), path: 'maintenances[0].notices.offsets[0]', message: 'must be at most 60d', at: 'offsets:' },
  { name: 'maintenance link not https', text: m('links:', '  - label: More', '    url: http://acme.example/more'), path: 'maintenances[0].links[0].url', message: HTTPS, at: 'url:' },
  { name: 'maintenance link is no link at all', text: m('links:', '  - label: More', '    url: see the intranet'), path: 'maintenances[0].links[0].url', message: HTTPS, at: 'url:' },
  { name: 'locale tag with underscore', text: m('locales:', '  fr_FR:', '    title: Mises à jour'), path: 'maintenances[0].locales.fr_FR', message: 'must be a language tag like "fr", "fr-CA" or "pt-BR"', at: 'fr_FR:' },
  { name: 'locale tag in capitals', text: m('locales:', '  FR:', '    title: Mises à jour'), path: 'maintenances[0].locales.FR', message: 'must be a language tag like "fr", "fr-CA" or "pt-BR"', at: 'FR:' },
  { name: 'locale tag as a word', text: m('locales:', '  french:', '    title: Mises à jour'), path: 'maintenances[0].locales.french', message: 'must be a language tag like "fr", "fr-CA" or "pt-BR"', at: 'french:' },
  { name: 'locale unknown field', text: m('locales:', '  fr:', '    titre: Mises à jour'), path: 'maintenances[0].locales.fr.titre', message: 'unknown field', at: 'titre:' },
  { name: 'locale title too long', text: m('locales:', '  de:', `    title: ${'d'.repeat(81)}`), path: 'maintenances[0].locales.de.title', message: 'must be at most 80 characters', at: 'title: ddd' },

  // ------------------------------------------------------------ a second maintenance: paths count items
  { name: 'second maintenance window', text: second().replace('      end: 2026-12-10T10:00', '      end: 2026-12-10T08:00'), path: 'maintenances[1].window.end', message: 'must be after start', at: 'end: 2026-12-10T08:00' },
];

describe('schedule rules (source text: path, message and line)', () => {
  it('accepts the base schedule every case starts from', () => {
    expect(scheduleOf(base).maintenances).toHaveLength(1);
    expect(scheduleOf(second()).maintenances).toHaveLength(2);
  });

  it.each(cases)('$name', ({ text, path, message, at, occurrence }) => {
    const line = at === undefined ? undefined : lineOf(text, at, occurrence);
    expect(issuesOf(text)).toEqual([line === undefined ? { path, message } : { path, message, line }]);
  });

  it.each([
    ['routine-patch', 'deadline: 2d'],
    ['critical-patch', 'deadline: 2026-12-09T02:00'],
    ['information', 'required: false'],
  ])('accepts a %s with restart %s', (kind, field) => {
    const text = replace(m('restart:', `  ${field}`), '    kind: routine-patch', [`    kind: ${kind}`]);
    expect(scheduleOf(text).maintenances[0]?.kind).toBe(kind);
  });

  it('accepts the limits themselves', () => {
    const text = scheduleYaml({
      top: ['policy:', `  restarts: ${'x'.repeat(600)}`],
      maintenance: [
        `summary: ${'s'.repeat(400)}`,
        'steps:', ...Array.from({ length: 10 }, () => `  - ${'x'.repeat(200)}`),
        'restart:', '  finalCountdown: 60s', '  grace: 15m', '  deadline: 90d', '  deferrals: { max: 20, options: [3d], latestPick: 3d }',
        'notices:', '  offsets: [60d, 0s]',
        'locales:', '  fr: {}', '  fr-CA: {}', '  pt-BR: {}', '  zh-CN: {}', '  ar: {}', '  zh-Hant-TW: {}', '  es-419: {}',
      ],
    }).replace('    title: Monthly updates', `    title: ${'t'.repeat(80)}`);
    expect(scheduleOf(text).maintenances[0]?.restart.finalCountdown).toBe(60);
  });

  it('says both that a misspelt audience field is unknown and that the audience names nobody', () => {
    const text = m('audience:', '  group: [finance]');
    expect(issuesOf(text)).toEqual([
      { path: 'maintenances[0].audience', message: 'must be all: true, or name groups or tags', line: lineOf(text, 'audience:') },
      { path: 'maintenances[0].audience.group', message: 'unknown field', line: lineOf(text, 'group:') },
    ]);
  });

  it('says only "must be a list" about a text where a list belongs (no length complaints about the text)', () => {
    const text = m('steps: Save your work before you go home');
    expect(issuesOf(text)).toEqual([{ path: 'maintenances[0].steps', message: 'must be a list', line: lineOf(text, 'steps:') }]);
  });

  it('reports every problem at once, sorted by line', () => {
    const text = [
      'format: 1',
      'version: 0',
      'issued: 2026-11-20T09:00:00Z',
      'expires: 2026-11-19T09:00:00Z',
      'maintenances:',
      '  - id: a',
      '    kind: incident',
      '    title: ""',
      '    colour: red',
      '    window: { start: 2026-12-08T22:00, end: 2026-12-08T21:00 }',
      '    restart: { required: true, finalCountdown: 30s }',
      '  - id: a',
      '    kind: outage',
      '    title: Second',
      '    window: { start: 2026-12-08T22:00, end: 2026-12-09T22:00 }',
      '    restart: { deadline: 2026-12-08T21:00 }',
      '',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { path: 'fleet', message: 'is required' },
      { path: 'version', message: 'must be at least 1', line: 2 },
      { path: 'expires', message: 'must be after issued', line: 4 },
      { path: 'maintenances[0].title', message: 'must not be empty', line: 8 },
      { path: 'maintenances[0].colour', message: 'unknown field', line: 9 },
      { path: 'maintenances[0].window.end', message: 'must be after start', line: 10 },
      { path: 'maintenances[0].restart.finalCountdown', message: 'must be at least 1m', line: 11 },
      { path: 'maintenances[0].restart.required', message: 'can only be true for routine-patch or critical-patch', line: 11 },
      { path: 'maintenances[1].id', message: '"a" is already the id of maintenances[0]', line: 12 },
      { path: 'maintenances[1].restart.deadline', message: 'must not be before the window start', line: 16 },
    ]);
  });

  it('checks at most 500 maintenances', () => {
    const more = Array.from({ length: 500 }, (_, i) => [
      `  - id: m${i}`, '    kind: information', '    title: Note', '    window: { start: 2026-12-10T09:00, end: 2026-12-10T10:00 }',
    ]).flat();
    const text = scheduleYaml({ more });
    expect(issuesOf(text)).toEqual([{ path: 'maintenances', message: 'must have at most 500 entries', line: lineOf(text, 'maintenances:') }]);
    expect(scheduleOf(scheduleYaml({ more: more.slice(0, 499 * 4) })).maintenances).toHaveLength(500);
  });
});
