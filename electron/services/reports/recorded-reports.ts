import Database from 'better-sqlite3';
import fs from 'node:fs';
import { hashAtPosition } from '../audit/verify-audit-trail';
import type { RecordedReport } from '../signing/verify-pdf';
import { databasePathIn } from '../support/data-dir';
import { ReportLog, type ReportLogEntry } from './report-log';

export interface RecordedReports {
  /** The verifier's `knownReportHashes` hook. */
  lookup: (sha256: string) => RecordedReport | null;
  close: () => void;
}

/**
 * The audit trail of a data folder, opened read-only for verification. Verifying a file must never
 * migrate, back up or otherwise write the database (the desktop app may have it open, or it may belong
 * to a newer version), so this bypasses AppServices. Null when the folder has no database or it cannot
 * be read: the verifier then says nothing about where the file was made rather than failing.
 */
export function openRecordedReports(dataDir: string): RecordedReports | null {
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const log = new ReportLog(db);
    const opened = db;
    return {
      lookup: (sha256) => {
        const entry = log.find(sha256);
        return entry ? recordedReportOf(opened, entry) : null;
      },
      close: () => opened.close(),
    };
  } catch {
    db?.close();
    return null;
  }
}

/**
 * What verification says about a report signed here: when, for which assessment, and whether the change
 * log still holds the head the report recorded (an entry with that hash at that position).
 */
export function recordedReportOf(db: Database.Database, entry: ReportLogEntry): RecordedReport {
  const head = entry.changeLog;
  return {
    recordedAt: entry.signedAt,
    assessmentId: entry.assessmentId,
    changeLog: head ? { ...head, inChain: hashAtPosition(db, head.count) === head.hash } : null,
  };
}
