import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import { startTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { collectPageErrors, launchBrowser } from '../support/browser.js';
import { signInThroughDevIdp } from './devIdpSignIn.js';

const desktop = { width: 1280, height: 800 };

/** The real server and one headless browser, with every page's errors kept so a suite can fail on them at the end. */
export interface BrowserSessions {
  app: TestApp;
  /** A fresh context (its own cookies) on `path`, signed in as `persona` through the dev IdP. */
  open(persona: DevPersonaId, path: string, options?: BrowserContextOptions): Promise<Page>;
  /** A fresh context's blank page, not signed in, for a test that needs the context set up before it browses. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Keeps the errors of a page opened some other way (another tab of a context), so close() checks them too. */
  watch(page: Page): void;
  /** Closes every context, the browser and the server, then fails if any watched page logged an error. */
  close(): Promise<void>;
}

/** Starts the server (with any env overrides) and the browser; the server is closed again if the browser fails. */
export async function startBrowserSessions(env: Record<string, string> = {}): Promise<BrowserSessions> {
  const app = await startTestApp(env);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await app.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];

  const watch = (page: Page) => {
    pageErrors.push(collectPageErrors(page));
  };
  const newPage = async (options: BrowserContextOptions = { viewport: desktop }) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    watch(page);
    return page;
  };

  return {
    app,
    newPage,
    watch,
    async open(persona, path, options) {
      const page = await newPage(options);
      await page.goto(new URL(path, app.baseUrl).href);
      await signInThroughDevIdp(page, persona, app.baseUrl, path);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await app.close();
      assert.deepEqual(pageErrors.flat(), [], 'the pages logged errors or CSP violations');
    },
  };
}
