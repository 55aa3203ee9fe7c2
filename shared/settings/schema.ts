import { z } from 'zod';

export const languages = ['en', 'bn'] as const;
export type Language = (typeof languages)[number];

export const settingsSchema = z.object({
  language: z.enum(languages),
  /** Show numbers with Bengali digits (০–৯) when the language is Bangla. */
  bengaliDigits: z.boolean(),
  userName: z.string(),
});

export const settingsUpdateSchema = z
  .object({
    language: z.enum(languages).optional(),
    bengaliDigits: z.boolean().optional(),
    userName: z.string().trim().min(1, { error: 'validation.required' }).max(120, { error: 'validation.tooLong' }).optional(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
