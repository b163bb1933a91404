import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwrightChromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';

const require = createRequire(import.meta.url);

/** Where screenshots go; git-ignored, kept by CI as test artifacts. */
export const artifactsDir = path.resolve(import.meta.dirname, '../../test-artifacts');

// Flags that keep the browser from calling home (tests may only talk to loopback) plus the subset of
// @sparticuz/chromium's recommendations that suit a local test run. Its --disable-web-security and
// --allow-running-insecure-content are left out on purpose: the tests must see the CSP and same-origin rules
// exactly as a user's browser enforces them.
const browserArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--metrics-recording-only',
  '--disable-print-preview',
  '--font-render-hinting=none',
  '--disable-dev-shm-usage',
];

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function resolveExecutablePath(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  // Inflates the Chromium shipped inside the npm tarball into the temp dir on first use; never downloads.
  return chromium.executablePath();
}

/** Launches the headless Chromium that @sparticuz/chromium ships (or CHROME_PATH). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await resolveExecutablePath();
  // Chromium's sandbox cannot start as root (CI containers); outside root it stays on. The zygote may only be
  // dropped along with the sandbox.
  const sandboxArgs = runningAsRoot() ? ['--no-sandbox', '--disable-setuid-sandbox', '--no-zygote'] : [];
  return playwrightChromium.launch({
    executablePath,
    headless: true,
    args: [...browserArgs, ...sandboxArgs],
  });
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const blockingImpacts: ImpactValue[] = ['serious', 'critical'];
let axeSource: string | undefined;

/**
 * Runs axe-core on the page and returns the serious and critical violations.
 * The source is evaluated through the DevTools protocol, which the page's CSP does not govern, so the app's strict
 * policy stays on during the scan and no inline script is ever added to the document.
 */
export async function findSeriousA11yViolations(page: Page): Promise<Result[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const alreadyLoaded = await page.evaluate(() => 'axe' in window);
  if (!alreadyLoaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    return axe.run();
  });
  return results.violations.filter((violation) => violation.impact != null && blockingImpacts.includes(violation.impact));
}

/** One line per violation and node, for an assertion message a person can act on. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.impact} ${violation.id}: ${violation.help} at ${node.target.join(' ')}`),
    )
    .join('\n');
}

/**
 * Records uncaught page errors and console errors (CSP violations are reported there), so a test can assert the
 * app ran cleanly under its real security headers. Chromium's "Failed to load resource" lines are left out: an
 * HTTP error status such as /api/me's 401 is an expected answer that tests assert on directly.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Presses Tab until the locator's element has focus, as a keyboard user would reach it. Throws when it is not reached
 * within `limit` presses, which means it is not in the tab order.
 */
export async function pressTabUntilFocused(page: Page, target: Locator, limit = 25): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`not reachable with Tab within ${limit} presses`);
}

export const desktopViewport = { width: 1280, height: 800 };
export const phoneViewport = { width: 390, height: 844 };

/**
 * axe (no serious or critical finding) and no sideways scrolling, at 1280 px and at 390x844; optionally keeps the
 * phone view as a screenshot artifact. Leaves the page at the desktop width.
 */
export async function assertAccessibleAtBothWidths(page: Page, where: string, options: { phoneScreenshot?: string } = {}): Promise<void> {
  for (const viewport of [desktopViewport, phoneViewport]) {
    await page.setViewportSize(viewport);
    const violations = await findSeriousA11yViolations(page);
    assert.deepEqual(violations, [], `${where} at ${viewport.width}px:\n${describeViolations(violations)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px at ${viewport.width}px`);
  }
  if (options.phoneScreenshot) await saveScreenshot(page, options.phoneScreenshot);
  await page.setViewportSize(desktopViewport);
}
