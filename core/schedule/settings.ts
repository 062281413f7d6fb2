/**
 * `settings`: the restart and notice policy numbers IT may change for a fleet. The names are the policy
 * engine's own (core/policy/defaults.ts), so one word means one thing from the YAML to docs/policy.md; the
 * defaults live there, once, and are quoted here only in the descriptions.
 */
import { z } from 'zod';
import { POLICY_DEFAULTS, type PolicySettings } from '../policy/defaults.js';
import { formatDuration } from './durations.js';
import { documented, duration, problem } from './fields.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const span = (description: string, key: keyof typeof POLICY_DEFAULTS, range: { min: number; max: number }) =>
  documented(duration(range).optional(), {
    description: `${description} Default: ${formatDuration(POLICY_DEFAULTS[key] as number)}.`,
  });

const clock = (description: string, key: 'quietHoursStart' | 'quietHoursEnd' | 'activeHoursStart' | 'activeHoursEnd') =>
  documented(z.string().regex(CLOCK, { error: 'must be a time of day like "22:00"' }).optional(), {
    description: `${description} Default: ${POLICY_DEFAULTS[key]}.`,
  });

export const settingsSchema = documented(
  z
    .strictObject({
      approachingWindow: span('Time left to the deadline at which a pending restart is "approaching".', 'approachingWindow', { min: HOUR, max: 30 * DAY }),
      imminentWindow: span('Time left at which it is "imminent": no day-long deferrals any more.', 'imminentWindow', { min: HOUR, max: 7 * DAY }),
      initialCadence: span('How often the restart prompt comes back while the deadline is far.', 'initialCadence', { min: 5 * 60, max: DAY }),
      approachingCadence: span('How often it comes back when the deadline is approaching.', 'approachingCadence', { min: 5 * 60, max: DAY }),
      imminentCadence: span('How often it comes back when the deadline is imminent (and for critical patches).', 'imminentCadence', { min: 60, max: 6 * HOUR }),
      overdueCadence: span('How often it comes back after the deadline.', 'overdueCadence', { min: 60, max: HOUR }),
      quietHoursStart: clock('No advance notices and no restart prompt from this time of day, on each computer’s own clock (critical ones still show; never close to the deadline).', 'quietHoursStart'),
      quietHoursEnd: clock('Quiet hours end at this time of day. Equal to the start: no quiet hours.', 'quietHoursEnd'),
      activeHoursStart: clock('When people normally start using their computers, on each computer’s own clock: a restart that becomes pending outside active hours counts its grace period from their next start (not for critical patches).', 'activeHoursStart'),
      activeHoursEnd: clock('Active hours end at this time of day, every day alike. Equal to the start: no active hours.', 'activeHoursEnd'),
      busyHoldLimit: span('Within this time of the deadline, a meeting or presentation holds nothing back.', 'busyHoldLimit', { min: 0, max: DAY }),
      busyHoldMax: span('The longest a busy signal holds a notice back.', 'busyHoldMax', { min: 0, max: DAY }),
      criticalBusyHold: span('The longest a busy signal holds back a critical patch.', 'criticalBusyHold', { min: 0, max: 4 * HOUR }),
      incidentReminderEvery: span('How often an unread incident notice comes back.', 'incidentReminderEvery', { min: HOUR, max: 7 * DAY }),
      upcomingHorizon: span('The tray says "upcoming" this long before a window.', 'upcomingHorizon', { min: HOUR, max: 60 * DAY }),
    })
    .superRefine((s, ctx) => {
      if (s.approachingWindow !== undefined && s.imminentWindow !== undefined && s.imminentWindow > s.approachingWindow) {
        problem(ctx, 'must not be longer than approachingWindow', ['imminentWindow']);
      }
    })
    .transform((s): PolicySettings => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)))
    .prefault({}),
  {
    title: 'Settings',
    description: 'The restart and notice policy for this fleet. Leave out what suits you: docs/policy.md lists every default.',
  },
);
