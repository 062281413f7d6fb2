/**
 * Schedule format v1: what IT writes (YAML or JSON), how it is validated, its defaults and its JSON Schema.
 * Other modules import from here only.
 */
export { DEFAULTS, INCIDENT_TEMPLATES, LIMITS, MAINTENANCE_KINDS, RESTART_KINDS, SEVERITIES, TEMPLATE_KINDS, type IncidentTemplate } from './defaults.js';
export { DURATION_MESSAGE, DURATION_PATTERN, formatDuration, parseDuration } from './durations.js';
export { formatIssue, formatPath, type ScheduleIssue } from './issues.js';
export { SCHEDULE_SCHEMA_ID, scheduleJsonSchema } from './json-schema.js';
export {
  maintenanceSchema, type Audience, type DeferralPolicy, type LocaleOverride, type Maintenance, type NoticePolicy,
  type RestartPolicy, type WindowSpec,
} from './maintenance.js';
export {
  SCHEDULE_FORMAT, scheduleSchema, type Link, type MaintenanceKind, type Policy, type Schedule, type ScheduleInput,
  type Severity, type Support,
} from './schema.js';
export { MAX_ALIAS_COUNT, MAX_NESTING, parseScheduleSource, sourceLines } from './source.js';
export { instantToMs, parseInstant, parseLocalTime, parseScheduleTime, addSeconds, type ScheduleTime } from './times.js';
export { validateSchedule, type ScheduleResult } from './validate.js';
