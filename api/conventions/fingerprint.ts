// A version's fingerprint: the SHA-256 of its text as one plain file, so that anyone can check a
// printed copy or a download (`sha256sum`) against the page. The text is what the assembly voted
// on: the Chinese articles, in order, one line each, `第N条 …`.
import { createHash } from 'node:crypto';
import type { Convention } from '../../content/schemas/index.ts';

type Version = Convention['versions'][number];

/** The text a fingerprint is taken of (UTF-8, NFC, a newline after each article). */
export function versionText(version: Pick<Version, 'articles'>): string {
  return version.articles
    .slice()
    .sort((a, b) => a.number - b.number)
    .map((a) => `第${a.number}条 ${a.text.zh.normalize('NFC').replace(/\s+/g, ' ').trim()}\n`)
    .join('');
}

/** SHA-256 of `versionText`, in hexadecimal. */
export function fingerprint(version: Pick<Version, 'articles'>): string {
  return createHash('sha256').update(versionText(version), 'utf8').digest('hex');
}

/** The fingerprint in groups of four, for reading aloud or comparing by eye. */
export const groupedFingerprint = (hex: string) => hex.match(/.{1,4}/g)!.join(' ');
