import { describe, expect, it } from 'vitest';
import { cleanAnswers, household, nextQuestion, neededQuestions, previousQuestion, toQuery } from '../../api/eligibility/journey.ts';
import { readAnswers } from '../../api/eligibility/answers.ts';

const base = { residence: 'rural', town: 'bahuang', members: '2', ages: '45,43' };

describe('the self-check journey', () => {
  it('asks only what the household needs', () => {
    const ids = (a: Record<string, string>) => neededQuestions(cleanAnswers(a)).map((q) => q.id);
    expect(ids({ ...base, disability: 'no' })).not.toContain('disabilityDetails');
    expect(ids({ ...base, disability: 'yes' })).toContain('disabilityDetails');
    expect(ids(base)).not.toContain('supporter'); // people of working age: no supporter question
    expect(ids({ ...base, ages: '75,72', disability: 'no' })).toContain('supporter');
    expect(ids({ ...base, emergency: 'none' })).not.toContain('cost');
    expect(ids({ ...base, emergency: 'fire' })).toContain('cost');
  });

  it('goes to the next unanswered question and back to the previous one', () => {
    const a = cleanAnswers(base);
    expect(nextQuestion(a)?.id).toBe('disability');
    expect(previousQuestion(a, 'disability')?.id).toBe('ages');
  });

  it('drops answers that no longer fit, such as ages after the number of people changed', () => {
    expect(cleanAnswers({ ...base, members: '3' }).ages).toBeUndefined();
    expect(cleanAnswers({ ...base, ages: '45,200' }).ages).toBeUndefined();
    expect(cleanAnswers({ ...base, disabilityDetails: 'physical-1,none' }).disabilityDetails).toBeUndefined(); // not asked
  });

  it('turns skipped answers into "not known", never into "no"', () => {
    const h = household(cleanAnswers({ ...base, disability: 'skip', illness: 'skip', income: 'skip', savings: '100', property: 'skip', emergency: 'skip' }));
    expect(h.members[0]).toMatchObject({ age: 45, disability: 'unknown', seriousIllness: null });
    expect(h.monthlyIncome).toBeUndefined();
    expect(h.assets).toEqual({ financial: 100, nonEssentialCar: null, extraHome: null });
    expect(h.emergency).toBe('unknown');
  });

  it('joins answers a form sends in pieces, and lets a skip button win', () => {
    const form = new URLSearchParams('residence=urban&members=2&ages=30&ages=8&answered=disabilityDetails&disability=yes&dk=visual&dk=none&dg=2&dg=1');
    const { answers, canonical } = readAnswers(form);
    expect(canonical).toBe(false);
    expect(answers.ages).toBe('30,8');
    expect(answers.disabilityDetails).toBe('visual-2,none');
    expect(readAnswers(new URLSearchParams('residence=urban&members=1&ages=30&income=&income=skip')).answers.income).toBe('skip');
    expect(readAnswers(new URLSearchParams('residence=urban&members=1&ages=30&answered=illness')).answers.illness).toBe('none');
    expect(toQuery(answers)).toBe('residence=urban&members=2&ages=30%2C8&disability=yes&disabilityDetails=visual-2%2Cnone');
  });
});

describe('what residents type', () => {
  it('reads ages and amounts as people write them, 82岁, ８２, 八十二, 300元, 1.5万 among them', () => {
    const read = (query: string) => readAnswers(new URLSearchParams(query)).answers;
    expect(read('residence=rural&members=一&ages=82岁&answered=ages').ages).toBe('82');
    expect(read('residence=rural&members=2&ages=八十二&ages=８０&answered=ages').ages).toBe('82,80');
    expect(read('residence=rural&members=3&ages=45%2C43%2C12').ages).toBe('45,43,12'); // as the address carries them
    expect(read('residence=rural&members=1口人&ages=82&income=300元&answered=income').income).toBe('300');
    expect(read('residence=rural&members=1&ages=82&savings=1.5万&answered=savings').savings).toBe('15000');
    expect(read('residence=rural&members=1&ages=82&income=大概三百块&answered=income').income).toBe('300');
  });

  it('keeps what was typed when it cannot be used, and says exactly what to write', async () => {
    const { checkPage } = await import('../../api/eligibility/pages.ts');
    const { DistrictClock } = await import('../../api/core/index.ts');
    const { loadContent } = await import('../../content/loader.ts');
    const content = loadContent();
    const page = checkPage(content, 'zh', new URLSearchParams('residence=rural&members=1&ages=82&income=三百多块钱吧&answered=income'), new DistrictClock('Asia/Shanghai'));
    expect(page).toMatchObject({ view: 'question', typed: '三百多块钱吧', error: '请只写一个数字，比如 300。不清楚可以点“跳过”。' });
    const ages = checkPage(content, 'en', new URLSearchParams('residence=rural&members=1&ages=old&answered=ages'), new DistrictClock('Asia/Shanghai'));
    // Ages cannot be skipped, so the message does not offer it.
    expect(ages).toMatchObject({ view: 'question', typed: 'old', error: 'Please give each person an age in full years, for example 82.' });
  });

  it('reads "no one" ticked beside someone as that someone, and nothing ticked as no one', () => {
    const read = (query: string) => readAnswers(new URLSearchParams(query)).answers;
    expect(read('residence=rural&members=2&ages=45,43&illness=1&illness=none&answered=illness').illness).toBe('1');
    expect(read('residence=rural&members=2&ages=45,43&answered=property').property).toBe('none');
  });

  it('asks who is still in school only when someone is 16 to 22, and only about them', () => {
    const ids = (a: Record<string, string>) => neededQuestions(cleanAnswers(a)).map((q) => q.id);
    expect(ids({ ...base, ages: '45,17' })).toContain('school');
    expect(ids({ ...base, ages: '45,15' })).not.toContain('school');
    expect(cleanAnswers({ ...base, ages: '45,17', school: '0' }).school).toBeUndefined(); // the 45-year-old is not asked about
    expect(household(cleanAnswers({ ...base, ages: '45,17', school: '1' })).members[1]).toMatchObject({ inSchool: true });
  });
});
