import type { divisions } from '../institutions/reference-data';

type Division = (typeof divisions)[number];

/**
 * Closed lists with Bangla names, so a Bangla screen or report never shows an English place name, and
 * the registry stores a stable code. Names are the official English spellings since 2018 (Chattogram,
 * Cumilla, Barishal, Jashore, Bogura); `aliases` are older spellings found in existing data folders and
 * packages, matched when a free-text value typed before these lists is shown or edited.
 */
export interface ListEntry {
  readonly code: string;
  readonly en: string;
  readonly bn: string;
  readonly aliases?: readonly string[];
}

export interface District extends ListEntry {
  readonly division: Division;
}

const d = (division: Division, code: string, en: string, bn: string, aliases?: string[]): District => ({ code, en, bn, division, aliases });

/** The 64 districts of Bangladesh, by division (8). */
export const districts: readonly District[] = [
  d('barishal', 'barguna', 'Barguna', 'বরগুনা'),
  d('barishal', 'barishal', 'Barishal', 'বরিশাল', ['Barisal']),
  d('barishal', 'bhola', 'Bhola', 'ভোলা'),
  d('barishal', 'jhalokati', 'Jhalokati', 'ঝালকাঠি', ['Jhalakathi', 'Jhalokathi']),
  d('barishal', 'patuakhali', 'Patuakhali', 'পটুয়াখালী'),
  d('barishal', 'pirojpur', 'Pirojpur', 'পিরোজপুর'),
  d('chattogram', 'bandarban', 'Bandarban', 'বান্দরবান'),
  d('chattogram', 'brahmanbaria', 'Brahmanbaria', 'ব্রাহ্মণবাড়িয়া'),
  d('chattogram', 'chandpur', 'Chandpur', 'চাঁদপুর'),
  d('chattogram', 'chattogram', 'Chattogram', 'চট্টগ্রাম', ['Chittagong']),
  d('chattogram', 'coxs-bazar', "Cox's Bazar", 'কক্সবাজার', ['Coxs Bazar', 'Cox’s Bazar', 'Coxsbazar']),
  d('chattogram', 'cumilla', 'Cumilla', 'কুমিল্লা', ['Comilla']),
  d('chattogram', 'feni', 'Feni', 'ফেনী'),
  d('chattogram', 'khagrachhari', 'Khagrachhari', 'খাগড়াছড়ি', ['Khagrachari']),
  d('chattogram', 'lakshmipur', 'Lakshmipur', 'লক্ষ্মীপুর', ['Laxmipur']),
  d('chattogram', 'noakhali', 'Noakhali', 'নোয়াখালী'),
  d('chattogram', 'rangamati', 'Rangamati', 'রাঙ্গামাটি'),
  d('dhaka', 'dhaka', 'Dhaka', 'ঢাকা'),
  d('dhaka', 'faridpur', 'Faridpur', 'ফরিদপুর'),
  d('dhaka', 'gazipur', 'Gazipur', 'গাজীপুর'),
  d('dhaka', 'gopalganj', 'Gopalganj', 'গোপালগঞ্জ'),
  d('dhaka', 'kishoreganj', 'Kishoreganj', 'কিশোরগঞ্জ'),
  d('dhaka', 'madaripur', 'Madaripur', 'মাদারীপুর'),
  d('dhaka', 'manikganj', 'Manikganj', 'মানিকগঞ্জ'),
  d('dhaka', 'munshiganj', 'Munshiganj', 'মুন্সীগঞ্জ'),
  d('dhaka', 'narayanganj', 'Narayanganj', 'নারায়ণগঞ্জ'),
  d('dhaka', 'narsingdi', 'Narsingdi', 'নরসিংদী', ['Narshingdi']),
  d('dhaka', 'rajbari', 'Rajbari', 'রাজবাড়ী'),
  d('dhaka', 'shariatpur', 'Shariatpur', 'শরীয়তপুর'),
  d('dhaka', 'tangail', 'Tangail', 'টাঙ্গাইল'),
  d('khulna', 'bagerhat', 'Bagerhat', 'বাগেরহাট'),
  d('khulna', 'chuadanga', 'Chuadanga', 'চুয়াডাঙ্গা'),
  d('khulna', 'jashore', 'Jashore', 'যশোর', ['Jessore']),
  d('khulna', 'jhenaidah', 'Jhenaidah', 'ঝিনাইদহ'),
  d('khulna', 'khulna', 'Khulna', 'খুলনা'),
  d('khulna', 'kushtia', 'Kushtia', 'কুষ্টিয়া'),
  d('khulna', 'magura', 'Magura', 'মাগুরা'),
  d('khulna', 'meherpur', 'Meherpur', 'মেহেরপুর'),
  d('khulna', 'narail', 'Narail', 'নড়াইল'),
  d('khulna', 'satkhira', 'Satkhira', 'সাতক্ষীরা'),
  d('mymensingh', 'jamalpur', 'Jamalpur', 'জামালপুর'),
  d('mymensingh', 'mymensingh', 'Mymensingh', 'ময়মনসিংহ'),
  d('mymensingh', 'netrokona', 'Netrokona', 'নেত্রকোণা', ['Netrakona']),
  d('mymensingh', 'sherpur', 'Sherpur', 'শেরপুর'),
  d('rajshahi', 'bogura', 'Bogura', 'বগুড়া', ['Bogra']),
  d('rajshahi', 'chapainawabganj', 'Chapainawabganj', 'চাঁপাইনবাবগঞ্জ', ['Chapai Nawabganj', 'Nawabganj']),
  d('rajshahi', 'joypurhat', 'Joypurhat', 'জয়পুরহাট'),
  d('rajshahi', 'naogaon', 'Naogaon', 'নওগাঁ'),
  d('rajshahi', 'natore', 'Natore', 'নাটোর'),
  d('rajshahi', 'pabna', 'Pabna', 'পাবনা'),
  d('rajshahi', 'rajshahi', 'Rajshahi', 'রাজশাহী'),
  d('rajshahi', 'sirajganj', 'Sirajganj', 'সিরাজগঞ্জ'),
  d('rangpur', 'dinajpur', 'Dinajpur', 'দিনাজপুর'),
  d('rangpur', 'gaibandha', 'Gaibandha', 'গাইবান্ধা'),
  d('rangpur', 'kurigram', 'Kurigram', 'কুড়িগ্রাম'),
  d('rangpur', 'lalmonirhat', 'Lalmonirhat', 'লালমনিরহাট'),
  d('rangpur', 'nilphamari', 'Nilphamari', 'নীলফামারী'),
  d('rangpur', 'panchagarh', 'Panchagarh', 'পঞ্চগড়'),
  d('rangpur', 'rangpur', 'Rangpur', 'রংপুর'),
  d('rangpur', 'thakurgaon', 'Thakurgaon', 'ঠাকুরগাঁও'),
  d('sylhet', 'habiganj', 'Habiganj', 'হবিগঞ্জ'),
  d('sylhet', 'moulvibazar', 'Moulvibazar', 'মৌলভীবাজার', ['Maulvibazar', 'Moulvi Bazar']),
  d('sylhet', 'sunamganj', 'Sunamganj', 'সুনামগঞ্জ'),
  d('sylhet', 'sylhet', 'Sylhet', 'সিলেট'),
];

