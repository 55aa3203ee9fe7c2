/** Why a package is refused, in English; `{{placeholders}}` are filled from the refusal's values. */
export const exchangeRefusalsEn = {
  requestTooLarge: 'This piece of the file is too large to send at once.',
};
