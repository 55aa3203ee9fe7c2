import type {
  AttachDetails,
  AttachRequest,
  EvidenceItem,
  EvidenceLimits,
  EvidenceLink,
  IntegrityReport,
} from '../../../shared/evidence/schema';
import { acceptedExtensions, type EvidenceMediaType } from '../../../shared/evidence/media-types';
import { megabytes, refusal } from '../../../shared/evidence/refusals';
import { translateMessage } from '../../../shared/i18n';
import { AppError, type Issue } from '../../../shared/ipc/result';
import type { Language } from '../../../shared/settings/schema';
import type { AssessmentRepository } from '../assessments/assessment-repository';
import type { UnitIndexCache } from '../assessments/unit-index';
import type { MutationContext, Mutator } from '../db/mutator';
import { newId } from '../support/ids';
import type { EvidenceIntegrity } from './evidence-integrity';
import type { EvidenceLimitsStore } from './evidence-limits';
import type { EvidenceRepository } from './evidence-repository';
import { checkDetails, itemNotFound, requireAssessment, requireDraft, staleItem } from './evidence-rules';
import type { EvidenceStore } from './evidence-store';
import type { EvidenceViewing } from './evidence-viewing';
import { safeFileName } from './file-name';
import type { FileDialogs } from './host-adapters';
import { checkIncoming, readChosenFiles, refused, type CheckedFile, type IncomingFile } from './incoming-files';
import { KeyedLock } from './limiter';
import type { ReportImageFiles, ReportImages, Thumbnails } from './thumbnails';
import type { UploadStaging } from './upload-staging';

export interface EvidenceServiceParts {
  repository: EvidenceRepository;
  assessments: AssessmentRepository;
  units: UnitIndexCache;
  store: EvidenceStore;
  thumbnails: Thumbnails;
  limits: EvidenceLimitsStore;
  staging: UploadStaging;
  dialogs: FileDialogs;
  viewing: EvidenceViewing;
  integrity: EvidenceIntegrity;
  mutator: Mutator;
  language: () => Language;
}

export interface AttachResult {
  items: EvidenceItem[];
  /** Files whose bytes were already in the store and were kept once. */
  deduplicated: number;
}

/**
 * Evidence attached to assessments: files are checked and stored (content-addressed, verified) before
 * the database transaction that records them, so a failed transaction leaves at most an unreferenced
 * file, which is harmless and reused by the next attach of the same bytes. A file is deleted only when
 * no item of any assessment refers to it any more.
 */
export class EvidenceService {
  // A file's hash is held while it is stored and recorded, and while its deletion is decided.
  private readonly lock = new KeyedLock();

  constructor(private readonly p: EvidenceServiceParts) {}

  /** Where a stored file lives, and the store's folder for files still being written: packages stream through them. */
  storedFilePath(sha256: string): string {
    return this.p.store.pathOf(sha256);
  }

  get storeTempDir(): string {
    return this.p.store.tempDir;
  }

  maxFileBytes(): number {
    return this.p.limits.get().maxFileBytes;
  }

  limits(): EvidenceLimits {
    return this.p.limits.get();
  }

  setLimits(change: Partial<EvidenceLimits>): EvidenceLimits {
    return this.p.limits.set(change);
  }

  list(assessmentId: string): { items: EvidenceItem[]; totalBytes: number; limits: EvidenceLimits } {
    requireAssessment(this.p.assessments, assessmentId);
    return {
      items: this.p.repository.list(assessmentId),
      totalBytes: this.p.repository.assessmentBytes(assessmentId),
      limits: this.limits(),
    };
  }

  /**
   * Every item of an assessment with the criteria it supports (none: the assessment as a whole), its
   * file's SHA-256, size and type, caption, evidence type, dates and who attached it: what a report lists.
   */
  listForAssessment(assessmentId: string): EvidenceItem[] {
    requireAssessment(this.p.assessments, assessmentId);
    return this.p.repository.list(assessmentId);
  }

  uploadChunk(uploadId: string | null, offset: number, chunkBase64: string): { uploadId: string; received: number } {
    return this.p.staging.append(uploadId, offset, Buffer.from(chunkBase64, 'base64'), this.limits().maxFileBytes);
  }

  async attach(request: AttachRequest): Promise<AttachResult> {
    const head = requireDraft(this.p.assessments, request.assessmentId);
    checkDetails(this.p.units, head, request);
    const issues: Issue[] = [];
    const files: IncomingFile[] = [];
    request.files.forEach((f, index) => {
      const name = safeFileName(f.name);
      const bytes = 'contentBase64' in f ? Buffer.from(f.contentBase64, 'base64') : this.p.staging.take(f.uploadId);
      if (bytes === undefined) issues.push({ path: ['files', index], message: refusal('uploadMissing', { name }) });
      else files.push({ index, name, bytes });
    });
    if (issues.length > 0) throw refused(issues);
    return this.store(request, files);
  }

