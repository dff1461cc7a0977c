import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateBot, type AskCase } from '../../api/ask/eval.ts';
import { testApp } from '../helpers/app.ts';
import { evalSet } from '../helpers/shared.ts';

const cases = evalSet<AskCase>('ask.yaml');
const logged: string[] = [];
const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
);
const { bot, app } = await testApp();
const scores = await evaluateBot(bot, cases);
// The same questions through the API too, so its logging is covered.
for (const c of cases) {
  await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: c.question, lang: c.lang }) });
}
afterAll(() => spies.forEach((s) => s.mockRestore()));

describe('the Q&A bot on the public evaluation set (extractive mode)', () => {
  it('answers with the right status every time', () => {
    expect(scores.filter((s) => !s.status).map((s) => `${s.question} → ${s.got.status}`)).toEqual([]);
  });

  it('cites the right page for at least 7 of the 8 answerable questions, and mentions what it must', () => {
    const cited = scores.filter((s) => s.citation !== null);
    expect(cited.length).toBe(8);
    expect(cited.filter((s) => s.citation).length).toBeGreaterThanOrEqual(7);
    const mentions = scores.filter((s) => s.mention !== null);
    expect(mentions.filter((s) => !s.mention).map((s) => `${s.question}: ${s.got.answer}`)).toEqual([]);
  });

  it('never puts an ID-card or phone number in an answer or a log line', () => {
    expect(scores.every((s) => s.clean)).toBe(true);
    const numbers = /\d{17}[\dXx]|1[3-9]\d{9}/;
    for (const s of scores) expect(JSON.stringify(s.got)).not.toMatch(numbers);
    expect(logged.filter((line) => numbers.test(line))).toEqual([]);
  });
});
