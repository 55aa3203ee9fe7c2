import { describe, expect, it } from 'vitest';
import { institutionInputSchema, programmeInputSchema } from './schema';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a form shows all its problems at once', () => {
  it('flags the mobility fields even while a number field is wrong', () => {
    const r = programmeInputSchema.safeParse({
      titleEn: 'Welding',
      sector: 'construction',
      occupation: 'Welder',
      iscoCode: '7212',
      annualIntake: 'sixty',
      mobilityTrack: true,
      destinationCountry: '',
      targetLanguage: '',
      targetCefr: '',
      activities: [],
    });
    expect(paths(r)).toEqual([
      'annualIntake: validation.number',
      'destinationCountry: validation.requiredForMobility',
      'targetLanguage: validation.requiredForMobility',
      'targetCefr: validation.requiredForMobility',
    ]);
  });

  it('flags a missing registration number together with the required fields', () => {
    const r = institutionInputSchema.safeParse({
      nameEn: '',
      registrationBody: 'BTEB',
      registrationNumber: '',
      type: 'other',
      division: 'dhaka',
      district: '',
      sectors: [],
    });
    expect(paths(r)).toEqual([
      'nameEn: validation.required',
      'district: validation.required',
      'registrationNumber: validation.registrationNumber',
    ]);
  });

  it('says the length limit in the message', () => {
    const r = programmeInputSchema.safeParse({
      titleEn: 'x'.repeat(201),
      sector: 'ict',
      occupation: 'w',
      iscoCode: '7212',
      mobilityTrack: false,
      targetCefr: '',
      activities: [],
    });
    expect(paths(r)).toEqual(['titleEn: validation.tooLongMax:200']);
  });
});
