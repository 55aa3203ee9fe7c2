import fs from 'node:fs';
import { exchangeRefusal } from '../../../shared/exchange/refusals';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result';
import type { ConflictChoice, ImportOutcome, ImportRecord, PackagePreview } from '../../../shared/exchange/schema';
import type { Db } from '../db/open-database';
import type { Mutator } from '../db/mutator';
import { detectMediaType } from '../evidence/media-type';
import type { Clock } from '../support/clock';
import { newId } from '../support/ids';
import { ensurePrivateDir } from '../support/private-files';
import { openPackage, type OpenedPackage } from './container';
import { applyImport } from './import-apply';
import { planImport, type ImportPlan } from './import-plan';
import { readPackageContent, type PackageContent } from './package-content';
import type { PackageStaging } from './package-staging';

export interface ImportDeps {
  db: Db;
  mutator: Mutator;
  staging: PackageStaging;
  clock: Clock;
  trustedRoots: () => X509Certificate[];
  /** Adds a trusted root from a reference package (idempotent). */
  addTrustedRoot: (pem: string) => void;
  evidencePath: (sha256: string) => string;
  evidenceTempDir: string;
  reportPath: (sha256: string) => string;
  maxEvidenceFileBytes: () => number;
  recount: (assessmentId: string) => number;
  /** Called inside the import transaction for each assessment that arrives finalised (head-office facts). */
  onFinalisedArrived?: (db: Db, assessmentId: string) => void;
  /** A backup of the data folder, taken once the import is known to write something (refused if it cannot be made). */
  beforeApply?: () => Promise<unknown>;
}

interface Previewed {
  opened: OpenedPackage;
  content: PackageContent;
  preview: PackagePreview;
}

/**
 * Imports packages in two steps. `preview` opens the package, checks everything (signature, every
 * entry's hash, the records, the change-log entries) and plans what would change — writing nothing.
 * `apply` plans again against the database as it is now (someone may have worked meanwhile), insists on
 * a choice for every conflict, puts the evidence files and reports in place, and then writes all
 * records in one transaction. Files put in place for a transaction that fails are removed again.
 */
export class ImportService {
  private readonly previews = new Map<string, Previewed>();

  constructor(private readonly deps: ImportDeps) {}

  async preview(uploadId: string): Promise<PackagePreview> {
    return (await this.open(uploadId)).preview;
  }

  async apply(uploadId: string, choices: ConflictChoice[]): Promise<ImportOutcome> {
    const { opened, content, preview } = await this.open(uploadId);
    if (preview.alreadyImported) {
      this.discard(uploadId);
      return {
        packageId: preview.packageId,
        status: 'already-imported',
        added: 0,
        updated: 0,
        unchanged: 0,
        conflictsResolved: 0,
        assessmentIds: [],
        institutionIds: [],
      };
    }
    const plan = planImport(this.deps.db, content.tables);
    const missing = plan.conflicts.filter((c) => !hasChoice(choices, c));
    if (missing.length > 0)
      throw new AppError(
        'validation',
        `${missing.length} conflicts have no choice (or appeared since the preview). Nothing was imported.`,
        [{ path: ['choices'], message: exchangeRefusal('choicesMissing', { count: missing.length }) }],
      );

    await this.deps.beforeApply?.();
    const placed = await this.placeFiles(opened, content, plan);
    let counts;
    try {
      counts = this.deps.mutator.run((m) => {
        this.recordPackage(m.db, m.at, m.actor.name, preview, content);
        const result = applyImport(m, {
          packageId: preview.packageId,
          tables: content.tables,
          frameworkContents: content.frameworkContents,
          plan,
          choices,
          recount: this.deps.recount,
        });
        for (const r of content.tables.reports) {
          if (!placed.reports.has(r.sha256)) continue;
          m.record({
            entity: 'report',
            entityId: r.sha256,
            action: 'imported',
            payload: {
              assessmentId: r.assessment_id,
              language: r.language,
              signerFingerprint: r.signer_fingerprint,
              signedAt: r.signed_at,
              signedBy: r.signed_by,
              packageId: preview.packageId,
            },
          });
        }
        const statusOf = m.db.prepare<[string], { status: string }>('SELECT status FROM assessments WHERE id = ?');
        for (const a of plan.assessments)
          if (a.action !== 'unchanged' && statusOf.get(a.row.id)?.status === 'finalised') this.deps.onFinalisedArrived?.(m.db, a.row.id);
        m.record({
          entity: 'package',
          entityId: preview.packageId,
          action: 'imported',
          payload: {
            fileName: preview.fileName,
            signer: preview.signer,
            contents: preview.contents,
            changeLog: preview.changeLogHead,
            counts: result,
          },
        });
        return result;
      });
    } catch (error) {
      for (const file of placed.created) fs.rmSync(file, { force: true });
      throw error;
    }
    for (const pem of content.trustedRoots) this.deps.addTrustedRoot(pem);
    this.discard(uploadId);
    return {
      packageId: preview.packageId,
      status: 'imported',
      ...counts,
      assessmentIds: content.tables.assessments.map((a) => a.id),
      institutionIds: content.tables.institutions.map((i) => i.id),
    };
  }

