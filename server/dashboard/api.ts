// Calls to the IT API, same origin, with the admin token as a Bearer header. A 401 is its own error type so
// the app can send IT back to sign-in; other failures carry the server's message.
import type { ComplianceReport, FeedbackItem, Filters, Timeline } from './api-types.js';
import type { Session } from './session.js';

export class UnauthorizedError extends Error {}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const fleetPath = (session: Session): string => `/v1/fleets/${encodeURIComponent(session.fleet)}`;

async function call(session: Session, path: string, accept: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${session.token}`, accept }, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'The fleet server could not be reached. Check the connection and try again.');
  }
  if (res.status === 401) throw new UnauthorizedError('The admin token was not accepted (401 unauthorized).');
  if (!res.ok) {
    let message = res.statusText;
    try {
      const body = (await res.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch { /* not JSON: keep the status text */ }
    throw new ApiError(res.status, `The server answered ${res.status}: ${message}`);
  }
  return res;
}

/** The compliance query string: only the filters that are set, in the API's names. */
export function complianceQuery(filters: Filters): string {
  const q = new URLSearchParams();
  if (filters.maintenance) q.set('maintenance', filters.maintenance);
  if (filters.state) q.set('state', filters.state);
  if (filters.group.trim()) q.set('group', filters.group.trim());
  if (filters.minDeferrals.trim()) q.set('minDeferrals', filters.minDeferrals.trim());
  // The form's date-time is read as UTC (its label says so), so every IT person sees the same cut-off.
  if (filters.lastSeenBefore) q.set('lastSeenBefore', `${filters.lastSeenBefore.length === 16 ? `${filters.lastSeenBefore}:00` : filters.lastSeenBefore}Z`);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function getCompliance(session: Session, filters: Filters): Promise<ComplianceReport> {
  return (await call(session, `${fleetPath(session)}/compliance${complianceQuery(filters)}`, 'application/json')).json() as Promise<ComplianceReport>;
}

export async function getTimeline(session: Session, device: string): Promise<Timeline> {
  return (await call(session, `${fleetPath(session)}/devices/${encodeURIComponent(device)}/timeline`, 'application/json')).json() as Promise<Timeline>;
}

export async function getFeedback(session: Session): Promise<FeedbackItem[]> {
  const body = (await (await call(session, `${fleetPath(session)}/feedback`, 'application/json')).json()) as { feedback: FeedbackItem[] };
  return body.feedback;
}

/** The CSV as a Blob and the file name the server gave in content-disposition. */
export async function getComplianceCsv(session: Session, filters: Filters): Promise<{ blob: Blob; filename: string }> {
  const res = await call(session, `${fleetPath(session)}/compliance.csv${complianceQuery(filters)}`, 'text/csv');
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return { blob: await res.blob(), filename: match?.[1] ?? `${session.fleet}-compliance.csv` };
}
