import type { DataValues } from '../../../shared/scoring';
import { institutionRatings } from './sample-institution-ratings';
import { programmeRatings } from './sample-programme-ratings';
import type { SampleProgrammeKey } from './sample-institution';

export interface Bilingual {
  en: string;
  bn: string;
}

/** Where a unit is rated: at the institution, or for one of the sample's programmes. */
export type SampleUnitPlace = 'institution' | SampleProgrammeKey;

export interface PlannedRating {
  rating?: 0 | 1 | 2 | 3 | 'na';
  note?: Bilingual;
  naReason?: Bilingual;
  /** Figures for the criterion's data fields; outcome criteria are scored from these alone. */
  data?: DataValues;
}

/**
 * Units the user rates during the guide: none critical and none scored from data, so any key 3 2 1 0
 * is a sensible answer, and they sit in three sections so the "Unanswered" filter earns its keep.
 */
export const leftForTheUser: readonly string[] = ['GQ-06@institution', 'TA-06@institution', 'IF-06@institution', 'ICT-06@ict'];

/**
 * A realistic inspection of a mid-sized polytechnic: mostly met, a few observations, nine minor and
 * three major non-conformities (so the outcome is "recommended with conditions" and corrective
 * actions appear), an ICT programme that is not yet mobility-ready, outcome figures that light
 * green, amber and red, a tracer survey with too few answers to judge, and two justified N/A.
 * Units not listed here are Met, with one of the general notes below.
 */
export const plannedRatings: Record<string, PlannedRating> = { ...institutionRatings, ...programmeRatings };

/** Notes for the units rated Met without a note of their own, taken in turn. */
export const metNotes: readonly Bilingual[] = [
  {
    en: 'Seen on site and in the documents; consistent with what staff and learners told us.',
    bn: 'সরেজমিনে ও নথিপত্রে দেখা হয়েছে; কর্মী ও শিক্ষার্থীদের বক্তব্যের সঙ্গে সামঞ্জস্যপূর্ণ।',
  },
  {
    en: 'Documents are current and the records sampled match practice.',
    bn: 'নথিপত্র হালনাগাদ এবং নমুনা হিসেবে দেখা রেকর্ড বাস্তব চর্চার সঙ্গে মিলে যায়।',
  },
  {
    en: 'Confirmed in interviews and by a sample of records; no gaps found.',
    bn: 'সাক্ষাৎকার ও নমুনা রেকর্ডে নিশ্চিত হওয়া গেছে; কোনো ঘাটতি পাওয়া যায়নি।',
  },
];
