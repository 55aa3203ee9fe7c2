import { z } from 'zod';
import { assessmentKinds, assessmentStatuses, correctiveActionStatuses, findingClasses } from '../../../shared/assessments/schema';
import { criterionIdPattern, evidenceCodePattern } from '../../../shared/framework/schema';
import { divisions, institutionTypes, registrationBodies, sectors } from '../../../shared/institutions/reference-data';
import { userRoles } from '../../../shared/settings/schema';

/**
 * The rows a package carries, table by table, as SQLite stores them (snake_case columns). Each table's
 * column list is written out here on purpose: it is the SELECT list on export and the INSERT list on
 * import, so a column added to the database later reaches packages only when someone adds it here
 * (with a new format version if older apps could not read it). Everything from a package is untrusted:
 * every value is checked for type and length before SQLite sees it, and SQLite's own CHECK constraints
 * and foreign keys check again inside the import transaction.
 */

// Text that came from another machine: bounded, and no control characters other than tab and newlines.
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u);
const uuid = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
const dateOrEmpty = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const flag = z.union([z.literal(0), z.literal(1)]);
const revision = z.number().int().min(0).max(1_000_000_000);
const criterionId = z.string().max(9).regex(criterionIdPattern);
const jsonText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    });

const stamps = { created_at: isoTime, created_by: text(200), updated_at: isoTime, updated_by: text(200) };

export const institutionRow = z
  .object({
    id: uuid,
    name_en: text(200),
    name_bn: text(200),
    registration_body: z.enum(registrationBodies),
    registration_number: text(60),
    type: z.enum(institutionTypes),
    division: z.enum(divisions),
    district: text(80),
    address: text(500),
    head_name: text(200),
    contact_phone: text(40),
    contact_email: text(200),
    sectors: jsonText(400),
    archived: flag,
    revision,
    ...stamps,
  })
  .strict();

export const programmeRow = z
  .object({
    id: uuid,
    institution_id: uuid,
    title_en: text(200),
    title_bn: text(200),
    sector: z.enum(sectors),
    occupation: text(200),
    isco_code: z.string().regex(/^\d{4}$/),
    esco_uri: text(300),
    bnqf_level: z.number().int().min(1).max(10).nullable(),
    eqf_level: z.number().int().min(1).max(8).nullable(),
    duration_months: z.number().min(0).max(72).nullable(),
    annual_intake: z.number().int().min(0).max(100_000).nullable(),
    mobility_track: flag,
    destination_country: text(100),
    target_language: text(60),
    target_cefr: z.enum(['', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']),
    activities: jsonText(1000),
    archived: flag,
    revision,
    ...stamps,
  })
  .strict();

export const frameworkVersionRow = z
  .object({
    id: uuid,
    framework_id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title_en: text(300),
    title_bn: text(300),
    content_hash: sha256,
    criteria: z.number().int().min(0).max(100_000),
    source: text(300),
    imported_at: isoTime,
    imported_by: text(200),
  })
  .strict();

export const assessmentRow = z
  .object({
    id: uuid,
    kind: z.enum(assessmentKinds),
    status: z.enum(assessmentStatuses),
    institution_id: uuid,
    framework_version_id: uuid,
    framework_id: z.string().max(80),
    framework_version: z.string().max(40),
    framework_content_hash: sha256,
    programmes: jsonText(200_000),
    team: jsonText(20_000),
    planned_start: dateOrEmpty,
    planned_end: dateOrEmpty,
    site_visit_date: dateOrEmpty,
    follows_assessment_id: uuid.nullable(),
    revision_number: z.number().int().min(1).max(10_000),
    previous_revision_id: uuid.nullable(),
    reopen_reason: text(5000),
    units_total: z.number().int().min(0).max(1_000_000),
    units_answered: z.number().int().min(0).max(1_000_000),
    submitted_at: isoTime.nullable(),
    submitted_by: text(200),
    finalised_at: isoTime.nullable(),
    finalised_by: text(200),
    score: jsonText(100_000).nullable(),
    score_result_hash: z.string().max(64),
    revision,
    ...stamps,
    // The accreditation cycle (schema 10): validity and next due date stamped at finalisation, and the
    // countersignature of a negative outcome. Packages made before it have none: the receiver derives the
    // dates from the finalisation date, the outcome and the pinned framework (and says they were derived).
    validity_months: z.number().int().min(0).max(120).default(0),
    aligned_until: dateOrEmpty.default(''),
    next_due: dateOrEmpty.default(''),
    countersigned_by: text(200).default(''),
    countersigned_role: z.union([z.literal(''), z.enum(userRoles)]).default(''),
    countersigned_at: z.union([z.literal(''), isoTime]).default(''),
    countersign_comment: text(2000).default(''),
  })
  .strict();

export const ratingRow = z
  .object({
    assessment_id: uuid,
    criterion_id: criterionId,
    programme_id: z.union([uuid, z.literal('')]),
    rating: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]),
    na_reason: text(2000),
    note: text(20_000),
    data: jsonText(20_000),
    maturity: z.number().int().min(0).max(4).nullable(),
    evidence_seen: jsonText(2000),
    updated_at: isoTime,
    updated_by: text(200),
    // The inspector's corrective action for the finding (schema 8). Packages made before it have neither.
    action_required: text(2000).default(''),
    closing_evidence: text(2000).default(''),
    // Why a critical "Met" stands without observation or record evidence (schema 9). Older packages lack it.
    override_reason: text(2000).default(''),
  })
  .strict();

