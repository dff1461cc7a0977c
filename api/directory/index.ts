export { centreName, distanceKm, listServices, nextOpening, officeFor, openNow, SERVICE_TYPES, type Office } from './directory.ts';
export { serviceDocuments, servicePassages } from './documents.ts';
export { stableUuid, toHsdsService } from './hsds.ts';
export { centreFormPage, serviceGroups, servicePage, type CentreFormValues } from './pages.ts';
export { hsdsRoutes, serviceDetail, servicesRoutes } from './routes.ts';
export { DirectoryService, type FactChange } from './service.ts';
export { ACCESS_FEATURES, factsPatchSchema, SPOKEN, type FactsPatch } from './facts.ts';
