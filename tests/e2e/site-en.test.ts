import { checkEveryPage } from './site-checks.ts';

checkEveryPage('en', ['/en/search/?q=dibao']);
