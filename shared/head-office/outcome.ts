import type { InstitutionDecision } from '../scoring/result';

/**
 * The three words head office reports in. A result is "aligned with the framework" — never more: no EU
 * body recognises institutions outside the EU.
 *
 * - recommended → aligned;
 * - recommended with conditions → conditional (a corrective-action plan is due within 30 days);
 * - not recommended (a critical non-conformity) → not aligned;
 * - deferred ("not yet": no critical non-conformity, but below the "with conditions" thresholds) → not
 *   aligned as well. Deferred needs a re-audit before the training can be called aligned, exactly like
 *   "not recommended" (domain notes §7.4, validity), so counting it as conditional would overstate the
 *   result. The dashboard still shows how many of the not-aligned are deferred, and says why.
 */
export const outcomeBuckets = ['aligned', 'conditional', 'not-aligned'] as const;
export type OutcomeBucket = (typeof outcomeBuckets)[number];

export function outcomeOf(decision: InstitutionDecision): OutcomeBucket {
  switch (decision) {
    case 'recommended':
      return 'aligned';
    case 'recommended-with-conditions':
      return 'conditional';
    case 'deferred':
    case 'not-recommended':
      return 'not-aligned';
  }
}
