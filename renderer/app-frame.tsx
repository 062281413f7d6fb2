// The frame around every view: a banner with the tray's status, the page navigation (left out where the
// view may not be left), the main region, and a note when restarts are only recorded (dry run).
import type { ViewName } from '../core/agent-api.js';
import type { UiMessageId } from '../core/messages/index.js';
import { useView } from './view-context.js';

const NAV: Array<{ view: ViewName; label: UiMessageId }> = [
  { view: 'status', label: 'ui.status.title' },
  { view: 'how-we-patch', label: 'policy.title' },
  { view: 'help', label: 'help.title' },
  { view: 'feedback', label: 'feedback.title' },
];

export function AppFrame({ dismissible, children }: { dismissible: boolean; children: React.ReactNode }) {
  const { snapshot, ui, route, navigate } = useView();
  return (
    <div className="app">
      <header className="banner">
        <span className="brand">Forewarn</span>
        <span className="tray-status" data-status={snapshot.tray.status}>{snapshot.tray.label}</span>
      </header>
      {dismissible && (
        <nav aria-label={ui.t('ui.nav')} className="pages">
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <a
                  href={`#/${item.view}`}
                  aria-current={route.view === item.view ? 'page' : undefined}
                  onClick={(e) => { e.preventDefault(); navigate({ view: item.view }); }}
                >{ui.t(item.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main className="view">{children}</main>
      {snapshot.dryRun && <footer className="dry-run"><p>{ui.t('ui.result.dryRun')}</p></footer>}
    </div>
  );
}
