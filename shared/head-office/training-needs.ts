/**
 * Additional training needs of mobility-track programmes: the criteria of the default framework
 * (bd-eu-tvet) that a Talent Partnership programme manager can fund training for, by area.
 *
 * - language: LS-03, language training to the destination's CEFR target, and (framework 1.1.0 on) OI-09,
 *   the learners certified at that target;
 * - soft skills: LS-04, core and soft skills taught and assessed;
 * - destination: LS-07 pre-departure and intercultural orientation, MR-04 checking job offers and
 *   contracts, MR-05 recognition and document readiness for the target country, IL-05 partnerships in
 *   destination countries.
 *
 * Criteria are matched by id; a framework without one of these ids simply contributes nothing for it.
 * Fair-recruitment gates (MR-01 to MR-03) are deliberately not here: they are the institution's conduct,
 * not training anyone can buy, and they already show as not aligned and in the improvement list.
 */
export const trainingNeedAreas = ['language', 'soft-skills', 'destination'] as const;
export type TrainingNeedArea = (typeof trainingNeedAreas)[number];

export const trainingNeedCriteria: Readonly<Record<string, TrainingNeedArea>> = {
  'LS-03': 'language',
  'OI-09': 'language',
  'LS-04': 'soft-skills',
  'LS-07': 'destination',
  'MR-04': 'destination',
  'MR-05': 'destination',
  'IL-05': 'destination',
};
