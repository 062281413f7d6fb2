/**
 * The plain words for what went wrong, as the views show them: why an action was refused (ActionError) and why
 * the agent cannot show the schedule (AgentError, the status view). In the reader's language; the technical
 * specifics go in `detail`, which stays English for IT.
 */
import type { ActionErrorCode, AgentErrorKind } from '../agent-api.js';
import type { MessageId } from './catalogs/types.js';
import type { FormatContext } from './dates.js';
import { formatMessage } from './format.js';

/** Why an action was refused (an ActionError code), or that a help link is not one the schedule lists. */
export type RefusalReason = Exclude<ActionErrorCode, 'invalid-argument'> | 'link-not-offered';

const REFUSALS: Record<RefusalReason, MessageId> = {
  'unknown-maintenance': 'refusal.unknownMaintenance',
  'not-pending': 'refusal.notPending',
  'no-deferrals-left': 'refusal.noDeferralsLeft',
  'not-offered': 'refusal.notOffered',
  'link-not-offered': 'refusal.linkNotOffered',
  'no-schedule': 'refusal.noSchedule',
  'not-running': 'refusal.notRunning',
  'restart-failed': 'refusal.restartFailed',
};

/** The words for a refused action, e.g. "You have put this restart off as many times as allowed." */
export function refusalText(reason: RefusalReason, ctx: FormatContext): string {
  return formatMessage(REFUSALS[reason] ?? 'refusal.notOffered', {}, ctx);
}

/**
 * Which words an AgentError gets: its kind, except a new schedule the server offered that failed verification
 * ('rejected-update': the last good one stays in use), which is a 'rejected-schedule' error with other words.
 */
export type AgentErrorText = AgentErrorKind | 'rejected-update';

const AGENT_ERRORS: Record<AgentErrorText, MessageId> = {
  store: 'error.store',
  'no-config': 'error.noConfig',
  'no-schedule': 'error.noSchedule',
  'expired-schedule': 'error.expiredSchedule',
  'rejected-schedule': 'error.rejectedSchedule',
  'rejected-update': 'error.rejectedUpdate',
  enrollment: 'error.enrollment',
};

/** The plain-language message of an AgentError, e.g. "No update schedule yet. Trying again soon." */
export function agentErrorText(text: AgentErrorText, ctx: FormatContext): string {
  return formatMessage(AGENT_ERRORS[text], {}, ctx);
}
