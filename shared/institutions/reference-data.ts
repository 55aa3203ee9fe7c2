/**
 * Closed lists the registry offers. Values are stable codes stored in the database; labels live in the
 * message catalogue (`institutionType.<code>`, `sector.<code>`, `division.<code>`).
 */
export const institutionTypes = [
  'government-polytechnic',
  'technical-school-college',
  'technical-training-centre',
  'private-polytechnic',
  'private-training-organisation',
  'ngo-training-centre',
  'industry-training-centre',
  'other',
] as const;

/** Sectors that have a module in a framework; a programme may also be in `other`. */
export const moduleSectors = ['ict', 'construction', 'care', 'tourism', 'agriculture', 'textile'] as const;
export const sectors = [...moduleSectors, 'other'] as const;

export const divisions = ['barishal', 'chattogram', 'dhaka', 'khulna', 'mymensingh', 'rajshahi', 'rangpur', 'sylhet'] as const;

export const registrationBodies = ['BTEB', 'NSDA', 'BTEB+NSDA', 'none'] as const;

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Activities a programme may declare; frameworks attach conditions to them (e.g. welding safety). */
export const programmeActivities = [
  'welding-cutting',
  'dyeing-finishing',
  'working-at-height',
  'chemicals',
  'food-handling',
  'patient-handling',
  'machinery',
] as const;
