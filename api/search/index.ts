export { buildSearch, contentDocuments } from './build.ts';
export { searchPage } from './pages.ts';
export { searchRoutes } from './routes.ts';
