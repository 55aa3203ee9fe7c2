import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Assessment } from '../../../shared/assessments/schema';
import { openWithPassphrase } from '../signing/check-passphrase';
import { AppError } from '../../../shared/ipc/result';
import type { ReportPreview, SignedReport, SignedReportFile, SignReportRequest } from '../../../shared/reports/schema';
import type { Language } from '../../../shared/settings/schema';
import type { VerificationResult } from '../../../shared/signing/schema';
import type { AssessmentWorkflow } from '../assessments/assessment-workflow';
import type { Mutator } from '../db/mutator';
import type { SettingsService } from '../settings/settings-service';
import { writeFileAtomic } from '../signing/atomic-file';
import type { IdentityStore } from '../signing/identity-store';
import { PdfStructure } from '../signing/pdf-structure';
import type { TrustedRoots } from '../signing/trusted-roots';
import { verifyPdf, type RecordedReport } from '../signing/verify-pdf';
import type { Clock } from '../support/clock';
import type { ChangeLogHead } from '../audit/change-log-head-file';
import { recordedReportOf } from './recorded-reports';
import type { Db } from '../db/open-database';
import { signatureRect } from './page-geometry';
import type { PrintOptions } from './print-pdf';
import { collectReportData, signerOf, type ReportSources } from './report-data';
import type { ReportLog, ReportLogEntry } from './report-log';
import type { ReportPhotoSource } from './report-photos';
import { renderReport } from './render-report';

/** Prints report HTML to PDF: headless Chromium by default; the desktop host may pass Electron's printToPDF. */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Buffer>;

export interface ReportServiceDeps extends ReportSources {
  dataDir: string;
  /** Signing a submitted assessment finalises it first. */
  workflow: Pick<AssessmentWorkflow, 'finalise'>;
  identities: IdentityStore;
  trustedRoots: TrustedRoots;
  settings: SettingsService;
  mutator: Mutator;
  log: ReportLog;
  clock: Clock;
  print: PdfPrinter;
  db: Db;
  /** The change log's size and newest hash now: every signed report prints it and records it. */
  changeLogHead: () => ChangeLogHead;
  /** The images of the photos among the evidence (cached copies sized for the report). */
  photos: ReportPhotoSource;
  /** Stops the printer (the warm Chromium, if one runs); resolves once it has exited. */
  closePrinter?: () => Promise<void>;
}

/**
 * The signed accreditation report: preview, sign (finalising a submitted assessment first), keep and
 * verify. A signed file is kept under `<dataDir>/reports/<sha256>.pdf` and its hash goes into the
 * change log, which is how verification later knows "this exact file was made here".
 */
export class ReportService {
  readonly dir: string;

  constructor(private readonly deps: ReportServiceDeps) {
    this.dir = path.join(deps.dataDir, 'reports');
  }

  async preview(assessmentId: string, language: Language, identityId: string | null, bengaliDigits = false): Promise<ReportPreview> {
    const identity = identityId === null ? null : this.deps.identities.get(identityId);
    const collected = collectReportData(this.deps, assessmentId, {
      language,
      bengaliDigits,
      signer: identity ? signerOf(identity, null) : null,
      issuer: this.deps.settings.get().organisation,
      preview: true,
    });
    const data = { ...collected, photos: (await this.deps.photos(collected.evidence, 'preview')).images };
    const rendered = renderReport(data);
    return {
      title: rendered.title,
      language,
      bodyHtml: rendered.bodyHtml,
      css: rendered.css,
      provisional: data.provisional,
      canSign: data.assessment.status !== 'draft',
    };
  }

