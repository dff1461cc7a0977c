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
