// The signed-in admin: fleet and token, kept in sessionStorage so they are gone when the tab closes and never
// shared with other tabs or written to disk as a cookie would be.
export interface Session { fleet: string; token: string }

const KEY = 'forewarn.dashboard.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.fleet === 'string' && typeof s.token === 'string' ? { fleet: s.fleet, token: s.token } : null;
  } catch {
    return null; // storage blocked or a damaged entry: sign in again
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The same pattern the server checks (server/http.ts FLEET_ID), so a typo is caught before any request. */
export const FLEET_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
