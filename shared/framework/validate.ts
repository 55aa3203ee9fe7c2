import { frameworkSchema } from './schema';
import type { Framework } from './schema';
import type { Problem } from './problem';
import { problemsFromZodIssues } from './zod-problems';
import { checkReferences } from './check-references';
import { missingBanglaWarnings } from './missing-bangla';

export type { Problem } from './problem';

export type FrameworkValidation =
  { ok: true; framework: Framework; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

/** A broken file can produce one problem per criterion; the list shown to a person stays readable. */
export const MAX_PROBLEMS = 200;

/**
 * Validates an untrusted framework (already JSON-parsed) in two passes: structure with zod, then —
 * only when the structure is sound — cross-references. Cross-references on a half-parsed tree would
 * report noise, so a structurally broken file gets structural errors and no warnings.
 */
export function validateFramework(input: unknown): FrameworkValidation {
  const parsed = frameworkSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: capped(problemsFromZodIssues(parsed.error.issues)), warnings: [] };
  }
  const framework = parsed.data;
  const { errors, warnings } = checkReferences(framework);
  // Warnings are not capped: each names one text to translate, and the schema bounds how many exist.
  const allWarnings = [...warnings, ...missingBanglaWarnings(framework)];
  if (errors.length > 0) return { ok: false, errors: capped(errors), warnings: allWarnings };
  return { ok: true, framework, warnings: allWarnings };
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { path: [], code: 'too-many-problems', message: `${problems.length - MAX_PROBLEMS} more problems were not listed.` },
  ];
}
