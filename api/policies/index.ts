export { amountLines, amountRows, type AmountRow } from './amounts.ts';
export { policyDocuments, policyPassages } from './documents.ts';
export { guideCards, guideGroups, guidePage, type GuideCard, type GuidePage } from './pages.ts';
