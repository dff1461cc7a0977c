export { distanceKm, listServices, officeFor, openNow, SERVICE_TYPES, type Office, type Point, type ServiceSummary } from './directory.ts';
export { serviceDocuments, servicePassages } from './documents.ts';
export { stableUuid, toHsdsService } from './hsds.ts';
export { serviceGroups, servicePage, type ServiceCard } from './pages.ts';
export { hsdsRoutes, servicesRoutes, type DirectoryDeps } from './routes.ts';
