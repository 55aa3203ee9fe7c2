import type { UserRole } from '../../shared/settings/schema';
import type { BrowserHost } from './browser-host';
import { must } from './api';

/** The reviewer who finalises in e2e journeys: never the person who submitted (four eyes, shared/settings/roles.ts). */
export const reviewer = { userName: 'Shirin Akhter', role: 'head-office' } as const;

/**
 * Runs `work` as another person, the way a shared laptop does it: the profile is switched through the
 * real settings channel (as the profile screen does) and back afterwards.
 */
export async function actingAs<T>(host: BrowserHost, person: { userName: string; role: UserRole }, work: () => Promise<T>): Promise<T> {
  const before = await must(host, 'settings:get', {});
  await must(host, 'settings:update', person);
  try {
    return await work();
  } finally {
    // A host not yet through the welcome has no name to go back to: only the role is put back then.
    await must(host, 'settings:update', before.userName ? { userName: before.userName, role: before.role } : { role: before.role });
  }
}

/** Runs `work` as the reviewer: a different person from whoever submitted. */
export function asReviewer<T>(host: BrowserHost, work: () => Promise<T>): Promise<T> {
  return actingAs(host, reviewer, work);
}

/** The second reviewer who countersigns a "not recommended" outcome: neither the lead inspector, the submitter nor `reviewer`. */
export const countersigner = { userName: 'Kamal Hossain', role: 'head-office' } as const;

/**
 * Finalises a submitted assessment as the reviewer, through the real API; a "not recommended" inspection
 * is first countersigned by the second reviewer, as the services require (electron/services/accreditation).
 */
export async function finaliseAsReviewer(host: BrowserHost, id: string, revision: number) {
  let current = revision;
  if ((await must(host, 'accreditation:assessment', { assessmentId: id })).countersignRequired) {
    await actingAs(host, countersigner, () => must(host, 'accreditation:countersign', { assessmentId: id, revision }));
    current = (await must(host, 'assessments:get', { id })).assessment.revision;
  }
  return asReviewer(host, () => must(host, 'assessments:finalise', { id, revision: current }));
}

/** Submits a draft as the current profile and finalises it as the reviewer (countersigned first when negative). */
export async function submitAndFinalise(host: BrowserHost, id: string) {
  const { assessment } = await must(host, 'assessments:get', { id });
  const submitted = await must(host, 'assessments:submit', { id, revision: assessment.revision });
  return finaliseAsReviewer(host, id, submitted.revision);
}
