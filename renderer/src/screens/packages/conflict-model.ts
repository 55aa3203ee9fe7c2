import type { Conflict, ConflictChoice } from '../../../../shared/exchange/schema';

export type Keep = ConflictChoice['keep'];
export type Choices = Record<string, Keep>;

/** One decision a person makes: a field of an institution or programme, or one rating as a whole. */
export interface ChoiceItem {
  key: string;
  choice: Omit<ConflictChoice, 'keep'>;
}

const programmeOf = (c: Conflict) => (c.programmeId ? c.programmeId : null);

export function ratingKey(c: Conflict): string {
  return `rating:${c.id}:${c.criterionId ?? ''}:${programmeOf(c) ?? ''}`;
}

/**
 * A rating is chosen as a whole; every other record field by field (an assessment no longer a draft on
 * one side arrives with the one field `record`, so it too is one choice).
 */
export const asWhole = (c: Conflict) => c.entity === 'rating';

export function choiceItems(conflicts: Conflict[]): ChoiceItem[] {
  return conflicts.flatMap((c): ChoiceItem[] =>
    asWhole(c)
      ? [{ key: ratingKey(c), choice: { entity: 'rating', id: c.id, criterionId: c.criterionId ?? '', programmeId: programmeOf(c) } }]
      : c.fields.map((f) => ({ key: `${c.entity}:${c.id}:${f.field}`, choice: { entity: c.entity, id: c.id, field: f.field } })),
  );
}

/** The choices to send with `packages:apply`, or null while any conflict still has none. */
export function chosen(items: ChoiceItem[], choices: Choices): ConflictChoice[] | null {
  const out: ConflictChoice[] = [];
  for (const item of items) {
    const keep = choices[item.key];
    if (!keep) return null;
    out.push({ ...item.choice, keep });
  }
  return out;
}
