import type { Db } from '../db/open-database';
import type { ChangeEventRow } from './package-tables';

/**
 * Which versions of a record each side has seen, told by change-log entry ids (they travel with every
 * package and are kept here when imported). Entries that only record an import change nothing in the
 * record, so they are left out: a record passed on unchanged never looks like an edit.
 */
export type Relation = 'same' | 'incoming-newer' | 'here-newer' | 'diverged';

export const contentNeutralActions = new Set(['import']);

export class Lineage {
  private readonly here;

  constructor(db: Db) {
    this.here = db.prepare<[string, string, string, string], { id: string }>(
      `SELECT id FROM change_log WHERE entity = ? AND entity_id = ? AND action <> 'import'
       UNION SELECT id FROM imported_change_log WHERE entity = ? AND entity_id = ? AND action <> 'import'`,
    );
  }

  /** Entry ids this machine knows for a record (its own and imported ones). */
  known(entity: string, entityId: string): Set<string> {
    return new Set(this.here.all(entity, entityId, entity, entityId).map((r) => r.id));
  }
}

/**
 * Compares what both sides have seen of one record. Incoming ⊆ here: nothing new arrives. Here ⊆
 * incoming: this machine has not changed the record since the package's copy was made from it, so the
 * package's version can replace it. Otherwise both changed it since they parted: a person chooses.
 */
export function relate(here: Set<string>, incoming: Set<string>): Relation {
  const incomingKnown = [...incoming].every((id) => here.has(id));
  const hereKnown = [...here].every((id) => incoming.has(id));
  if (incomingKnown && hereKnown) return 'same';
  if (incomingKnown) return 'here-newer';
  if (hereKnown) return 'incoming-newer';
  return 'diverged';
}

/** The package's entry ids per record, `entity:entityId` → ids (import-only entries left out). */
export function incomingLineage(events: ChangeEventRow[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of events) {
    if (contentNeutralActions.has(e.action)) continue;
    const key = `${e.entity}:${e.entity_id}`;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(e.id);
  }
  return map;
}

/** A rating's entries: the assessment's `save-rating` entries for that unit (criterion, programme). */
export function ratingEventIds(
  events: { id: string; action: string; payload: string }[],
  criterionId: string,
  programmeId: string,
): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.action !== 'save-rating') continue;
    const p = safeJson(e.payload) as { criterionId?: unknown; programmeId?: unknown } | null;
    if (p?.criterionId === criterionId && (p.programmeId ?? '') === programmeId) ids.add(e.id);
  }
  return ids;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
