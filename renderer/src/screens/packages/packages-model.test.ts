import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Conflict } from '../../../../shared/exchange/schema';
import { exchangeRefusal } from '../../../../shared/exchange/refusals';
import i18n from '../../i18n';
import { choiceItems, chosen } from './conflict-model';
import { errorLines, megabytes } from './messages';
import { assessmentDetailText, fieldLabel, valueText } from './values';

const institutionId = '11111111-1111-4111-8111-111111111111';
const assessmentId = '22222222-2222-4222-8222-222222222222';
const programmeId = '33333333-3333-4333-8333-333333333333';

const conflicts: Conflict[] = [
  {
    entity: 'institution',
    id: institutionId,
    label: { en: 'Khulna TTC', bn: 'খুলনা টিটিসি' },
    fields: [
      { field: 'head_name', here: '"A"', incoming: '"B"' },
      { field: 'sectors', here: '["ict"]', incoming: '["ict","construction"]' },
    ],
  },
  {
    entity: 'rating',
    id: assessmentId,
    label: { en: 'Khulna TTC', bn: '' },
    criterionId: 'QC-04',
    programmeId: null,
    fields: [{ field: 'rating', here: '1', incoming: '3' }],
  },
];

describe('conflict choices', () => {
  it('asks field by field for records, once per rating, and sends nothing until every one is chosen', () => {
    const items = choiceItems(conflicts);
    expect(items.map((i) => i.key)).toEqual([
      `institution:${institutionId}:head_name`,
      `institution:${institutionId}:sectors`,
      `rating:${assessmentId}:QC-04:`,
    ]);
    expect(chosen(items, { [items[0]!.key]: 'incoming' })).toBeNull();
    const all = Object.fromEntries(items.map((i) => [i.key, 'here' as const]));
    expect(chosen(items, { ...all, [items[2]!.key]: 'incoming' })).toEqual([
      { entity: 'institution', id: institutionId, field: 'head_name', keep: 'here' },
      { entity: 'institution', id: institutionId, field: 'sectors', keep: 'here' },
      { entity: 'rating', id: assessmentId, criterionId: 'QC-04', programmeId: null, keep: 'incoming' },
    ]);
  });

  it('keeps a rating’s programme, and treats an empty programme as none', () => {
    const [withProgramme] = choiceItems([{ ...conflicts[1]!, programmeId }]);
    expect(withProgramme?.choice.programmeId).toBe(programmeId);
    const [without] = choiceItems([{ ...conflicts[1]!, programmeId: '' }]);
    expect(without?.choice.programmeId).toBeNull();
  });
});

describe('values shown side by side', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });
  const t = i18next.t.bind(i18next);

  it('shows JSON values readably: text, lists with their labels, yes/no, a dash for nothing', () => {
    expect(valueText(t, 'institution', 'head_name', '"Md. Abdul Karim"')).toBe('Md. Abdul Karim');
    expect(valueText(t, 'institution', 'sectors', '["ict","construction"]')).toBe('ICT, Construction');
    expect(valueText(t, 'institution', 'division', '"khulna"')).toBe('Khulna');
    expect(valueText(t, 'programme', 'mobility_track', '1')).toBe('Yes');
    expect(valueText(t, 'institution', 'archived', 'false')).toBe('No');
    expect(valueText(t, 'institution', 'address', '""')).toBe('—');
    expect(valueText(t, 'programme', 'eqf_level', 'null')).toBe('—');
    expect(valueText(t, 'programme', 'activities', '[]')).toBe('—');
    expect(valueText(t, 'programme', 'annual_intake', '60')).toBe('60');
  });

  it('shows ratings with the workspace’s labels, figures as names and values, and a team with its roles', () => {
    expect(valueText(t, 'rating', 'rating', '3')).toBe('3 Met');
    expect(valueText(t, 'rating', 'rating', '"na"')).toBe('Not applicable');
    expect(valueText(t, 'rating', 'rating', 'null')).toBe('Not rated');
    expect(valueText(t, 'rating', 'data', '{"cohort_entrants":60,"cohort_completers":51}')).toBe(
      'cohort_entrants: 60; cohort_completers: 51',
    );
    expect(valueText(t, 'rating', 'evidence_seen', '["DOC","OBS"]')).toBe('DOC, OBS');
    expect(valueText(t, 'assessment', 'team', '[{"name":"Rahima Akter","role":"lead-inspector"}]')).toBe('Rahima Akter (Lead inspector)');
    expect(valueText(t, 'corrective-action', 'status', '"in-progress"')).toBe('In progress');
  });

  it('names fields with the forms’ words, and says the services’ assessment detail in the reader’s language', () => {
    expect(fieldLabel(t, 'institution', 'head_name')).toBe('Head of institution');
    expect(fieldLabel(t, 'programme', 'target_cefr')).toBe('Target CEFR level');
    expect(fieldLabel(t, 'rating', 'na_reason')).toBe('Reason for not applicable');
    expect(fieldLabel(t, 'institution', 'something_new')).toBe('something_new');
    expect(assessmentDetailText(t, 'inspection · finalised · r2')).toBe('Inspection · Finalised · revision 2');
    expect(assessmentDetailText(t, 'made up')).toBe('made up');
  });
});

describe('refusals', () => {
  const t = i18next.t.bind(i18next);
  it('fills a refusal’s values in the reader’s language, and falls back to the general text', async () => {
    await i18n.changeLanguage('en');
    const message = exchangeRefusal('hashMismatch', { entry: 'data/ratings.json' });
    expect(errorLines(t, { code: 'validation', message: 'refused', issues: [{ path: [], message }] })).toEqual([
      'The content of “data/ratings.json” does not match its recorded SHA-256 fingerprint: it was changed or damaged.',
    ]);
    expect(errorLines(t, { code: 'internal', message: 'Something exploded' })).toEqual([
      'Something went wrong inside the app. Nothing was changed.',
    ]);
    await i18n.changeLanguage('bn');
    expect(errorLines(t, { code: 'validation', message: exchangeRefusal('notAPackage') })[0]).toMatch(/[\u0980-\u09FF]/);
    await i18n.changeLanguage('en');
  });

  it('says sizes in megabytes with one decimal, never 0 for something', () => {
    expect(megabytes(0)).toBe('0');
    expect(megabytes(1000)).toBe('0.1');
    expect(megabytes(5 * 1024 * 1024)).toBe('5');
  });
});
