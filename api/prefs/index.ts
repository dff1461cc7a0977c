export { prefsRoutes } from './routes.ts';
