export { advise, type Advice, type ProgrammeAdvice } from './advice.ts';
export { readAnswers } from './answers.ts';
export { evaluate, firstDay, lacksCapacityToWork, severeDisability, verdict, type Verdict } from './engine.ts';
export { DISABILITY_KINDS, EMERGENCY_KINDS, householdSchema, type Household } from './household.ts';
export { ages, household, neededQuestions, QUESTIONS, SKIP, toQuery, type Answers, type QuestionDef } from './journey.ts';
export { checkPage, type CheckView } from './pages.ts';
export { eligibilityRoutes, type EligibilityDeps } from './routes.ts';
