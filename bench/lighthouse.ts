// Lighthouse (the pinned `lighthouse` package, mobile form factor with simulated throttling — its
// default: a mid-range phone on a slow 4G link) over the pages residents use most, driving the
// same Chromium the tests use. Imported by bench/load.ts, which has a portal running.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromePath } from '../tests/helpers/browser.ts';

export interface Scores {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest contentful paint, total blocking time (ms) and cumulative layout shift, as simulated. */
  lcp: number;
  tbt: number;
  cls: number;
}

export async function lighthouseScores(base: string, paths: string[]): Promise<Scores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: await chromePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const scores: Scores[] = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      scores.push({ path, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'), lcp: Math.round(audit('largest-contentful-paint')), tbt: Math.round(audit('total-blocking-time')), cls: Number(audit('cumulative-layout-shift').toFixed(3)) });
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}
