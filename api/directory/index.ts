export { centreName, distanceKm, listServices, nextOpening, officeFor, openNow, SERVICE_TYPES, type Office } from './directory.ts';
export { serviceDocuments, servicePassages } from './documents.ts';
export { Hsds, stableUuid, type ServiceChange } from './hsds.ts';
export { HSDS_VERSION, hsdsRoutes } from './hsds-routes.ts';
export { centreFormPage, officeCard, serviceGroups, servicePage, type CentreFormValues, type OfficeCard } from './pages.ts';
export { serviceDetail, servicesRoutes } from './routes.ts';
export { DirectoryService, type FactChange } from './service.ts';
export { ACCESS_FEATURES, factsPatchSchema, SPOKEN, type FactsPatch } from './facts.ts';
