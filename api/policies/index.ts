export { type AmountRow } from './amounts.ts';
export { policyDocuments, policyPassages } from './documents.ts';
export { guideCards, guideGroups, guideJsonLd, guidePage } from './pages.ts';
