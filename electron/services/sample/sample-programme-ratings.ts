import type { PlannedRating } from './sample-ratings';

/** The sample's programme-level units that are not simply Met, and every outcome unit (scored from its figures). */
export const programmeRatings: Record<string, PlannedRating> = {
  // Diploma in Engineering, Computer Technology (mobility track to Germany)
  'CU-01@ict': {
    rating: 3,
    note: {
      en: 'Based on the BTEB Diploma in Engineering (Computer) curriculum, 2022 edition.',
      bn: 'বিটিইবির ডিপ্লোমা-ইন-ইঞ্জিনিয়ারিং (কম্পিউটার) পাঠ্যক্রম, ২০২২ সংস্করণের ভিত্তিতে।',
    },
  },
  'CU-03@ict': {
    rating: 1,
    note: {
      en: 'ISCO-08 3512 is recorded, but no ESCO occupation is linked and the learning outcomes do not refer to one.',
      bn: 'ISCO-08 3512 লিপিবদ্ধ, কিন্তু কোনো ESCO পেশা যুক্ত নেই এবং শিখনফলে তার উল্লেখ নেই।',
    },
  },
  'CU-04@ict': {
    rating: 2,
    data: { practical_hours_share_pct: 42 },
    note: {
      en: 'Practical and work-based hours are 42% of nominal hours; two lab sessions a week were cancelled during exams.',
      bn: 'ব্যবহারিক ও কর্মক্ষেত্রভিত্তিক ঘণ্টা মোট ঘণ্টার ৪২%; পরীক্ষার সময় সপ্তাহে দুটি ল্যাব সেশন বাতিল হয়েছে।',
    },
  },
  'CU-06@ict': {
    rating: 2,
    note: {
      en: 'Curriculum reviewed with two software firms in 2024; cloud and data-protection topics not yet added.',
      bn: '২০২৪ সালে দুটি সফটওয়্যার প্রতিষ্ঠানের সঙ্গে পাঠ্যক্রম পর্যালোচনা হয়েছে; ক্লাউড ও তথ্য-সুরক্ষা বিষয় এখনো যোগ হয়নি।',
    },
  },
  'AS-05@ict': {
    rating: 'na',
    naReason: {
      en: 'RPL is not offered for the four-year diploma; the institute offers it only for short courses, which are outside this inspection.',
      bn: 'চার বছরের ডিপ্লোমায় RPL দেওয়া হয় না; প্রতিষ্ঠানটি শুধু স্বল্পমেয়াদি কোর্সে তা দেয়, যা এই পরিদর্শনের আওতার বাইরে।',
    },
  },
  'LS-03@ict': {
    data: { language: 'de', cefr_target: 'B1', language_track_learners: 30, certified_at_target: 17 },
    note: {
      en: 'German course with Goethe-Institut exams; 17 of 30 learners certified at B1 or above.',
      bn: 'গ্যোটে-ইনস্টিটিউটের পরীক্ষাসহ জার্মান ভাষা কোর্স; ৩০ জনের মধ্যে ১৭ জন B1 বা তার বেশি স্তরে সনদপ্রাপ্ত।',
    },
  },
  'IL-03@ict': {
    data: { wbl_cohort_learners: 40, learners_with_wbl: 14, wbl_hours_per_learner: 160 },
    note: {
      en: 'Only 14 of 40 final-year learners had a structured internship with an agreement and a mentor.',
      bn: 'চূড়ান্ত বর্ষের ৪০ জনের মধ্যে মাত্র ১৪ জন চুক্তি ও মেন্টরসহ সুসংগঠিত ইন্টার্নশিপ পেয়েছে।',
    },
  },
  'OI-02@ict': {
    rating: 3,
    data: { enrolled_total: 480, enrolled_female: 132, enrolled_age_15_24: 455, enrolled_disadvantaged: 61 },
    note: { en: 'Figures from the enrolment register, 2025–26.', bn: 'ভর্তি রেজিস্টার থেকে নেওয়া তথ্য, ২০২৫–২৬।' },
  },
  'OI-03@ict': {
    data: { cohort_entrants: 120, cohort_completers: 98, cohort_dropouts: 22 },
    note: { en: 'Intake of four years ago: 98 of 120 completed.', bn: 'চার বছর আগের ভর্তি: ১২০ জনের মধ্যে ৯৮ জন কোর্স শেষ করেছে।' },
  },
  'OI-04@ict': {
    rating: 3,
    data: { assessed: 98, competent_first_attempt: 83, certified: 96 },
    note: {
      en: 'First-attempt competence 85%; all but two completers certified.',
      bn: 'প্রথম চেষ্টায় দক্ষ ৮৫%; দুজন ছাড়া সব সমাপনকারী সনদ পেয়েছে।',
    },
  },
  'OI-05@ict': {
    data: {
      tracer_cohort_completers: 98,
      completers_traced_6m: 61,
      employed_or_study_6m: 38,
      employed_12m: 44,
      employed_abroad_regular_12m: 3,
    },
    note: {
      en: 'Tracer survey by phone at six months; 61 of 98 completers answered.',
      bn: 'ছয় মাসে ফোনে ট্রেসার জরিপ; ৯৮ জনের মধ্যে ৬১ জন উত্তর দিয়েছে।',
    },
  },
  'OI-06@ict': {
    data: {
      tracer_response_rate_pct: 62,
      employed_graduates_traced: 38,
      employed_in_matching_isco: 21,
      employer_satisfied_pct: 78,
      graduate_satisfied_pct: 71,
    },
    note: {
      en: 'Many graduates work in sales or call centres rather than in software roles.',
      bn: 'অনেক স্নাতক সফটওয়্যার পদে না গিয়ে বিক্রয় বা কল সেন্টারে কাজ করছে।',
    },
  },
  'OI-07@ict': {
    data: { cohort_entrants: 120, cohort_completers: 98, disadv_entrants: 18, disadv_completers: 12 },
    note: {
      en: 'Learners from disadvantaged groups complete far less often; no stipend or mentoring is offered.',
      bn: 'সুবিধাবঞ্চিত শিক্ষার্থীদের কোর্স শেষ করার হার অনেক কম; কোনো উপবৃত্তি বা মেন্টরিং দেওয়া হয় না।',
    },
  },
  'OI-08@ict': {
    rating: 2,
    data: { trainers_total: 14, trainers_with_cpd_12m: 6, cpd_spend_bdt: 18000 },
    note: {
      en: '6 of 14 trainers had accredited training in the last year.',
      bn: 'গত এক বছরে ১৪ জন প্রশিক্ষকের মধ্যে ৬ জন স্বীকৃত প্রশিক্ষণ পেয়েছেন।',
    },
  },
  'ICT-02@ict': {
    rating: 3,
    note: {
      en: '40 working PCs for a class of 40; current IDEs and Git installed.',
      bn: '৪০ জনের ক্লাসের জন্য ৪০টি সচল কম্পিউটার; হালনাগাদ IDE ও Git ইনস্টল করা।',
    },
  },
  'ICT-05@ict': {
    rating: 2,
    data: { external_cert_pass_rate_pct: 64 },
    note: {
      en: '64% pass rate in vendor certification exams over the last two cohorts.',
      bn: 'সর্বশেষ দুই ব্যাচে ভেন্ডর সনদ-পরীক্ষায় পাসের হার ৬৪%।',
    },
  },

  // Welding and Fabrication, Level 3
  'CU-01@welding': {
    rating: 3,
    note: {
      en: 'Based on the NSDA competency standard for Welding, Level 3.',
      bn: 'ওয়েল্ডিং লেভেল ৩-এর এনএসডিএ দক্ষতা মানের ভিত্তিতে।',
    },
  },
  'CU-04@welding': {
    rating: 3,
    data: { practical_hours_share_pct: 65 },
    note: { en: '65% practical hours, delivered as timetabled.', bn: '৬৫% ব্যবহারিক ঘণ্টা, সময়সূচি অনুযায়ী পাঠদান।' },
  },
  'CU-05@welding': {
    rating: 1,
    note: {
      en: 'Learning materials cover 3 of 7 units of competency; the rest are photocopied textbook pages.',
      bn: 'শিখন উপকরণ ৭টি দক্ষতা-ইউনিটের মধ্যে মাত্র ৩টিতে আছে; বাকিগুলো পাঠ্যবইয়ের ফটোকপি।',
    },
  },
  'AS-03@welding': {
    rating: 0,
    note: {
      en: 'Assessment evidence of the 2025 batch was not kept; only the result sheets remain.',
      bn: '২০২৫ ব্যাচের মূল্যায়নের প্রমাণ সংরক্ষণ করা হয়নি; শুধু ফলাফলের শিট রয়ে গেছে।',
    },
  },
  'LS-03@welding': {
    rating: 'na',
    naReason: {
      en: 'Not on a mobility track: no destination language is taught.',
      bn: 'মোবিলিটি ট্র্যাকে নেই: কোনো গন্তব্য-দেশের ভাষা পড়ানো হয় না।',
    },
  },
  'IL-03@welding': {
    data: { wbl_cohort_learners: 60, learners_with_wbl: 42, wbl_hours_per_learner: 240 },
    note: {
      en: 'Placements at two shipyards and a steel fabricator, with agreements and mentors.',
      bn: 'চুক্তি ও মেন্টরসহ দুটি শিপইয়ার্ড ও একটি স্টিল ফ্যাব্রিকেশন প্রতিষ্ঠানে প্লেসমেন্ট।',
    },
  },
  'IL-04@welding': {
    rating: 2,
    note: {
      en: 'Employers sit on the assessment panel but do not teach.',
      bn: 'নিয়োগকর্তারা মূল্যায়ন প্যানেলে থাকেন, কিন্তু পাঠদান করেন না।',
    },
  },
  'OI-01@welding': {
    rating: 2,
    note: {
      en: 'Learner register kept in a spreadsheet; dropouts are not followed up.',
      bn: 'শিক্ষার্থী রেজিস্টার স্প্রেডশিটে রাখা হয়; ঝরে পড়া শিক্ষার্থীদের খোঁজ নেওয়া হয় না।',
    },
  },
  'OI-02@welding': {
    rating: 2,
    data: { enrolled_total: 60, enrolled_female: 4, enrolled_age_15_24: 51, enrolled_disadvantaged: 22 },
    note: { en: 'Only 4 of 60 learners are women.', bn: '৬০ জন শিক্ষার্থীর মধ্যে মাত্র ৪ জন নারী।' },
  },
  'OI-03@welding': {
    data: { cohort_entrants: 60, cohort_completers: 47, cohort_dropouts: 13 },
    note: { en: 'Last batch: 47 of 60 completed.', bn: 'সর্বশেষ ব্যাচ: ৬০ জনের মধ্যে ৪৭ জন কোর্স শেষ করেছে।' },
  },
  'OI-04@welding': {
    rating: 3,
    data: { assessed: 47, competent_first_attempt: 41, certified: 45 },
  },
  'OI-05@welding': {
    data: { tracer_cohort_completers: 47, completers_traced_6m: 8, employed_or_study_6m: 5 },
    note: {
      en: 'The tracer reached only 8 of 47 completers: not enough to judge placement.',
      bn: 'ট্রেসার জরিপে ৪৭ জনের মধ্যে মাত্র ৮ জনের সাড়া মিলেছে: কর্মসংস্থান বিচারের জন্য যথেষ্ট নয়।',
    },
  },
  'OI-06@welding': {
    data: { tracer_response_rate_pct: 17, employed_graduates_traced: 5, employed_in_matching_isco: 4 },
    note: { en: 'Same tracer survey: too few answers.', bn: 'একই ট্রেসার জরিপ: উত্তর খুবই কম।' },
  },
  'OI-07@welding': {
    data: { cohort_entrants: 60, cohort_completers: 47, disadv_entrants: 22, disadv_completers: 16 },
    note: {
      en: 'A gap of about six points; hostel seats are offered to learners from remote char areas.',
      bn: 'প্রায় ছয় পয়েন্টের ব্যবধান; প্রত্যন্ত চর এলাকার শিক্ষার্থীদের হোস্টেলে আসন দেওয়া হয়।',
    },
  },
  'OI-08@welding': {
    rating: 2,
    data: { trainers_total: 6, trainers_with_cpd_12m: 3, cpd_spend_bdt: 12000 },
  },
  'CON-01@welding': {
    rating: 3,
    note: {
      en: 'Harness, lanyard and scaffold checks observed in the practice yard.',
      bn: 'অনুশীলন-প্রাঙ্গণে হারনেস, ল্যানিয়ার্ড ও মাচা পরীক্ষা পর্যবেক্ষণ করা হয়েছে।',
    },
  },
  'CON-02@welding': {
    rating: 2,
    note: {
      en: 'Guards missing on 2 of 8 angle grinders; replaced before the end of the visit.',
      bn: '৮টি অ্যাঙ্গেল গ্রাইন্ডারের মধ্যে ২টির গার্ড ছিল না; পরিদর্শন শেষ হওয়ার আগেই লাগানো হয়েছে।',
    },
  },
  'CON-03@welding': {
    rating: 2,
    note: {
      en: 'Screens and a fire watch in place; fume extraction works in 4 of 6 booths (photo attached).',
      bn: 'পর্দা ও অগ্নি-প্রহরী আছে; ৬টি বুথের মধ্যে ৪টিতে ধোঁয়া নিষ্কাশন কাজ করে (ছবি সংযুক্ত)।',
    },
  },
  'CON-06@welding': {
    rating: 1,
    note: {
      en: 'Bend tests done in-house without a written welding procedure or an independent examiner.',
      bn: 'লিখিত ওয়েল্ডিং পদ্ধতি বা স্বাধীন পরীক্ষক ছাড়াই প্রতিষ্ঠানের ভেতরে বেন্ড টেস্ট করা হয়।',
    },
  },
};
