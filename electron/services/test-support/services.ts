import type { InstitutionInput, ProgrammeInput } from '../../../shared/institutions/schema';
import { AppServices } from '../app-services';
import type { Clock } from '../support/clock';
import { tempDir } from './temp-dir';

export function openTestServices(options: { dataDir?: string; clock?: Clock; bundledFrameworksDir?: string } = {}): AppServices {
  const { dataDir = tempDir(), ...rest } = options;
  return new AppServices({ dataDir, host: 'cli', appVersion: '0.0.0-test', ...rest });
}

export function institutionInput(overrides: Partial<InstitutionInput> = {}): InstitutionInput {
  return {
    nameEn: 'Dhaka Polytechnic Institute',
    nameBn: 'ঢাকা পলিটেকনিক ইনস্টিটিউট',
    registrationBody: 'BTEB',
    registrationNumber: 'BTEB-50059',
    type: 'government-polytechnic',
    division: 'dhaka',
    district: 'Dhaka',
    address: 'Tejgaon Industrial Area',
    headName: '',
    contactPhone: '',
    contactEmail: '',
    sectors: ['ict', 'construction'],
    ...overrides,
  };
}

export function programmeInput(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    titleEn: 'Diploma in Computer Technology',
    titleBn: '',
    sector: 'ict',
    occupation: 'Software developer',
    iscoCode: '2512',
    escoUri: '',
    bnqfLevel: 5,
    eqfLevel: 5,
    durationMonths: 48,
    annualIntake: 120,
    mobilityTrack: false,
    destinationCountry: '',
    targetLanguage: '',
    targetCefr: '',
    activities: [],
    ...overrides,
  };
}
