import { z } from 'zod';
import { requiredText } from '../validation/fields';
import {
  createIdentityInputSchema,
  identitySchema,
  importIdentityProfileSchema,
  passphraseSchema,
  trustedRootSchema,
  verificationResultSchema,
} from './schema';

/** Base64 file contents. The browser host accepts request bodies up to 10 MB, so about 7 MB of PDF. */
const base64File = z
  .string()
  .max(14_000_000, { error: 'validation.tooLong' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' });

/**
 * Channels for signing identities, trusted roots and verification. No response ever carries key
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
  'signing:verify': {
    request: z.object({ pdfBase64: base64File }).strict(),
    response: verificationResultSchema,
  },
} as const;