export type CountryGroup = 'eu' | 'eea' | 'other';
export interface Country extends ListEntry {
  readonly group: CountryGroup;
}
const c = (group: CountryGroup, code: string, en: string, bn: string, aliases?: string[]): Country => ({ code, en, bn, group, aliases });

/** Destination countries (ISO 3166-1 alpha-2): the EU 27, the EEA 3, and others Bangladeshi programmes send learners to. */
export const countries: readonly Country[] = [
  c('eu', 'AT', 'Austria', 'অস্ট্রিয়া'),
  c('eu', 'BE', 'Belgium', 'বেলজিয়াম'),
  c('eu', 'BG', 'Bulgaria', 'বুলগেরিয়া'),
  c('eu', 'HR', 'Croatia', 'ক্রোয়েশিয়া'),
  c('eu', 'CY', 'Cyprus', 'সাইপ্রাস'),
  c('eu', 'CZ', 'Czechia', 'চেকিয়া', ['Czech Republic']),
  c('eu', 'DK', 'Denmark', 'ডেনমার্ক'),
  c('eu', 'EE', 'Estonia', 'এস্তোনিয়া'),
  c('eu', 'FI', 'Finland', 'ফিনল্যান্ড'),
  c('eu', 'FR', 'France', 'ফ্রান্স'),
  c('eu', 'DE', 'Germany', 'জার্মানি', ['Deutschland']),
  c('eu', 'GR', 'Greece', 'গ্রিস'),
  c('eu', 'HU', 'Hungary', 'হাঙ্গেরি'),
  c('eu', 'IE', 'Ireland', 'আয়ারল্যান্ড'),
  c('eu', 'IT', 'Italy', 'ইতালি'),
  c('eu', 'LV', 'Latvia', 'লাটভিয়া'),
  c('eu', 'LT', 'Lithuania', 'লিথুয়ানিয়া'),
  c('eu', 'LU', 'Luxembourg', 'লুক্সেমবার্গ'),
  c('eu', 'MT', 'Malta', 'মাল্টা'),
  c('eu', 'NL', 'Netherlands', 'নেদারল্যান্ডস', ['The Netherlands', 'Holland']),
  c('eu', 'PL', 'Poland', 'পোল্যান্ড'),
  c('eu', 'PT', 'Portugal', 'পর্তুগাল'),
  c('eu', 'RO', 'Romania', 'রোমানিয়া'),
  c('eu', 'SK', 'Slovakia', 'স্লোভাকিয়া'),
  c('eu', 'SI', 'Slovenia', 'স্লোভেনিয়া'),
  c('eu', 'ES', 'Spain', 'স্পেন'),
  c('eu', 'SE', 'Sweden', 'সুইডেন'),
  c('eea', 'IS', 'Iceland', 'আইসল্যান্ড'),
  c('eea', 'LI', 'Liechtenstein', 'লিশটেনস্টাইন'),
  c('eea', 'NO', 'Norway', 'নরওয়ে'),
  c('other', 'CH', 'Switzerland', 'সুইজারল্যান্ড'),
  c('other', 'GB', 'United Kingdom', 'যুক্তরাজ্য', ['UK', 'Great Britain', 'England']),
  c('other', 'JP', 'Japan', 'জাপান'),
  c('other', 'KR', 'South Korea', 'দক্ষিণ কোরিয়া', ['Korea', 'Republic of Korea']),
  c('other', 'MY', 'Malaysia', 'মালয়েশিয়া'),
  c('other', 'SG', 'Singapore', 'সিঙ্গাপুর'),
  c('other', 'SA', 'Saudi Arabia', 'সৌদি আরব', ['KSA']),
  c('other', 'AE', 'United Arab Emirates', 'সংযুক্ত আরব আমিরাত', ['UAE']),
  c('other', 'QA', 'Qatar', 'কাতার'),
  c('other', 'KW', 'Kuwait', 'কুয়েত'),
  c('other', 'OM', 'Oman', 'ওমান'),
  c('other', 'BH', 'Bahrain', 'বাহরাইন'),
  c('other', 'JO', 'Jordan', 'জর্ডান'),
  c('other', 'AU', 'Australia', 'অস্ট্রেলিয়া'),
  c('other', 'CA', 'Canada', 'কানাডা'),
];

