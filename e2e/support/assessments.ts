/**
 * The e2e helpers used to live here together; each now has a module with one job. This file only
 * re-exports them so specs written against it keep working — import from the modules in new code:
 * `api` (calls to the real services), `seed` (institutions, assessments and ratings through the API),
 * `screens` (opening screens, screenshots), `accessibility` (the axe check).
 */
export { call, must } from './api';
export { metWithFigures, rateAll, seedInstitution, startAssessment, type Seeded } from './seed';
export { open, screenshot } from './screens';
export { expectAccessible } from './accessibility';
