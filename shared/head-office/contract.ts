import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import {
  actionsSectionSchema,
  dashboardFiltersSchema,
  exportFileSchema,
  exportRequestSchema,
  filterOptionsSchema,
  improvementSectionSchema,
  institutionTrendSchema,
  offerSectionSchema,
  outcomesSectionSchema,
  trainingNeedsSectionSchema,
} from './schema';

const byFilters = z.object({ filters: dashboardFiltersSchema }).strict();

/**
 * Channels of the head-office dashboard: one per section, so the screen fills in section by section
 * and each answers on its own (each within 200 ms at 10,000 institutions and 100,000 assessments; see
 * bench/head-office.bench.ts). All read the summary tables kept by recordAssessmentFacts.
 */
export const headOfficeContract = {
  /** What the filters can offer: districts with institutions, and the range of finalisation dates. */
  'head-office:options': {
    request: z.object({}).strict(),
    response: filterOptionsSchema,
  },
  /** Training offer map: the registry's programmes by sector, occupation, level, place and mobility track. */
  'head-office:offer': { request: byFilters, response: offerSectionSchema },
  /** Outcomes (aligned / conditional / not aligned), score distribution and trends. */
  'head-office:outcomes': { request: byFilters, response: outcomesSectionSchema },
  /** Criteria most often not met, overall and by sector. */
  'head-office:improvement': { request: byFilters, response: improvementSectionSchema },
  /** Open and overdue corrective actions by institution and severity, and stop-use notices. */
  'head-office:actions': { request: byFilters, response: actionsSectionSchema },
  /** Mobility-track programmes whose language, soft-skills or destination criteria are not met. */
  'head-office:training-needs': { request: byFilters, response: trainingNeedsSectionSchema },
  /** Every finalised assessment of one institution (of the chosen kind, in the period), oldest first. */
  'head-office:institution-trend': {
    request: z.object({ institutionId: idSchema, filters: dashboardFiltersSchema }).strict(),
    response: institutionTrendSchema,
  },
  /** One whole table as CSV or XLSX, in the chosen language; text that a spreadsheet would run is neutralised. */
  'head-office:export': { request: exportRequestSchema, response: exportFileSchema },
} as const;
