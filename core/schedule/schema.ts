/**
 * Schedule format v1: the one zod schema that gives the TypeScript types (input and output), the runtime
 * validation with plain messages, the defaults, and — through json-schema.ts — the published JSON Schema.
 * This file holds the top level, "how we patch" and support; maintenance.ts holds the maintenances.
 *
 * Objects are strict: an unknown field is an error, so a typo ("restart.deferals") is caught instead of
 * silently falling back to a default.
 */
import { z } from 'zod';
import { LIMITS, type MaintenanceKind, type Severity } from './defaults.js';
import {
  ALWAYS, COMPILED, documented, httpsUrl, instant, isClean, linkSchema, problem, text, wholeNumber,
} from './fields.js';
import { compiledMaintenanceSchema, LOCALE_PATTERN, maintenanceSchema } from './maintenance.js';
import { settingsSchema } from './settings.js';
import { instantToMs } from './times.js';

/** The one format this code reads and writes. */
export const SCHEDULE_FORMAT = 1;

const FLEET_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const policyText = (description: string) =>
  documented(text(LIMITS.policyTextLength).optional(), { description });

// ---------------------------------------------------------------- policy: "how we patch"

const patchTypesSchema = documented(
  z.strictObject({
    security: policyText('Security updates: what they are and how fast they go out.'),
    quality: policyText('Quality (bug-fix) updates.'),
    feature: policyText('Feature updates: new versions of the operating system.'),
    drivers: policyText('Driver and firmware updates.'),
    thirdParty: policyText('Updates to other apps (browsers, office, PDF readers...).'),
  }),
  { title: 'Patch types', description: 'One short plain text per kind of update.' },
);

const policySchema = documented(
  z.strictObject({
    patchTypes: patchTypesSchema.optional(),
    cadence: policyText('When patching happens as a rule, e.g. "Every second Tuesday of the month, at night." Recommended.'),
    restarts: policyText('How restarts work: warnings, putting them off, the deadline. Recommended.'),
    outOfBand: policyText('What happens when an urgent fix cannot wait for the usual day.'),
    failures: policyText('What happens when an update fails, and what people should do.'),
    testing: policyText('How updates are tried before they reach everyone.'),
    coverage: policyText('Which computers and apps this covers, and which it does not.'),
  }),
  { title: 'How we patch', description: 'Plain texts shown on the "How we patch" page. All optional.' },
);

// ---------------------------------------------------------------- support

const contactSchema = documented(
  z.strictObject({
    name: documented(text(LIMITS.labelLength), { description: 'Who to contact, e.g. "IT Service Desk".' }),
    role: documented(text(LIMITS.labelLength).optional(), { description: 'What they help with.' }),
    email: documented(z.email().max(LIMITS.emailLength).optional(), { description: 'An email address.' }),
    phone: documented(text(LIMITS.contactDetailLength).optional(), { description: 'A phone number, as people should dial it.' }),
    chat: documented(httpsUrl().optional(), { description: 'A chat link (https://).' }),
    hours: documented(text(LIMITS.contactDetailLength).optional(), { description: 'When they answer, e.g. "Mon–Fri 8:00–18:00".' }),
  }),
  { title: 'Contact' },
);

const faqEntrySchema = documented(
  z.strictObject({
    question: documented(text(LIMITS.questionLength), { description: 'A question people ask, in their words.' }),
    answer: documented(text(LIMITS.answerLength), { description: 'A short, plain answer.' }),
  }),
  { title: 'FAQ entry' },
);

const supportSchema = documented(
  z.strictObject({
    contacts: z.array(contactSchema).max(LIMITS.contacts).prefault([]),
    faq: z.array(faqEntrySchema).max(LIMITS.faq).prefault([]),
    faqUrl: documented(httpsUrl().optional(), { description: 'A page with more answers (https://).' }),
  }),
  { title: 'Support', description: 'Who to contact and common questions, shown on the help page.' },
);

// ---------------------------------------------------------------- the schedule

type ScheduleFields = z.output<typeof scheduleFields>;

