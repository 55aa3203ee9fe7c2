import path from 'node:path';
import { EVIDENCE_LIMIT_BOUNDS, type EvidenceLimits } from '../../../shared/evidence/schema';
import type { Language } from '../../../shared/settings/schema';
import type { UnitIndexCache } from '../assessments/unit-index';
import type { Db } from '../db/open-database';
import type { Mutator } from '../db/mutator';
import type { Repositories } from '../repositories';
import type { Clock } from '../support/clock';
import { EvidenceIntegrity } from './evidence-integrity';
import { EvidenceLimitsStore } from './evidence-limits';
import { EvidenceService } from './evidence-service';
import { EvidenceStore } from './evidence-store';
import { EvidenceViewing } from './evidence-viewing';
import { noFileDialogs, noSystemViewer, type FileDialogs, type SystemViewer } from './host-adapters';
import { orphanGraceMs, removeOrphanedEvidence } from './orphan-cleanup';
import { otherStoreHoldersAlive } from './store-holders';
import { Thumbnails } from './thumbnails';
import { UploadStaging } from './upload-staging';

export interface EvidenceOptions {
  dataDir: string;
  clock: Clock;
  /** The user's language, for the titles of the desktop file dialog. */
  language: () => Language;
  /** Desktop only; the browser host and the command line refuse these. */
  fileDialogs?: FileDialogs | undefined;
  systemViewer?: SystemViewer | undefined;
  /** Defaults for this host (25 MB per file, 500 MB per assessment when omitted). */
  limits?: Partial<EvidenceLimits> | undefined;
}

/** Wires the evidence service over one database and the evidence store in `<dataDir>/evidence` (called once by AppServices). */
export function createEvidenceService(
  d: { db: Db; mutator: Mutator; repositories: Pick<Repositories, 'evidence' | 'assessments'>; units: UnitIndexCache },
  o: EvidenceOptions,
): EvidenceService {
  const { db, mutator } = d;
  // The store's own ceiling is the highest limit anyone may configure; the service applies the configured one.
  const store = new EvidenceStore(path.join(o.dataDir, 'evidence'), { maxFileBytes: EVIDENCE_LIMIT_BOUNDS.maxFileBytes });
  const repository = d.repositories.evidence;
  // A process stopped between storing a file and recording it (or between dropping the last record of a
  // file and deleting it) left a file nothing refers to: removed now, unless another live process holds
  // the store and may be about to record it (then only old ones go).
  removeOrphanedEvidence(store.root, {
    isReferenced: (sha256) => repository.file(sha256) !== undefined,
    keepChangedAfter: otherStoreHoldersAlive(store.root) ? Date.now() - orphanGraceMs : undefined,
  });
  const assessments = d.repositories.assessments;
  const thumbnails = new Thumbnails(store);
  return new EvidenceService({
    repository,
    assessments,
    units: d.units,
    store,
    thumbnails,
    limits: new EvidenceLimitsStore(db, mutator, o.limits),
    staging: new UploadStaging({ maxOpen: 8, idleMs: 15 * 60 * 1000 }),
    dialogs: o.fileDialogs ?? noFileDialogs,
    viewing: new EvidenceViewing(repository, store, thumbnails, o.systemViewer ?? noSystemViewer),
    integrity: new EvidenceIntegrity(repository, assessments, store, o.clock),
    mutator,
    language: o.language,
  });
}
