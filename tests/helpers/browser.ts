import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
let bundled: Promise<string> | undefined;

/**
 * The Chromium the e2e tests drive: CHROME_PATH, or Debian's /usr/bin/chromium when installed,
 * or else the one that ships inside the @sparticuz/chromium npm package (unpacked on first use),
 * so `npm install && npm test` needs nothing installed by hand.
 */
export async function chromePath(): Promise<string> {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    return process.env.CHROME_PATH;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  bundled ??= import('@sparticuz/chromium').then((m) => m.default.executablePath());
  return bundled;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** One browser for a test file: launched before its tests, closed after. Call the result to get it. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return () => browser!;
}
