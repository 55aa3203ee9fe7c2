import type { InstitutionInput, ProgrammeInput } from '../../../shared/institutions/schema';
import type { Language } from '../../../shared/settings/schema';

/**
 * The demo institution of the guided sample. Its name says "(sample)" in both languages and its
 * address says it is not real, so it can never be mistaken for an institution someone inspected.
 */
export function sampleInstitution(language: Language): InstitutionInput {
  return {
    nameEn: 'Demo Polytechnic Institute (sample)',
    nameBn: 'ডেমো পলিটেকনিক ইনস্টিটিউট (নমুনা)',
    registrationBody: 'BTEB',
    registrationNumber: 'SAMPLE-0001',
    type: 'government-polytechnic',
    division: 'dhaka',
    district: language === 'bn' ? 'গাজীপুর' : 'Gazipur',
    address:
      language === 'bn'
        ? 'গাইডেড নমুনার জন্য তৈরি কাল্পনিক তথ্য — এটি কোনো প্রকৃত প্রতিষ্ঠান নয়।'
        : 'Made-up data for the guided sample — not a real institution.',
    headName: 'Engr. Farzana Haque',
    contactPhone: '',
    contactEmail: '',
    sectors: ['ict', 'construction'],
  };
}

/** Two programmes: ICT on a mobility track (conditional criticality applies) and welding (hot-work safety applies). */
export type SampleProgrammeKey = 'ict' | 'welding';

export const sampleProgrammes: Record<SampleProgrammeKey, ProgrammeInput> = {
  ict: {
    titleEn: 'Diploma in Computer Technology (mobility track)',
    titleBn: 'কম্পিউটার টেকনোলজিতে ডিপ্লোমা (মোবিলিটি ট্র্যাক)',
    sector: 'ict',
    occupation: 'Software developer',
    iscoCode: '2512',
    escoUri: '',
    bnqfLevel: 5,
    eqfLevel: 5,
    durationMonths: 48,
    annualIntake: 120,
    mobilityTrack: true,
    destinationCountry: 'Germany',
    targetLanguage: 'German',
    targetCefr: 'B1',
    activities: [],
  },
  welding: {
    titleEn: 'Welding and Fabrication, Level 3',
    titleBn: 'ওয়েল্ডিং ও ফ্যাব্রিকেশন, লেভেল ৩',
    sector: 'construction',
    occupation: 'Welder',
    iscoCode: '7212',
    escoUri: '',
    bnqfLevel: 3,
    eqfLevel: 3,
    durationMonths: 6,
    annualIntake: 60,
    mobilityTrack: false,
    destinationCountry: '',
    targetLanguage: '',
    targetCefr: '',
    activities: ['welding-cutting'],
  },
};