  /** Desktop app: the main process shows the dialog; the files never pass through the renderer. */
  async attachFromDialog(details: AttachDetails): Promise<AttachResult & { cancelled: boolean }> {
    const head = requireDraft(this.p.assessments, details.assessmentId);
    checkDetails(this.p.units, head, details);
    const language = this.p.language();
    const paths = await this.p.dialogs.chooseFiles({
      title: translateMessage('evidence.dialog.title', language),
      filterName: translateMessage('evidence.dialog.filterAll', language),
      extensions: acceptedExtensions,
    });
    if (paths === null || paths.length === 0) return { cancelled: true, items: [], deduplicated: 0 };
    const files = await readChosenFiles(paths.slice(0, 100), this.limits());
    return { cancelled: false, ...(await this.store(details, files)) };
  }

  update(itemId: string, revision: number, change: { caption: string; evidenceType: string }): EvidenceItem {
    return this.p.mutator.run((m) => {
      const item = this.p.repository.item(itemId) ?? throwError(itemNotFound());
      const head = requireDraft(this.p.assessments, item.assessmentId);
      checkDetails(this.p.units, head, { evidenceType: change.evidenceType, links: [] });
      if (!this.p.repository.update(itemId, revision, change, m.at, m.actor.name)) throw staleItem();
      m.record({ entity: 'evidence', entityId: itemId, action: 'update', payload: { assessmentId: item.assessmentId, ...change } });
      return this.p.repository.item(itemId)!;
    });
  }

  /** The same item supports more criteria; nothing is stored again. */
  link(itemId: string, revision: number, links: readonly EvidenceLink[]): EvidenceItem {
    return this.p.mutator.run((m) => {
      const item = this.p.repository.item(itemId) ?? throwError(itemNotFound());
      const head = requireDraft(this.p.assessments, item.assessmentId);
      const checked = checkDetails(this.p.units, head, { evidenceType: item.evidenceType, links });
      if (item.revision !== revision) throw staleItem();
      const added = checked.filter((l) => this.p.repository.addLink(itemId, item.assessmentId, l, m.at, m.actor.name));
      if (added.length > 0) {
        this.p.repository.touch(itemId, revision, m.at, m.actor.name);
        m.record({ entity: 'evidence', entityId: itemId, action: 'link', payload: { assessmentId: item.assessmentId, links: added } });
      }
      return this.p.repository.item(itemId)!;
    });
  }

  /**
   * Removes an item from one criterion (`from`) or entirely (`from` null); an item removed from its last
   * criterion is removed. The file goes only when no item anywhere — another criterion, another
   * assessment, a finalised assessment — still refers to it.
   */
  async remove(itemId: string, revision: number, from: EvidenceLink | null): Promise<{ itemRemoved: boolean; fileRemoved: boolean }> {
    const outcome = this.p.mutator.run((m) => {
      const item = this.p.repository.item(itemId) ?? throwError(itemNotFound());
      requireDraft(this.p.assessments, item.assessmentId);
      if (item.revision !== revision) throw staleItem();
      let itemRemoved = true;
      if (from !== null) {
        if (!this.p.repository.removeLink(itemId, from))
          throw new AppError('not-found', 'This evidence is no longer attached to this criterion.');
        itemRemoved = item.links.length === 1;
      }
      if (itemRemoved) this.p.repository.deleteItem(itemId);
      else this.p.repository.touch(itemId, revision, m.at, m.actor.name);
      const fileUnused = itemRemoved && this.p.repository.dropFileIfUnused(item.sha256);
      m.record({
        entity: 'evidence',
        entityId: itemId,
        action: itemRemoved ? 'remove' : 'unlink',
        payload: { assessmentId: item.assessmentId, sha256: item.sha256, from, fileUnused },
      });
      return { itemRemoved, fileUnused, sha256: item.sha256 };
    });
    let fileRemoved = false;
    if (outcome.fileUnused) {
      fileRemoved = await this.lock.hold([outcome.sha256], async () => {
        // An attach of the same bytes may have recorded the file again while we waited: then it stays.
        if (this.p.repository.file(outcome.sha256) !== undefined) return false;
        await this.p.store.remove(outcome.sha256);
        await this.p.thumbnails.remove(outcome.sha256);
        return true;
      });
    }
    return { itemRemoved: outcome.itemRemoved, fileRemoved };
  }

  /**
   * For reopening: the new revision starts with every item of the finalised one, inside the same
   * transaction that creates it. Files are shared, so nothing is stored twice, and the finalised
   * revision keeps its own items untouched.
   */
  carryForward(m: MutationContext, fromAssessmentId: string, toAssessmentId: string): number {
    const items = this.p.repository.list(fromAssessmentId);
    for (const item of items) this.p.repository.copyItem(item, newId(), toAssessmentId, m.at, m.actor.name);
    if (items.length > 0) {
      m.record({
        entity: 'evidence',
        entityId: toAssessmentId,
        action: 'carry-forward',
        payload: { fromAssessmentId, items: items.length },
      });
    }
    return items.length;
  }

