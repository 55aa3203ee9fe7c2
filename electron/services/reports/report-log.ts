import type { Language } from '../../../shared/settings/schema';
import type { Db } from '../db/open-database';

export interface ReportLogEntry {
  sha256: string;
  assessmentId: string;
  language: Language;
  signerFingerprint: string;
  signedAt: string;
  signedBy: string;
  /** The change log's size and newest hash when it was signed here (reports signed before this was recorded have none). */
  changeLog?: { count: number; hash: string };
}

interface Row {
  entity_id: string;
  at: string;
  actor_name: string;
  payload: string;
}

/**
 * Signed reports as the change log records them (entity 'report', entity id = the file's SHA-256). No
 * table of its own: the hash-chained log already is the audit trail verification asks about, and the
 * (entity, entity_id) index finds a hash directly.
 */
export class ReportLog {
  private readonly byHash;
  private readonly anyByHash;
  private readonly all;

  constructor(db: Db) {
    this.byHash = db.prepare<[string], Row>(
      `SELECT entity_id, at, actor_name, payload FROM change_log
       WHERE entity = 'report' AND entity_id = ? AND action = 'signed' ORDER BY seq LIMIT 1`,
    );
    // Reports that arrived in a package are kept here too (action 'imported', with who signed them and when).
    this.anyByHash = db.prepare<[string], Row>(
      `SELECT entity_id, at, actor_name, payload FROM change_log
       WHERE entity = 'report' AND entity_id = ? AND action IN ('signed', 'imported') ORDER BY seq LIMIT 1`,
    );
    this.all = db.prepare<[string], Row>(
      `SELECT entity_id, at, actor_name, payload FROM change_log
       WHERE entity = 'report' AND action IN ('signed', 'imported') AND json_extract(payload, '$.assessmentId') = ? ORDER BY seq DESC`,
    );
  }

  /** A report signed on this machine (what "made here" means for verification). */
  find(sha256: string): ReportLogEntry | null {
    const row = this.byHash.get(sha256);
    return row ? toEntry(row) : null;
  }

  /** A report kept here: signed here or imported with its assessment. */
  findKept(sha256: string): ReportLogEntry | null {
    const row = this.anyByHash.get(sha256);
    return row ? toEntry(row) : null;
  }

  forAssessment(assessmentId: string): ReportLogEntry[] {
    return this.all.all(assessmentId).map(toEntry);
  }
}

function toEntry(row: Row): ReportLogEntry {
  const payload = JSON.parse(row.payload) as {
    assessmentId: string;
    language: Language;
    signerFingerprint: string;
    signedAt?: string;
    signedBy?: string;
    changeLog?: { count?: unknown; hash?: unknown };
  };
  const head = payload.changeLog;
  return {
    sha256: row.entity_id,
    assessmentId: payload.assessmentId,
    language: payload.language,
    signerFingerprint: payload.signerFingerprint,
    signedAt: payload.signedAt ?? row.at,
    signedBy: payload.signedBy ?? row.actor_name,
    ...(head && typeof head.count === 'number' && typeof head.hash === 'string'
      ? { changeLog: { count: head.count, hash: head.hash } }
      : {}),
  };
}
