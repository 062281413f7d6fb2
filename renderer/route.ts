// The view a window shows, read from and written to the URL hash: "#/restart-prompt?maintenance=…&notice=…".
// Main opens a window on such a URL, and the 'open-view' event switches an open window to another view.
import type { ViewName, ViewRequestArg } from '../core/agent-api.js';

/**
 * VIEW_NAMES of core/agent-api.ts, restated: the renderer imports the contract's types only (its runtime is zod).
 * The two checks below fail to compile if the lists ever differ.
 */
export const VIEWS = ['notice', 'restart-prompt', 'countdown', 'how-we-patch', 'help', 'incident', 'feedback', 'status'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameViews: Same<(typeof VIEWS)[number], ViewName> = true;
void sameViews;

/** The view for a hash; an unknown or empty hash shows the status ("Am I up to date?"). */
export function parseRoute(hash: string): ViewRequestArg {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const view = (VIEWS as readonly string[]).includes(path) ? (path as ViewName) : 'status';
  const params = new URLSearchParams(query);
  const route: ViewRequestArg = { view };
  const maintenance = params.get('maintenance');
  const notice = params.get('notice');
  if (maintenance) route.maintenance = maintenance;
  if (notice) route.notice = notice;
  return route;
}

export function routeHash(route: ViewRequestArg): string {
  const params = new URLSearchParams();
  if (route.maintenance !== undefined) params.set('maintenance', route.maintenance);
  if (route.notice !== undefined) params.set('notice', route.notice);
  const query = params.toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
