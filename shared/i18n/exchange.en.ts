import { exchangeRefusalsEn } from './exchange-refusals.en';

/** English messages of assessment packages: export, import, preview, conflicts (merged as `exchange.*`). */
export const exchangeEn = {
  nav: 'Packages',
  /** Why a package was refused (electron/services/exchange/container); keys used by `exchange.refused.*`. */
  refused: exchangeRefusalsEn,
};
