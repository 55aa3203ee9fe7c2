import type { TFunction } from 'i18next';
import type { Conflict } from '../../../../shared/exchange/schema';
import type { Language } from '../../../../shared/settings/schema';
import { formatDateTime, formatNumber } from '../../format';
import { formatDate } from '../assessments/model/dates';
import i18n from '../../i18n';

type Entity = Conflict['entity'];

const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A bilingual label from a package (untrusted text: callers render it as text, never as markup). */
export function labelIn(label: { en: string; bn: string }, language: Language): string {
  return language === 'bn' && label.bn.trim() !== '' ? label.bn : label.en;
}

/** The label of a field in a conflict, with the words the forms use; the field's own name when unknown. */
export function fieldLabel(t: TFunction, entity: Entity, field: string): string {
  const name = camel(field);
  const candidates = {
    institution: [`institutions.fields.${name}`],
    programme: [`programmes.fields.${name}`],
    assessment: [`exchange.conflicts.assessmentFields.${name}`],
    'corrective-action': [`exchange.conflicts.actionFields.${name}`],
    rating: [`exchange.conflicts.ratingFields.${name}`],
  }[entity];
  for (const key of [...candidates, `exchange.conflicts.otherFields.${name}`]) if (i18n.exists(key)) return t(key);
  return field;
}

/** Codes whose labels live in the catalogue (`division.dhaka`), by field. */
const codeLists: Record<string, string> = {
  type: 'institutionType',
  registrationBody: 'registrationBody',
  division: 'division',
  sector: 'sector',
  sectors: 'sector',
  activities: 'activity',
  status: 'assessments.actionStatus',
};
const flags = new Set(['archived', 'mobilityTrack']);

export function ratingText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('assessments.rating.none');
  if (value === 'na') return t('assessments.rating.na');
  if (typeof value === 'number' && value >= 0 && value <= 3) return `${formatNumber(value)} ${t(`assessments.rating.v${value}`)}`;
  return String(value);
}

function parse(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    // Some columns hold JSON as text (sectors, figures): show what is inside.
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    return value;
  } catch {
    return text;
  }
}

function scalar(t: TFunction, name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    if (flags.has(name) && (value === 0 || value === 1)) return value === 1 ? t('common.yes') : t('common.no');
    return formatNumber(value);
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    const list = codeLists[name];
    if (list && i18n.exists(`${list}.${value}`)) return t(`${list}.${value}`);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return formatDateTime(value);
    return value;
  }
  return JSON.stringify(value);
}

/**
 * A field's value as people read it: text as text, lists joined, yes/no, "—" for nothing, ratings
 * with the workspace's labels, codes with their labels. Values arrive as JSON text from the services.
 */
export function valueText(t: TFunction, entity: Entity, field: string, json: string): string {
  const name = camel(field);
  const value = parse(json);
  if (entity === 'rating' && name === 'rating') return ratingText(t, value);
  if (entity === 'assessment' && name === 'record') return assessmentRecordText(t, value);
  if (entity === 'assessment' && name === 'team' && Array.isArray(value)) return teamValue(t, value);
  if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.map((v) => scalar(t, name, v)).join(', ');
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? t('common.none') : entries.map(([k, v]) => `${k}: ${scalar(t, k, v)}`).join('; ');
  }
  return scalar(t, name, value);
}

/** A team as "Name (Role), …" with the roles in the user's language. */
function teamValue(t: TFunction, team: unknown[]): string {
  if (team.length === 0) return t('common.none');
  return team
    .map((m) => {
      if (m === null || typeof m !== 'object') return String(m);
      const { name, role } = m as { name?: unknown; role?: unknown };
      const roleKey = `assessments.role.${String(role)}`;
      return `${String(name ?? '')} (${i18n.exists(roleKey) ? t(roleKey) : String(role ?? '')})`;
    })
    .join(', ');
}

/** An assessment chosen as a whole (no longer a draft on one side): its status, progress and last change. */
function assessmentRecordText(t: TFunction, value: unknown): string {
  if (value === null || typeof value !== 'object') return scalar(t, 'record', value);
  const r = value as { status?: unknown; answered?: unknown; total?: unknown; updatedAt?: unknown; updatedBy?: unknown };
  const statusKey = `assessments.status.${String(r.status)}`;
  return t('exchange.conflicts.assessmentRecord', {
    status: i18n.exists(statusKey) ? t(statusKey) : String(r.status ?? ''),
    answered: typeof r.answered === 'number' ? formatNumber(r.answered) : '?',
    total: typeof r.total === 'number' ? formatNumber(r.total) : '?',
    when: typeof r.updatedAt === 'string' ? formatDateTime(r.updatedAt) : '',
    who: typeof r.updatedBy === 'string' ? r.updatedBy : '',
  });
}

/** The services describe an assessment in the plan as "inspection · finalised · r2": said again in the user's language. */
export function assessmentDetailText(t: TFunction, detail: string): string {
  const m = /^([a-z-]+) · ([a-z-]+) · r(\d+)$/.exec(detail);
  if (!m || !i18n.exists(`assessments.kind.${m[1]}`) || !i18n.exists(`assessments.status.${m[2]}`)) return detail;
  return t('exchange.preview.assessmentDetail', {
    kind: t(`assessments.kind.${m[1]}`),
    status: t(`assessments.status.${m[2]}`),
    revision: formatNumber(Number(m[3])),
  });
}
