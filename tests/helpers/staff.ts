// Staff accounts and sign-in for the end-to-end tests: accounts made in the running portal's
// store as `npm run users` makes them, and the sign-in form filled in as a person would.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { Accounts } from '../../api/accounts/store.ts';
import { openDb } from '../../api/core/db.ts';
import { baseURL } from './site.ts';

export type Login = { username: string; password: string };

/** New accounts in the running portal's store, each name made unique to this run. */
export async function staffAccounts<K extends string>(wanted: Record<K, [name: string, center: string | null, role: 'editor' | 'admin']>): Promise<Record<K, Login>> {
  const db = await openDb({ DATA_DIR: inject('dataDir') });
  const accounts = new Accounts(db);
  const stamp = Date.now().toString(36);
  const out = {} as Record<K, Login>;
  for (const [key, [name, center, role]] of Object.entries(wanted) as [K, [string, string | null, 'editor' | 'admin']][]) {
    const { user, password } = await accounts.add(`${name}-${stamp}`, center, role);
    out[key] = { username: user.username, password };
  }
  await db.close();
  return out;
}

/** Clicks a link or a form button and waits for the page it leads to (after any redirect). */
export async function follow(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

/** Signs in through the staff home's form; the page, signed in. */
export async function signIn(context: BrowserContext, login: Login, lang = 'zh'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL()}/${lang}/admin/`);
  await page.fill('#f-username', login.username);
  await page.fill('#f-password', login.password);
  await follow(page, page.locator('button[value=signin]'));
  expect(page.url()).toBe(`${baseURL()}/${lang}/admin/`);
  expect(await page.locator('button[value=signout]').count()).toBe(1);
  return page;
}