  /**
   * Refuses a draft; checks the passphrase before anything changes; finalises a submitted assessment
   * (which locks it); then prints, signs, keeps and records the report. If printing fails after the
   * finalisation, the assessment stays finalised and the report can be signed again.
   */
  async sign(request: SignReportRequest): Promise<SignedReportFile> {
    const { deps } = this;
    let { assessment } = deps.assessments.get(request.assessmentId);
    if (assessment.status === 'draft') {
      throw new AppError('conflict', 'A draft cannot be signed: submit the assessment for review first.', [
        { path: ['assessmentId'], message: 'reports.errors.draft' },
      ]);
    }
    // Opened once, before anything changes: the passphrase is checked here, and the same key signs after
    // printing. `identity` describes the signing certificate itself, so "self-signed" cannot be edited away.
    const unlocked = openWithPassphrase(deps.identities, request.identityId, request.passphrase);
    const { identity } = unlocked;
    if (assessment.status === 'submitted') assessment = deps.workflow.finalise(assessment.id, assessment.revision);

    const signedAt = deps.clock.now();
    // The log as it stands once the assessment is final: printed on the signature page and recorded with
    // the signature, so a later rewrite of the log contradicts a document that has left this machine.
    const changeLog = deps.changeLogHead();
    const collected = collectReportData(deps, assessment.id, {
      language: request.language,
      bengaliDigits: request.bengaliDigits === true,
      signer: signerOf(identity, signedAt),
      issuer: deps.settings.get().organisation,
      preview: false,
      changeLog,
    });
    const photos = await deps.photos(collected.evidence, 'print');
    const rendered = renderReport({ ...collected, photos: photos.images });
    const printed = await deps.print(rendered.html, { cssPageBoxes: true, resources: photos.resources });
    const pages = new PdfStructure(printed).pageRefs().length;
    const signed = await unlocked.signPdf(printed, {
      page: pages,
      rect: signatureRect(),
      reason: rendered.title,
      signingTime: new Date(signedAt),
    });
    const sha256 = sha256Of(signed);
    writeFileAtomic(this.pathOf(sha256), signed);
    const entry = deps.mutator.run((m) => {
      const payload = {
        assessmentId: assessment.id,
        sha256,
        language: request.language,
        signerFingerprint: identity.fingerprintSha256,
        changeLog,
      };
      m.record({ entity: 'report', entityId: sha256, action: 'signed', payload });
      return { ...payload, signedAt: m.at, signedBy: m.actor.name };
    });
    return { ...this.describe(entry, assessment, true), pdfBase64: signed.toString('base64'), pages };
  }

  /** Reports kept here for one assessment (signed here or imported with it), newest first, with whether the kept copy is still intact. */
  list(assessmentId: string): SignedReport[] {
    const { assessment } = this.deps.assessments.get(assessmentId);
    return this.deps.log.forAssessment(assessmentId).map((e) => this.describe(e, assessment, this.intact(e.sha256) !== null));
  }

  file(sha256: string): SignedReportFile {
    const entry = this.deps.log.findKept(sha256);
    const bytes = entry ? this.intact(sha256) : null;
    if (!entry || !bytes) throw new AppError('not-found', 'This signed report is not kept on this computer (or its copy was altered).');
    const { assessment } = this.deps.assessments.get(entry.assessmentId);
    return {
      ...this.describe(entry, assessment, true),
      pdfBase64: bytes.toString('base64'),
      pages: new PdfStructure(bytes).pageRefs().length,
    };
  }

  /** Any PDF: signature checks, trust in this machine's roots, and whether this machine's change log recorded it. */
  verify(pdf: Buffer): VerificationResult {
    return verifyPdf(pdf, {
      trustedRoots: this.deps.trustedRoots.certificates(),
      knownReportHashes: (sha256) => this.knownReport(sha256),
    });
  }

  /** The `knownReportHashes` hook of verifyPdf: when and for which assessment this exact file was signed here. */
  knownReport(sha256: string): RecordedReport | null {
    const entry = this.deps.log.find(sha256);
    return entry ? recordedReportOf(this.deps.db, entry) : null;
  }

  /** Called when the services close: the warm printing browser exits (the promise settles when it has). */
  close(): Promise<void> {
    return this.deps.closePrinter?.() ?? Promise.resolve();
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('validation', 'This is not a report hash.');
    return path.join(this.dir, `${sha256}.pdf`);
  }

  /** The kept file's bytes when they still hash to the recorded value; null when missing or altered. */
  private intact(sha256: string): Buffer | null {
    try {
      const bytes = fs.readFileSync(this.pathOf(sha256));
      return sha256Of(bytes) === sha256 ? bytes : null;
    } catch {
      return null;
    }
  }

  private describe(entry: ReportLogEntry, assessment: Assessment, stored: boolean): SignedReport {
    return { ...entry, stored, fileName: reportFileName(assessment, entry.language, entry.signedAt) };
  }
}

/** A wrong passphrase comes back on the passphrase field, in words the screen can translate. */
function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** e.g. "khulna-technical-training-centre-inspection-2025-03-10-bn.pdf": ASCII only, safe on every file system. */
export function reportFileName(a: Pick<Assessment, 'institutionNameEn' | 'kind'>, language: Language, signedAt: string): string {
  const slug =
    a.institutionNameEn
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'institution';
  return `${slug}-${a.kind}-${signedAt.slice(0, 10)}-${language}.pdf`;
}
