export { conventionDocuments, conventionPassages } from './documents.ts';
export { diffArticles } from './diff.ts';
export { CONVENTION_KINDS, conventionCards, conventionGroups, conventionPage, posterPage } from './pages.ts';
export { fingerprint, groupedFingerprint, versionText } from './fingerprint.ts';
export { conventionsRoutes } from './routes.ts';
