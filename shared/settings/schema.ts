import { z } from 'zod';
import { requiredText, optionalText } from '../validation/fields';

export const languages = ['en', 'bn'] as const;
export type Language = (typeof languages)[number];

export const userRoles = ['inspector', 'institution-administrator', 'head-office'] as const;
export type UserRole = (typeof userRoles)[number];

export const settingsSchema = z.object({
  language: z.enum(languages),
  /** Show numbers with Bengali digits (০–৯) when the language is Bangla. */
  bengaliDigits: z.boolean(),
  /** The user's profile: who every change on this machine is recorded against. */
  userName: z.string(),
  role: z.enum(userRoles),
  organisation: z.string(),
  /** False until the welcome has created the profile. */
  onboarded: z.boolean(),
});

/** The welcome form and the profile editor. */
export const profileSchema = z.object({
  userName: requiredText(120),
  role: z.enum(userRoles, { error: 'validation.choose' }),
  organisation: optionalText(200),
});

export const settingsUpdateSchema = z
  .object({
    language: z.enum(languages).optional(),
    bengaliDigits: z.boolean().optional(),
    userName: requiredText(120).optional(),
    role: z.enum(userRoles).optional(),
    // Without its default: a change that does not mention the organisation must leave it alone.
    organisation: optionalText(200).unwrap().optional(),
    onboarded: z.boolean().optional(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
export type Profile = z.output<typeof profileSchema>;
export type ProfileFormValues = z.input<typeof profileSchema>;
