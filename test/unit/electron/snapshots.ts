/** Snapshots in each plan state, as the engine publishes them (the fields the tray and presenter read). */
import type { ChoiceView, ScheduleInfo, Snapshot } from '../../../core/agent-api.js';

export const AT = Date.parse('2026-12-08T09:00:00Z');
export const MAINTENANCE = '2026-12-patch-tuesday';
const HOUR = 3_600_000;

const schedule = {
  fleet: 'acme', version: 3, issued: '2026-12-01T00:00:00Z', expires: '2027-01-01T00:00:00Z',
  policy: {},
  support: { contacts: [{ name: 'Service Desk', chat: 'https://chat.acme.example/desk' }], faq: [], faqUrl: 'https://help.acme.example/faq' },
  links: [{ label: 'Patching FAQ', url: 'https://intranet.acme.example/patching' }],
} as unknown as ScheduleInfo;

const focus = {
  id: MAINTENANCE, title: 'December security updates', steps: [], start: AT + 24 * HOUR, end: AT + 26 * HOUR,
  restartRequired: true, deferralsUsed: 0, links: [{ label: 'Release notes', url: 'https://vendor.example/notes' }],
};

function base(status: Snapshot['tray']['status'], tooltip: string): Snapshot {
  return {
    at: AT, locale: 'en', zone: 'Europe/Paris',
    tray: { status, label: status, tooltip },
    maintenances: [focus], notices: [], errors: [], dryRun: true, schedule, focus,
  };
}

export const idle = (): Snapshot => ({ ...base('idle', 'Your computer is up to date'), focus: undefined, maintenances: [] });
export const upcoming = (): Snapshot => base('upcoming', 'Updates are coming soon – December security updates, tomorrow');

const choices: ChoiceView[] = [
  { kind: 'restart-now', label: 'Restart now' },
  { kind: 'defer', seconds: 3600, until: AT + HOUR, label: 'Remind me in 1 hour' },
  { kind: 'defer', seconds: 14_400, until: AT + 4 * HOUR, label: 'Remind me in 4 hours' },
  { kind: 'pick-time', earliest: AT, latest: AT + 48 * HOUR, label: 'Pick a time' },
];

export const restartPending = (): Snapshot => ({
  ...base('restart-pending', 'Please restart your computer – December security updates, by Thursday 18:00'),
  prompt: { maintenance: MAINTENANCE, title: 'Time to restart', body: '…', deadline: AT + 48 * HOUR, deferralsLeft: 2, deferralsLeftText: 'You can put it off 2 more times.', choices, dismissible: true },
});

/** No deferrals left: only Restart now (and no picking). */
export const noDeferralsLeft = (): Snapshot => {
  const s = restartPending();
  return { ...s, prompt: { ...s.prompt!, deferralsLeft: 0, choices: [choices[0]!] } };
};

export const countdown = (): Snapshot => {
  const s = restartPending();
  return {
    ...s, tray: { ...s.tray, status: 'overdue' },
    prompt: { ...s.prompt!, deferralsLeft: 0, choices: [choices[0]!], dismissible: false },
    countdown: { maintenance: MAINTENANCE, restartAt: AT + 5 * 60_000, title: 'Restarting soon', body: '…' },
  };
};
