import type Database from 'better-sqlite3';

export interface FrameworkVersionRow {
  id: string;
  framework_id: string;
  version: string;
  title_en: string;
  title_bn: string;
  content_hash: string;
  content: string;
  criteria: number;
  source: string;
  imported_at: string;
  imported_by: string;
}

export type FrameworkVersionInsert = Omit<FrameworkVersionRow, never>;

/** SQL for framework versions, and nothing else. */
export class FrameworkRepository {
  private readonly byId: Database.Statement<[string], FrameworkVersionRow>;
  private readonly byKey: Database.Statement<[string, string], FrameworkVersionRow>;
  private readonly listStmt: Database.Statement<[], Omit<FrameworkVersionRow, 'content'>>;
  private readonly insertStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM framework_versions WHERE id = ?');
    this.byKey = db.prepare('SELECT * FROM framework_versions WHERE framework_id = ? AND version = ?');
    this.listStmt = db.prepare(
      `SELECT id, framework_id, version, title_en, title_bn, content_hash, criteria, source, imported_at, imported_by
       FROM framework_versions ORDER BY framework_id, imported_at DESC, version DESC`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO framework_versions (id, framework_id, version, title_en, title_bn, content_hash, content, criteria, source, imported_at, imported_by)
       VALUES (@id, @framework_id, @version, @title_en, @title_bn, @content_hash, @content, @criteria, @source, @imported_at, @imported_by)`,
    );
  }

  get(id: string): FrameworkVersionRow | undefined {
    return this.byId.get(id);
  }

  find(frameworkId: string, version: string): FrameworkVersionRow | undefined {
    return this.byKey.get(frameworkId, version);
  }

  list(): Omit<FrameworkVersionRow, 'content'>[] {
    return this.listStmt.all();
  }

  insert(row: FrameworkVersionInsert): void {
    this.insertStmt.run(row);
  }
}
