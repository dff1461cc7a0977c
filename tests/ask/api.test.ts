import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { app, db, clock } = await testApp();
const ask = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('POST /api/ask', () => {
  it('answers in the contract shape, quoting and citing the portal', async () => {
    const res = await ask({ question: 'Where can I apply for dibao?', lang: 'en' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'answered', mode: 'extractive', answer: expect.stringContaining('Here is what this website says') });
    expect(body.citations[0]).toMatchObject({ title: expect.any(String), url: expect.stringMatching(/^\/en\//), quote: expect.any(String) });
    expect(body.label).toMatch(/quotes this website/);
  });

  it('streams tokens, then citations, then done, over SSE', async () => {
    const res = await ask({ question: '低保要到哪里申请？' }, { Accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('token');
    expect(events.slice(-2)).toEqual(['citations', 'done']);
  });

  it('uses a few turns of history for a short follow-up', async () => {
    const res = await ask({ question: '要带什么材料？', history: [{ role: 'user', content: '高龄津贴怎么申请？' }, { role: 'assistant', content: '…' }] });
    const body = await res.json();
    expect(body.citations.some((c: { url: string }) => c.url.includes('/policies/elderly-allowance/'))).toBe(true);
  });

  it.each([
    ['an empty question', { question: '   ' }, 'question'],
    ['a question over 3000 characters', { question: '低保'.repeat(1501) }, 'question'],
    ['an unknown language', { question: '低保', lang: 'fr' }, 'lang'],
    ['a malformed history', { question: '低保', history: [{ role: 'system', content: 'x' }] }, 'history.0.role'],
  ])('answers 400 naming the field for %s', async (_name, body, field) => {
    const res = await ask(body);
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toContain(field);
  });

  it('counts thumbs up and down, and nothing else', async () => {
    await app.request('/api/ask/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vote: 'up' }) });
    const bad = await app.request('/api/ask/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vote: 'meh' }) });
    expect(bad.status).toBe(400);
    const { DailyCounter } = await import('../../api/core/index.ts');
    expect(await new DailyCounter(db, 'ask-feedback').read(clock.day())).toEqual({ up: 1 });
  });

  it('limits each address to 20 questions a minute with a clear 429', async () => {
    // Earlier tests in this file asked some already; within 21 more the limit must bite.
    let limited: Response | undefined;
    for (let i = 0; i < 21 && !limited; i++) {
      const res = await ask({ question: '你好' });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    if (!limited) return;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });
});
