import type { Convention } from '../../content/schemas/index.ts';

type Article = Convention['versions'][number]['articles'][number];

export interface ArticleChange {
  number: number;
  kind: 'added' | 'removed' | 'changed';
  before?: Article;
  after?: Article;
}

/**
 * What changed between two versions of a convention, article by article. Articles keep their
 * number across versions, so the number is what pairs them.
 */
export function diffArticles(before: Article[], after: Article[]): ArticleChange[] {
  const old = new Map(before.map((a) => [a.number, a]));
  const now = new Map(after.map((a) => [a.number, a]));
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  const changes: ArticleChange[] = [];
  for (const number of numbers) {
    const b = old.get(number);
    const a = now.get(number);
    if (!b) changes.push({ number, kind: 'added', after: a });
    else if (!a) changes.push({ number, kind: 'removed', before: b });
    else if (b.text.zh !== a.text.zh || b.text.en !== a.text.en || b.part !== a.part) {
      changes.push({ number, kind: 'changed', before: b, after: a });
    }
  }
  return changes;
}
