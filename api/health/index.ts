export { healthRoutes, type HealthDeps } from './routes.ts';
