export { conventionDocuments, conventionPassages } from './documents.ts';
export { diffArticles, type ArticleChange } from './diff.ts';
export { CONVENTION_KINDS, conventionCards, conventionGroups, conventionPage, posterPage, type ConventionCard } from './pages.ts';
