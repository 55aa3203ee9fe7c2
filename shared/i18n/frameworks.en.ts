/** English messages of the framework library (merged into the catalogue as `frameworks.*`). */
export const frameworksEn = {
  title: 'Frameworks',
};
