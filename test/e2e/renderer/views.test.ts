// Every view of the agent, as people see it: the built renderer (dist/renderer) in real Chromium, served by the
// REAL preview (real engine and fleet server) at the moments that show each view, in English and in Arabic.
// Each view: renders its content from the snapshot, has 0 axe-core violations in light and dark (and in Arabic,
// right to left), no CSP violation or page error, and is saved as test-results/screenshots/renderer-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViewName } from '../../../core/agent-api.js';
import { axeViolations, launch, openView, previewPage, requireBrowserAndBuild, screenshot, skipped, title, type WatchedPage } from './browser.js';
import { PATCH, PHISHING, startScene, type SceneName, type SceneRun } from './scenes.js';

interface ViewCase {
  view: ViewName;
  scene: SceneName;
  params?: { maintenance?: string };
  /** What the English view must show (its own words or the schedule's). */
  shows: RegExp[];
}

const CASES: ViewCase[] = [
  { view: 'incident', scene: 'incident', params: { maintenance: PHISHING }, shows: [/I have read this/, /Report button in Outlook/] },
  { view: 'notice', scene: 'advance', params: { maintenance: PATCH }, shows: [/^Coming in 4 hours: Monthly updates/, /OK, got it/, /Leave your laptop on/, /From Tuesday, December 8 at 10:00 PM/] },
  { view: 'restart-prompt', scene: 'prompt', shows: [/Time to restart/, /Time left:/, /Deadline:/, /You can put it off 3 more times/, /Remind me in 4 hours/, /Pick a time/] },
  { view: 'countdown', scene: 'countdown', shows: [/Restarting soon/, /Your computer will restart at/, /Restart now/] },
  { view: 'how-we-patch', scene: 'prompt', shows: [/How we keep your computer up to date/, /second Tuesday/] },
  { view: 'help', scene: 'prompt', shows: [/Common questions/, /IT Service Desk/, /Phone: \+1 555 0100/, /IT status page/] },
  { view: 'feedback', scene: 'prompt', shows: [/Tell IT about a problem/, /Your message/, /Email or phone/] },
  { view: 'status', scene: 'prompt', shows: [/Am I up to date\?/, /Please restart your computer/, /Plan version 1/, /Last checked/] },
];

describe.skipIf(skipped)(title('the views in Chromium, against the real preview'), () => {
  let browser: Browser;
  const scenes = new Map<string, SceneRun>();
  const scene = async (name: SceneName, locale: string): Promise<SceneRun> => {
    const key = `${name}|${locale}`;
    let run = scenes.get(key);
    if (run === undefined) {
      run = await startScene(name, locale);
      scenes.set(key, run);
    }
    return run;
  };

  beforeAll(async () => {
    requireBrowserAndBuild();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const run of scenes.values()) await run.stop();
  });

  /** Opens the view, waiting for the scene's moment (the advance notice comes five seconds of plan time in). */
  async function show(c: ViewCase, locale: string, scheme: 'light' | 'dark'): Promise<{ watched: WatchedPage; page: Page }> {
    const { preview } = await scene(c.scene, locale);
    if (c.scene === 'advance') {
      await expect.poll(async () => (await preview.engine.getSnapshot()).notices.some((n) => n.kind === 'advance'), { timeout: 30_000 }).toBe(true);
    }
    const watched = await previewPage(browser, preview, scheme);
    await openView(watched.page, preview, c.view, c.params);
    return { watched, page: watched.page };
  }

  async function done(watched: WatchedPage): Promise<void> {
    expect(watched.cspViolations, 'CSP violations').toEqual([]);
    expect(watched.pageErrors, 'uncaught page errors').toEqual([]);
    await watched.context.close();
  }

  it.each(CASES)('$view: renders from the snapshot, 0 axe violations in light and dark', async (c) => {
    const { watched, page } = await show(c, 'en', 'light');
    const text = await page.locator('main').innerText();
    for (const words of c.shows) expect(text).toMatch(words);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await axeViolations(page), 'axe, light').toEqual([]);
    await screenshot(page, `${c.view}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    // The theme follows the OS: the page's background really changes with prefers-color-scheme.
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(21, 23, 26)');
    expect(await axeViolations(page), 'axe, dark').toEqual([]);
    await screenshot(page, `${c.view}-dark`);
    await done(watched);
  });

  it.each(CASES)('$view: Arabic, right to left, 0 axe violations in light and dark', async (c) => {
    const { watched, page } = await show(c, 'ar', 'light');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The views' own words are Arabic too (no English chrome left behind): the navigation, where there is one.
    const nav = page.locator('nav');
    if (await nav.count() > 0) expect(await nav.getAttribute('aria-label')).toBe('الصفحات');
    // Right to left for real: the heading starts at the right edge of the column.
    const box = await page.locator('main h1').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(box !== null && main !== null && Math.abs(box.x + box.width - (main.x + main.width)) < 2).toBe(true);
    expect(await axeViolations(page), 'axe, Arabic light').toEqual([]);
    await screenshot(page, `${c.view}-ar`);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page), 'axe, Arabic dark').toEqual([]);
    await done(watched);
  });

  it('final countdown cannot be dismissed: no navigation, no close or later control, Escape stays', async () => {
    const c = CASES.find((x) => x.view === 'countdown')!;
    const { watched, page } = await show(c, 'en', 'light');
    expect(await page.locator('nav').count()).toBe(0);
    const buttons = await page.locator('main button').allInnerTexts();
    expect(buttons).toEqual(['Restart now']);
    await page.keyboard.press('Escape');
    expect(await page.locator('main [data-view="countdown"]').count()).toBe(1);
    await done(watched);
  });

  it('countdown: shown every second, but read out at a polite pace (the live region does not tick)', async () => {
    const c = CASES.find((x) => x.view === 'countdown')!;
    const { watched, page } = await show(c, 'en', 'light');
    const timer = page.locator('[role="timer"]');
    expect(await timer.getAttribute('aria-live')).toBe('polite');
    const seconds = async () => Number(await page.locator('.countdown-time').getAttribute('data-seconds'));
    const before = { seconds: await seconds(), spoken: await timer.innerText() };
    // About 15 minutes are left: the visible count goes down, the spoken one stays "15 minutes".
    expect(before.spoken).toBe('Time left: 15 minutes');
    await expect.poll(seconds, { timeout: 10_000 }).toBeLessThan(before.seconds);
    expect(await timer.innerText()).toBe(before.spoken);
    expect(await page.locator('.countdown-time').getAttribute('aria-hidden')).toBe('true');
    await done(watched);
  });
});
