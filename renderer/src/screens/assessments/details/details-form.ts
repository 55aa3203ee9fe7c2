import { z } from 'zod';
import { dateOnlySchema, teamMemberSchema, type Assessment } from '../../../../../shared/assessments/schema';

/**
 * The team and dates of a started assessment, as the details form edits them: the same pieces as the
 * start form (and the `assessments:update-details` channel), with the same end-after-start rule the
 * services apply. Who may be on the team for the assessment's kind is checked by the services.
 */
export const detailsFormSchema = z
  .object({
    team: z.array(teamMemberSchema).min(1, { error: 'validation.teamRequired' }).max(20),
    plannedStart: dateOnlySchema,
    plannedEnd: dateOnlySchema,
    siteVisitDate: dateOnlySchema,
  })
  .superRefine((d, ctx) => {
    if (d.plannedStart !== '' && d.plannedEnd !== '' && d.plannedEnd < d.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'validation.endBeforeStart' });
    }
  });

export type DetailsFormValues = z.input<typeof detailsFormSchema>;
export type DetailsInput = z.output<typeof detailsFormSchema>;

export const detailsFieldNames = ['team', 'plannedStart', 'plannedEnd', 'siteVisitDate'] as const;

/** The form's starting values: what is stored now. */
export function detailsOf(a: Pick<Assessment, 'team' | 'plannedStart' | 'plannedEnd' | 'siteVisitDate'>): DetailsFormValues {
  return {
    team: a.team.map((m) => ({ name: m.name, role: m.role })),
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    siteVisitDate: a.siteVisitDate,
  };
}
