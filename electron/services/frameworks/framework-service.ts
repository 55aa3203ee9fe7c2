import fs from 'node:fs';
import path from 'node:path';
import { frameworkContentHash, validateFramework, type Framework, type Problem } from '../../../shared/framework';
import type { FileFormat } from '../../../shared/framework/check-file';
import { compareFrameworks } from '../../../shared/framework/compare';
import type { Comparison, FileCheckResult, FrameworkVersionSummary, ImportPreview } from '../../../shared/framework/contract';
import { formatProblem, type LocatedProblem } from '../../../shared/framework/located-problem';
import { AppError } from '../../../shared/ipc/result';
import { canonicalJson } from '../../../shared/util/canonical-json';
import type { Mutator } from '../db/mutator';
import { newId } from '../support/ids';
import { checkFrameworkFile, frameworkToFile, type FrameworkFile } from './framework-files';
import type { FrameworkRepository, FrameworkVersionRow } from './framework-repository';

export interface LoadedFramework {
  summary: FrameworkVersionSummary;
  framework: Framework;
}

export type ImportOutcome = { status: 'imported' | 'unchanged'; summary: FrameworkVersionSummary; warnings: Problem[] };

/**
 * Who "added" a framework shipped with the app. It is installed on first run, before anyone has a
 * profile, so the person on record would otherwise be the operating-system account ("root").
 */
export const bundledFrameworkAuthor = 'TVET Inspector';

/** The framework library: immutable, content-hashed versions, and the bundled default framework. */
export class FrameworkService {
  // Versions never change once stored, so a parsed copy can be kept for the life of the process.
  private readonly cache = new Map<string, LoadedFramework>();

  constructor(
    private readonly repository: FrameworkRepository,
    private readonly mutator: Mutator,
  ) {}

  list(): FrameworkVersionSummary[] {
    return this.repository.list().map(toSummary);
  }

  get(id: string): LoadedFramework {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.repository.get(id);
    if (!row) throw new AppError('not-found', 'No framework version has this id.');
    const loaded = { summary: toSummary(row), framework: JSON.parse(row.content) as Framework };
    this.cache.set(id, loaded);
    return loaded;
  }

  /**
   * Stores a validated framework as a new immutable version. Importing the same content again changes
   * nothing and says so; the same id and version with different content is refused, because a version
   * that assessments may pin must never mean two things.
   */
  importFramework(input: unknown, source: string, fileName?: string, importedBy?: string): ImportOutcome {
    const validation = validateFramework(input);
    if (!validation.ok) {
      throw new AppError(
        'validation',
        'The framework has errors; nothing was imported.',
        validation.errors.map((p) => ({ path: p.path, message: p.message })),
      );
    }
    const framework = validation.framework;
    const contentHash = frameworkContentHash(framework);
    const existing = this.repository.find(framework.id, framework.version);
    if (existing) {
      if (existing.content_hash === contentHash)
        return { status: 'unchanged', summary: toSummary(existing), warnings: validation.warnings };
      throw new AppError(
        'conflict',
        `Version ${framework.version} of “${framework.id}” already exists with different content. Give the changed framework a new version number.`,
      );
    }
    const id = newId();
    this.mutator.run((m) => {
      this.repository.insert({
        id,
        framework_id: framework.id,
        version: framework.version,
        title_en: framework.title.en,
        title_bn: framework.title.bn,
        content_hash: contentHash,
        content: canonicalJson(framework),
        criteria: framework.groups.reduce((n, g) => n + g.criteria.length, 0),
        source,
        imported_at: m.at,
        imported_by: importedBy ?? m.actor.name,
      });
      m.record({
        entity: 'framework-version',
        entityId: id,
        action: 'import',
        payload: { frameworkId: framework.id, version: framework.version, contentHash, source, ...(fileName ? { fileName } : {}) },
      });
    });
    return { status: 'imported', summary: toSummary(this.repository.get(id)!), warnings: validation.warnings };
  }

  /** Checks a framework file (JSON, XLSX or CSV) and says what importing it would do; stores nothing. */
  async checkFile(fileName: string, bytes: Buffer): Promise<FileCheckResult> {
    const check = await checkFrameworkFile(fileName, bytes);
    return {
      format: check.format,
      ok: check.ok,
      errors: check.errors,
      warnings: check.warnings,
      preview: check.framework ? this.preview(check.framework) : null,
    };
  }

  /** Imports a framework file as a new version. A file with any error imports nothing. */
  async importFile(fileName: string, bytes: Buffer): Promise<ImportOutcome & { warnings: LocatedProblem[] }> {
    const check = await checkFrameworkFile(fileName, bytes);
    if (!check.ok || !check.framework) {
      throw new AppError(
        'validation',
        `The file has ${check.errors.length} error(s); nothing was imported.`,
        check.errors.map((p) => ({ path: p.path, message: formatProblem(p) })),
      );
    }
    // Parsing above is asynchronous; the write itself is one synchronous transaction.
    const outcome = this.importFramework(check.framework, `import:${check.format}`, path.basename(fileName).slice(0, 255));
    return { ...outcome, warnings: check.warnings };
  }

  async exportVersion(id: string, format: FileFormat): Promise<FrameworkFile> {
    return frameworkToFile(this.get(id).framework, format);
  }

  compare(olderId: string, newerId: string): Comparison {
    const older = this.get(olderId);
    const newer = this.get(newerId);
    const side = (v: LoadedFramework) => ({
      summary: v.summary,
      conditions: v.framework.conditions,
      evidenceTypes: v.framework.evidenceTypes,
    });
    return { older: side(older), newer: side(newer), ...compareFrameworks(older.framework, newer.framework) };
  }

  private preview(framework: Framework): ImportPreview {
    const contentHash = frameworkContentHash(framework);
    const existing = this.repository.find(framework.id, framework.version);
    const preview: ImportPreview = {
      frameworkId: framework.id,
      version: framework.version,
      titleEn: framework.title.en,
      titleBn: framework.title.bn,
      groups: framework.groups.length,
      criteria: framework.groups.reduce((n, g) => n + g.criteria.length, 0),
      contentHash,
      existing: existing === undefined ? 'new' : existing.content_hash === contentHash ? 'same' : 'conflict',
    };
    if (existing) preview.existingId = existing.id;
    return preview;
  }

  /** Makes sure every framework shipped in resources/frameworks is in the library (first run, upgrades). */
  installBundled(folder: string): void {
    let files: string[];
    try {
      files = fs.readdirSync(folder).filter((f) => f.endsWith('.json'));
    } catch {
      return;
    }
    for (const file of files.sort()) {
      const input = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as unknown;
      this.importFramework(input, 'bundled', undefined, bundledFrameworkAuthor);
    }
  }
}

function toSummary(row: Omit<FrameworkVersionRow, 'content'>): FrameworkVersionSummary {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    version: row.version,
    titleEn: row.title_en,
    titleBn: row.title_bn,
    contentHash: row.content_hash,
    criteria: row.criteria,
    source: row.source,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}
