import { useEffect, useState } from 'react';
import type { ActingPerson } from '../../../../shared/settings/roles';
import { invoke } from '../../api/client';

/**
 * The person acting on this computer (the profile's name and role), read once when a screen opens;
 * null until it has loaded. The screens offer only what the services will accept from this person.
 */
export function useActingPerson(): ActingPerson | null {
  const [person, setPerson] = useState<ActingPerson | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('settings:get', {}).then((r) => {
      if (live && r.ok) setPerson({ name: r.value.userName, role: r.value.role });
    });
    return () => {
      live = false;
    };
  }, []);
  return person;
}
