import { inject } from 'vitest';

export const baseURL = () => inject('baseURL');

/** The paths listed in the sitemap (its host is the public origin, not the test server). */
export async function sitemapPaths(): Promise<string[]> {
  const xml = await (await fetch(`${baseURL()}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
