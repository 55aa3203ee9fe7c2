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
    // Closed lists store codes; screens and reports show the name in the user's language (গাজীপুর / Gazipur).
    district: 'gazipur',
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

/**
 * Two programmes: ICT on a mobility track (conditional criticality applies) and welding (hot-work safety applies).
 * The ICT programme is a BTEB Diploma in Engineering: NTVQF 6 ("sub-assistant engineer (Diploma)"), the top
 * TVET level of the BNQF (levels 1–6), leading to technician-level work (ISCO-08 major group 3: 3512 ICT user
 * support technicians), not to the professional 2512 software developers. The EQF level is an indicative
 * best-fit judgement only (no official BNQF–EQF comparison exists, domain notes §2).
 */
export type SampleProgrammeKey = 'ict' | 'welding';

export const sampleProgrammes: Record<SampleProgrammeKey, ProgrammeInput> = {
  ict: {
    titleEn: 'Diploma in Engineering, Computer Technology (mobility track)',
    titleBn: 'ডিপ্লোমা-ইন-ইঞ্জিনিয়ারিং, কম্পিউটার টেকনোলজি (মোবিলিটি ট্র্যাক)',
    sector: 'ict',
    occupation: 'ICT user support technician',
    iscoCode: '3512',
    escoUri: '',
    bnqfLevel: 6,
    eqfLevel: 5,
    durationMonths: 48,
    annualIntake: 120,
    mobilityTrack: true,
    destinationCountry: 'DE',
    targetLanguage: 'de',
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
