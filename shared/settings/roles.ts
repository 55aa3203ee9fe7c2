import type { AssessmentKind } from '../assessments/schema';
import type { UserRole } from './schema';

/**
 * The person acting on this machine: the profile's name and role. The services decide every role rule
 * on it (the actor stamped on each change), and the screens use the same functions to offer only what
 * the services will accept. A later countersignature (a second reviewer for negative outcomes) is one
 * more rule over the same person and the names stored on the assessment.
 */
export interface ActingPerson {
  name: string;
  role: UserRole;
}

/**
 * What each role may start. An institution's administrator states the institution's own position (a
 * self-assessment); inspections and follow-ups are the inspectorate's. Inspectors and head office may
 * start every kind: head office staff lead inspections too, and an inspector may key in an
 * institution's self-assessment from paper.
 */
const kindsByRole: Record<UserRole, readonly AssessmentKind[]> = {
  inspector: ['inspection', 'follow-up', 'self-assessment'],
  'institution-administrator': ['self-assessment'],
  'head-office': ['inspection', 'follow-up', 'self-assessment'],
};

export function kindsFor(role: UserRole): readonly AssessmentKind[] {
  return kindsByRole[role];
}

/** Names as people type them: spacing and letter case do not make a second person. */
export function samePerson(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) !== '' && norm(a) === norm(b);
}

/** Why `person` may not finalise an assessment, as a catalogue key under `assessments.roles`; null when they may. */
export type FinaliseRefusal = 'ownSubmission' | 'notForRole';

/**
 * Four eyes: whoever submitted an inspection or follow-up does not finalise it, a different reviewer
 * does; and an institution's administrator does not finalise the inspectorate's assessments. A
 * self-assessment is the institution's own statement, often made by one person: its submitter may
 * finalise it.
 */
export function finaliseRefusal(person: ActingPerson, a: { kind: AssessmentKind; submittedBy: string }): FinaliseRefusal | null {
  if (a.kind === 'self-assessment') return null;
  if (person.role === 'institution-administrator') return 'notForRole';
  if (samePerson(person.name, a.submittedBy)) return 'ownSubmission';
  return null;
}
