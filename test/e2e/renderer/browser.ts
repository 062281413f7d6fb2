// Real Chromium for the renderer tests: the dashboard tests' launcher and page watcher (CSP violations,
// uncaught errors, axe-core), plus what the views need: opening a view of a preview, axe in light, dark and
// as given, and screenshots named renderer-*.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViewName } from '../../../core/agent-api.js';
import { defaultRendererDir, type Preview } from '../../../cli/preview/index.js';
import { axeViolations, hasChromium, launch, openPage, SCREENSHOTS, type WatchedPage } from '../dashboard/browser.js';

export { axeViolations, hasChromium, launch, type WatchedPage };

/** Whether dist/renderer holds a build (npm run build makes it). */
export const rendererBuilt = (): boolean => existsSync(join(defaultRendererDir(), 'index.html'));

/** Outside CI a missing Chromium skips the suites, and the suite's name says why; with CI set they fail. */
export const skipped = !hasChromium() && !process.env['CI'];
export const title = (what: string): string => (skipped ? `${what}: SKIPPED, /usr/bin/chromium is missing (apt-get install chromium)` : what);

export function requireBrowserAndBuild(): void {
  if (!hasChromium()) throw new Error('/usr/bin/chromium is missing: CI must apt-get install chromium');
  if (!rendererBuilt()) throw new Error(`the views are not built (${defaultRendererDir()}): run \`npm run build\` first (npm test does)`);
}

/** A watched page with the preview's session cookie set (the first URL carries the token once). */
export async function previewPage(browser: Browser, preview: Preview, colorScheme: 'light' | 'dark' = 'light'): Promise<WatchedPage> {
  const watched = await openPage(browser);
  await watched.page.emulateMedia({ colorScheme });
  await watched.page.setViewportSize({ width: 900, height: 900 });
  await watched.page.goto(preview.url);
  return watched;
}

/** Opens a view and waits until it has rendered from a snapshot and moved focus to its heading. */
export async function openView(page: Page, preview: Preview, view: ViewName, params: { maintenance?: string; notice?: string } = {}): Promise<void> {
  await page.goto('about:blank');
  await page.goto(preview.viewUrl(view, params));
  await page.locator(`main [data-view="${view}"]`).waitFor();
  // In-page code as a string: the node-side tsconfig has no DOM types.
  await page.waitForFunction(`document.activeElement !== null && document.activeElement === document.querySelector('main h1')`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `renderer-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
