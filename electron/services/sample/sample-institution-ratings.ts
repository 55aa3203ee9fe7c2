import type { PlannedRating } from './sample-ratings';

/** The sample's institution-level units that are not simply Met (see sample-ratings.ts). */
export const institutionRatings: Record<string, PlannedRating> = {
  'GQ-01@institution': {
    rating: 3,
    note: {
      en: 'BTEB affiliation certificate valid until June 2027; the programmes offered match the registered scope.',
      bn: 'বিটিইবি অধিভুক্তি সনদ জুন ২০২৭ পর্যন্ত বৈধ; প্রদত্ত প্রোগ্রামগুলো নিবন্ধিত পরিধির সঙ্গে মিলে যায়।',
    },
  },
  'GQ-03@institution': {
    rating: 2,
    note: {
      en: 'Quality manual (2023) in place and a quality focal person named; internal audit minutes stop after June last year.',
      bn: 'মান নির্দেশিকা (২০২৩) আছে এবং একজন মান-বিষয়ক দায়িত্বপ্রাপ্ত ব্যক্তি মনোনীত; গত বছরের জুনের পর অভ্যন্তরীণ নিরীক্ষার কার্যবিবরণী নেই।',
    },
  },
  'QC-02@institution': {
    rating: 1,
    note: {
      en: "The industry advisory committee met once in two years; no employer survey was used to set this year's intake.",
      bn: 'শিল্প উপদেষ্টা কমিটি দুই বছরে একবার বসেছে; এ বছরের ভর্তির সংখ্যা ঠিক করতে কোনো নিয়োগকর্তা জরিপ ব্যবহার করা হয়নি।',
    },
  },
  'QC-05@institution': {
    rating: 1,
    note: {
      en: 'Attendance is recorded, but nothing flags or follows up learners at risk of dropping out.',
      bn: 'উপস্থিতি লিপিবদ্ধ হয়, কিন্তু ঝরে পড়ার ঝুঁকিতে থাকা শিক্ষার্থীদের চিহ্নিত করা বা তাদের খোঁজ নেওয়ার কোনো ব্যবস্থা নেই।',
    },
  },
  'QC-06@institution': {
    rating: 0,
    note: {
      en: 'No improvement plan was published after the last self-assessment; learner feedback forms are collected but not analysed.',
      bn: 'সর্বশেষ স্ব-মূল্যায়নের পর কোনো উন্নয়ন পরিকল্পনা প্রকাশ করা হয়নি; শিক্ষার্থীদের মতামত ফরম সংগ্রহ করা হয় কিন্তু বিশ্লেষণ করা হয় না।',
    },
  },
  'TA-02@institution': {
    rating: 2,
    note: {
      en: 'Five assessors on the list; two NSDA registrations expired in 2025 and their renewals are pending.',
      bn: 'তালিকায় পাঁচজন মূল্যায়নকারী; দুজনের এনএসডিএ নিবন্ধনের মেয়াদ ২০২৫ সালে শেষ হয়েছে এবং নবায়ন প্রক্রিয়াধীন।',
    },
  },
  'TA-04@institution': {
    rating: 2,
    note: {
      en: 'Development plans exist for 9 of 14 trainers; the other five joined this year.',
      bn: '১৪ জন প্রশিক্ষকের মধ্যে ৯ জনের উন্নয়ন পরিকল্পনা আছে; বাকি পাঁচজন এ বছর যোগ দিয়েছেন।',
    },
  },
  'TA-05@institution': {
    rating: 2,
    data: { learners_per_trainer_practical: 18 },
    note: {
      en: "18 learners per trainer in welding practicals on the morning shift; the institute's own norm is 15.",
      bn: 'সকালের শিফটে ওয়েল্ডিং ব্যবহারিকে প্রতি প্রশিক্ষকে ১৮ জন শিক্ষার্থী; প্রতিষ্ঠানের নিজস্ব মানদণ্ড ১৫ জন।',
    },
  },
  'IF-02@institution': {
    rating: 2,
    data: { learners_per_workstation: 1.5 },
    note: {
      en: 'One workstation per learner in the computer lab; in welding, two learners share a booth at peak times.',
      bn: 'কম্পিউটার ল্যাবে প্রত্যেক শিক্ষার্থীর জন্য একটি ওয়ার্কস্টেশন; ওয়েল্ডিংয়ে ব্যস্ত সময়ে দুজন শিক্ষার্থী একটি বুথ ভাগ করে ব্যবহার করে।',
    },
  },
  'IF-03@institution': {
    rating: 3,
    note: {
      en: 'PPE issued and worn in every workshop visited; first-aid boxes stocked; accident log kept.',
      bn: 'পরিদর্শিত প্রতিটি ওয়ার্কশপে ব্যক্তিগত সুরক্ষা সরঞ্জাম (PPE) দেওয়া ও পরা হয়; প্রাথমিক চিকিৎসার বাক্স পূর্ণ; দুর্ঘটনার লগ রাখা হয়।',
    },
  },
  'IF-04@institution': {
    rating: 3,
    note: {
      en: 'Fire drill held in February (register attached); extinguishers inspected; electrical safety certificate from 2025.',
      bn: 'ফেব্রুয়ারিতে অগ্নি-মহড়া হয়েছে (রেজিস্টার সংযুক্ত); অগ্নিনির্বাপক যন্ত্র পরীক্ষিত; ২০২৫ সালের বৈদ্যুতিক নিরাপত্তা সনদ আছে।',
    },
  },
  'IF-05@institution': {
    rating: 1,
    note: {
      en: "No ramp at the workshop block; the only women's toilet is on the ground floor of the main building.",
      bn: 'ওয়ার্কশপ ভবনে কোনো র‍্যাম্প নেই; নারীদের একমাত্র শৌচাগার মূল ভবনের নিচতলায়।',
    },
  },
  'LS-05@institution': {
    rating: 3,
    note: {
      en: 'Safeguarding policy displayed in Bangla; a female focal person is named; learners know how to report.',
      bn: 'বাংলায় সুরক্ষা নীতি প্রদর্শিত; একজন নারী দায়িত্বপ্রাপ্ত ব্যক্তি মনোনীত; শিক্ষার্থীরা জানে কীভাবে অভিযোগ জানাতে হয়।',
    },
  },
  'LS-06@institution': {
    rating: 2,
    note: {
      en: 'A job placement cell exists, but it keeps no record of the vacancies it shares.',
      bn: 'চাকরি-সংযোগ সেল আছে, তবে যে শূন্যপদের তথ্য দেয় তার কোনো রেকর্ড রাখে না।',
    },
  },
  'LS-07@institution': {
    rating: 1,
    note: {
      en: "A one-hour briefing only; nothing on workers' rights, contracts or life in Germany.",
      bn: 'মাত্র এক ঘণ্টার ব্রিফিং; শ্রমিকের অধিকার, চুক্তি বা জার্মানির জীবনযাত্রা নিয়ে কিছুই নেই।',
    },
  },
  'IL-05@institution': {
    rating: 2,
    note: {
      en: 'One partner employer in Germany (letter of intent); placements so far only through a single agency.',
      bn: 'জার্মানিতে একটি অংশীদার নিয়োগকর্তা (আগ্রহপত্র); এ পর্যন্ত নিয়োগ হয়েছে কেবল একটি এজেন্সির মাধ্যমে।',
    },
  },
  'MR-02@institution': {
    rating: 3,
    note: {
      en: 'Eight learners interviewed: none paid an agent; the no-fees policy is on the notice board.',
      bn: 'আটজন শিক্ষার্থীর সাক্ষাৎকার: কেউ কোনো এজেন্টকে টাকা দেয়নি; ফি-মুক্ত নীতি নোটিশ বোর্ডে টাঙানো।',
    },
  },
  'MR-03@institution': {
    rating: 2,
    note: {
      en: 'A leaflet promised a "guaranteed job in Germany"; it was withdrawn during the visit and a corrected one ordered.',
      bn: 'একটি লিফলেটে "জার্মানিতে নিশ্চিত চাকরি"র প্রতিশ্রুতি ছিল; পরিদর্শনের সময় তা প্রত্যাহার করে সংশোধিত লিফলেট ছাপাতে দেওয়া হয়েছে।',
    },
  },
  'MR-04@institution': {
    rating: 1,
    note: {
      en: 'Job offers are passed on to learners without checking the employer or the contract terms.',
      bn: 'নিয়োগকর্তা বা চুক্তির শর্ত যাচাই না করেই চাকরির প্রস্তাব শিক্ষার্থীদের কাছে পাঠানো হয়।',
    },
  },
  'MR-06@institution': {
    rating: 0,
    note: {
      en: "Learners' CVs and passport copies were sent to a recruitment agency without written consent.",
      bn: 'লিখিত সম্মতি ছাড়াই শিক্ষার্থীদের সিভি ও পাসপোর্টের কপি একটি রিক্রুটিং এজেন্সিতে পাঠানো হয়েছে।',
    },
  },
};
