// The IT dashboard end to end: the built page (dist/dashboard, made by `npm run build`) served by a real fleet
// server on 127.0.0.1, driven in real Chromium. The fleet is filled through the real agent API, and what the
// page shows is compared with what the API answers and with what was posted. In-page code is passed as
// strings: the node-side tsconfig has no DOM types.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { defaultDashboardDir } from '../../../server/routes/dashboard.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../../support/postgres.js';
import { axeBothSchemes, hasChromium, launch, openPage, screenshot, tabUntil, type WatchedPage } from './browser.js';
import {
  DEV_B_ORDER, EXPECTED_PATCH_FUNNEL, FEEDBACK_TEXT, FLEET, GROUPS, PATCH, scriptedFleet, sqliteDir, type ScriptedFleet,
} from './scripted-fleet.js';

const built = existsSync(join(defaultDashboardDir(), 'index.html'));
const pgBin = findPostgresBin();

/** The funnel numbers as the page shows them, by stage key (data-stage) of one maintenance's card. */
async function shownFunnel(page: Page, maintenance: string): Promise<Record<string, number>> {
  const card = page.locator(`section.funnel[data-maintenance="${maintenance}"]`);
  await card.waitFor();
  return card.locator('li[data-stage]').evaluateAll((items) => Object.fromEntries(items.map((li) => [
    li.getAttribute('data-stage'), Number(li.querySelector('.count')?.textContent),
  ])));
}

