export { LANGS, localized, isoDate, partialDate, slug, verified, type Lang, type Localized } from './common.ts';
export { placeSchema, type Place } from './place.ts';
export { policySchema, type Policy } from './policy.ts';
export { conventionSchema, type Convention } from './convention.ts';
export { serviceSchema, type Service } from './service.ts';
export { parameterSchema, programmeSchema, type Parameter, type Programme } from './rules.ts';
export { synonymsSchema, type Synonyms } from './synonyms.ts';
export { questionsSchema, questionTextSchema, type QuestionText } from './questions.ts';
export { botSchema, type BotRules } from './bot.ts';
