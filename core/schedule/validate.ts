/**
 * Validation of an already-parsed schedule value: the entry point for the verifier, which parses the verified
 * payload as JSON and hands the value here.
 */
import { z } from 'zod';
import { formatPath, fromZodIssues, plainErrorMap, type PathIssue, type ScheduleIssue } from './issues.js';
import { compiledScheduleSchema, scheduleSchema, type Schedule } from './schema.js';

/** The outcome of reading a schedule: the schedule with defaults applied, or every problem found. */
export type ScheduleResult =
  | {
    ok: true;
    schedule: Schedule;
    /** The plain JSON value as IT wrote it, with no defaults applied: what `forewarn sign` signs. */
    document: unknown;
  }
  | { ok: false; issues: ScheduleIssue[] };

let fastSchedule: typeof scheduleSchema | undefined;

/**
 * The schedule schema with zod's compiled fast path in front. zod generates one function for the whole schema
 * (from compiledScheduleSchema: the same parts, with the cross-field rules as plain refinements) that returns
 * the parsed schedule, or INVALID at the first problem; then the schema itself parses the value again and
 * reports every problem, so issues never come from the fast path. About 5x faster than zod's interpreter on a
 * valid schedule; an invalid one costs one fast pass more. Compiled on first use (a few milliseconds). Where code
 * generation is off (zod's `jitless`) or not allowed, the schema is used as it is.
 */
function scheduleParser(): typeof scheduleSchema {
  if (fastSchedule === undefined) {
    fastSchedule = scheduleSchema;
    if (!z.config().jitless) {
      try {
        fastSchedule = z.withParser(scheduleSchema, z.core.compileFn(compiledScheduleSchema));
      } catch (error) {
        if (!(error instanceof z.ZodCompileUnsupportedError)) throw error;
      }
    }
  }
  return fastSchedule;
}

/** Validates with the plain-language messages; issues keep their path segments for the source reader. */
export function checkSchedule(value: unknown): { ok: true; schedule: Schedule } | { ok: false; issues: PathIssue[] } {
  const result = z.safeParse(scheduleParser(), value, { error: plainErrorMap });
  return result.success ? { ok: true, schedule: result.data } : { ok: false, issues: fromZodIssues(result.error.issues) };
}

/**
 * Validates an already-parsed JSON value (the verifier calls this on the verified payload). Issues have no
 * line numbers: there is no source text.
 */
export function validateSchedule(value: unknown): ScheduleResult {
  const result = checkSchedule(value);
  if (result.ok) return { ok: true, schedule: result.schedule, document: value };
  return { ok: false, issues: result.issues.map((issue) => ({ path: formatPath(issue.segments), message: issue.message })) };
}
