// What a maintenance is about, from the signed schedule: summary, when, the steps to take, its links. `brief`
// leaves out the title and summary where the view above already says them (a notice's body includes them).
import type { MaintenanceView } from '../core/agent-api.js';
import { HelpLink } from './help-link.js';
import { useView } from './view-context.js';

export function MaintenanceDetails({ maintenance, brief = false }: { maintenance: MaintenanceView; brief?: boolean }) {
  const { ui, fmt } = useView();
  const Steps = brief ? 'h2' : 'h3';
  return (
    <section className="card" {...(brief ? { 'aria-label': maintenance.title } : { 'aria-labelledby': `m-${maintenance.id}` })}>
      {!brief && <h2 id={`m-${maintenance.id}`} dir="auto">{maintenance.title}</h2>}
      {!brief && maintenance.summary !== undefined && <p dir="auto">{maintenance.summary}</p>}
      <p className="when">{ui.t('ui.window', { start: fmt.dateTime(maintenance.start), end: fmt.dateTime(maintenance.end) })}</p>
      {maintenance.steps.length > 0 && (
        <>
          <Steps>{ui.t('ui.steps')}</Steps>
          <ol className="steps">{maintenance.steps.map((s, i) => <li key={i} dir="auto">{s}</li>)}</ol>
        </>
      )}
      {maintenance.links.length > 0 && (
        <ul className="links">
          {maintenance.links.map((l) => <li key={l.url} dir="auto"><HelpLink url={l.url}>{l.label}</HelpLink></li>)}
        </ul>
      )}
    </section>
  );
}
