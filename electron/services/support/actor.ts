import type { ActingPerson } from '../../../shared/settings/roles';

/**
 * Who is making a change: the local user's id (one per data folder) with the profile's name and role.
 * Every mutation records id and name; the role rules (shared/settings/roles.ts) are decided on name and
 * role, so switching the profile to a reviewer on a shared laptop makes a different acting person.
 */
export interface Actor extends ActingPerson {
  id: string;
}
