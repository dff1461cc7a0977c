// The draft beside the text in force, article by article, and within a changed article word by
// word. Chinese has no spaces: the texts are cut into jieba words (the segmenter search uses), so
// "十桌" → "八桌" shows as one word replaced, not as scattered characters; English by its words.
import { diffArrays, diffWords } from 'diff';
import type { Convention } from '../../content/schemas/index.ts';
import { cutWords } from '../../search/index.ts';
import type { DraftArticle } from './schema.ts';

type InForce = Convention['versions'][number]['articles'][number];

export interface Piece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type Change = 'added' | 'changed' | 'removed' | 'unchanged';

export interface ComparedArticle {
  number: number;
  section: 'general' | 'specific';
  title?: { zh: string; en?: string };
  text: { zh: string; en?: string } | null;
  inForce: { zh: string; en?: string } | null;
  change: Change;
}

/** Each article of the draft or of the text in force, by number, with what the draft does to it. */
export function compareArticles(inForce: InForce[], draft: DraftArticle[]): ComparedArticle[] {
  const before = new Map(inForce.map((a) => [a.number, a]));
  const after = new Map(draft.map((a) => [a.number, a]));
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort((a, b) => a - b)
    .map((number) => {
      const old = before.get(number);
      const now = after.get(number);
      const text = now ? now.text : null;
      const change: Change = !old ? 'added' : !now ? 'removed' : old.text.zh === now.text.zh && (now.text.en === undefined || old.text.en === now.text.en) ? 'unchanged' : 'changed';
      return {
        number,
        section: (now?.section ?? old!.part) as 'general' | 'specific',
        title: now?.title ?? old?.topic,
        text,
        inForce: old ? old.text : null,
        change,
      };
    });
}

/** What changed in one text, in words: pieces kept, removed and added, in reading order. */
export function wordDiff(before: string, after: string, lang: 'zh' | 'en'): Piece[] {
  const pieces: Piece[] =
    lang === 'zh'
      ? diffArrays(cutWords(before), cutWords(after)).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value.join('') }))
      : diffWords(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
  return pieces.filter((p) => p.text.length > 0);
}
