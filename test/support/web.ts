import { ensureWebBuilt } from '@chorus/dashboard';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchChromium, screenshot, signIn, watchedPage } from './chromium.js';
import { type RunningPlatform, startPlatform } from './platform.js';

/** The demo's sign-ins (apps/platform/src/demo.ts). */
export const DEMO = {
  artist: { email: 'artist@demo.chorus.test', password: 'demo-artist-2026' },
  listener: { email: 'listener@demo.chorus.test', password: 'demo-listener-2026' },
  analyst: { email: 'analyst@demo.chorus.test', password: 'demo-analyst-2026' },
} as const;

export interface WebTest {
  platform: RunningPlatform;
  browser: Browser;
  /** A new signed-in browser context and page that records console errors; `check` screenshots, runs axe and asserts no console error. */
  open: (who: { email: string; password: string }, options?: { width?: number }) => Promise<SignedInPage>;
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  /** Screenshot under test/artifacts/screenshots/<name>.png, then the serious or critical axe violations and console errors so far. */
  check: (name: string) => Promise<{ violations: string[]; consoleErrors: string[] }>;
  problems: () => string[];
}

/**
 * The web app built (once, when stale), the platform started with the demo seeded (no simulator: numbers hold
 * still), and Chromium: what every browser test starts from.
 */
export async function startWebTest(t: { teardown(fn: () => unknown): void }, env: Record<string, string> = {}): Promise<WebTest> {
  const build = await ensureWebBuilt();
  if (build.error) throw new Error(`the web app did not build:\n${build.error}`);
  const platform = await startPlatform(t, { CHORUS_DEMO: '1', CHORUS_SIMULATE: '0', ...env });
  const browser = await launchChromium(t);
  const open = async (who: { email: string; password: string }, options: { width?: number } = {}): Promise<SignedInPage> => {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true });
    t.teardown(() => context.close());
    const { page, problems } = await watchedPage(context);
    await signIn(page, platform.baseUrl, who.email, who.password);
    const check = async (name: string) => {
      await screenshot(page, name);
      return { violations: await accessibilityViolations(page), consoleErrors: problems() };
    };
    return { context, page, check, problems };
  };
  return { platform, browser, open };
}
