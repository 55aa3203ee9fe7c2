import type Database from 'better-sqlite3';
import { DEFAULT_EVIDENCE_LIMITS, EVIDENCE_LIMIT_BOUNDS, type EvidenceLimits } from '../../../shared/evidence/schema';
import { AppError } from '../../../shared/ipc/result';
import type { Mutator } from '../db/mutator';

const keys = { maxFileBytes: 'evidence.maxFileBytes', maxAssessmentBytes: 'evidence.maxAssessmentBytes' } as const;

/**
 * Size limits of evidence: per file and per assessment. The host may choose defaults (AppServices
 * options); an administrator may change them for one data folder (`evidence limits` on the command
 * line), stored in the settings table, which wins.
 */
export class EvidenceLimitsStore {
  private readonly readStmt: Database.Statement<[string], string>;
  private readonly writeStmt: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly mutator: Mutator,
    private readonly defaults: Partial<EvidenceLimits> = {},
  ) {
    this.readStmt = db.prepare('SELECT value FROM settings WHERE key = ?').pluck() as Database.Statement<[string], string>;
    this.writeStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(): EvidenceLimits {
    return {
      maxFileBytes: this.read('maxFileBytes') ?? this.defaults.maxFileBytes ?? DEFAULT_EVIDENCE_LIMITS.maxFileBytes,
      maxAssessmentBytes: this.read('maxAssessmentBytes') ?? this.defaults.maxAssessmentBytes ?? DEFAULT_EVIDENCE_LIMITS.maxAssessmentBytes,
    };
  }

  set(change: Partial<EvidenceLimits>): EvidenceLimits {
    for (const [name, value] of Object.entries(change) as [keyof EvidenceLimits, number | undefined][]) {
      if (value === undefined) continue;
      if (!Number.isInteger(value) || value < 1 || value > EVIDENCE_LIMIT_BOUNDS[name]) {
        throw new AppError('validation', `${name} must be a whole number of bytes from 1 to ${EVIDENCE_LIMIT_BOUNDS[name]}.`);
      }
    }
    this.mutator.run((m) => {
      for (const [name, value] of Object.entries(change) as [keyof EvidenceLimits, number | undefined][]) {
        if (value !== undefined) this.writeStmt.run(keys[name], JSON.stringify(value));
      }
      m.record({ entity: 'settings', entityId: 'evidence-limits', action: 'update', payload: change });
    });
    return this.get();
  }

  private read(name: keyof EvidenceLimits): number | undefined {
    const raw = this.readStmt.get(keys[name]);
    if (raw === undefined) return undefined;
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
  }
}
