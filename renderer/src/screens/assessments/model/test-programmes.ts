import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';

/** A programme snapshot for tests: construction, no mobility track, nothing taught unless asked. */
export function programme(id: string, overrides: Partial<ProgrammeSnapshot> = {}): ProgrammeSnapshot {
  return {
    id,
    titleEn: `Programme ${id}`,
    titleBn: '',
    sector: 'construction',
    mobilityTrack: false,
    activities: [],
    destinationCountry: '',
    targetLanguage: '',
    targetCefr: '',
    ...overrides,
  };
}
