import { describe, expect, it } from 'vitest';
import { columnsOf, packageTables } from './package-tables';

describe('the override reason of a rating in packages (schema 9)', () => {
  const old = {
    assessment_id: '00000000-0000-4000-8000-000000000001',
    criterion_id: 'IF-03',
    programme_id: '',
    rating: 3,
    na_reason: '',
    note: 'Safety drill described by the learners.',
    data: '{}',
    maturity: null,
    evidence_seen: '["INT-L"]',
    updated_at: '2025-03-10T12:00:00.000Z',
    updated_by: 'Farida Yasmin',
  };

  it('a package made before schema 9 (ratings without the reason) still reads, with no reason written', () => {
    const [row] = packageTables.ratings.parse([old]);
    expect(row).toMatchObject({ ...old, override_reason: '' });
    // The import writes every column it knows, so the reason arrives as '' rather than being left out.
    expect(columnsOf.ratings).toContain('override_reason');
  });

  it('travels as written, and is checked like every other text from another machine', () => {
    const [row] = packageTables.ratings.parse([{ ...old, override_reason: 'Register kept at the district office.' }]);
    expect(row?.override_reason).toBe('Register kept at the district office.');
    expect(packageTables.ratings.safeParse([{ ...old, override_reason: 'Seen\u001b[31m' }]).success).toBe(false);
    expect(packageTables.ratings.safeParse([{ ...old, override_reason: 'x'.repeat(2001) }]).success).toBe(false);
  });
});
