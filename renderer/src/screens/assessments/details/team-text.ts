import type { TFunction } from 'i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';

/** "Rahima Akter (Lead inspector)": a member's name as typed, the role in the user's language. */
export function memberText(t: TFunction, member: Assessment['team'][number]): string {
  return `${member.name} (${t(`assessments.role.${member.role}`)})`;
}

export function teamText(t: TFunction, team: Assessment['team']): string {
  return team.map((m) => memberText(t, m)).join(', ');
}
