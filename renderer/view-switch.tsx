// Which component shows which view, and which views a person may leave.
import type { Snapshot, ViewRequestArg } from '../core/agent-api.js';
import { AdvanceNoticeView } from './views/advance-notice-view.js';
import { FinalCountdownView } from './views/final-countdown-view.js';
import { HelpView } from './views/help-view.js';
import { HowWePatchView } from './views/how-we-patch-view.js';
import { IncidentNoticeView } from './views/incident-notice-view.js';
import { ReportProblemView } from './views/report-problem-view.js';
import { RestartPromptView } from './views/restart-prompt-view.js';
import { StatusView } from './views/status-view.js';

export function ViewSwitch({ route }: { route: ViewRequestArg }) {
  switch (route.view) {
    case 'notice': return <AdvanceNoticeView />;
    case 'restart-prompt': return <RestartPromptView />;
    case 'countdown': return <FinalCountdownView />;
    case 'how-we-patch': return <HowWePatchView />;
    case 'help': return <HelpView />;
    case 'incident': return <IncidentNoticeView />;
    case 'feedback': return <ReportProblemView />;
    case 'status': return <StatusView />;
  }
}

/** The final countdown, and a restart prompt the policy made non-dismissible, cannot be closed or left. */
export function isDismissible(route: ViewRequestArg, snapshot: Snapshot): boolean {
  if (route.view === 'countdown') return false;
  if (route.view === 'restart-prompt' && snapshot.prompt !== undefined && !snapshot.prompt.dismissible) return false;
  return true;
}
