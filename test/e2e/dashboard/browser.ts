// Real Chromium (Debian's /usr/bin/chromium) through playwright-core, plus what every dashboard page is
// checked for: CSP violations and uncaught errors, axe-core in light and dark, screenshots to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = '/usr/bin/chromium';
/** ENVIRONMENT.md's flags for Chromium as root on a headless CI machine. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const SCREENSHOTS = join(new URL('../../..', import.meta.url).pathname, 'test-results', 'screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** CSP violations seen by the page (securitypolicyviolation events and console reports). */
  cspViolations: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
}

/** A fresh context (its own sessionStorage) and page, watched for CSP violations and uncaught errors. */
export async function openPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  // Injected by the driver (not subject to the page's CSP), before any page script runs.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI);
  });`);
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('CSP-VIOLATION') || /Content Security Policy/i.test(text)) cspViolations.push(text);
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  return { page, context, cspViolations, pageErrors };
}

/** axe-core with every rule it has (WCAG A/AA and best practices); returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe in light and in dark colour scheme (contrast differs), ending back in light. */
export async function axeBothSchemes(page: Page): Promise<Record<'light' | 'dark', string[]>> {
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeViolations(page);
  return { light, dark };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `dashboard-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Presses Tab until the focused element matches, at most `max` times; returns how many presses it took. */
export async function tabUntil(page: Page, matches: (el: { tag: string; name: string; text: string }) => boolean, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate<{ tag: string; name: string; text: string }>(`(() => {
      const a = document.activeElement;
      const label = a && a.id ? (document.querySelector('label[for="' + CSS.escape(a.id) + '"]') || {}).textContent || '' : '';
      return { tag: a ? a.tagName.toLowerCase() : '', name: label || (a && a.getAttribute('aria-label')) || '', text: ((a && a.textContent) || '').trim() };
    })()`);
    if (matches(el)) return i;
  }
  throw new Error(`Tab never reached the element after ${max} presses`);
}
