import { checkEveryPage } from './site-checks.ts';

const household = 'residence=urban&town=dengta&members=3&ages=38,36,9&disability=no&illness=skip&income=skip&savings=10000&property=car&emergency=none';

checkEveryPage('en', [
  '/en/search/?q=dibao',
  '/en/check/?start=1',
  '/en/check/?residence=urban&members=3&ages=38,36,9&disability=yes',
  `/en/check/?${household}`,
  `/en/check/?${household}&step=result`,
]);
