import { parseArgs } from 'node:util';
import {
  assessmentKinds,
  assessmentStatuses,
  type Assessment,
  type AssessmentKind,
  type AssessmentStatus,
  type AssessmentSummary,
  type StoredScore,
} from '../../../shared/assessments/schema';
import { assessmentsEn } from '../../../shared/i18n/assessments.en';
import { reportsEn } from '../../../shared/i18n/reports.en';
import { AppError } from '../../../shared/ipc/result';
import { listName } from '../../../shared/reference-lists';
import type { ScoreResult } from '../../../shared/scoring';
import type { AppServices } from '../../services/app-services';
import { exitCodes, openServices, UsageError, type Output } from '../cli-context';

export const assessmentsUsage = `assessments list [--institution <id>] [--status draft|submitted|finalised]
                 [--kind self-assessment|inspection|follow-up] [--limit <n>] [--json]
  newest first, 200 at a time unless --limit says otherwise: institution, kind, status, revision,
  framework version, progress, stored score and outcome, and the total
assessments show <assessmentId> [--json]
  status, institution, programmes, team, dates, framework, revisions, progress, the stored score
  (a draft's score is computed now) and open corrective actions`;

const defaultLimit = 200;

export function runAssessments(args: string[], o: Output): number {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      institution: { type: 'string' },
      status: { type: 'string' },
      kind: { type: 'string' },
      limit: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (verb === 'list') {
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const filter = {
      institutionId: values.institution,
      status: oneOf(values.status, assessmentStatuses, '--status'),
      kind: oneOf(values.kind, assessmentKinds, '--kind'),
    };
    const limit = values.limit === undefined ? defaultLimit : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number of 1 or more.');
    return withServices(values['data-dir'], (s) => list(s, filter, limit, o));
  }
  if (verb === 'show') {
    for (const [flag, value] of [
      ['--institution', values.institution],
      ['--status', values.status],
      ['--kind', values.kind],
      ['--limit', values.limit],
    ] as const) {
      if (value !== undefined) throw new UsageError(`${flag} is an option of "assessments list", not of "assessments show".`);
    }
    if (positionals.length !== 1) throw new UsageError('assessments show needs exactly one assessment id (see "assessments list").');
    return withServices(values['data-dir'], (s) => show(s, positionals[0]!, o));
  }
  throw new UsageError(`Unknown command "assessments ${verb ?? ''}".`);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function withServices(dataDir: string | undefined, run: (s: AppServices) => number): number {
  const services = openServices(dataDir);
  try {
    return run(services);
  } finally {
    services.close();
  }
}

// ── list ──

interface ListFilter {
  institutionId: string | undefined;
  status: AssessmentStatus | undefined;
  kind: AssessmentKind | undefined;
}

function list(s: AppServices, filter: ListFilter, limit: number, o: Output): number {
  // An unknown institution is a mistake to report, not an empty list.
  const institutionId = filter.institutionId;
  if (institutionId !== undefined) requireFound(() => s.institutions.get(institutionId), 'institution', institutionId);
  const items = s.assessments.list(filter, { limit, offset: 0 });
  const total = s.assessments.count(filter);
  if (o.json) {
    o.out(JSON.stringify({ total, items }, null, 2));
    return exitCodes.ok;
  }
  const filtered = Object.values(filter).some((v) => v !== undefined);
  if (items.length === 0) {
    o.out(filtered ? 'No assessment matches these filters.' : 'No assessments yet.');
    return exitCodes.ok;
  }
  o.out(
    table(
      ['Id', 'Institution', 'Kind', 'Status', 'Rev.', 'Framework', 'Progress', 'Score', 'Outcome', 'Updated (UTC)'],
      items.map((a) => [
        a.id,
        truncate(a.institutionNameEn, 40),
        assessmentsEn.kind[a.kind],
        assessmentsEn.status[a.status],
        String(a.revisionNumber),
        a.frameworkVersion,
        `${a.answered}/${a.total}`,
        percent(a.score?.overallPct ?? null),
        a.score === null ? '-' : assessmentsEn.decision[a.score.decision],
        utcMinute(a.updatedAt),
      ]),
    ),
  );
  o.out('');
  o.out(
    `Showing ${items.length} of ${total} assessment(s), newest first.${items.length < total ? ' Use --limit <n> to see more.' : ''}` +
      (items.some((a) => a.score === null) ? ' Drafts have no stored score: "assessments show <id>" computes it now.' : ''),
  );
  return exitCodes.ok;
}

// ── show ──

interface LiveScore {
  overallPct: number | null;
  decision: ScoreResult['outcome']['decision'];
  complete: boolean;
  answered: number;
  total: number;
}

function show(s: AppServices, id: string, o: Output): number {
  const { assessment: a } = requireFound(() => s.assessments.get(id), 'assessment', id);
  const summary: AssessmentSummary | undefined = s.assessments
    .list({ institutionId: a.institutionId, kind: a.kind, status: a.status })
    .find((x) => x.id === a.id);
  const progress = { answered: summary?.answered ?? 0, total: summary?.total ?? 0 };
  const revisions = revisionChain(s, a);
  const openCorrectiveActions = s.correctiveActions.list({ assessmentId: a.id, openOnly: true }).length;
  let live: LiveScore | null = null;
  if (a.status === 'draft') {
    const result = s.assessments.score(a.id);
    live = {
      overallPct: result.overall.pctRounded,
      decision: result.outcome.decision,
      complete: result.complete,
      answered: result.counts.answered,
      total: result.counts.total,
    };
  }
  if (o.json) {
    o.out(JSON.stringify({ assessment: a, progress, revisions, storedScore: a.score, liveScore: live, openCorrectiveActions }, null, 2));
    return exitCodes.ok;
  }

  const line = (label: string, text: string) => o.out(`  ${(label ? `${label}:` : '').padEnd(23)}${text}`);
  o.out(`${assessmentsEn.kind[a.kind]} ${a.id}`);
  line('Status', `${assessmentsEn.status[a.status]}, revision ${a.revisionNumber}`);
  line('Institution', `${a.institutionNameEn}${a.institutionNameBn ? ` (${a.institutionNameBn})` : ''}  ${a.institutionId}`);
  a.programmes.forEach((p, i) => line(i === 0 ? 'Programmes' : '', programme(p)));
  if (a.programmes.length === 0) line('Programmes', 'none');
  line('Team', a.team.map((m) => `${m.name} (${assessmentsEn.role[m.role]})`).join(', '));
  line('Planned', a.plannedStart || a.plannedEnd ? `${a.plannedStart || '?'} to ${a.plannedEnd || '?'}` : 'not planned');
  line('Site visit', a.siteVisitDate || 'not set');
  line('Created', `${utcMinute(a.createdAt)} UTC by ${a.createdBy}`);
  if (a.submittedAt) line('Submitted', `${utcMinute(a.submittedAt)} UTC${a.submittedBy ? ` by ${a.submittedBy}` : ''}`);
  if (a.finalisedAt) line('Finalised', `${utcMinute(a.finalisedAt)} UTC by ${a.finalisedBy}`);
  line('Updated', `${utcMinute(a.updatedAt)} UTC by ${a.updatedBy}`);
  line('Framework', `${a.frameworkId} ${a.frameworkVersion} (version id ${a.frameworkVersionId})`);
  line('Content hash', a.frameworkContentHash);
  if (a.followsAssessmentId) line('Follow-up of', a.followsAssessmentId);
  revisions.forEach((r, i) =>
    line(
      i === 0 ? 'Revisions' : '',
      `${r.revisionNumber}  ${r.id}  ${assessmentsEn.status[r.status]}${r.id === a.id ? '  (this one)' : ''}${r.reopenReason ? `  reopened: ${r.reopenReason}` : ''}`,
    ),
  );
  line('Progress', `${progress.answered} of ${progress.total} answered`);
  if (a.score !== null) printStored(a, a.score, line);
  else if (live !== null) {
    line('Live score', `${percent(live.overallPct)} overall (core criteria), computed now${live.complete ? '' : ' (provisional)'}`);
    line(live.complete ? 'Outcome' : 'Provisional outcome', assessmentsEn.decision[live.decision]);
  }
  line('Corrective actions', `${openCorrectiveActions} open`);
  return exitCodes.ok;
}

function printStored(a: Assessment, score: StoredScore, line: (label: string, text: string) => void) {
  const when = a.status === 'finalised' ? 'finalised' : 'submitted';
  line(
    'Score',
    `${percent(score.overallPct)} overall (core criteria), stored when ${when} at ${utcMinute(score.computedAt)} UTC, ` +
      (score.complete ? 'complete' : 'incomplete'),
  );
  line(a.kind === 'self-assessment' ? 'Self-assessed outcome' : 'Outcome', assessmentsEn.decision[score.decision]);
  if (a.kind !== 'self-assessment' && score.complete) line('', reportsEn.document.outcomeMeaning[score.decision]);
}

interface RevisionLink {
  id: string;
  revisionNumber: number;
  status: AssessmentStatus;
  reopenReason: string;
}

/** Earlier revisions through previousRevisionId, later ones by finding the revision reopened from each. */
function revisionChain(s: AppServices, a: Assessment): RevisionLink[] {
  const link = (x: Assessment): RevisionLink => ({
    id: x.id,
    revisionNumber: x.revisionNumber,
    status: x.status,
    reopenReason: x.reopenReason,
  });
  const chain = [link(a)];
  for (let previous = a.previousRevisionId; previous !== null;) {
    const p = s.assessments.get(previous).assessment;
    chain.unshift(link(p));
    previous = p.previousRevisionId;
  }
  const later = s.assessments
    .list({ institutionId: a.institutionId, kind: a.kind })
    .filter((x) => x.revisionNumber > a.revisionNumber)
    .map((x) => s.assessments.get(x.id).assessment);
  for (let current = a.id; ;) {
    const next = later.find((x) => x.previousRevisionId === current);
    if (next === undefined) break;
    chain.push(link(next));
    current = next.id;
  }
  return chain;
}

// ── helpers ──

function requireFound<T>(read: () => T, what: 'assessment' | 'institution', id: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') {
      const hint = what === 'assessment' ? '"assessments list" shows the ids' : '"institutions list" shows the ids';
      throw new AppError('not-found', `No ${what} has the id "${id}" in this data folder (${hint}).`);
    }
    throw error;
  }
}

function programme(p: Assessment['programmes'][number]): string {
  const mobility = p.mobilityTrack
    ? `, mobility track${p.destinationCountry ? ` to ${listName('country', p.destinationCountry, 'en')}` : ''}${p.targetLanguage ? `, ${listName('language', p.targetLanguage, 'en')} ${p.targetCefr}`.trimEnd() : ''}`
    : '';
  return `${p.titleEn || p.titleBn} (${p.sector}${mobility})  ${p.id}`;
}

function percent(pct: number | null): string {
  return pct === null ? '-' : `${pct.toFixed(1)}%`;
}

function utcMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n');
}
