export { amountLines, amountRows, type AmountRow } from './amounts.ts';
export { policyDocuments, policyPassages } from './documents.ts';
export { guideGroups, guidePage, type GuideCard, type GuidePage } from './pages.ts';
