import { describe, expect, it } from 'vitest';
import { searchPage } from '../../api/search/index.ts';
import { testApp } from '../helpers/app.ts';

const { content, search, zeroResults, clock, accounts, events } = await testApp();

describe('the search page', () => {
  it('counts a search that found nothing, as the API does, so editors see the words people use', async () => {
    await searchPage(content, search, 'zh', new URLSearchParams({ q: '足球比赛门票' }), clock, zeroResults);
    await searchPage(content, search, 'zh', new URLSearchParams({ q: '低保' }), clock, zeroResults);
    expect(await zeroResults.read(clock.day())).toEqual({ 足球比赛门票: 1 });
  });

  it('shows an event hit with its day and a plain-text snippet, without the Markdown staff typed', async () => {
    const { user } = await accounts.accounts.add('page-admin', null, 'admin');
    const day = clock.day(new Date(Date.now() + 3 * 86400_000));
    await events.create(user, { center: 'kazi-day-care-centre', title: { zh: '义诊活动' }, description: { zh: '**免费量血压、测血糖**\n\n- 请带上医保卡' }, start: clock.moment(day, '09:00'), end: clock.moment(day, '11:00'), audience: ['elderly'] });
    const page = await searchPage(content, search, 'zh', new URLSearchParams({ q: '量血压' }), clock, zeroResults);
    const hit = page.result!.hits.find((h) => h.type === 'event')!;
    expect(hit.day).toBe(clock.longDay('zh', clock.moment(day, '09:00')));
    expect(hit.snippet).toContain('血压</mark>');
    expect(hit.snippet).not.toMatch(/\*\*|^- |\n- /);
  });
});