  thumbnail(itemId: string) {
    return this.p.viewing.thumbnail(itemId);
  }

  /** The preview and the report-sized copies of a stored photo, by its hash (see Thumbnails): what a report prints. */
  previewImage(sha256: string, mediaType: EvidenceMediaType): Promise<Buffer | null> {
    return this.p.thumbnails.get(sha256, mediaType);
  }

  reportImages(sha256: string, mediaType: EvidenceMediaType): Promise<ReportImages | null> {
    return this.p.thumbnails.report(sha256, mediaType);
  }

  /** The same copies as files on disk, for a printer that loads them beside the report's HTML. */
  reportImageFiles(sha256: string, mediaType: EvidenceMediaType): Promise<ReportImageFiles | null> {
    return this.p.thumbnails.reportFiles(sha256, mediaType);
  }

  content(itemId: string) {
    return this.p.viewing.content(itemId);
  }

  openExternal(itemId: string) {
    return this.p.viewing.openExternal(itemId);
  }

  verifyAll(assessmentId: string | null): Promise<IntegrityReport> {
    return this.p.integrity.verify(assessmentId);
  }

  private async store(details: AttachDetails, files: IncomingFile[]): Promise<AttachResult> {
    const limits = this.limits();
    const checked = await checkIncoming(files, limits);
    // Refused before anything is written: nothing of a refused request reaches the disk.
    this.checkRoom(details.assessmentId, checked, limits);
    return this.lock.hold(
      checked.map((c) => c.sha256),
      async () => {
        let deduplicated = 0;
        for (const file of checked) if (!(await this.p.store.put(file.bytes, file.name, file.sha256)).created) deduplicated += 1;
        const ids = this.p.mutator.run((m) => {
          // Checked again inside the transaction: the assessment may have changed while files were written.
          const head = requireDraft(this.p.assessments, details.assessmentId);
          const links = checkDetails(this.p.units, head, details);
          this.checkRoom(details.assessmentId, checked, limits);
          const ids: string[] = [];
          for (const file of checked) {
            this.p.repository.insertFile({ sha256: file.sha256, size: file.bytes.length, mediaType: file.mediaType }, m.at, m.actor.name);
            const id = this.record(m, details, links, file);
            if (!ids.includes(id)) ids.push(id);
          }
          return ids;
        });
        this.p.thumbnails.prefetch(checked);
        return { items: ids.map((id) => this.p.repository.item(id)!), deduplicated };
      },
    );
  }

  /** One file becomes an item; the same file of the same type already in the assessment gains the links instead. */
  private record(
    m: Parameters<Parameters<Mutator['run']>[0]>[0],
    details: AttachDetails,
    links: EvidenceLink[],
    file: CheckedFile,
  ): string {
    const repo = this.p.repository;
    const existing = repo.reusable(details.assessmentId, file.sha256, details.evidenceType);
    if (existing !== undefined) {
      const added = links.filter((l) => repo.addLink(existing, details.assessmentId, l, m.at, m.actor.name));
      if (added.length > 0) {
        repo.touch(existing, repo.item(existing)!.revision, m.at, m.actor.name);
        m.record({ entity: 'evidence', entityId: existing, action: 'link', payload: { assessmentId: details.assessmentId, links: added } });
      }
      return existing;
    }
    const id = newId();
    repo.insertItem(
      {
        id,
        assessmentId: details.assessmentId,
        sha256: file.sha256,
        originalName: file.name,
        caption: details.caption,
        evidenceType: details.evidenceType,
        takenAt: file.takenAt,
      },
      m.at,
      m.actor.name,
    );
    for (const link of links) repo.addLink(id, details.assessmentId, link, m.at, m.actor.name);
    m.record({
      entity: 'evidence',
      entityId: id,
      action: 'attach',
      payload: {
        assessmentId: details.assessmentId,
        sha256: file.sha256,
        size: file.bytes.length,
        mediaType: file.mediaType,
        originalName: file.name,
        evidenceType: details.evidenceType,
        caption: details.caption,
        links,
      },
    });
    return id;
  }

  /** Distinct files count once: the same photo on three criteria uses its size once. */
  private checkRoom(assessmentId: string, files: readonly CheckedFile[], limits: EvidenceLimits): void {
    const used = new Set(this.p.repository.filesOf(assessmentId).map((f) => f.sha256));
    let total = this.p.repository.assessmentBytes(assessmentId);
    for (const f of files) {
      if (used.has(f.sha256)) continue;
      used.add(f.sha256);
      total += f.bytes.length;
    }
    if (total > limits.maxAssessmentBytes) {
      throw refused([
        {
          path: ['files'],
          message: refusal('assessmentFull', { total: megabytes(total, 'up'), limit: megabytes(limits.maxAssessmentBytes) }),
        },
      ]);
    }
  }
}

function throwError(error: AppError): never {
  throw error;
}
