import type { exchangeRefusalsEn } from './exchange-refusals.en';

/** Why a package is refused, in Bangla. */
export const exchangeRefusalsBn: Record<keyof typeof exchangeRefusalsEn, string> = {
  requestTooLarge: 'ফাইলের এই অংশটি একবারে পাঠানোর জন্য খুব বড়।',
};
