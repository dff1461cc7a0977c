import { checkEveryPage } from './site-checks.ts';

checkEveryPage('zh', ['/zh/search/?q=低保', '/zh/no-such-page/']);
