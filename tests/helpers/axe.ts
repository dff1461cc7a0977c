import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Loads axe-core into every page of the context before the page's own scripts run. */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** The WCAG 2.2 AA violations on the page (or those of the `rules` named), one line each: rule and the elements it found. */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const result = await page.evaluate(
    ({ tags, only }) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    { tags: WCAG_22_AA, only: rules },
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
