import { parseArgs } from 'node:util';
import { megabytes } from '../../../shared/evidence/refusals';
import type { IntegrityReport } from '../../../shared/evidence/schema';
import { exitCodes, openServices, UsageError, type Output } from '../cli-context';

export const evidenceUsage = `evidence verify [--assessment <id>] [--json]   re-hash stored evidence: exit 0 all intact, 1 any missing or altered
evidence limits [--per-file-mb <n>] [--per-assessment-mb <n>]   show or change the evidence size limits`;

const MB = 1024 * 1024;

export async function runEvidence(args: string[], o: Output): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      assessment: { type: 'string' },
      'per-file-mb': { type: 'string' },
      'per-assessment-mb': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (verb === 'verify') return verify(values.assessment ?? null, values['data-dir'], o);
  if (verb === 'limits') return limits(values['per-file-mb'], values['per-assessment-mb'], values['data-dir'], o);
  throw new UsageError(`Unknown command "evidence ${verb ?? ''}".`);
}

async function verify(assessmentId: string | null, dataDir: string | undefined, o: Output): Promise<number> {
  const services = openServices(dataDir);
  try {
    const report = await services.evidence.verifyAll(assessmentId);
    if (o.json) o.out(JSON.stringify({ ok: report.problems.length === 0, ...report }, null, 2));
    else printReport(report, o);
    return report.problems.length === 0 ? exitCodes.ok : exitCodes.failed;
  } finally {
    services.close();
  }
}

function printReport(r: IntegrityReport, o: Output) {
  o.out(`Checked ${r.files} evidence file(s)${r.assessmentId ? ` of assessment ${r.assessmentId}` : ''} at ${r.checkedAt}.`);
  for (const p of r.problems) {
    o.out('');
    o.out(`${p.state.toUpperCase()}: ${p.sha256} (${p.mediaType}, ${p.size} bytes)`);
    for (const u of p.uses) {
      const criteria =
        u.links.length === 0
          ? 'the assessment as a whole'
          : u.links.map((l) => (l.programmeId ? `${l.criterionId} [programme ${l.programmeId}]` : l.criterionId)).join(', ');
      o.out(
        `  "${u.originalName}" (${u.evidenceType}) in ${u.kind} ${u.assessmentId} of ${u.institutionNameEn}, revision ${u.revisionNumber}, ${u.status}: ${criteria}`,
      );
    }
  }
  o.out('');
  o.out(
    r.problems.length === 0
      ? `All ${r.intact} file(s) are intact.`
      : `${r.problems.length} file(s) missing or altered; ${r.intact} intact.`,
  );
}

function limits(perFile: string | undefined, perAssessment: string | undefined, dataDir: string | undefined, o: Output): number {
  const bytes = (value: string | undefined, flag: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number of megabytes.`);
    return Math.round(n * MB);
  };
  const change = { maxFileBytes: bytes(perFile, '--per-file-mb'), maxAssessmentBytes: bytes(perAssessment, '--per-assessment-mb') };
  const services = openServices(dataDir);
  try {
    const current =
      change.maxFileBytes === undefined && change.maxAssessmentBytes === undefined
        ? services.evidence.limits()
        : services.evidence.setLimits(change);
    if (o.json) o.out(JSON.stringify(current, null, 2));
    else o.out(`Per file: ${megabytes(current.maxFileBytes)} MB. Per assessment: ${megabytes(current.maxAssessmentBytes)} MB.`);
    return exitCodes.ok;
  } finally {
    services.close();
  }
}
