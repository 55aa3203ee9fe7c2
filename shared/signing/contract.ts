import { z } from 'zod';
import { requiredText } from '../validation/fields';
import { createIdentityInputSchema, identitySchema, importIdentityProfileSchema, passphraseSchema, trustedRootSchema } from './schema';

/** A PKCS#12 file as base64: a few kilobytes, so anything near a megabyte is the wrong file. */
const base64File = z
  .string()
  .max(1_000_000, { error: 'validation.tooLong' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' });

/**
 * Channels for signing identities and trusted roots (verification is `reports:verify`). No response ever carries key
 * material; passphrases travel only in requests, and files arrive as bytes, never as paths.
 */
export const signingContract = {
  'signing:identities:list': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(identitySchema) }),
  },
  'signing:identities:create': {
    request: createIdentityInputSchema.strict(),
    response: identitySchema,
  },
  'signing:identities:import': {
    request: importIdentityProfileSchema
      .extend({
        p12Base64: base64File,
        passphrase: z.string().max(1024, { error: 'validation.tooLong' }),
        /** When the CA's passphrase is too short to keep, the key is stored under this one. */
        newPassphrase: passphraseSchema.optional(),
      })
      .strict(),
    response: identitySchema,
  },
  'signing:roots:list': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(trustedRootSchema) }),
  },
  'signing:roots:add': {
    request: z.object({ pem: requiredText(20_000) }).strict(),
    response: trustedRootSchema,
  },
} as const;
