import { ratingPatchSchema } from '../../../../../shared/assessments/schema';
import type { RatingPatch } from '../../../../../shared/assessments/schema';
import type { Journal } from './save-queue';

/**
 * Unconfirmed changes, kept in the window's local storage until the services confirm them. If the
 * window is lost before a save arrives (a crash, a closed lid), reopening the assessment on this
 * machine sends them again: the inspector's typing is never only in memory.
 */
export class LocalJournal implements Journal {
  private readonly storageKey: string;

  constructor(assessmentId: string) {
    this.storageKey = `tvet-inspector.unsaved.${assessmentId}`;
  }

  write(entries: ReadonlyMap<string, RatingPatch>): void {
    try {
      if (entries.size === 0) localStorage.removeItem(this.storageKey);
      else localStorage.setItem(this.storageKey, JSON.stringify(Object.fromEntries(entries)));
    } catch {
      // Storage full or unavailable: the save queue still holds the change and keeps retrying.
    }
  }

  /** The changes left from an earlier session; anything malformed is ignored. */
  read(): Map<string, RatingPatch> {
    const found = new Map<string, RatingPatch>();
    try {
      const raw = localStorage.getItem(this.storageKey);
      if (raw === null) return found;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return found;
      for (const [key, value] of Object.entries(parsed)) {
        const patch = ratingPatchSchema.safeParse(value);
        if (patch.success && key.includes('@')) found.set(key, patch.data);
      }
    } catch {
      // A damaged entry must never stop the assessment from opening.
    }
    return found;
  }

  clear(): void {
    this.write(new Map());
  }
}
