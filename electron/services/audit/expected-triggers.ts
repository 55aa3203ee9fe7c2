import Database from 'better-sqlite3';
import { migrations } from '../db/migrations';

const cache = new Map<number, Map<string, string>>();

/**
 * The triggers a database at this schema version must have, exactly as the migrations create them:
 * the migrations are run once on an empty in-memory database and its triggers read back. So the
 * expected set can never drift from what the migrations really do (locks on finalised assessments and
 * their evidence, immutable frameworks and evidence files, an append-only change log and imports).
 */
export function expectedTriggers(version: number = migrations.length): Map<string, string> {
  const known = cache.get(version);
  if (known) return known;
  const db = new Database(':memory:');
  try {
    db.transaction(() => {
      for (const m of migrations.slice(0, version)) m.up(db);
    })();
    const triggers = new Map(
      db
        .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .all()
        .map((t) => [t.name, t.sql.replace(/\s+/g, ' ').trim()]),
    );
    cache.set(version, triggers);
    return triggers;
  } finally {
    db.close();
  }
}
