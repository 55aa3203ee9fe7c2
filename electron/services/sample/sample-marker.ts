import type Database from 'better-sqlite3';

export interface SampleMarker {
  institutionId: string;
  assessmentId: string;
}

const key = 'sample.assessment';

/**
 * Remembers which records are the guided sample, in the settings table (one key, no new table): it
 * is written in the transaction that makes the sample, so the sample exists exactly when it does.
 */
export class SampleMarkerRepository {
  private readonly readStmt: Database.Statement<[string], { value: string }>;
  private readonly writeStmt: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    this.readStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.writeStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(): SampleMarker | undefined {
    const row = this.readStmt.get(key);
    return row === undefined ? undefined : (JSON.parse(row.value) as SampleMarker);
  }

  set(marker: SampleMarker): void {
    this.writeStmt.run(key, JSON.stringify(marker));
  }
}
