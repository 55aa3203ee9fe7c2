import { z } from 'zod';
import { parseLocalizedNumber, toWesternDigits } from './digits';

// Control characters never belong in names or notes; they break exports and can spoof text.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: `validation.tooLongMax:${max}` })
    .refine((v) => !controlChars.test(v), { error: 'validation.controlChars' });
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `validation.tooLongMax:${max}` })
    .refine((v) => !controlChars.test(v), { error: 'validation.controlChars' })
    .default('');
}

/**
 * Free text kept as typed (notes saved while they are written: trimming would eat the space just typed),
 * within a length, and under the same rule as every other field: no control characters (line breaks and
 * tabs are fine).
 */
export function noteText(max: number) {
  return z
    .string()
    .max(max, { error: `validation.tooLongMax:${max}` })
    .refine((v) => !controlChars.test(v), { error: 'validation.controlChars' });
}

/**
 * A code made of digits (an ISCO-08 unit group, a year, a phone number) typed in either digit set: Bengali
 * digits (০–৯) become Western digits BEFORE the pattern is checked, so "৭২১২" is accepted and stored as
 * "7212". Every field that validates digits goes through this (or `optionalNumber`, which does the same).
 */
export function digitCode(pattern: RegExp, error: string) {
  return z.string().overwrite(toWesternDigits).trim().regex(pattern, { error });
}

/** Optional text whose digits are stored as Western digits (phone numbers); the rest as typed. */
export function optionalDigitText(max: number) {
  return z
    .string()
    .overwrite(toWesternDigits)
    .trim()
    .max(max, { error: `validation.tooLongMax:${max}` })
    .refine((v) => !controlChars.test(v), { error: 'validation.controlChars' })
    .default('');
}

/** A number typed in a form (string, either digit set) or sent over IPC (number); empty is null. */
export function optionalNumber(opts: { min: number; max: number; integer?: boolean }) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? parseLocalizedNumber(v) : v === undefined ? null : v),
    z
      .number({ error: 'validation.number' })
      .refine((n) => Number.isFinite(n), { error: 'validation.number' })
      .refine((n) => !opts.integer || Number.isInteger(n), { error: 'validation.integer' })
      .refine((n) => n >= opts.min && n <= opts.max, { error: `validation.range:${opts.min}:${opts.max}` })
      .nullable(),
  );
}