  discard(uploadId: string): void {
    this.previews.get(uploadId)?.opened.close();
    this.previews.delete(uploadId);
    this.deps.staging.discard(uploadId);
  }

  history(): ImportRecord[] {
    return this.deps.db
      .prepare<
        [],
        {
          package_id: string;
          file_name: string;
          kind: 'assessments' | 'reference';
          signer_name: string;
          signer_trust: ImportRecord['signerTrust'];
          imported_at: string;
          imported_by: string;
          summary: string;
        }
      >(
        `SELECT package_id, file_name, kind, signer_name, signer_trust, imported_at, imported_by, summary
         FROM imported_packages ORDER BY imported_at DESC LIMIT 500`,
      )
      .all()
      .map((r) => ({
        packageId: r.package_id,
        fileName: r.file_name,
        kind: r.kind,
        signerName: r.signer_name,
        signerTrust: r.signer_trust,
        importedAt: r.imported_at,
        importedBy: r.imported_by,
        summary: r.summary,
      }));
  }

  private async open(uploadId: string): Promise<Previewed> {
    const cached = this.previews.get(uploadId);
    if (cached) return { ...cached, preview: { ...cached.preview, ...this.plan(cached.content, cached.preview.packageId) } };
    const staged = this.deps.staging.get(uploadId);
    const opened = await openPackage(staged.file, {
      trustedRoots: this.deps.trustedRoots(),
      now: new Date(this.deps.clock.now()),
      limits: { maxEvidenceFileBytes: this.deps.maxEvidenceFileBytes() },
    });
    try {
      await opened.verifyAll();
      const content = await readPackageContent(opened);
      content.trustedRoots = await this.readRoots(opened);
      this.checkFrameworks(content);
      const m = opened.manifest;
      const t = content.tables;
      const preview: PackagePreview = {
        uploadId,
        packageId: opened.packageId,
        fileName: staged.fileName,
        kind: m.kind,
        formatVersion: m.formatVersion,
        appVersion: m.appVersion,
        createdAt: m.createdAt,
        signer: opened.signer,
        checks: [
          { name: 'signature', ok: true },
          { name: 'hashes', ok: true },
          { name: 'change-log', ok: true },
          { name: 'entries', ok: true },
        ],
        changeLogHead: { hash: m.changeLog.headHash, count: m.changeLog.count },
        contents: { ...m.contents, frameworks: t['framework-versions'].length },
        ...this.plan(content, opened.packageId),
      };
      const previewed = { opened, content, preview };
      this.previews.set(uploadId, previewed);
      return previewed;
    } catch (error) {
      opened.close();
      throw error;
    }
  }

  private plan(content: PackageContent, packageId: string): Pick<PackagePreview, 'alreadyImported' | 'changes' | 'conflicts'> {
    const alreadyImported = this.deps.db.prepare('SELECT 1 FROM imported_packages WHERE package_id = ?').get(packageId) !== undefined;
    const plan = planImport(this.deps.db, content.tables);
    return {
      alreadyImported,
      changes: [
        ...content.tables['framework-versions'].map((f) => ({
          entity: 'framework' as const,
          id: f.id,
          label: { en: `${f.title_en} ${f.version}`, bn: `${f.title_bn} ${f.version}` },
          action: this.frameworkHere(f.framework_id, f.version) ? ('unchanged' as const) : ('add' as const),
        })),
        ...plan.changes,
        ...this.rootChanges(content.trustedRoots),
      ],
      conflicts: alreadyImported ? [] : plan.conflicts,
    };
  }

