import type { Migration } from '../migrate';
import { initialSchema } from './001-initial';
import { frameworksSchema } from './002-frameworks';
import { assessmentsSchema } from './003-assessments';
import { evidenceSchema } from './004-evidence';
import { exchangeSchema } from './005-exchange';
import { headOfficeSchema } from './006-head-office';
import { auditTrailSchema } from './007-audit-trail';
import { correctiveActionPartsSchema } from './008-corrective-action-parts';
import { overrideReasonSchema } from './009-override-reason';
import { accreditationCycleSchema } from './010-accreditation-cycle';

/** Append only. A shipped migration is never edited; fixes go in a new one. */
export const migrations: readonly Migration[] = [
  initialSchema,
  frameworksSchema,
  assessmentsSchema,
  evidenceSchema,
  exchangeSchema,
  headOfficeSchema,
  auditTrailSchema,
  correctiveActionPartsSchema,
  overrideReasonSchema,
  accreditationCycleSchema,
];
