import os from 'node:os';
import type Database from 'better-sqlite3';
import type { Settings, SettingsUpdate } from '../../../shared/settings/schema';
import type { Actor } from '../support/actor';
import type { Mutator } from '../db/mutator';
import { newId } from '../support/ids';

const defaults: Settings = { language: 'en', bengaliDigits: false, userName: '', role: 'inspector', organisation: '', onboarded: false };

/** Per-user preferences and the local user's identity (who every change is recorded against). */
export class SettingsService {
  private readonly readStmt: Database.Statement<[string], { value: string }>;
  private readonly writeStmt: Database.Statement;
  private mutator: Mutator | null = null;
  private cachedActor: Actor | null = null;

  constructor(db: Database.Database) {
    this.readStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.writeStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    // The local user id is made once per data folder; it travels with every change this machine records.
    if (this.read<string>('actor.id') === undefined) {
      this.writeStmt.run('actor.id', JSON.stringify(newId()));
    }
  }

  attach(mutator: Mutator): void {
    this.mutator = mutator;
  }

  get(): Settings {
    return {
      language: this.read<Settings['language']>('language') ?? defaults.language,
      bengaliDigits: this.read<boolean>('bengaliDigits') ?? defaults.bengaliDigits,
      userName: this.read<string>('userName') ?? defaults.userName,
      role: this.read<Settings['role']>('role') ?? defaults.role,
      organisation: this.read<string>('organisation') ?? defaults.organisation,
      onboarded: this.read<boolean>('onboarded') ?? defaults.onboarded,
    };
  }

  update(change: SettingsUpdate): Settings {
    const apply = () => {
      for (const [key, value] of Object.entries(change)) {
        if (value !== undefined) this.writeStmt.run(key, JSON.stringify(value));
      }
    };
    if (this.mutator) {
      this.mutator.run((m) => {
        const before = this.get();
        apply();
        m.record({
          entity: 'settings',
          entityId: 'local',
          action: 'update',
          payload: { ...change, profile: profileChanges(before, this.get()) },
        });
      });
    } else {
      apply();
    }
    // The change itself is recorded under the previous profile; later changes use the new one.
    this.cachedActor = null;
    return this.get();
  }

  /** Read on every write (autosave included), so it is cached until the profile changes. */
  actor(): Actor {
    this.cachedActor ??= {
      id: this.read<string>('actor.id') ?? 'unknown',
      name: this.read<string>('userName') || safeUserName(),
      role: this.read<Settings['role']>('role') ?? defaults.role,
    };
    return this.cachedActor;
  }

  private read<T>(key: string): T | undefined {
    const row = this.readStmt.get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
}

const profileFields = ['userName', 'role', 'organisation'] as const;

/**
 * Who the user says they are decides what they may do (shared/settings/roles.ts), so each change of
 * name, role or organisation is logged as old → new, not only as the new value.
 */
function profileChanges(before: Settings, after: Settings): Partial<Record<(typeof profileFields)[number], { from: string; to: string }>> {
  const changed: Partial<Record<(typeof profileFields)[number], { from: string; to: string }>> = {};
  for (const field of profileFields) {
    if (before[field] !== after[field]) changed[field] = { from: before[field], to: after[field] };
  }
  return changed;
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'local user';
  }
}
