/** English messages of the head-office dashboard (merged as `headOffice.*`). */
export const headOfficeEn = {
  nav: 'Head office',
};
