import type { ProgrammeSnapshot } from '../../../shared/assessments/schema';
import type { Criterion, FrameworkGroup } from '../../../shared/framework/schema';
import type { ReportEvidenceFile } from '../../../shared/reports/schema';
import type { Reason } from '../../../shared/scoring';
import type { ReportData } from './report-data';
import { isPhoto } from './report-photos';
import { ReportText } from './report-text';

/** What every template needs: the data, the words, and lookups by id. */
export interface ReportContext {
  data: ReportData;
  text: ReportText;
  criterion(id: string): { criterion: Criterion; group: FrameworkGroup } | undefined;
  group(id: string): FrameworkGroup | undefined;
  programme(id: string | null): ProgrammeSnapshot | undefined;
  /** The evidence index references (E1, E2, …) of the files attached to one unit. */
  evidenceRefs(criterionId: string, programmeId: string | null): string[];
  /** The photos attached to one unit, in index order. */
  photosOf(criterionId: string, programmeId: string | null): ReportEvidenceFile[];
}

export function reportContext(data: ReportData, timeZone?: string): ReportContext {
  const criteria = new Map(data.framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, { criterion: c, group: g }] as const)));
  const groups = new Map(data.framework.groups.map((g) => [g.id, g]));
  const programmes = new Map(data.assessment.programmes.map((p) => [p.id, p]));
  const refs = new Map<string, string[]>();
  const photos = new Map<string, ReportEvidenceFile[]>();
  for (const file of data.evidence) {
    for (const link of file.links) {
      const key = `${link.criterionId}@${link.programmeId ?? ''}`;
      refs.set(key, [...(refs.get(key) ?? []), file.ref]);
      if (isPhoto(file)) photos.set(key, [...(photos.get(key) ?? []), file]);
    }
  }
  return {
    data,
    text: new ReportText(data.language, timeZone),
    criterion: (id) => criteria.get(id),
    group: (id) => groups.get(id),
    programme: (id) => (id === null ? undefined : programmes.get(id)),
    evidenceRefs: (criterionId, programmeId) => refs.get(`${criterionId}@${programmeId ?? ''}`) ?? [],
    photosOf: (criterionId, programmeId) => photos.get(`${criterionId}@${programmeId ?? ''}`) ?? [],
  };
}

export function programmeTitle(ctx: ReportContext, programmeId: string | null): string {
  const p = ctx.programme(programmeId);
  return p ? ctx.text.name(p.titleEn, p.titleBn) : '';
}

/** "CU-01" or "CU-01 (Welding)" for a programme-level unit. */
export function unitLabel(ctx: ReportContext, criterionId: unknown, programmeId: unknown): string {
  const id = String(criterionId ?? '');
  const title = typeof programmeId === 'string' ? programmeTitle(ctx, programmeId) : '';
  return title ? `${id} (${title})` : id;
}

export function groupLabel(ctx: ReportContext, groupId: unknown): string {
  const group = typeof groupId === 'string' ? ctx.group(groupId) : undefined;
  return group ? `${group.id} ${ctx.text.fw(group.title)}` : String(groupId ?? '');
}

/** A scoring reason (decision or mobility readiness) as a sentence in the report's language. */
export function reasonText(ctx: ReportContext, reason: Reason): string {
  const { text } = ctx;
  const p = reason.params;
  const ratingLike = reason.code.includes('minimum') || reason.code === 'sector-critical-below';
  const value = (v: unknown) => (ratingLike ? text.rating(typeof v === 'number' ? v : null) : text.pct(typeof v === 'number' ? v : null));
  const key = `assessments.reasons.${reason.code}`;
  if (!text.has(key)) return reason.code;
  return text.t(key, {
    criterion: unitLabel(ctx, p.criterionId, p.programmeId),
    group: groupLabel(ctx, p.groupId),
    actual: value(p.actual),
    required: value(p.required),
    max: Number(p.max ?? 0),
    majors: Number(p.actual ?? 0),
    decision: typeof p.decision === 'string' ? text.t(`reports.document.outcome.${p.decision}`) : '',
    findingClass: typeof p.class === 'string' ? text.t(`assessments.finding.${p.class}`) : '',
  });
}