  /** Roots a reference package would add to this machine's trusted roots (by certificate fingerprint). */
  private rootChanges(pems: string[]): PackagePreview['changes'] {
    const here = new Set(this.deps.trustedRoots().map((c) => c.fingerprint256));
    return pems.flatMap((pem) => {
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(pem);
      } catch {
        return [];
      }
      const name = /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? cert.subject;
      return [
        {
          entity: 'trusted-root' as const,
          id: cert.fingerprint256,
          label: { en: name, bn: name },
          action: here.has(cert.fingerprint256) ? ('unchanged' as const) : ('add' as const),
        },
      ];
    });
  }

  private frameworkHere(frameworkId: string, version: string): boolean {
    return (
      this.deps.db.prepare('SELECT 1 FROM framework_versions WHERE framework_id = ? AND version = ?').get(frameworkId, version) !==
      undefined
    );
  }

  /** A framework version is immutable: the same id and version with other content cannot be imported. */
  private checkFrameworks(content: PackageContent): void {
    for (const f of content.tables['framework-versions']) {
      const here = this.deps.db
        .prepare<[string, string], { content_hash: string }>(
          'SELECT content_hash FROM framework_versions WHERE framework_id = ? AND version = ?',
        )
        .get(f.framework_id, f.version);
      if (here && here.content_hash !== f.content_hash)
        throw new AppError(
          'validation',
          `Framework ${f.framework_id} ${f.version} here differs from the package's. Nothing was imported.`,
          [{ path: [], message: exchangeRefusal('frameworkDiffers', { framework: `${f.framework_id} ${f.version}` }) }],
        );
    }
  }

  private async readRoots(opened: OpenedPackage): Promise<string[]> {
    const roots: string[] = [];
    for (const e of opened.manifest.entries) {
      if (!e.path.startsWith('trusted-roots/')) continue;
      roots.push((await opened.readBytes(e.path, 64 * 1024)).toString('utf8').trim());
    }
    return roots;
  }

  /**
   * Evidence files and reports that are not here yet are extracted (hash-checked by the container) to
   * a temporary name and renamed into place before the records are written; they are content-addressed,
   * so a file that is already here is never touched.
   */
  private async placeFiles(
    opened: OpenedPackage,
    content: PackageContent,
    plan: ImportPlan,
  ): Promise<{ created: string[]; reports: Set<string> }> {
    const created: string[] = [];
    const reports = new Set<string>();
    const arriving = new Set(plan.assessments.filter((a) => a.action !== 'unchanged').map((a) => a.row.id));
    // Types are checked by their bytes as when attaching; text formats also need the name's extension.
    const needed = new Map(
      content.tables['evidence-items'].filter((i) => arriving.has(i.assessment_id)).map((i) => [i.sha256, i.original_name]),
    );
    try {
      for (const [sha, name] of needed) {
        const target = this.deps.evidencePath(sha);
        if (fs.existsSync(target)) continue;
        const temp = path.join(this.deps.evidenceTempDir, `${newId()}.part`);
        ensurePrivateDir(this.deps.evidenceTempDir);
        await opened.extractTo(`evidence/${sha}`, temp);
        if (detectMediaType(fileHead(temp), name) === null) {
          fs.rmSync(temp, { force: true });
          throw new AppError(
            'validation',
            `An evidence file in the package (${sha}) is not an allowed evidence type. Nothing was imported.`,
            [{ path: [], message: exchangeRefusal('evidenceType', { entry: `evidence/${sha}` }) }],
          );
        }
        ensurePrivateDir(path.dirname(target));
        fs.renameSync(temp, target);
        created.push(target);
      }
      for (const r of content.tables.reports) {
        const target = this.deps.reportPath(r.sha256);
        if (!fs.existsSync(target)) {
          ensurePrivateDir(path.dirname(target));
          const temp = `${target}.${newId()}.part`;
          await opened.extractTo(`reports/${r.sha256}.pdf`, temp);
          fs.renameSync(temp, target);
          created.push(target);
        }
        reports.add(r.sha256);
      }
    } catch (error) {
      for (const file of created) fs.rmSync(file, { force: true });
      throw error;
    }
    // Reports already kept here from an earlier import or signature are recorded only once.
    const recorded = this.deps.db.prepare(
      `SELECT 1 FROM change_log WHERE entity = 'report' AND entity_id = ? AND action IN ('signed', 'imported')`,
    );
    for (const sha of [...reports]) if (recorded.get(sha)) reports.delete(sha);
    return { created, reports };
  }

  private recordPackage(db: Db, at: string, by: string, p: PackagePreview, content: PackageContent): void {
    db.prepare(
      `INSERT INTO imported_packages (package_id, file_name, kind, created_at, app_version, signer_name, signer_fingerprint, signer_trust,
         change_log_head, change_log_count, summary, imported_at, imported_by)
       VALUES (@package_id, @file_name, @kind, @created_at, @app_version, @signer_name, @signer_fingerprint, @signer_trust,
         @change_log_head, @change_log_count, @summary, @imported_at, @imported_by)`,
    ).run({
      package_id: p.packageId,
      file_name: p.fileName,
      kind: p.kind,
      created_at: p.createdAt,
      app_version: p.appVersion,
      signer_name: p.signer.name,
      signer_fingerprint: p.signer.fingerprint,
      signer_trust: p.signer.trust,
      change_log_head: p.changeLogHead.hash,
      change_log_count: p.changeLogHead.count,
      summary: JSON.stringify(p.contents),
      imported_at: at,
      imported_by: by,
    });
    // The sender's entries are kept as they were (their own hashes), except those this machine wrote itself.
    const insert = db.prepare(
      `INSERT OR IGNORE INTO imported_change_log (id, package_id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       SELECT @id, @package_id, @at, @actor_id, @actor_name, @entity, @entity_id, @action, @payload, @prev_hash, @hash
       WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE id = @id)`,
    );
    for (const e of content.tables['change-log']) insert.run({ ...e, package_id: p.packageId });
  }
}

function hasChoice(choices: ConflictChoice[], c: PackagePreview['conflicts'][number]): boolean {
  if (c.entity === 'rating')
    return choices.some(
      (ch) =>
        ch.entity === 'rating' &&
        ch.id === c.id &&
        ch.criterionId === c.criterionId &&
        (ch.programmeId ?? null) === (c.programmeId ?? null),
    );
  return c.fields.every((f) => choices.some((ch) => ch.entity === c.entity && ch.id === c.id && ch.field === f.field));
}

/**
 * The first 64 KB of a file: all that detectMediaType reads (its magic numbers, and 8 KB of a text
 * file), without reading a whole photo back from disk a second time.
 */
function fileHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}
