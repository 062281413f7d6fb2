// The JSON the IT API answers with (server/routes/compliance.ts, server/compliance/model.ts), as the page reads
// it. Written out here instead of imported: the page must not type-check server code (node types, zod).
export const STATES = ['targeted', 'delivered', 'notified', 'acknowledged', 'deferred', 'restart-started', 'failed', 'completed'] as const;

export interface StateAt { state: string; at: string | null }

export interface DeviceRow {
  device: string;
  maintenance: string;
  latest: StateAt;
  furthest: StateAt;
  reached: Record<string, string>;
  deferrals: { count: number; until: string | null };
  deadline: string | null;
  pastDeadline: boolean;
  lastSeen: string | null;
  offline: boolean;
  zone: string | null;
  /** Reported by the agent; absent on servers that do not know device groups yet. */
  groups?: string[];
  tags?: string[];
}

export interface Funnel {
  maintenance: string;
  targeted: number;
  delivered: number;
  notified: number;
  responded: number;
  acknowledged: number;
  deferred: number;
  restartStarted: number;
  completed: number;
  failed: number;
  pastDeadline: number;
  offline: number;
}

export interface ComplianceReport { fleet: string; at: string; funnels: Funnel[]; devices: DeviceRow[] }

export interface TimelineEvent {
  id: string;
  type: string;
  at: string;
  maintenance: string | null;
  receivedAt: string;
  [field: string]: unknown;
}

export interface Timeline { fleet: string; device: string; lastSeen: string | null; events: TimelineEvent[] }

export interface FeedbackItem { id: string; device: string; at: string; maintenance: string | null; text: string | null; contact: string | null }

/** The filters as the form holds them; empty strings mean "any". */
export interface Filters { state: string; maintenance: string; group: string; minDeferrals: string; lastSeenBefore: string }

export const NO_FILTERS: Filters = { state: '', maintenance: '', group: '', minDeferrals: '', lastSeenBefore: '' };