async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/dashboard/?fleet=${FLEET}`);
  await expect.poll(() => page.getByLabel('Fleet id').inputValue()).toBe(FLEET); // prefilled from ?fleet=
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const deviceIdsInTable = (page: Page) => page.locator('table.devices tbody tr[data-device]').evaluateAll(
  (rows) => rows.map((r) => `${r.getAttribute('data-device')}/${r.querySelector('td')?.textContent}`));

/** Outside CI a missing Chromium skips the suites, and the suite's name says why; with CI set they fail. */
const skipped = !hasChromium() && !process.env['CI'];
const title = (what: string) => (skipped ? `${what}: SKIPPED, /usr/bin/chromium is missing (apt-get install chromium)` : what);

describe.skipIf(skipped)(title('IT dashboard in Chromium (SQLite)'), () => {
  let browser: Browser;
  let fleet: ScriptedFleet;
  let removeDir = () => {};
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('/usr/bin/chromium is missing: CI must apt-get install chromium');
    if (!built) throw new Error(`the dashboard is not built (${defaultDashboardDir()}): run \`npm run build\` first (npm test does)`);
    const tmp = sqliteDir();
    removeDir = tmp.remove;
    fleet = await scriptedFleet({ sqliteDir: tmp.dir });
    browser = await launch();
  });
  afterEach(async () => {
    // Every page of every test: no CSP violation, no uncaught error.
    for (const p of pages.splice(0)) {
      expect(p.cspViolations, 'CSP violations').toEqual([]);
      expect(p.pageErrors, 'uncaught page errors').toEqual([]);
      await p.context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await fleet?.close();
    removeDir();
  });
  const page = async (options?: { acceptDownloads?: boolean }) => {
    const p = await openPage(browser, options);
    pages.push(p);
    return p.page;
  };

  it('serves /dashboard/ with its strict CSP and a build without inline script or style', async () => {
    const res = await fetch(`${fleet.baseUrl}/dashboard/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    // Every <script> has a src (no inline code for the CSP to block), and there is no inline <style>.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/dashboard\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle="/);
    // The assets it names are served, hashed, immutable.
    const js = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${fleet.baseUrl}${js}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(readFileSync(join(defaultDashboardDir(), js.replace('/dashboard/', '')), 'utf8')).toBe(await asset.text());
  });

  it('has a CSP that blocks inline script and style, and a watcher that sees it (so "no violations" means something)', async () => {
    const probe = await openPage(browser); // not in `pages`: its violations are the point
    try {
      const csp = (await fetch(`${fleet.baseUrl}/dashboard/`)).headers.get('content-security-policy')!;
      await probe.page.route(`${fleet.baseUrl}/dashboard/csp-probe`, (route) => route.fulfill({
        status: 200, contentType: 'text/html', headers: { 'content-security-policy': csp },
        body: '<!doctype html><title>probe</title><script>document.title = "ran"</script><p style="color:red">x</p>',
      }));
      await probe.page.goto(`${fleet.baseUrl}/dashboard/csp-probe`);
      expect(await probe.page.title()).toBe('probe'); // the inline script did not run
      await expect.poll(() => probe.cspViolations.join('\n')).toMatch(/script-src/);
      expect(probe.cspViolations.join('\n')).toMatch(/style-src/);
    } finally {
      await probe.context.close();
    }
  });

  it('refuses a wrong token with a clear message and stays on sign-in (axe: 0 violations, light and dark)', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, 'fwa_not-a-real-token');
    await expect.poll(() => p.getByRole('alert').first().textContent()).toMatch(/not accepted \(401\)/);
    expect(await p.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await p.evaluate('sessionStorage.length')).toBe(0); // a refused token is not kept
    await screenshot(p, 'signin-error-light');
    expect(await axeBothSchemes(p)).toEqual({ light: [], dark: [] });
    await p.emulateMedia({ colorScheme: 'dark' });
    await screenshot(p, 'signin-error-dark');
  });

  it('shows each maintenance funnel with the numbers the API gives and the events made (axe: 0 violations)', async () => {
    const api = await (await fetch(`${fleet.baseUrl}/v1/fleets/${FLEET}/compliance`, { headers: { authorization: `Bearer ${fleet.admin}` } })).json() as any;
    const apiPatch = api.funnels.find((f: any) => f.maintenance === PATCH);
    expect(apiPatch).toMatchObject(EXPECTED_PATCH_FUNNEL);
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.getByRole('heading', { name: 'Maintenances' }).waitFor();
    const shown = await shownFunnel(p, PATCH);
    const { maintenance: _m, acknowledged: _a, deferred: _d, ...mainStages } = apiPatch;
    expect(shown).toEqual(mainStages);
    // Acknowledged / deferred are written out under "responded"; every bar has its text.
    const responded = await p.locator(`section.funnel[data-maintenance="${PATCH}"] li[data-stage="responded"]`).textContent();
    expect(responded).toContain(`acknowledged ${EXPECTED_PATCH_FUNNEL.acknowledged}, deferred ${EXPECTED_PATCH_FUNNEL.deferred}`);
    expect(await p.locator(`section.funnel[data-maintenance="${PATCH}"] li[data-stage="delivered"]`).textContent()).toContain('7 of 8 (88%)');
    // Every maintenance of the schedule has a card, as in the API.
    const cards = await p.locator('section.funnel').evaluateAll((s) => s.map((x) => x.getAttribute('data-maintenance')));
    expect(cards).toEqual(api.funnels.map((f: any) => f.maintenance));
    // The table shows every row the API gave.
    await expect.poll(() => p.locator('table.devices tbody tr[data-device]').count()).toBe(api.devices.length);
    expect(await p.locator('table.devices caption').textContent()).toContain(`${api.devices.length} rows`);
    expect(await p.locator('table.devices thead th[scope="col"]').count()).toBeGreaterThanOrEqual(8);
    await screenshot(p, 'main-light');
    expect(await axeBothSchemes(p)).toEqual({ light: [], dark: [] });
    await p.emulateMedia({ colorScheme: 'dark' });
    await screenshot(p, 'main-dark');
  });

  it('filters the device table through the API (state, maintenance, min deferrals, group when the server has groups)', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.locator('table.devices').waitFor();
    const stateRequest = p.waitForRequest((r) => r.url().includes('/compliance?') && r.url().includes('state=completed'));
    await p.getByLabel('State', { exact: true }).selectOption('completed');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    expect(new URL((await stateRequest).url()).searchParams.get('state')).toBe('completed');
    await expect.poll(() => deviceIdsInTable(p)).toEqual([`dev-a/${PATCH}`, `dev-b/${PATCH}`]);
    expect(await p.getByRole('status').textContent()).toMatch(/Showing 2 rows/);

    await p.getByLabel('State', { exact: true }).selectOption('');
    await p.getByLabel('Maintenance', { exact: true }).selectOption(PATCH);
    await p.getByLabel('Deferred at least').fill('1');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => deviceIdsInTable(p)).toEqual([`dev-b/${PATCH}`, `dev-d/${PATCH}`]);

    await p.getByRole('button', { name: 'Clear filters' }).click();
    await p.getByLabel('State', { exact: true }).selectOption('offline');
    await p.getByLabel('Maintenance', { exact: true }).selectOption(PATCH);
    await p.getByLabel('Last seen before (UTC)').fill('2026-12-05T00:00');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => deviceIdsInTable(p)).toEqual(['dev-a', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'dev-h'].map((d) => `${d}/${PATCH}`));

    if (fleet.groupsAccepted) {
      await p.getByRole('button', { name: 'Clear filters' }).click();
      await p.getByLabel('Maintenance', { exact: true }).selectOption(PATCH);
      await p.getByLabel('Group', { exact: true }).fill('finance');
      await p.getByRole('button', { name: 'Apply filters' }).click();
      const finance = Object.entries(GROUPS).filter(([, g]) => g.includes('finance')).map(([d]) => `${d}/${PATCH}`);
      await expect.poll(() => deviceIdsInTable(p)).toEqual(finance);
      expect(await p.locator('table.devices thead th', { hasText: 'Groups' }).count()).toBe(1);
      expect(await p.locator('table.devices tbody tr[data-device="dev-a"] td').last().textContent()).toBe('finance');
    } else {
      console.warn('dashboard e2e: the server does not take device groups yet; the group filter was not exercised');
    }
  });

  it('shows the latest filter\'s rows when an earlier filter\'s answer arrives last', async () => {
    const p = await page({ acceptDownloads: true });
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.locator('table.devices').waitFor();
    // Filter A (state=completed) is held at the network until filter B has been answered and shown.
    const isA = (url: string) => url.includes('/compliance?') && new URL(url).searchParams.get('state') === 'completed';
    let releaseA = () => {};
    const heldA = new Promise<void>((resolve) => { releaseA = resolve; });
    await p.route((url) => isA(url.href), async (route) => {
      await heldA;
      await route.continue();
    });
    const requestA = p.waitForRequest((r) => isA(r.url()));
    await p.getByLabel('State', { exact: true }).selectOption('completed');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await requestA;
    await p.getByLabel('State', { exact: true }).selectOption('');
    await p.getByLabel('Maintenance', { exact: true }).selectOption(PATCH);
    await p.getByLabel('Deferred at least').fill('1');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    const rowsB = [`dev-b/${PATCH}`, `dev-d/${PATCH}`];
    await expect.poll(() => deviceIdsInTable(p)).toEqual(rowsB);
    // Now A's answer lands, last.
    const finishedA = p.waitForEvent('requestfinished', (r) => isA(r.url()));
    releaseA();
    await finishedA;
    await p.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 250)))'); // let the page act on it
    expect(await deviceIdsInTable(p)).toEqual(rowsB);
    expect(await p.getByLabel('State', { exact: true }).inputValue()).toBe('');
    expect(await p.getByLabel('Maintenance', { exact: true }).inputValue()).toBe(PATCH);
    // The CSV export asks for what the table shows.
    const csvRequest = p.waitForRequest((r) => r.url().includes('/compliance.csv'));
    const downloading = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Download CSV' }).click();
    const [csv] = await Promise.all([csvRequest, downloading]);
    const q = new URL(csv.url()).searchParams;
    expect([q.get('state'), q.get('maintenance'), q.get('minDeferrals')]).toEqual([null, PATCH, '1']);
  });

  it('drops an answer that arrives after sign-out, and starts the next sign-in with nothing of the last one', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.locator('table.devices').waitFor();
    const suggestions = p.locator('form.filters datalist option');
    if (fleet.groupsAccepted) await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    // A filter's answer is held until after sign-out.
    const isHeld = (url: string) => url.includes('/compliance?') && new URL(url).searchParams.get('state') === 'completed';
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await p.route((url) => isHeld(url.href), async (route) => {
      await held;
      await route.continue();
    });
    const heldRequest = p.waitForRequest((r) => isHeld(r.url()));
    await p.getByLabel('State', { exact: true }).selectOption('completed');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await heldRequest;
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
    const finished = p.waitForEvent('requestfinished', (r) => isHeld(r.url()));
    release();
    await finished;
    await p.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 250)))');
    expect(await p.getByRole('status').textContent()).toBe(''); // no "Showing 2 rows" on the sign-in page
    expect(await p.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    // Sign in again (same page, no reload) to a fleet view whose devices carry no groups: no suggestion from before.
    await p.route((url) => url.pathname.endsWith('/compliance') && url.search === '', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { devices: Array<Record<string, unknown>> };
      await route.fulfill({ response, json: { ...body, devices: body.devices.map((d) => ({ ...d, groups: [] })) } });
    });
    await p.getByLabel('Fleet id').fill(FLEET);
    await p.getByLabel('Admin token').fill(fleet.admin);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.locator('table.devices').waitFor();
    expect(await suggestions.count()).toBe(0);
    expect(await p.getByLabel('State', { exact: true }).inputValue()).toBe('');
  });

  it('opens a device timeline with the events in the order they happened (axe: 0 violations)', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.getByLabel('Maintenance', { exact: true }).selectOption(PATCH);
    await p.getByRole('button', { name: 'Apply filters' }).click();
    // Until the filtered answer arrives the table still lists dev-b once per maintenance: wait for one row.
    await expect.poll(() => p.getByRole('button', { name: 'dev-b', exact: true }).count()).toBe(1);
    await p.getByRole('button', { name: 'dev-b', exact: true }).click();
    await p.getByRole('heading', { name: 'Timeline of dev-b' }).waitFor();
    await expect.poll(() => p.locator('#timeline li.event').count()).toBe(DEV_B_ORDER.length);
    expect(await p.locator('#timeline li.event').evaluateAll((li) => li.map((x) => x.getAttribute('data-type')))).toEqual(DEV_B_ORDER);
    const times = await p.locator('#timeline li.event time').evaluateAll((t) => t.map((x) => x.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort((a, b) => Date.parse(a) - Date.parse(b)));
    const firstDeferral = p.locator('#timeline li.event[data-type="deferred"]').first();
    expect(await firstDeferral.textContent()).toContain('choice: 1h');
    expect(await firstDeferral.textContent()).toContain(PATCH);
    expect(await p.evaluate('document.activeElement?.id')).toBe('timeline-title'); // focus moved to what opened
    await screenshot(p, 'timeline-light');
    expect(await axeBothSchemes(p)).toEqual({ light: [], dark: [] });
    await p.emulateMedia({ colorScheme: 'dark' });
    await screenshot(p, 'timeline-dark');
  });

  it('lists the feedback people sent', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    const feedback = p.getByRole('region', { name: 'Feedback' });
    await expect.poll(() => feedback.locator('blockquote').allTextContents()).toEqual([FEEDBACK_TEXT]);
    expect(await feedback.textContent()).toContain('dev-f');
    expect(await feedback.textContent()).toContain('f.user@acme.example');
  });

  it('downloads the filtered CSV with the Bearer header, under the server-given file name', async () => {
    const p = await page({ acceptDownloads: true });
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.getByLabel('State', { exact: true }).selectOption('completed');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => p.locator('table.devices tbody tr[data-device]').count()).toBe(2);
    const csvRequest = p.waitForRequest((r) => r.url().includes('/compliance.csv'));
    const downloading = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Download CSV' }).click();
    const [request, download] = await Promise.all([csvRequest, downloading]);
    expect(await request.headerValue('authorization')).toBe(`Bearer ${fleet.admin}`);
    expect(new URL(request.url()).searchParams.get('state')).toBe('completed');
    expect(download.suggestedFilename()).toBe(`${FLEET}-compliance.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^device,maintenance,latest_state,latest_at,furthest_state,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([`dev-a,${PATCH},completed`, `dev-b,${PATCH},completed`]);
    await expect.poll(() => p.getByRole('status').textContent()).toBe(`Downloaded ${FLEET}-compliance.csv.`);
  });

  it('is usable by keyboard alone: skip link, sign-in, a filter, a timeline and back', async () => {
    const p = await page();
    await p.goto(`${fleet.baseUrl}/dashboard/?fleet=${FLEET}`);
    await p.getByLabel('Fleet id').waitFor();
    // The first Tab lands on the skip link; Enter moves focus to the main content.
    expect(await tabUntil(p, (el) => el.text === 'Skip to main content', 1)).toBe(1);
    await p.keyboard.press('Enter');
    expect(await p.evaluate('document.activeElement?.id')).toBe('main');
    await tabUntil(p, (el) => el.name === 'Fleet id', 3);
    await tabUntil(p, (el) => el.name === 'Admin token', 2);
    await p.keyboard.type(fleet.admin);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Maintenances' }).waitFor();
    // Filter: State (select by keyboard), then Apply.
    await p.locator('body').focus();
    await tabUntil(p, (el) => el.name === 'State');
    await p.keyboard.type('Completed'); // type-ahead picks the option on a closed select
    expect(await p.getByLabel('State', { exact: true }).inputValue()).toBe('completed');
    await tabUntil(p, (el) => el.tag === 'button' && el.text === 'Apply filters', 16);
    await p.keyboard.press('Enter');
    await expect.poll(() => deviceIdsInTable(p)).toEqual([`dev-a/${PATCH}`, `dev-b/${PATCH}`]);
    // Timeline: Tab to the device button, Enter opens it and focus moves there; Close returns focus.
    await tabUntil(p, (el) => el.tag === 'button' && el.text === 'dev-b', 10);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Timeline of dev-b' }).waitFor();
    await expect.poll(() => p.evaluate('document.activeElement?.id')).toBe('timeline-title');
    await tabUntil(p, (el) => el.text === 'Close timeline', 2);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate('document.activeElement?.textContent')).toBe('dev-b');
    expect(await p.locator('#timeline').count()).toBe(0);
    // The focus ring is visible on a focused button (outline, not colour alone).
    const outline = await p.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
  });

  it('returns to sign-in with a message when the stored token stops working, and signs out cleanly', async () => {
    const p = await page();
    await signIn(p, fleet.baseUrl, fleet.admin);
    await p.getByRole('heading', { name: 'Maintenances' }).waitFor();
    expect(JSON.parse((await p.evaluate<string>("sessionStorage.getItem('forewarn.dashboard.session')")))).toEqual({ fleet: FLEET, token: fleet.admin });
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await p.evaluate('sessionStorage.length')).toBe(0);
    expect(await p.getByRole('alert').first().textContent()).toMatch(/signed out/i);
    // A session whose token the server no longer accepts (revoked, or another fleet's) ends at the first call.
    await p.evaluate(`sessionStorage.setItem('forewarn.dashboard.session', ${JSON.stringify(JSON.stringify({ fleet: FLEET, token: 'fwa_revoked' }))})`);
    await p.reload();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toMatch(/refused \(401\)/);
    expect(await p.evaluate('sessionStorage.length')).toBe(0);
  });
});

