import { AppError } from '../../../shared/ipc/result';
import { exchangeRefusal } from '../../../shared/exchange/refusals';
import { frameworkContentHash } from '../../../shared/framework/content-hash';
import { validateFramework } from '../../../shared/framework/validate';
import type { PackageManifest } from '../../../shared/exchange/manifest';
import { canonicalJson } from '../../../shared/util/canonical-json';
import { changeHash } from '../db/mutator';
import { emptyTables } from './export-collector';
import { packageTables, type PackageTableName, type PackageTables } from './package-tables';

/** What the import needs from an opened package: the manifest and its checked records. */
export interface PackageContent {
  tables: PackageTables;
  /** Framework version id (as in the package) → its content as JSON text. */
  frameworkContents: Map<string, string>;
  /** Trusted roots carried by a reference package, as PEM text. */
  trustedRoots: string[];
}

/** The part of an opened package this module reads (see container/). */
export interface PackageReader {
  manifest: PackageManifest;
  readJson(path: string, maxBytes: number): Promise<unknown>;
}

const maxTableBytes = 512 * 1024 * 1024;
const maxFrameworkBytes = 20 * 1024 * 1024;

/**
 * Reads and checks every record in a package before anything is planned: each table against its
 * schema (a malformed row refuses the whole package, naming the table and row), every change-log
 * entry's hash recomputed, every framework version valid and matching its content hash, and every
 * reference inside the package resolvable (an assessment's institution, a rating's assessment…).
 */
export async function readPackageContent(reader: PackageReader): Promise<PackageContent> {
  const listed = new Set(reader.manifest.entries.map((e) => e.path));
  const tables = emptyTables();
  for (const name of Object.keys(packageTables) as PackageTableName[]) {
    const path = `data/${name}.json`;
    if (!listed.has(path)) continue;
    const parsed = packageTables[name].safeParse(await reader.readJson(path, maxTableBytes));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformed(`${path}${issue ? ` at ${issue.path.join('.')}: ${issue.message}` : ''}`);
    }
    (tables as Record<PackageTableName, unknown>)[name] = parsed.data;
  }

  for (const event of tables['change-log']) {
    const recomputed = changeHash({
      id: event.id,
      at: event.at,
      actorId: event.actor_id,
      actorName: event.actor_name,
      entity: event.entity,
      entityId: event.entity_id,
      action: event.action,
      payload: event.payload,
      prevHash: event.prev_hash,
    });
    if (recomputed !== event.hash)
      throw new AppError(
        'validation',
        `The change-log entry ${event.id} in the package does not match its hash; the package was altered.`,
        [{ path: [], message: exchangeRefusal('changeLogBroken', { entry: event.id }) }],
      );
  }

  const frameworkContents = new Map<string, string>();
  for (const fv of tables['framework-versions']) {
    const path = `frameworks/${fv.id}.json`;
    if (!listed.has(path)) throw malformed(`framework version ${fv.id} has no ${path}`);
    const content = await reader.readJson(path, maxFrameworkBytes);
    const validation = validateFramework(content);
    if (!validation.ok) throw malformed(`${path} is not a valid framework (${validation.errors[0]?.message ?? 'invalid'})`);
    if (frameworkContentHash(validation.framework) !== fv.content_hash) throw malformed(`${path} does not match its content hash`);
    if (validation.framework.id !== fv.framework_id || validation.framework.version !== fv.version)
      throw malformed(`${path} is not ${fv.framework_id} ${fv.version}`);
    frameworkContents.set(fv.id, canonicalJson(validation.framework));
  }

  checkReferences(tables, listed);
  return { tables, frameworkContents, trustedRoots: [] };
}

function checkReferences(t: PackageTables, listed: Set<string>): void {
  const institutions = new Set(t.institutions.map((i) => i.id));
  const assessments = new Set(t.assessments.map((a) => a.id));
  const frameworks = new Set(t['framework-versions'].map((f) => f.id));
  const items = new Set(t['evidence-items'].map((i) => i.id));
  const files = new Set(t['evidence-files'].map((f) => f.sha256));
  for (const p of t.programmes)
    if (!institutions.has(p.institution_id)) throw malformed(`programme ${p.id} has no institution in the package`);
  t.assessments.forEach((a, i) => {
    if (!institutions.has(a.institution_id)) throw malformed(`assessment ${a.id} has no institution in the package`);
    if (!frameworks.has(a.framework_version_id)) throw malformed(`assessment ${a.id} has no framework version in the package`);
    // Assessments are listed oldest first, so what one refers to is always written before it.
    const earlier = new Set(t.assessments.slice(0, i).map((x) => x.id));
    for (const ref of [a.previous_revision_id, a.follows_assessment_id])
      if (ref !== null && !earlier.has(ref)) throw malformed(`assessment ${a.id} refers to ${ref}, which is not before it in the package`);
  });
  for (const r of t.ratings) if (!assessments.has(r.assessment_id)) throw malformed(`a rating refers to an assessment not in the package`);
  for (const c of t['corrective-actions']) {
    if (!assessments.has(c.assessment_id) || !institutions.has(c.institution_id))
      throw malformed(`corrective action ${c.id} refers outside the package`);
    if (c.verified_in_assessment_id !== null && !assessments.has(c.verified_in_assessment_id))
      throw malformed(`corrective action ${c.id} refers outside the package`);
  }
  for (const item of t['evidence-items']) {
    if (!assessments.has(item.assessment_id) || !files.has(item.sha256))
      throw malformed(`evidence item ${item.id} refers outside the package`);
  }
  for (const f of t['evidence-files'])
    if (!listed.has(`evidence/${f.sha256}`)) throw malformed(`evidence file ${f.sha256} is not in the package`);
  for (const l of t['evidence-links'])
    if (!items.has(l.evidence_item_id) || !assessments.has(l.assessment_id)) throw malformed(`an evidence link refers outside the package`);
  for (const r of t.reports) {
    if (!assessments.has(r.assessment_id)) throw malformed(`report ${r.sha256} belongs to an assessment not in the package`);
    if (!listed.has(`reports/${r.sha256}.pdf`)) throw malformed(`report ${r.sha256} is not in the package`);
  }
}

function malformed(detail: string): AppError {
  return new AppError('validation', `The package's records are not valid: ${detail}. Nothing was imported.`, [
    { path: [], message: exchangeRefusal('recordsInvalid', { detail }) },
  ]);
}
