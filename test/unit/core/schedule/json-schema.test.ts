/**
 * The published JSON Schema: generated from the zod schema, committed as docs/schedule.schema.json, and good
 * enough for an editor (ajv, strict mode) to accept the example and refuse broken schedules.
 *
 * To regenerate the committed file after a format change:
 *   FOREWARN_WRITE_SCHEMA=1 npx vitest run test/unit/core/schedule/json-schema.test.ts   (or: npm run schema)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEDULE_SCHEMA_ID, parseScheduleSource, scheduleJsonSchema } from '../../../../core/schedule/index.js';

const schemaFile = new URL('../../../../docs/schedule.schema.json', import.meta.url);
const exampleFile = new URL('../../../../examples/schedule.yaml', import.meta.url);
const generatedText = `${JSON.stringify(scheduleJsonSchema(), null, 2)}\n`;

if (process.env.FOREWARN_WRITE_SCHEMA === '1') writeFileSync(schemaFile, generatedText);

function validator() {
  // Strict mode: a keyword ajv does not know, or a sloppy schema, fails here rather than in someone's editor.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // Formats are hints for editors; the email pattern next to it is what is checked.
  ajv.addFormat('email', true);
  return ajv.compile(scheduleJsonSchema());
}

/** The value at a path inside a parsed JSON value. */
function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** Sets (or, with undefined, deletes) the value at a path inside a parsed document. */
function setAt(document: unknown, path: (string | number)[], value: unknown): void {
  const parent = getAt(document, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (value === undefined) delete (parent as Record<string | number, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = value;
}

const example = (): Record<string, unknown> => parse(readFileSync(exampleFile, 'utf8')) as Record<string, unknown>;

describe('scheduleJsonSchema', () => {
  it('matches the committed docs/schedule.schema.json (regenerate it when this fails)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(generatedText);
  });

  it('is draft 2020-12 with our $id, title and description', () => {
    const schema = scheduleJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEDULE_SCHEMA_ID);
    expect(SCHEDULE_SCHEMA_ID).toBe('https://forewarn.dev/schema/schedule-v1.json');
    expect(schema.title).toBe('Forewarn schedule');
    expect(schema.required).toEqual(['format', 'fleet', 'version', 'issued', 'expires']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes the input: durations as text with their defaults from DEFAULTS', () => {
    const restart = ['properties', 'maintenances', 'items', 'properties', 'restart', 'properties'];
    const schema = scheduleJsonSchema();
    expect(getAt(schema, [...restart, 'grace'])).toMatchObject({ type: 'string', default: DEFAULTS.restart.grace });
    expect(getAt(schema, [...restart, 'finalCountdown', 'default'])).toBe(DEFAULTS.restart.finalCountdown);
    expect(getAt(schema, [...restart, 'deferrals', 'properties', 'options', 'default'])).toEqual(DEFAULTS.restart.deferrals.options);
    expect(getAt(schema, [...restart, 'deferrals', 'properties', 'max', 'default'])).toBe(DEFAULTS.restart.deferrals.max);
  });

  it('returns a fresh copy each time', () => {
    const first = scheduleJsonSchema();
    first.title = 'changed';
    expect(scheduleJsonSchema().title).toBe('Forewarn schedule');
  });
});

describe('the JSON Schema with ajv', () => {
  const validate = validator();

  it('accepts the example schedule', () => {
    const document = example();
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    // ...and so does our own validator, on the same document.
    expect(parseScheduleSource(readFileSync(exampleFile, 'utf8')).ok).toBe(true);
  });

  it.each<[string, (string | number)[], unknown]>([
    ['an unknown field', ['colour'], 'red'],
    ['a missing fleet', ['fleet'], undefined],
    ['format 2', ['format'], 2],
    ['an http link', ['links', 0, 'url'], 'http://help.acme.example'],
    ['a bad duration', ['maintenances', 0, 'restart', 'grace'], '4 hours'],
    ['a bad kind', ['maintenances', 0, 'kind'], 'reboot'],
    ['a long title', ['maintenances', 0, 'title'], 't'.repeat(81)],
    ['a bad language tag', ['maintenances', 0, 'locales', 'fr_FR'], {}],
    ['an audience of all and groups', ['maintenances', 1, 'audience'], { all: true, groups: ['x'] }],
    ['an empty audience', ['maintenances', 1, 'audience'], {}],
    ['a window time with no date', ['maintenances', 0, 'window', 'start'], '22:00'],
  ])('refuses a schedule with %s', (_name, path, value) => {
    const document = example();
    setAt(document, path, value);
    expect(validate(document)).toBe(false);
  });
});
