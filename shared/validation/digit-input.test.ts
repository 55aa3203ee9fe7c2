import { describe, expect, it } from 'vitest';
import { institutionInputSchema, programmeInputSchema } from '../institutions/schema';

const programme = {
  titleEn: 'Welding',
  titleBn: '',
  sector: 'construction',
  occupation: 'Welder',
  iscoCode: '7212',
  escoUri: '',
  bnqfLevel: '3',
  eqfLevel: '',
  durationMonths: '6',
  annualIntake: '60',
  mobilityTrack: false,
  destinationCountry: '',
  targetLanguage: '',
  targetCefr: '',
  activities: [],
};

const institution = {
  nameEn: 'Gazipur TTC',
  nameBn: '',
  registrationBody: 'BTEB',
  registrationNumber: 'TTC-0117',
  type: 'technical-training-centre',
  division: 'dhaka',
  district: 'gazipur',
  address: '',
  headName: '',
  contactPhone: '',
  contactEmail: '',
  sectors: [],
};

describe('fields that validate digits accept both digit systems and store Western digits', () => {
  it('accepts the ISCO code "৭২১২" that its own Bangla hint shows, and stores "7212"', () => {
    const parsed = programmeInputSchema.parse({ ...programme, iscoCode: '৭২১২' });
    expect(parsed.iscoCode).toBe('7212');
    expect(programmeInputSchema.safeParse({ ...programme, iscoCode: '৭২১' }).success).toBe(false);
    expect(programmeInputSchema.safeParse({ ...programme, iscoCode: '৭২১২x' }).success).toBe(false);
  });

  it('reads levels, durations and intake numbers typed in Bengali digits', () => {
    const parsed = programmeInputSchema.parse({ ...programme, bnqfLevel: '৬', durationMonths: '৪৮', annualIntake: '১২০' });
    expect(parsed).toMatchObject({ bnqfLevel: 6, durationMonths: 48, annualIntake: 120 });
  });

  it('stores phone and registration numbers typed in Bengali digits with Western digits', () => {
    const parsed = institutionInputSchema.parse({ ...institution, contactPhone: '+৮৮০ ১৭১১ ০০০০০০', registrationNumber: 'TTC-০১১৭' });
    expect(parsed.contactPhone).toBe('+880 1711 000000');
    expect(parsed.registrationNumber).toBe('TTC-0117');
    expect(institutionInputSchema.safeParse({ ...institution, contactPhone: 'call me' }).success).toBe(false);
  });
});
