// The dashboard: sign-in, then the fleet's maintenances (funnels), the filterable device table with its
// timeline, and feedback. Any 401 ends the session and returns to sign-in with the reason.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getCompliance, getFeedback, getTimeline, UnauthorizedError } from './api.js';
import { NO_FILTERS, type ComplianceReport, type DeviceRow, type FeedbackItem, type Filters, type Timeline } from './api-types.js';
import { clearSession, loadSession, saveSession, type Session } from './session.js';
import { formatTime } from './format.js';
import { SignInForm } from './sign-in-form.js';
import { FunnelCard } from './funnel-card.js';
import { DeviceFilters } from './device-filters.js';
import { DeviceTable, openerId } from './device-table.js';
import { DeviceTimeline } from './device-timeline.js';
import { FeedbackList } from './feedback-list.js';
import { CsvDownloadButton } from './csv-download-button.js';

const initialFleet = (): string => new URLSearchParams(window.location.search).get('fleet') ?? '';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [signInMessage, setSignInMessage] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [maintenances, setMaintenances] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [feedback, setFeedback] = useState<FeedbackItem[] | null>(null);
  const [selected, setSelected] = useState<{ row: DeviceRow; timeline: Timeline | null } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<string | null>(null);
  // Answers can land out of order or after sign-out. Each compliance request takes the next number and only the
  // latest may show; sign-out moves both counters on, so nothing asked before it reaches the next session.
  const latestLoad = useRef(0);
  const epoch = useRef(0);

  const signOut = useCallback((message: string) => {
    epoch.current++;
    latestLoad.current++;
    clearSession();
    setSession(null);
    setReport(null);
    setMaintenances([]);
    setGroups([]);
    setFeedback(null);
    setSelected(null);
    setFilters(NO_FILTERS);
    setStatus('');
    setError(null);
    setSignInMessage(message);
  }, []);

  const fail = useCallback((e: unknown) => {
    if (e instanceof UnauthorizedError) return signOut('Your admin token was refused (401). Sign in again with a valid token.');
    setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    setStatus('');
  }, [signOut]);

  const learn = (r: ComplianceReport, f: Filters) => {
    // The maintenance and group choices come from what the server reported without narrowing them away.
    if (!f.maintenance) setMaintenances(r.funnels.map((x) => x.maintenance));
    setGroups((known) => [...new Set([...known, ...r.devices.flatMap((d) => d.groups ?? [])])].sort());
  };

  /** Feedback for the session signed in now; dropped if the session ended before it came. */
  const loadFeedback = useCallback((s: Session) => {
    const mine = epoch.current;
    getFeedback(s).then((items) => { if (mine === epoch.current) setFeedback(items); },
      (e: unknown) => { if (mine === epoch.current) fail(e); });
  }, [fail]);

  const load = useCallback(async (s: Session, f: Filters) => {
    const mine = ++latestLoad.current;
    setStatus('Loading compliance…');
    setError(null);
    try {
      const r = await getCompliance(s, f);
      if (mine !== latestLoad.current) return; // a later filter (or sign-out) superseded this answer
      setReport(r);
      learn(r, f);
      setStatus(`Showing ${r.devices.length} ${r.devices.length === 1 ? 'row' : 'rows'} for ${r.fleet}, as of ${formatTime(r.at)}.`);
    } catch (e) {
      if (mine === latestLoad.current) fail(e);
    }
  }, [fail]);

  // A session restored from sessionStorage (a reload of the tab) loads straight away; only on session change.
  useEffect(() => {
    if (session && report === null) {
      void load(session, filters);
      loadFeedback(session);
    }
  }, [session]);

  const signIn = async (candidate: Session) => {
    setSigningIn(true);
    setSignInMessage(null);
    const mine = ++latestLoad.current;
    try {
      const r = await getCompliance(candidate, NO_FILTERS);
      if (mine !== latestLoad.current) return;
      saveSession(candidate);
      setReport(r);
      learn(r, NO_FILTERS);
      setStatus(`Signed in to ${r.fleet}. Showing ${r.devices.length} rows.`);
      setSession(candidate);
      loadFeedback(candidate);
    } catch (e) {
      if (mine !== latestLoad.current) return;
      setSignInMessage(e instanceof UnauthorizedError
        ? 'That admin token was not accepted (401). Check the token and the fleet id, then try again.'
        : e instanceof Error ? e.message : String(e));
    } finally {
      setSigningIn(false);
    }
  };

  const apply = (f: Filters) => {
    setFilters(f);
    if (session) void load(session, f);
  };

  const open = async (row: DeviceRow) => {
    if (!session) return;
    opener.current = openerId(row);
    setSelected({ row, timeline: null });
    const mine = epoch.current;
    try {
      const timeline = await getTimeline(session, row.device);
      if (mine === epoch.current) setSelected((cur) => (cur?.row === row ? { row, timeline } : cur));
    } catch (e) {
      if (mine === epoch.current) fail(e);
    }
  };

  const closeTimeline = () => {
    setSelected(null);
    // Back to the button that opened it, so the keyboard user keeps their place in the table.
    const id = opener.current;
    if (id) setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  return (
    <>
      <a className="skip-link" href="#main">Skip to main content</a>
      <header className="top">
        <h1>Forewarn <span className="subtitle">fleet compliance</span></h1>
        {session && (
          <div className="who">
            <span>Fleet <strong>{session.fleet}</strong></span>
            <button type="button" onClick={() => signOut('You signed out. The token was removed from this tab.')}>Sign out</button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <p role="status" aria-live="polite" className="status">{status}</p>
        {error && <p role="alert" className="error banner">{error}</p>}
        {!session && <SignInForm initialFleet={initialFleet()} message={signInMessage} busy={signingIn} onSignIn={(s) => void signIn(s)} />}
        {session && (
          <>
            <section aria-labelledby="maintenances-title">
              <h2 id="maintenances-title">Maintenances</h2>
              {report && report.funnels.length === 0 && <p>No maintenance in the current schedule.</p>}
              <div className="funnels">{report?.funnels.map((f) => <FunnelCard key={f.maintenance} funnel={f} />)}</div>
            </section>
            <section aria-labelledby="devices-title" className="card">
              <div className="section-head">
                <h2 id="devices-title">Devices</h2>
                <CsvDownloadButton session={session} filters={filters} onError={fail} onDone={(name) => setStatus(`Downloaded ${name}.`)} />
              </div>
              <DeviceFilters applied={filters} maintenances={maintenances} groups={groups} onApply={apply} />
              {report && <DeviceTable rows={report.devices} fleet={report.fleet} onOpen={(r) => void open(r)} selected={selected?.row.device ?? null} />}
            </section>
            {selected && <DeviceTimeline device={selected.row.device} timeline={selected.timeline} loading={selected.timeline === null} onClose={closeTimeline} />}
            <FeedbackList items={feedback} />
          </>
        )}
      </main>
    </>
  );
}
