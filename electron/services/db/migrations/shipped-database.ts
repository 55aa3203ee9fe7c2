// Test support for migration tests: a data folder as an older release left it, so each migration is
// tested on top of what shipped before it rather than on an empty database.
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { migrations } from './index';

export const shippedAt = '2026-03-10T09:00:00.000Z';

/**
 * A version-6 database with one institution (Sylhet TTC), framework 1.0.0 and two draft inspections
 * with the given ids. The rows are written at version 6, so 007's baseline vouches for them, as on a
 * laptop upgraded several times; the caller adds its ratings and statuses, then migrates further.
 */
export function shippedAtVersion6(assessmentIds: [string, string]): { db: Database.Database; dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, 6), { backupDir: dir, databasePath: file });
  db.prepare(
    `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
     VALUES ('inst', 'Sylhet TTC', 'NSDA', 'technical-training-centre', 'sylhet', 'Sylhet', ?, 'me', ?, 'me')`,
  ).run(shippedAt, shippedAt);
  db.prepare(
    `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
     VALUES ('fv', 'bd-eu-tvet', '1.0.0', 'T', 'hash', '{}', 106, 'bundled', ?, 'me')`,
  ).run(shippedAt);
  const assessment = db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'inspection', 'draft', 'inst', 'fv', 'bd-eu-tvet', '1.0.0', 'hash', '[]', '[]', ?, 'me', ?, 'me')`,
  );
  for (const id of assessmentIds) assessment.run(id, shippedAt, shippedAt);
  return { db, dir, file };
}
