import { checkEveryPage } from './site-checks.ts';

const household = 'residence=rural&town=bahuang&members=2&ages=72,70&disability=yes&disabilityDetails=physical-1,none&illness=none&income=300&rigid=100&savings=2000&property=none&supporter=unable&emergency=fire&cost=30000';

// Pages rendered on request that the sitemap cannot list: a search, a question, the review, a
// result, and the 404 page.
checkEveryPage('zh', [
  '/zh/search/?q=低保',
  '/zh/search/?q=没有这个词',
  '/zh/check/?start=1',
  '/zh/check/?residence=rural&members=2&q=ages',
  `/zh/check/?${household}`,
  `/zh/check/?${household}&step=result`,
  '/zh/no-such-page/',
]);
