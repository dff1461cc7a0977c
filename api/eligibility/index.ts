export { advise, type Advice } from './advice.ts';
export { readAnswers } from './answers.ts';
export { evaluate, verdict } from './engine.ts';
export { DISABILITY_KINDS, householdSchema, type Household } from './household.ts';
export { ages, household, neededQuestions, SKIP, toQuery, type Answers, type QuestionDef } from './journey.ts';
export { checkPage } from './pages.ts';
export { eligibilityRoutes } from './routes.ts';
