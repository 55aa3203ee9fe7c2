import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import { divisions } from '../../../shared/institutions/reference-data';
import { PACKAGE_EXTENSION, type ExportScope, type PackagePreview } from '../../../shared/exchange/schema';
import { exchangeRefusalInEnglish } from '../../../shared/exchange/refusals';
import type { AppServices } from '../../services/app-services';
import { exitCodes, openServices, readPassphrase, UsageError, type Output } from '../cli-context';

export const packageUsage = `package export <assessmentId…> | --institution <id> | --reference [--division <code>]
               --identity <id> [--out <file.tvetpkg>] [--passphrase-file <file>]
  writes a signed package (every revision, ratings, evidence, corrective actions, reports, change-log entries)
package inspect <file.tvetpkg> [--json]
  checks a package (signature, every hash, the records) and says what importing it would change; writes nothing
package import <file.tvetpkg|folder> [--dry-run] [--json]
  imports one package or every package in a folder; a package with conflicts is left for the app's conflict screen`;

export async function runPackage(args: string[], o: Output): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      institution: { type: 'string' },
      reference: { type: 'boolean' },
      division: { type: 'string' },
      identity: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (verb === 'export') {
    const scope = exportScope(positionals, values.institution, values.reference ?? false, values.division);
    if (!values.identity) throw new UsageError('package export needs --identity <id> (see "identity list").');
    const passphrase = readPassphrase(values['passphrase-file']);
    return withServices(values['data-dir'], async (s) => {
      const out = values.out ? path.resolve(values.out) : undefined;
      const written = await s.exchange.exports.run({ scope, identityId: values.identity ?? '', passphrase }, out);
      const target = out ?? path.resolve(written.fileName);
      if (!out) await fs.promises.copyFile(written.path, target);
      if (o.json) o.out(JSON.stringify({ ok: true, file: target, size: written.size, sha256: written.sha256 }, null, 2));
      else o.out(`Package written to ${target}\n  ${megabytes(written.size)} MB, SHA-256 ${written.sha256}`);
      return exitCodes.ok;
    });
  }
  if (verb === 'inspect' || verb === 'import') {
    if (positionals.length !== 1) throw new UsageError(`package ${verb} needs exactly one file${verb === 'import' ? ' or folder' : ''}.`);
    const target = path.resolve(positionals[0] ?? '');
    const files = verb === 'import' ? packagesAt(target) : [target];
    const dryRun = verb === 'inspect' || (values['dry-run'] ?? false);
    return withServices(values['data-dir'], async (s) => importAll(s, files, dryRun, o));
  }
  throw new UsageError(`Unknown command "package ${verb ?? ''}".`);
}

function exportScope(ids: string[], institution: string | undefined, reference: boolean, division: string | undefined): ExportScope {
  const given = [ids.length > 0, institution !== undefined, reference].filter(Boolean).length;
  if (given !== 1) throw new UsageError('package export needs assessment ids, or --institution <id>, or --reference.');
  if (division !== undefined && !reference) throw new UsageError('--division goes with --reference.');
  if (reference) {
    if (division !== undefined && !(divisions as readonly string[]).includes(division))
      throw new UsageError(`--division must be one of ${divisions.join(', ')}.`);
    return { kind: 'reference', division: division ?? null };
  }
  if (institution !== undefined) return { kind: 'institution', institutionId: institution };
  return { kind: 'assessments', assessmentIds: ids };
}

function packagesAt(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new AppError('not-found', `There is nothing at ${target}.`);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(PACKAGE_EXTENSION))
    .map((e) => path.join(target, e.name))
    .sort();
}

type FileResult =
  | { file: string; result: 'imported' | 'already-imported' | 'would-import' | 'conflicts'; preview: PackagePreview; counts?: object }
  | { file: string; result: 'refused'; reason: string };

/** One package after another; each is previewed first and applied only when nobody needs to choose. */
async function importAll(s: AppServices, files: string[], dryRun: boolean, o: Output): Promise<number> {
  const results: FileResult[] = [];
  for (const file of files) {
    let uploadId: string | null = null;
    try {
      uploadId = s.exchange.staging.register(file).uploadId;
      const preview = await s.exchange.imports.preview(uploadId);
      if (preview.alreadyImported) results.push({ file, result: 'already-imported', preview });
      else if (preview.conflicts.length > 0) results.push({ file, result: 'conflicts', preview });
      else if (dryRun) results.push({ file, result: 'would-import', preview });
      else {
        const outcome = await s.exchange.imports.apply(uploadId, []);
        uploadId = null;
        results.push({ file, result: 'imported', preview, counts: outcome });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ file, result: 'refused', reason: reasonOf(error) });
    } finally {
      if (uploadId) s.exchange.imports.discard(uploadId);
    }
  }
  const failed = results.some((r) => r.result === 'refused' || r.result === 'conflicts');
  if (o.json) o.out(JSON.stringify({ ok: !failed, packages: results }, null, 2));
  else for (const r of results) o.out(describe(r));
  if (results.length === 0) o.err('No .tvetpkg files were found.');
  return failed || results.length === 0 ? exitCodes.failed : exitCodes.ok;
}

function describe(r: FileResult): string {
  const name = path.basename(r.file);
  if (r.result === 'refused') return `${name}: refused — ${r.reason}`;
  const p = r.preview;
  const signer = `${p.signer.name}${p.signer.organisation ? `, ${p.signer.organisation}` : ''} (${trustWords[p.signer.trust]})`;
  const adds = p.changes.filter((c) => c.action === 'add').length;
  const updates = p.changes.filter((c) => c.action === 'update').length;
  const head = `${name}: ${p.kind} package of ${p.createdAt.slice(0, 10)}, signed by ${signer}\n  contains ${p.contents.institutions} institutions, ${p.contents.programmes} programmes, ${p.contents.assessments} assessments, ${p.contents.evidenceFiles} evidence files, ${p.contents.reports} reports; signature, hashes and change-log entries verified`;
  switch (r.result) {
    case 'already-imported':
      return `${head}\n  already imported — nothing changed`;
    case 'would-import':
      return `${head}\n  would add ${adds} and update ${updates} records (dry run: nothing written)`;
    case 'conflicts':
      return `${head}\n  ${p.conflicts.length} records were changed both here and in the package: open the package in the app to choose (nothing written)\n${p.conflicts.map((c) => `    ${c.entity} ${c.label.en}${c.criterionId ? ` ${c.criterionId}` : ''}: ${c.fields.map((f) => f.field).join(', ')}`).join('\n')}`;
    case 'imported':
      return `${head}\n  imported: ${adds} added, ${updates} updated`;
  }
}

const trustWords = {
  trusted: 'chains to a trusted root',
  'self-signed': 'self-signed trial identity — not vouched for by a trusted root',
  untrusted: 'signer not vouched for by a trusted root',
} as const;

function reasonOf(error: AppError): string {
  const keyed = error.issues?.find((i) => i.message.startsWith('exchange.refused.'));
  return keyed ? exchangeRefusalInEnglish(keyed.message) : error.message;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

async function withServices(dataDir: string | undefined, work: (s: AppServices) => Promise<number>): Promise<number> {
  const services = openServices(dataDir);
  try {
    return await work(services);
  } finally {
    services.close();
  }
}