const l = (code: string, en: string, bn: string, aliases?: string[]): ListEntry => ({ code, en, bn, aliases });

/** Target languages (ISO 639-1): the official languages of the EU/EEA and the others the destinations above use. */
export const languages: readonly ListEntry[] = [
  l('de', 'German', 'জার্মান', ['Deutsch']),
  l('fr', 'French', 'ফরাসি'),
  l('it', 'Italian', 'ইতালীয়'),
  l('el', 'Greek', 'গ্রিক'),
  l('ro', 'Romanian', 'রোমানীয়'),
  l('es', 'Spanish', 'স্প্যানিশ'),
  l('pt', 'Portuguese', 'পর্তুগিজ'),
  l('nl', 'Dutch', 'ডাচ'),
  l('pl', 'Polish', 'পোলিশ'),
  l('cs', 'Czech', 'চেক'),
  l('sk', 'Slovak', 'স্লোভাক'),
  l('sl', 'Slovenian', 'স্লোভেনীয়', ['Slovene']),
  l('hr', 'Croatian', 'ক্রোয়েশীয়'),
  l('hu', 'Hungarian', 'হাঙ্গেরীয়'),
  l('bg', 'Bulgarian', 'বুলগেরীয়'),
  l('sv', 'Swedish', 'সুইডিশ'),
  l('da', 'Danish', 'ডেনিশ'),
  l('fi', 'Finnish', 'ফিনিশ'),
  l('et', 'Estonian', 'এস্তোনীয়'),
  l('lv', 'Latvian', 'লাটভীয়'),
  l('lt', 'Lithuanian', 'লিথুয়ানীয়'),
  l('mt', 'Maltese', 'মাল্টিজ'),
  l('ga', 'Irish', 'আইরিশ'),
  l('no', 'Norwegian', 'নরওয়েজীয়'),
  l('is', 'Icelandic', 'আইসল্যান্ডীয়'),
  l('en', 'English', 'ইংরেজি'),
  l('ja', 'Japanese', 'জাপানি'),
  l('ko', 'Korean', 'কোরীয়'),
  l('ar', 'Arabic', 'আরবি'),
  l('ms', 'Malay', 'মালয়'),
];