export const correctiveActionRow = z
  .object({
    id: uuid,
    assessment_id: uuid,
    institution_id: uuid,
    criterion_id: criterionId,
    programme_id: z.union([uuid, z.literal('')]),
    finding_class: z.enum(findingClasses),
    description: text(5000),
    owner: text(200),
    due_date: dateOrEmpty,
    status: z.enum(correctiveActionStatuses),
    institution_response: text(5000),
    verification_note: text(5000),
    verified_in_assessment_id: uuid.nullable(),
    verified_at: isoTime.nullable(),
    revision,
    ...stamps,
  })
  .strict();

export const evidenceFileRow = z
  .object({
    sha256,
    size: z.number().int().positive(),
    media_type: z.string().max(100),
    first_seen_at: isoTime,
    first_seen_by: text(200),
  })
  .strict();

export const evidenceItemRow = z
  .object({
    id: uuid,
    assessment_id: uuid,
    sha256,
    original_name: text(255),
    caption: text(500),
    evidence_type: z.string().max(20).regex(evidenceCodePattern),
    taken_at: z.string().max(40).nullable(),
    attached_at: isoTime,
    attached_by: text(200),
    revision,
    updated_at: isoTime,
    updated_by: text(200),
  })
  .strict();

export const evidenceLinkRow = z
  .object({
    evidence_item_id: uuid,
    assessment_id: uuid,
    criterion_id: criterionId,
    programme_id: z.union([uuid, z.literal('')]),
    linked_at: isoTime,
    linked_by: text(200),
  })
  .strict();

/** A change-log entry exactly as the sender's log holds it, so its hash can be recomputed here. */
export const changeEventRow = z
  .object({
    id: z.string().max(64),
    at: isoTime,
    actor_id: z.string().max(64),
    actor_name: text(200),
    entity: z.string().max(40),
    entity_id: z.string().max(80),
    action: z.string().max(40),
    payload: jsonText(1_000_000),
    prev_hash: sha256,
    hash: sha256,
  })
  .strict();

/** A signed report of one of the package's assessments (the PDF is the entry `reports/<sha256>.pdf`). */
export const reportRow = z
  .object({
    sha256,
    assessment_id: uuid,
    language: z.enum(['en', 'bn']),
    signer_fingerprint: z.string().max(200),
    signed_at: isoTime,
    signed_by: text(200),
  })
  .strict();

const many = <T extends z.ZodType>(row: T, max: number) => z.array(row).max(max);

/** The data entries of a package (`data/<name>.json`) and the most rows each may hold. */
export const packageTables = {
  institutions: many(institutionRow, 20_000),
  programmes: many(programmeRow, 200_000),
  'framework-versions': many(frameworkVersionRow, 500),
  assessments: many(assessmentRow, 20_000),
  ratings: many(ratingRow, 2_000_000),
  'corrective-actions': many(correctiveActionRow, 500_000),
  'evidence-files': many(evidenceFileRow, 200_000),
  'evidence-items': many(evidenceItemRow, 500_000),
  'evidence-links': many(evidenceLinkRow, 2_000_000),
  'change-log': many(changeEventRow, 5_000_000),
  reports: many(reportRow, 20_000),
} as const;

export type PackageTableName = keyof typeof packageTables;
export type PackageTables = { [K in PackageTableName]: z.infer<(typeof packageTables)[K]> };

export type InstitutionRow = z.infer<typeof institutionRow>;
export type ProgrammeRow = z.infer<typeof programmeRow>;
export type FrameworkVersionRow = z.infer<typeof frameworkVersionRow>;
export type AssessmentRow = z.infer<typeof assessmentRow>;
export type RatingRow = z.infer<typeof ratingRow>;
export type CorrectiveActionRow = z.infer<typeof correctiveActionRow>;
export type EvidenceFileRow = z.infer<typeof evidenceFileRow>;
export type EvidenceItemRow = z.infer<typeof evidenceItemRow>;
export type EvidenceLinkRow = z.infer<typeof evidenceLinkRow>;
export type ChangeEventRow = z.infer<typeof changeEventRow>;
export type ReportRow = z.infer<typeof reportRow>;

/** The columns of each database table a package carries, in the order above (the zod shapes' keys). */
export const columnsOf = {
  institutions: Object.keys(institutionRow.shape),
  programmes: Object.keys(programmeRow.shape),
  framework_versions: Object.keys(frameworkVersionRow.shape),
  assessments: Object.keys(assessmentRow.shape),
  ratings: Object.keys(ratingRow.shape),
  corrective_actions: Object.keys(correctiveActionRow.shape),
  evidence_files: Object.keys(evidenceFileRow.shape),
  evidence_items: Object.keys(evidenceItemRow.shape),
  evidence_links: Object.keys(evidenceLinkRow.shape),
} as const;
