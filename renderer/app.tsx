// The app shell: finds the bridge, keeps the latest snapshot (re-rendering on 'snapshot-changed'), picks the
// view from the URL hash and switches on 'open-view', sets lang/dir from the snapshot's locale, moves focus to
// the view's heading, and lets Escape leave a view that may be dismissed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgentBridge, Snapshot, ViewRequestArg } from '../core/agent-api.js';
import { formatDateTime, formatDuration, formatRelative, formatTime, uiText } from '../core/messages/index.js';
import { waitForBridge } from './bridge.js';
import { parseRoute, routeHash } from './route.js';
import { ViewContextValue, type Formatters, type ViewContext } from './view-context.js';
import { ViewSwitch, isDismissible } from './view-switch.js';
import { AppFrame } from './app-frame.js';

type Loaded = { bridge: AgentBridge; snapshot: Snapshot; receivedAt: number };

export function App() {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [route, setRoute] = useState<ViewRequestArg>(() => parseRoute(window.location.hash));
  const [tick, setTick] = useState(() => performance.now());

  // The bridge and the first snapshot, then every pushed one.
  useEffect(() => {
    let off: Array<() => void> = [];
    let cancelled = false;
    void (async () => {
      try {
        const bridge = await waitForBridge();
        off.push(bridge.on('snapshot-changed', (snapshot) => setLoaded({ bridge, snapshot, receivedAt: performance.now() })));
        off.push(bridge.on('open-view', (request) => { window.location.hash = routeHash(request); }));
        const snapshot = await bridge.getSnapshot();
        if (!cancelled) setLoaded((cur) => cur ?? { bridge, snapshot, receivedAt: performance.now() });
      } catch (err) {
        if (!cancelled) setFailure(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      cancelled = true;
      for (const f of off) f();
      off = [];
    };
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // One tick a second drives the live countdowns; nothing else re-renders on it.
  useEffect(() => {
    const id = setInterval(() => setTick(performance.now()), 1000);
    return () => clearInterval(id);
  }, []);

  const locale = loaded?.snapshot.locale ?? navigator.language;
  const ui = useMemo(() => uiText(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = ui.locale;
    document.documentElement.dir = ui.dir;
  }, [ui]);

  const navigate = useCallback((next: ViewRequestArg) => { window.location.hash = routeHash(next); }, []);
  const accept = useCallback((snapshot: Snapshot) => {
    setLoaded((cur) => (cur === undefined ? cur : { ...cur, snapshot, receivedAt: performance.now() }));
  }, []);

  const ctx: ViewContext | undefined = useMemo(() => {
    if (loaded === undefined) return undefined;
    const { snapshot } = loaded;
    // The plan's clock runs on between snapshots, at the preview's speed when it has one.
    const now = snapshot.at + Math.max(0, tick - loaded.receivedAt) * (snapshot.rate ?? 1);
    const base = { locale: snapshot.locale, zone: snapshot.zone, now };
    const fmt: Formatters = {
      dateTime: (t) => formatDateTime(t, base),
      time: (t) => formatTime(t, base),
      relative: (t) => formatRelative(t, base),
      duration: (s) => formatDuration(Math.max(0, s), base),
    };
    return { snapshot, bridge: loaded.bridge, ui, fmt, now, route, navigate, accept };
  }, [loaded, tick, ui, route, navigate, accept]);

  // Focus the new view's heading when the view (not just the snapshot) changes.
  const viewKey = `${route.view}|${route.maintenance ?? ''}|${route.notice ?? ''}|${ctx === undefined ? 'loading' : 'ready'}`;
  const lastKey = useRef('');
  useEffect(() => {
    if (lastKey.current === viewKey) return;
    lastKey.current = viewKey;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [viewKey]);

  // Escape leaves a dismissible view for the status; the final countdown cannot be dismissed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || ctx === undefined || route.view === 'status') return;
      if (!isDismissible(route, ctx.snapshot)) return;
      e.preventDefault();
      navigate({ view: 'status' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx, route, navigate]);

  if (ctx === undefined) {
    return (
      <main className="view" aria-busy={failure === undefined}>
        <h1 tabIndex={-1} className="view-heading">{failure === undefined ? ui.t('ui.loading') : ui.t('ui.noAgent')}</h1>
        {failure !== undefined && <p className="detail">{failure}</p>}
      </main>
    );
  }
  return (
    <ViewContextValue.Provider value={ctx}>
      <AppFrame dismissible={isDismissible(route, ctx.snapshot)}>
        <ViewSwitch route={route} />
      </AppFrame>
    </ViewContextValue.Provider>
  );
}
