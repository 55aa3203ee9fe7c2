import fs from 'node:fs';
import { exchangeRefusal } from '../../../shared/exchange/refusals';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import type { ExportScope, JobState } from '../../../shared/exchange/schema';
import { PACKAGE_EXTENSION } from '../../../shared/exchange/schema';
import type { Db } from '../db/open-database';
import type { Mutator } from '../db/mutator';
import { openWithPassphrase } from '../signing/check-passphrase';
import type { IdentityStore, UnlockedIdentity } from '../signing/identity-store';
import type { TrustedRoots } from '../signing/trusted-roots';
import type { Clock } from '../support/clock';
import { newId } from '../support/ids';
import { writePackage, type PackageSource } from './container';
import { ExportCollector, type CollectedPackage } from './export-collector';
import { Jobs } from './jobs';
import { changeLogHead } from './change-log-head';

export interface ExportDeps {
  db: Db;
  mutator: Mutator;
  identities: IdentityStore;
  trustedRoots: TrustedRoots;
  clock: Clock;
  appVersion: string;
  /** Where a stored evidence file and a kept signed report live on disk. */
  evidencePath: (sha256: string) => string;
  reportPath: (sha256: string) => string;
  outgoingDir: string;
}

export interface ExportRequest {
  scope: ExportScope;
  identityId: string;
  passphrase: string;
}

type Exported = NonNullable<JobState['exported']>;

/** What `prepare` hands to the write: the records, and the key opened once for the manifest's signature. */
interface Prepared {
  collected: CollectedPackage;
  unlocked: UnlockedIdentity;
}

/**
 * Writes packages: collects the records (export-collector), streams them with the evidence files and
 * reports into a signed .tvetpkg under `<dataDir>/packages/outgoing/<exportId>/`, and records the export
 * — with the change-log head the package carries — in the change log.
 */
export class ExportService {
  private readonly jobs = new Jobs();
  private readonly collector: ExportCollector;

  constructor(private readonly deps: ExportDeps) {
    this.collector = new ExportCollector(deps.db);
  }

  /** Starts an export in the background (the screens poll `job`); problems found before writing are thrown at once. */
  start(request: ExportRequest): JobState {
    const prepared = this.prepare(request);
    return this.jobs.start((progress) => this.write(prepared, request, progress));
  }

  job(jobId: string): JobState {
    return this.jobs.get(jobId);
  }

  /** The command line's export: the same steps, awaited. */
  async run(request: ExportRequest, outFile?: string, progress?: (done: number, total: number) => void): Promise<Exported> {
    return this.write(this.prepare(request), request, progress ?? (() => {}), outFile);
  }

  /** The written file of a finished export. */
  fileOf(exportId: string): { path: string; fileName: string; size: number } {
    const dir = path.join(this.deps.outgoingDir, exportId);
    const name =
      /^[0-9a-f-]{36}$/.test(exportId) && fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith(PACKAGE_EXTENSION)) : undefined;
    if (!name) throw new AppError('not-found', 'This exported package is no longer here. Export it again.');
    const file = path.join(dir, name);
    return { path: file, fileName: name, size: fs.statSync(file).size };
  }

  /**
   * Everything that can fail quickly fails before the long write: a wrong passphrase, an unknown id,
   * nothing to export. The key is opened here, once (600,000 PBKDF2 rounds), and signs the manifest later.
   */
  private prepare(request: ExportRequest): Prepared {
    const unlocked = openWithPassphrase(this.deps.identities, request.identityId, request.passphrase);
    const collected = this.collector.collect(request.scope);
    if (collected.kind === 'assessments' && collected.tables.assessments.length === 0)
      throw new AppError('validation', 'This institution has no assessments to export yet.', [
        { path: ['scope'], message: exchangeRefusal('nothingToExport') },
      ]);
    return { collected, unlocked };
  }

  private async write(
    { collected, unlocked }: Prepared,
    request: ExportRequest,
    progress: (done: number, total: number) => void,
    outFile?: string,
  ): Promise<Exported> {
    const exportId = newId();
    const fileName = packageFileName(collected, this.deps.clock.now());
    const target = outFile ?? path.join(this.deps.outgoingDir, exportId, fileName);
    const sources = this.sources(collected);
    const head = changeLogHead(this.deps.db);
    const t = collected.tables;
    let signer: { name: string; organisation: string; role: string; fingerprint: string } | null = null;
    const written = await writePackage(target, {
      kind: collected.kind,
      appVersion: this.deps.appVersion,
      createdAt: this.deps.clock.now(),
      creator: this.creator(request.identityId),
      changeLog: { headHash: head.hash, count: head.count },
      contents: {
        frameworks: t['framework-versions'].length,
        institutions: t.institutions.length,
        programmes: t.programmes.length,
        assessments: t.assessments.length,
        evidenceFiles: t['evidence-files'].length,
        evidenceBytes: t['evidence-files'].reduce((n, f) => n + f.size, 0),
        reports: t.reports.length,
        trustedRoots: sources.filter((s) => s.path.startsWith('trusted-roots/')).length,
      },
      sources,
      sign: (manifest: Buffer) => {
        const signed = unlocked.signDetached(manifest);
        signer = signed.signer;
        return signed.cms;
      },
      onProgress: progress,
    });
    this.deps.mutator.run((m) =>
      m.record({
        entity: 'package',
        entityId: written.packageId,
        action: 'exported',
        payload: {
          fileName,
          sha256: written.sha256,
          scope: request.scope,
          changeLog: head,
          signerFingerprint: signer?.fingerprint ?? '',
          assessments: t.assessments.map((a) => a.id),
        },
      }),
    );
    return { exportId, fileName: path.basename(target), size: written.size, sha256: written.sha256, path: target };
  }

  private creator(identityId: string) {
    const identity = this.deps.identities.get(identityId);
    return {
      name: identity.name,
      organisation: identity.organisation,
      role: identity.role,
      certificateFingerprint: identity.fingerprintSha256,
    };
  }

  private sources(c: CollectedPackage): PackageSource[] {
    const sources: PackageSource[] = [];
    for (const [name, rows] of Object.entries(c.tables)) {
      if (rows.length === 0) continue;
      sources.push({ path: `data/${name}.json`, bytes: Buffer.from(JSON.stringify(rows)) });
    }
    for (const [id, content] of c.frameworkContents) sources.push({ path: `frameworks/${id}.json`, bytes: Buffer.from(content) });
    for (const f of c.tables['evidence-files']) {
      const file = this.deps.evidencePath(f.sha256);
      if (!fs.existsSync(file))
        throw new AppError(
          'io',
          `An evidence file of this assessment is missing from the evidence store (${f.sha256}). Run the evidence check.`,
        );
      sources.push({ path: `evidence/${f.sha256}`, file });
    }
    for (const r of c.tables.reports) {
      const file = this.deps.reportPath(r.sha256);
      if (fs.existsSync(file)) sources.push({ path: `reports/${r.sha256}.pdf`, file });
    }
    if (c.kind === 'reference')
      for (const root of this.deps.trustedRoots.certificates())
        sources.push({
          path: `trusted-roots/${root.fingerprint256.replace(/:/g, '').toLowerCase()}.pem`,
          bytes: Buffer.from(`${root.toString().trim()}\n`),
        });
    return sources;
  }
}

/** Says what is inside, in ASCII so every file system and mail program keeps it: tvet-<what>-<date>.tvetpkg. */
export function packageFileName(c: CollectedPackage, now: string): string {
  const slug = c.nameHint
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `tvet-${slug || c.kind}-${now.slice(0, 10)}${PACKAGE_EXTENSION}`;
}
