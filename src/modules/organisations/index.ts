// The organisations module's public surface.
export { OrganisationService, type ContentCheck, type OrgRef } from './organisations.service.ts';
export { organisationRoutes } from './organisations.routes.ts';
export { loadCityDivisions, seedOrganisationTree, cityDepartments, type CityDivisions } from './organisations.seed.ts';
export { OrganisationRepository } from './organisations.repository.ts';
