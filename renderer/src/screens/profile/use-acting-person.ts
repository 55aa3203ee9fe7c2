import { useMemo } from 'react';
import type { ActingPerson } from '../../../../shared/settings/roles';
import { useRequest } from '../../data/use-request';

/**
 * The person acting on this computer (the profile's name and role), read once when a screen opens;
 * null until it has loaded. The screens offer only what the services will accept from this person.
 */
export function useActingPerson(): ActingPerson | null {
  const { value } = useRequest('settings:get', {});
  return useMemo(() => (value ? { name: value.userName, role: value.role } : null), [value]);
}