/** Every field but the maintenances, which come in two builds (see RuleMode). */
const scheduleShape = {
  format: documented(z.literal(SCHEDULE_FORMAT, {
    error: (issue) => (issue.input === undefined ? undefined : `must be ${SCHEDULE_FORMAT}: this version of Forewarn reads format ${SCHEDULE_FORMAT}`),
  }), { description: 'The format version. Always 1.' }),
  fleet: documented(z.string().regex(FLEET_PATTERN, {
    error: 'must be 1 to 63 lowercase letters, digits or "-", starting with a letter or digit',
  }), { description: 'Which fleet this is for, e.g. "acme-laptops". Agents refuse a schedule for another fleet.' }),
  version: documented(wholeNumber().min(1), {
    description: 'Raise it by at least 1 every time you publish. Agents refuse a lower version.',
  }),
  issued: documented(instant(), { description: 'When you wrote it: a date and time with an offset, e.g. "2026-11-20T09:00:00Z".' }),
  expires: documented(instant(), { description: 'When agents stop trusting it unless a newer one arrives. After issued.' }),
  policy: policySchema.prefault({}),
  support: supportSchema.prefault({}),
  links: documented(z.array(linkSchema).max(LIMITS.links).prefault([]), { description: 'Links shown on the help page.' }),
  settings: settingsSchema,
  languages: documented(
    z.array(z.string().regex(LOCALE_PATTERN, { error: 'must be a language tag like "fr", "fr-CA" or "pt-BR"' })).max(LIMITS.locales).prefault([]),
    { description: 'Languages people in this fleet read besides the main texts, e.g. ["fr", "de"]. forewarn lint checks that every maintenance has its texts in each.' },
  ),
};

/** The list of maintenances, around one build of the maintenance. */
function maintenanceList<M extends z.ZodType>(maintenance: M) {
  return documented(z.array(maintenance).max(LIMITS.maintenances).prefault([]), {
    description: `Up to ${LIMITS.maintenances} maintenances, incidents and notices. Each id only once.`,
  });
}

const scheduleFields = z.strictObject({ ...scheduleShape, maintenances: maintenanceList(maintenanceSchema) });

/** Rules across the schedule: expiry after issue, maintenance ids unique. */
function checkScheduleRules(schedule: ScheduleFields, ctx: z.core.$RefinementCtx<ScheduleFields>): void {
  if (isClean(ctx.issues, ['issued']) && isClean(ctx.issues, ['expires'])
    && instantToMs(schedule.expires) <= instantToMs(schedule.issued)) {
    problem(ctx, 'must be after issued', ['expires']);
  }
  // With `when`, this runs even when the input was not an object or the list not a list.
  if (typeof schedule !== 'object' || schedule === null || !Array.isArray(schedule.maintenances)) return;
  const firstIndex = new Map<string, number>();
  schedule.maintenances.forEach((maintenance, index) => {
    if (!isClean(ctx.issues, ['maintenances', index, 'id'])) return;
    const earlier = firstIndex.get(maintenance.id);
    if (earlier === undefined) firstIndex.set(maintenance.id, index);
    else problem(ctx, `"${maintenance.id}" is already the id of maintenances[${earlier}]`, ['maintenances', index, 'id']);
  });
}

/** The whole schedule format v1. Parse with `validateSchedule`, which adds the plain-language messages. */
export const scheduleSchema = documented(scheduleFields.superRefine(checkScheduleRules, ALWAYS), {
  title: 'Forewarn schedule',
  description: 'What IT tells people about patching, restarts and incidents. Format 1.',
});

/**
 * The same schedule, from the same parts, with its cross-field rules as plain refinements (RuleMode): what zod
 * compiles into the fast path for valid schedules (validate.ts). Never parsed on its own; not in index.ts.
 */
export const compiledScheduleSchema = z
  .strictObject({ ...scheduleShape, maintenances: maintenanceList(compiledMaintenanceSchema) })
  .superRefine(checkScheduleRules, COMPILED);

/** A validated schedule with every default applied; durations in whole seconds. */
export type Schedule = z.output<typeof scheduleSchema>;
/** A schedule as IT writes it (what the JSON Schema describes). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
/** The "how we patch" texts. */
export type Policy = Schedule['policy'];
/** The help page: contacts, FAQ, FAQ link. */
export type Support = Schedule['support'];
/** A labelled https link. */
export type Link = z.output<typeof linkSchema>;
export type { MaintenanceKind, Severity };
