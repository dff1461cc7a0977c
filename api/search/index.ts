export { buildSearch, contentDocuments } from './build.ts';
export { searchPage } from './pages.ts';
export { searchRoutes, type SearchDeps } from './routes.ts';
