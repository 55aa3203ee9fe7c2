/** The profile screen (renderer/src/screens/profile): who is acting on this computer. */
export const profileEn = {
  nav: 'Profile',
  title: 'Your profile',
  intro: 'Every change made on this computer is recorded under this name, and a change of name, role or organisation is itself recorded.',
  rolesHeading: 'What each role does',
  roles: {
    inspector: 'Starts and rates inspections and follow-ups; finalises inspections that someone else submitted.',
    'institution-administrator': 'Starts and submits the institution’s self-assessments. Does not start or finalise inspections.',
    'head-office': 'Reviews and finalises inspections submitted by others, may lead inspections, and sees the national dashboard.',
  },
  fourEyes:
    'Four eyes: whoever submits an inspection or a follow-up cannot also finalise it. On a shared laptop, the reviewer puts in their own name here before finalising, and the inspector switches back afterwards.',
  save: 'Save profile',
  saved: 'Profile saved. From now on, changes are recorded under {{name}} ({{role}}).',
};