describe.skipIf(skipped)(title('IT dashboard in Chromium (PostgreSQL)'), () => {
  if (pgBin === null) {
    const why = 'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
    if (process.env['CI']) it('has PostgreSQL installed (CI installs it)', () => { throw new Error(`${why}: CI must install postgresql`); });
    else it.skip(`${why}: apt-get install postgresql to run this half; with CI set it fails instead`, () => {});
    return;
  }
  let cluster: PostgresCluster | null = null;
  let browser: Browser | null = null;
  let fleet: ScriptedFleet | null = null;
  beforeAll(async () => {
    if (!built) throw new Error(`the dashboard is not built (${defaultDashboardDir()}): run \`npm run build\` first`);
    cluster = await startPostgres(pgBin);
    fleet = await scriptedFleet({ postgresUrl: await cluster.createDatabase() });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await fleet?.close();
    await cluster?.stop();
  });

  it('shows the same funnel from a PostgreSQL-backed server', async () => {
    const watched = await openPage(browser!);
    const p = watched.page;
    await signIn(p, fleet!.baseUrl, fleet!.admin);
    const { acknowledged: _a, deferred: _d, ...mainStages } = EXPECTED_PATCH_FUNNEL;
    expect(await shownFunnel(p, PATCH)).toEqual(mainStages);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await watched.context.close();
  });
});

