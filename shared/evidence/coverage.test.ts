import { describe, expect, it } from 'vitest';
import { evidenceCoverage, itemsForUnit, wholeAssessmentItems } from './coverage';
import type { EvidenceItem } from './schema';

const P = '00000000-0000-4000-8000-000000000001';

function item(id: string, evidenceType: string, links: EvidenceItem['links']): EvidenceItem {
  return {
    id,
    assessmentId: P,
    sha256: 'a'.repeat(64),
    size: 1,
    mediaType: 'image/jpeg',
    originalName: 'x.jpg',
    caption: '',
    evidenceType,
    takenAt: null,
    attachedAt: '2026-03-10T09:00:00.000Z',
    attachedBy: 'Rahima Akter',
    links,
    revision: 0,
    updatedAt: '2026-03-10T09:00:00.000Z',
    updatedBy: 'Rahima Akter',
  };
}

describe('evidence coverage of a criterion', () => {
  it('shows which expected types are present, which are missing and what else was attached', () => {
    expect(
      evidenceCoverage(['DOC', 'OBS', 'PHOTO'], [{ evidenceType: 'PHOTO' }, { evidenceType: 'INT-T' }, { evidenceType: 'PHOTO' }]),
    ).toEqual({
      present: ['PHOTO'],
      missing: ['DOC', 'OBS'],
      other: ['INT-T'],
    });
    expect(evidenceCoverage(['DOC'], [])).toEqual({ present: [], missing: ['DOC'], other: [] });
  });

  it('finds the items of one unit, telling institution level from a programme', () => {
    const items = [
      item('00000000-0000-4000-8000-0000000000a1', 'DOC', [{ criterionId: 'GQ-01', programmeId: null }]),
      item('00000000-0000-4000-8000-0000000000a2', 'PHOTO', [{ criterionId: 'IF-03', programmeId: P }]),
      item('00000000-0000-4000-8000-0000000000a3', 'DOC', []),
    ];
    expect(itemsForUnit(items, { criterionId: 'GQ-01', programmeId: null }).map((i) => i.evidenceType)).toEqual(['DOC']);
    expect(itemsForUnit(items, { criterionId: 'IF-03', programmeId: null })).toEqual([]);
    expect(itemsForUnit(items, { criterionId: 'IF-03', programmeId: P })).toHaveLength(1);
    expect(wholeAssessmentItems(items).map((i) => i.id)).toEqual(['00000000-0000-4000-8000-0000000000a3']);
  });
});
