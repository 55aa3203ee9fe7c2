/** English messages of assessments (merged into the catalogue as `assessments.*`). */
export const assessmentsEn = {
  title: 'Assessments',
};
