/**
 * The published JSON Schema of the schedule format, generated from the zod schema so it can never disagree
 * with the validator on field names, types, patterns or defaults. Rules that need code (end after start,
 * unique ids, real calendar dates) are only in the validator: the JSON Schema is for editors, `forewarn lint`
 * is the judge. docs/schedule.schema.json is this output; a test fails when the file is stale.
 */
import { z } from 'zod';
import { scheduleDocs } from './fields.js';
import { scheduleSchema } from './schema.js';

/** Where the schema is published; also its `$id`. */
export const SCHEDULE_SCHEMA_ID = 'https://forewarn.dev/schema/schedule-v1.json';

let generated: Record<string, unknown> | undefined;

/**
 * The JSON Schema (draft 2020-12) of the format as IT writes it (the input side: defaults shown, durations as
 * text), with titles and descriptions. Returns a fresh copy each time, so callers may change it.
 */
export function scheduleJsonSchema(): Record<string, unknown> {
  generated ??= generate();
  return structuredClone(generated);
}

function generate(): Record<string, unknown> {
  const { $schema, title, description, ...body } = z.toJSONSchema(scheduleSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: scheduleDocs,
    // Anything zod cannot express must fail loudly here rather than publish a schema that accepts too much.
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  // $schema, $id and the title first: that is where people and tools look.
  return { $schema, $id: SCHEDULE_SCHEMA_ID, title, description, ...body };
}
