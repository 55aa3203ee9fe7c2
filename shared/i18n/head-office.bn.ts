import type { Catalogue } from './en';

/** Bangla messages of the head-office dashboard. */
export const headOfficeBn: Catalogue['headOffice'] = {
  nav: 'প্রধান কার্যালয়',
};
