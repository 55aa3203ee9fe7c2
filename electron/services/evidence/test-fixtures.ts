import fs from 'node:fs';
import path from 'node:path';
import type { AttachRequest } from '../../../shared/evidence/schema';
import { AppError } from '../../../shared/ipc/result';
import { pdf, photo } from './sample-files';
import { rateAll, setUp } from '../assessments/test-fixtures';
import type { Clock } from '../support/clock';
import { asReviewer } from '../test-support/reviewer';

export { pdf, photo };

export const b64 = (bytes: Buffer) => bytes.toString('base64');

/** Services with the default framework and a draft inspection of two care programmes (see assessments' setUp). */
export function evidenceSetUp(options: { dataDir?: string; clock?: Clock } = {}) {
  const base = setUp(options);
  const assessment = base.s.assessments.create(base.input());
  const attach = (overrides: Partial<AttachRequest> & Pick<AttachRequest, 'files'>, assessmentId = assessment.id) =>
    base.s.evidence.attach({ assessmentId, links: [], evidenceType: 'PHOTO', caption: '', ...overrides });
  const evidenceDir = path.join(base.s.options.dataDir, 'evidence');
  const storedFiles = () => filesUnder(path.join(evidenceDir, 'objects'));
  const rows = (table: 'evidence_files' | 'evidence_items' | 'evidence_links') =>
    base.s.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  /** Rates everything, submits and finalises (as a reviewer: four eyes): the assessment becomes a locked legal record. */
  const finalise = (id: string) => {
    rateAll(base.s, id);
    const submitted = base.s.workflow.submit(id, base.s.assessments.get(id).assessment.revision);
    return asReviewer(base.s, () => base.s.workflow.finalise(id, submitted.revision));
  };
  return { ...base, assessment, attach, evidenceDir, storedFiles, rows, finalise };
}

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

export async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
