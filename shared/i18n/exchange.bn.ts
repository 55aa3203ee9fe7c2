import type { Catalogue } from './en';
import { exchangeRefusalsBn } from './exchange-refusals.bn';

/** Bangla messages of assessment packages. */
export const exchangeBn: Catalogue['exchange'] = {
  nav: 'প্যাকেজ',
  refused: exchangeRefusalsBn,
};
