import { z } from 'zod';
import { cefrLevels, divisions, institutionTypes, programmeActivities, registrationBodies, sectors } from './reference-data';
import { digitCode, optionalDigitText, optionalNumber, optionalText, requiredText } from '../validation/fields';

export const idSchema = z.uuid({ error: 'validation.id' });

/**
 * The fields a cross-field rule reads. Zod skips an object's refinements once any field has failed; with
 * `when`, a rule runs as soon as the fields it needs are valid, so a form shows all its problems at once.
 */
const mobilityFields = z.looseObject({
  mobilityTrack: z.boolean(),
  destinationCountry: z.string(),
  targetLanguage: z.string(),
  targetCefr: z.string(),
});
const registrationFields = z.looseObject({ registrationBody: z.enum(registrationBodies), registrationNumber: z.string() });

/**
 * Messages are catalogue keys (`validation.*`): the renderer shows them in the user's language and the
 * command line prints the English text. Numeric fields accept strings with Bengali or Western digits so
 * one schema serves both the form and the IPC contract.
 */
export const programmeInputSchema = z
  .object({
    titleEn: requiredText(200),
    titleBn: optionalText(200),
    sector: z.enum(sectors, { error: 'validation.choose' }),
    occupation: requiredText(200),
    // Either digit set: the Bangla hint shows "৭২১২", so "৭২১২" is accepted and stored as "7212".
    iscoCode: digitCode(/^\d{4}$/, 'validation.isco'),
    escoUri: optionalText(300).refine((v) => v === '' || /^https?:\/\/data\.europa\.eu\/esco\/occupation\/[A-Za-z0-9-]+$/.test(v), {
      error: 'validation.esco',
    }),
    bnqfLevel: optionalNumber({ min: 1, max: 10, integer: true }),
    eqfLevel: optionalNumber({ min: 1, max: 8, integer: true }),
    durationMonths: optionalNumber({ min: 0.25, max: 72 }),
    annualIntake: optionalNumber({ min: 0, max: 100000, integer: true }),
    mobilityTrack: z.boolean(),
    destinationCountry: optionalText(100),
    targetLanguage: optionalText(60),
    targetCefr: z.union([z.enum(cefrLevels), z.literal('')]),
    activities: z.array(z.enum(programmeActivities)).max(programmeActivities.length),
  })
  .superRefine(
    (p, ctx) => {
      // A mobility track is only meaningful with a destination and a language target (domain notes §6.1).
      if (p.mobilityTrack !== true) return;
      if (p.destinationCountry === '')
        ctx.addIssue({ code: 'custom', path: ['destinationCountry'], message: 'validation.requiredForMobility' });
      if (p.targetLanguage === '') ctx.addIssue({ code: 'custom', path: ['targetLanguage'], message: 'validation.requiredForMobility' });
      if (p.targetCefr === '') ctx.addIssue({ code: 'custom', path: ['targetCefr'], message: 'validation.requiredForMobility' });
    },
    // Every problem of the form at once: the mobility check runs even while, say, the annual intake is wrong.
    { when: (payload) => mobilityFields.safeParse(payload.value).success },
  );

export const institutionInputSchema = z
  .object({
    nameEn: requiredText(200),
    nameBn: optionalText(200),
    registrationBody: z.enum(registrationBodies, { error: 'validation.choose' }),
    registrationNumber: optionalDigitText(60),
    type: z.enum(institutionTypes, { error: 'validation.choose' }),
    division: z.enum(divisions, { error: 'validation.choose' }),
    district: requiredText(80),
    address: optionalText(500),
    headName: optionalText(200),
    contactPhone: optionalDigitText(40).refine((v) => v === '' || /^[+0-9 ()-]{5,40}$/.test(v), { error: 'validation.phone' }),
    contactEmail: optionalText(200).refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' }),
    sectors: z.array(z.enum(sectors)).max(sectors.length),
  })
  .superRefine(
    (i, ctx) => {
      if (i.registrationBody !== 'none' && i.registrationNumber === '') {
        ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'validation.registrationNumber' });
      }
    },
    { when: (payload) => registrationFields.safeParse(payload.value).success },
  );

const recordMeta = {
  id: idSchema,
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

export const programmeSchema = programmeInputSchema.safeExtend({
  ...recordMeta,
  institutionId: idSchema,
  archived: z.boolean(),
});

export const institutionSchema = institutionInputSchema.safeExtend({
  ...recordMeta,
  archived: z.boolean(),
});

export const institutionDetailSchema = z.object({
  institution: institutionSchema,
  programmes: z.array(programmeSchema),
});

export const institutionSummarySchema = z.object({
  id: idSchema,
  nameEn: z.string(),
  nameBn: z.string(),
  type: z.enum(institutionTypes),
  division: z.enum(divisions),
  district: z.string(),
  registrationNumber: z.string(),
  programmeCount: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.string(),
});

export const institutionSortKeys = ['name', 'district', 'updated'] as const;

export const institutionListQuerySchema = z.object({
  search: z.string().max(200).default(''),
  sort: z.enum(institutionSortKeys).default('name'),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export type InstitutionInput = z.output<typeof institutionInputSchema>;
export type InstitutionFormValues = z.input<typeof institutionInputSchema>;
export type ProgrammeInput = z.output<typeof programmeInputSchema>;
export type ProgrammeFormValues = z.input<typeof programmeInputSchema>;
export type Institution = z.infer<typeof institutionSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;
export type InstitutionSummary = z.infer<typeof institutionSummarySchema>;
export type InstitutionListQuery = z.input<typeof institutionListQuerySchema>;
