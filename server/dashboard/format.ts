// How times and states read on screen: UTC, to the minute, the same for every IT person whatever their zone.
export function formatTime(iso: string | null | undefined, zoneSuffix = true): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const text = new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return zoneSuffix ? `${text} UTC` : text;
}

const STATE_LABELS: Record<string, string> = {
  targeted: 'Targeted', delivered: 'Delivered', notified: 'Notified', acknowledged: 'Acknowledged', deferred: 'Deferred',
  'restart-started': 'Restart started', failed: 'Failed', completed: 'Completed', 'past-deadline': 'Past deadline', offline: 'Offline',
  feedback: 'Feedback', 'schedule-rejected': 'Schedule rejected', 'store-recovered': 'Store recovered',
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state;
}
