// "The district is data": no district, town, bureau, phone number, time zone or feed title is
// written in code outside content/. Another district deploys with its own content folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../api/server/paths.ts';
import { loadContent, type Content } from '../../content/loader.ts';
import { escapeRegExp } from '../../search/index.ts';

const CODE = ['api', 'search', 'site'];

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (/\.(ts|mjs|astro|css)$/.test(name)) out.push(full);
  }
  return out;
}

/** What names the district: its names and its places' (with and without 区, 镇, Town …), ids, numbers, zone, feed titles. */
export function districtTerms(content: Content): RegExp[] {
  const { district } = content;
  const words = new Set<string>();
  const add = (text: string) => {
    words.add(text);
    const stem = text.replace(/(区|市|省|县|镇|乡|街道|社区|村)$/u, '').replace(/\s+(District|Town|Street|Community|Village|City|Province)$/, '');
    if (stem.length >= 2 && stem !== text) words.add(stem);
  };
  for (const localized of [district.name, district.city, district.province, district.eventsFeed.title, district.eventsFeed.description]) {
    add(localized.zh);
    add(localized.en);
  }
  for (const [id, place] of content.places) {
    words.add(id);
    add(place.name.zh);
    add(place.name.en);
  }
  for (const [id, service] of content.services) {
    words.add(id);
    words.add(service.name.zh);
  }
  words.add(district.timeZone);
  words.add(district.uuidNamespace);
  words.add(district.calendarId);
  const terms = [...words].map((w) => (/^[\w-]+$/.test(w) ? new RegExp(`\\b${escapeRegExp(w)}\\b`, 'i') : new RegExp(escapeRegExp(w))));
  // Numbers: long ones anywhere; short emergency numbers only as a phone number in code (quoted, or after tel:).
  for (const number of Object.values(district.hotlines)) {
    terms.push(number.length >= 5 ? new RegExp(`(?<!\\d)${number}(?!\\d)`) : new RegExp(`(['"\`]|tel:)${number}(?!\\d)`));
  }
  return terms;
}

/** Each line of code that names the district, as `file:line: term`. */
export function districtLiterals(root: string, content: Content): string[] {
  const terms = districtTerms(content);
  const found: string[] = [];
  for (const file of CODE.flatMap((dir) => files(join(root, dir)))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const term = terms.find((t) => t.test(line));
        if (term) found.push(`${relative(root, file)}:${i + 1}: ${term.source} in ${line.trim().slice(0, 120)}`);
      });
  }
  return found;
}

describe('the district is data', () => {
  const content = loadContent();

  it('names no district, town, centre, phone number, time zone or feed title in api/, search/ or site/', () => {
    expect(districtTerms(content).length).toBeGreaterThan(60);
    expect(districtLiterals(ROOT, content)).toEqual([]);
  });

  it('would catch one', () => {
    const terms = districtTerms(content);
    for (const line of ["timeZone: 'Asia/Shanghai'", '<a href="tel:12345">', "title: '碧江区社区活动'", "const bureau = 'bijiang-civil-affairs-bureau';", '// 坝黄 only', "{ title: '110', url: 'tel:110' }"]) {
      expect(terms.some((t) => t.test(line)), line).toBe(true);
    }
    for (const line of ['z.string().max(120)', 'limit: 110,', 'const MAX = 12345678901;']) expect(terms.some((t) => t.test(line)), line).toBe(false);
  });
});
