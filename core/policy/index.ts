/**
 * The policy engine: plan() decides what a computer shows and when, from the schedule, the computer, the
 * agent's memory and the time; actions.ts holds the pure state changes for what people and the engine do.
 * Other modules import from here only. docs/policy.md explains the rules.
 */
export {
  acknowledge, defer, markCompleted, markPromptShown, markShown, pickRestartTime, recordPlan, restartOptions,
  type DeferChoice, type DeferRefusal, type DeferResult,
} from './actions.js';
export { appliesTo } from './audience.js';
export { isBusy } from './busy.js';
export { POLICY_DEFAULTS, type PolicyDefaults, type PolicySettings } from './defaults.js';
export { plan } from './plan.js';
export { simulateTimeline, type TimelineEntry } from './simulate.js';
export { cadenceOf, phaseAt } from './phases.js';
export { quietHoursEndAt } from './quiet-hours.js';
export { rulesFor, rulesForSchedule, type Rules } from './settings.js';
export { resolveTimes, type ResolvedTimes } from './times.js';
export type {
  AgentState, BusySignals, DeviceContext, MaintenanceState, NoticeDue, NoticeFacts, NoticeKind, Phase, Plan,
  PlanStatus, RestartChoice, RestartPrompt, Stage,
} from './types.js';
