import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { institutionInputSchema } from '../../../shared/institutions/schema';
import { createIdentityInputSchema } from '../../../shared/signing/schema';
import { schemaFieldNames } from './contract-fields';

describe('the fields a contract form places server issues on', () => {
  it('are the top-level fields of the contract schema', () => {
    const names = schemaFieldNames(institutionInputSchema);
    expect(names).toContain('nameEn');
    expect(names).toContain('sectors');
    expect(names).not.toContain('input');
  });

  it('include fields added by the form and survive a refinement', () => {
    const schema = createIdentityInputSchema
      .extend({ passphraseAgain: z.string() })
      .refine((v) => v.passphrase === v.passphraseAgain, { path: ['passphraseAgain'], message: 'mismatch' });
    expect(schemaFieldNames(schema)).toEqual(expect.arrayContaining(['name', 'role', 'organisation', 'passphrase', 'passphraseAgain']));
  });
});
