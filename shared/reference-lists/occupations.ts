/**
 * ISCO-08 unit groups the bundled framework's sector modules name as example occupations, and the
 * technician-level groups diploma programmes lead to, with Bangla titles. A programme's occupation is
 * free text in the registry (often an ESCO label); a Bangla screen or report shows the Bangla title of its
 * ISCO code when the code is on this list, and the text as typed otherwise.
 */
export interface IscoGroup {
  readonly code: string;
  readonly en: string;
  readonly bn: string;
}

export const iscoGroups: readonly IscoGroup[] = [
  { code: '2512', en: 'Software developers', bn: 'সফটওয়্যার ডেভেলপার' },
  { code: '2513', en: 'Web and multimedia developers', bn: 'ওয়েব ও মাল্টিমিডিয়া ডেভেলপার' },
  { code: '3112', en: 'Civil engineering technicians', bn: 'সিভিল ইঞ্জিনিয়ারিং টেকনিশিয়ান' },
  { code: '3113', en: 'Electrical engineering technicians', bn: 'ইলেকট্রিক্যাল ইঞ্জিনিয়ারিং টেকনিশিয়ান' },
  { code: '3115', en: 'Mechanical engineering technicians', bn: 'মেকানিক্যাল ইঞ্জিনিয়ারিং টেকনিশিয়ান' },
  { code: '3221', en: 'Nursing associate professionals', bn: 'সহযোগী নার্স' },
  { code: '3511', en: 'ICT operations technicians', bn: 'আইসিটি অপারেশনস টেকনিশিয়ান' },
  { code: '3512', en: 'ICT user support technicians', bn: 'আইসিটি ব্যবহারকারী-সহায়তা টেকনিশিয়ান' },
  { code: '3513', en: 'Computer network and systems technicians', bn: 'কম্পিউটার নেটওয়ার্ক ও সিস্টেম টেকনিশিয়ান' },
  { code: '4224', en: 'Hotel receptionists', bn: 'হোটেল রিসেপশনিস্ট' },
  { code: '5120', en: 'Cooks', bn: 'রাঁধুনি' },
  { code: '5131', en: 'Waiters', bn: 'ওয়েটার' },
  { code: '5321', en: 'Health care assistants', bn: 'স্বাস্থ্যসেবা সহকারী' },
  { code: '5322', en: 'Home-based personal care workers', bn: 'গৃহভিত্তিক ব্যক্তিগত পরিচর্যাকর্মী' },
  { code: '6111', en: 'Field crop and vegetable growers', bn: 'মাঠফসল ও সবজি চাষি' },
  { code: '6121', en: 'Livestock and dairy producers', bn: 'গবাদিপশু ও দুগ্ধ উৎপাদনকারী' },
  { code: '7112', en: 'Bricklayers and related workers', bn: 'রাজমিস্ত্রি ও সংশ্লিষ্ট কর্মী' },
  { code: '7115', en: 'Carpenters and joiners', bn: 'কাঠমিস্ত্রি' },
  { code: '7126', en: 'Plumbers and pipe fitters', bn: 'প্লাম্বার ও পাইপ ফিটার' },
  { code: '7212', en: 'Welders and flame cutters', bn: 'ওয়েল্ডার ও ফ্লেম কাটার' },
  { code: '7214', en: 'Structural-metal preparers and erectors', bn: 'কাঠামোগত ধাতব কাঠামো প্রস্তুতকারী ও স্থাপনকারী' },
  { code: '7231', en: 'Motor vehicle mechanics and repairers', bn: 'মোটরযান মেকানিক' },
  { code: '7411', en: 'Building and related electricians', bn: 'ভবন ও সংশ্লিষ্ট ইলেকট্রিশিয়ান' },
  { code: '7531', en: 'Tailors, dressmakers, furriers and hatters', bn: 'দর্জি ও পোশাক প্রস্তুতকারী' },
  { code: '8153', en: 'Sewing-machine operators', bn: 'সেলাই মেশিন অপারেটর' },
];
