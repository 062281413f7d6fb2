/**
 * Validation of an already-parsed schedule value: the entry point for the verifier, which parses the verified
 * payload as JSON and hands the value here.
 */
import { formatPath, fromZodIssues, plainErrorMap, type PathIssue, type ScheduleIssue } from './issues.js';
import { scheduleSchema, type Schedule } from './schema.js';

/** The outcome of reading a schedule: the schedule with defaults applied, or every problem found. */
export type ScheduleResult =
  | {
    ok: true;
    schedule: Schedule;
    /** The plain JSON value as IT wrote it, with no defaults applied: what `forewarn sign` signs. */
    document: unknown;
  }
  | { ok: false; issues: ScheduleIssue[] };

/** Validates with the plain-language messages; issues keep their path segments for the source reader. */
export function checkSchedule(value: unknown): { ok: true; schedule: Schedule } | { ok: false; issues: PathIssue[] } {
  const result = scheduleSchema.safeParse(value, { error: plainErrorMap });
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
