export { conventionDocuments, conventionPassages } from './documents.ts';
export { diffArticles } from './diff.ts';
export { CONVENTION_KINDS, conventionCards, conventionGroups, conventionPage, posterPage } from './pages.ts';
