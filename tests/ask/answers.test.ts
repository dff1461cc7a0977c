import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const { bot } = await testApp();

describe('the bot answers what was asked', () => {
  it('answers "how do I apply" with the steps, in their order', async () => {
    const answer = await bot.answer('低保怎么申请？', { lang: 'zh' });
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]?.url).toBe('/zh/policies/dibao/#steps');
    expect(answer.answer).toMatch(/提出申请[\s\S]*入户调查[\s\S]*公示/);
  });

  it('gives the amount when asked what an old person of the family can get, with the self-check filled in', async () => {
    const answer = await bot.answer('我家老人85岁了能领什么补贴？', { lang: 'zh' });
    // Their own case: the office decides, so it is a redirect, with the general rule quoted.
    expect(answer.status).toBe('redirect');
    expect(answer.answer).toMatch(/50 元/);
    expect(answer.citations[0]?.url).toMatch(/\/zh\/policies\/elderly-allowance\//);
    expect(answer.links[0]?.url).toMatch(/\/zh\/check\/\?.*ages=85/);
  });
});
