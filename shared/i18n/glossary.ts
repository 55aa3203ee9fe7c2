/**
 * The project's Bangla glossary: one Bangla term for each English term used across the framework,
 * the screens and the reports. `replaces` lists the renderings the term replaces; `forbidden` are the
 * patterns the glossary test (electron/services/glossary.test.ts) rejects in Bangla text. Where a replaced
 * word is also a correct word in another sense (পর্যবেক্ষণ = observation, কর্মক্ষেত্র = workplace,
 * গুরুতর = a critical non-conformity), the pattern matches only the misleading use, and `note` says so.
 *
 * Two checks use an entry: `forbidden` patterns on any Bangla text, and `enPattern` on English–Bangla
 * pairs (glossaryPairViolations). docs/glossary.md is generated from this file (`renderGlossaryMarkdown`) and checked by the same test:
 * after changing an entry, run `npx vitest run electron/services/glossary.test.ts -u` to rewrite it.
 *
 * Base: ../shared/reference/bangla-review.md (2026-12-03). Where that review offered a choice ("one of
 * them") the pick is the rendering the catalogues and the framework already use most; `why` says so.
 * Terms marked `toConfirm` await a native-speaking inspector's confirmation.
 */
export interface GlossaryEntry {
  /** Stable id used in test messages. */
  readonly id: string;
  readonly en: string;
  /** The one Bangla term. */
  readonly bn: string;
  /** Renderings this term replaces (for people; the test uses `forbidden`). */
  readonly replaces: readonly string[];
  /** Patterns that must not occur in Bangla text. Defaults to the literal `replaces`. */
  readonly forbidden?: readonly RegExp[];
  /**
   * The English wording of the term. Where an English text says it, its Bangla twin (the same catalogue
   * key, or the `bn` beside an `en` in a framework) must use the term: `bnPattern`, else the literal `bn`.
   * This catches what `forbidden` cannot, e.g. পর্যবেক্ষণ (observation) written where the English says finding.
   */
  readonly enPattern?: RegExp;
  readonly bnPattern?: RegExp;
  /** Where the word has two meanings, or where a replaced word stays correct in another sense. */
  readonly note?: string;
  /** Why this rendering was picked where the review left a choice. */
  readonly why?: string;
  readonly toConfirm?: boolean;
}

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'critical',
    en: 'critical (criterion)',
    bn: 'অপরিহার্য',
    enPattern: /\bcritical\b/i,
    bnPattern: /অপরিহার্য|গুরুতর/u,
    replaces: ['গুরুতর (for a criterion)'],
    // গুরুতর is allowed only directly before অসঙ্গতি (optionally with "(ক্রিটিক্যাল)" between), or first in
    // the list of severity classes ("গুরুতর, বড় বা ছোট অসঙ্গতি").
    forbidden: [/গুরুতর(?!\s*(?:\(ক্রিটিক্যাল\)\s*)?অসঙ্গতি)(?!,\s*বড়)/u],
    note: 'Two meanings in English. A critical CRITERION (a gate) is অপরিহার্য মানদণ্ড. A critical NON-CONFORMITY (a 0 on such a criterion) is গুরুতর অসঙ্গতি — the only place গুরুতর is used.',
  },
  {
    id: 'critical-non-conformity',
    en: 'critical non-conformity',
    bn: 'গুরুতর অসঙ্গতি',
    enPattern: /\bcritical non-?conformit/i,
    bnPattern: /গুরুতর\s*(?:\(ক্রিটিক্যাল\)\s*)?অসঙ্গতি/u,
    replaces: ['অপরিহার্য অসঙ্গতি'],
    forbidden: [/অপরিহার্য অসঙ্গতি/u],
    note: 'Severity classes of a non-conformity: গুরুতর (critical), বড় (major), ছোট (minor).',
  },
  {
    id: 'non-conformity',
    en: 'non-conformity',
    bn: 'অসঙ্গতি',
    enPattern: /non-?conformit/i,
    replaces: ['অসংগতি'],
  },
  {
    id: 'finding',
    en: 'finding',
    bn: 'ফাইন্ডিং',
    enPattern: /\bfindings?\b/i,
    replaces: ['পর্যবেক্ষণ (for a finding)', 'চিহ্নিত বিষয়'],
    forbidden: [/চিহ্নিত বিষয়/u],
    note: 'পর্যবেক্ষণ stays the word for an OBSERVATION (evidence type OBS) and for the finding class "observation"; it must not be used for a finding. The forbidden patterns cannot tell the two apart; the English–Bangla pair check does (where the English says finding, the Bangla says ফাইন্ডিং).',
    why: 'ফাইন্ডিং is what every catalogue uses (10 places); the review suggested চিহ্নিত বিষয় only tentatively ("?").',
    toConfirm: true,
  },
  {
    id: 'sector-module',
    en: 'sector module',
    bn: 'খাত মডিউল',
    enPattern: /\bsector modules?\b/i,
    replaces: ['সেক্টর মডিউল', 'খাতভিত্তিক মডিউল'],
  },
  {
    id: 'cohort',
    en: 'cohort',
    bn: 'ব্যাচ',
    enPattern: /\bcohorts?\b/i,
    replaces: ['কোহর্ট'],
  },
  {
    id: 'weight',
    en: 'weight (of a criterion)',
    bn: 'গুরুত্বমান',
    enPattern: /\bweights?\b/i,
    replaces: ['ওজন', 'গুরুত্ব (for a weight)'],
    forbidden: [/ওজন/u],
    note: 'গুরুত্ব alone is the SEVERITY of a non-conformity or corrective action (e.g. "গুরুত্ব অনুযায়ী").',
    why: "Review offered ওজন / গুরুত্ব / গুরুত্বমান. গুরুত্বমান is the framework browser's column label and the weight-change review; it cannot be confused with গুরুত্ব (severity), and ওজন reads as physical weight.",
  },
  {
    id: 'data',
    en: 'data',
    bn: 'তথ্য',
    replaces: ['উপাত্ত'],
    note: 'তথ্য covers both data and information.',
    why: 'Review offered উপাত্ত / তথ্য. তথ্য is used about three times as often (14 places in the catalogues, 24 in the framework, 4 in the sample) against 8 for উপাত্ত, and reads naturally to inspectors.',
  },
  {
    id: 'note',
    en: 'note (also a comment)',
    bn: 'নোট',
    replaces: ['মন্তব্য'],
    why: 'Review offered নোট / মন্তব্য. নোট is used in 22 places, মন্তব্য in 2.',
  },
  {
    id: 'import',
    en: 'import',
    bn: 'ইমপোর্ট',
    enPattern: /\bimport(?:s|ed|ing)?\b/i,
    replaces: ['আমদানি'],
    note: 'আমদানি is the import of goods; the menu already says ইমপোর্ট. Export is likewise এক্সপোর্ট.',
  },
  {
    id: 'export',
    en: 'export',
    bn: 'এক্সপোর্ট',
    enPattern: /\bexport(?:s|ed|ing)?\b/i,
    replaces: ['রপ্তানি'],
  },
  {
    id: 'mobility-track',
    en: 'mobility track',
    bn: 'মোবিলিটি ট্র্যাক',
    enPattern: /\bmobility tracks?\b/i,
    replaces: ['বিদেশে কর্মসংস্থান ট্র্যাক'],
    note: 'Where a screen explains the term, it may add "(বিদেশে কাজের জন্য প্রস্তুতি)". Mobility-ready = মোবিলিটি-প্রস্তুত.',
    why: 'Review asked for one rendering. মোবিলিটি ট্র্যাক is used in 14 places in the catalogues and 12 in the framework, against 5 for the other.',
  },
  {
    id: 'mobility-ready',
    en: 'mobility-ready',
    bn: 'মোবিলিটি-প্রস্তুত',
    enPattern: /\bmobility-ready\b/i,
    replaces: ['বিদেশে কর্মসংস্থানের জন্য প্রস্তুত'],
    forbidden: [/বিদেশে কর্মসংস্থানের জন্য (?:এখনও )?প্রস্তুত/u],
    why: "The report's method note already says মোবিলিটি-প্রস্তুত; it matches the mobility-track term.",
  },
  {
    id: 'deferred',
    en: 'deferred (outcome)',
    bn: 'মুলতবি',
    enPattern: /\bdeferred\b/i,
    replaces: ['স্থগিত'],
    note: 'স্থগিত reads "suspended", which is a sanction; a deferred outcome means "not ready yet": মুলতবি (এখনও প্রস্তুত নয়).',
  },
  {
    id: 'overdue',
    en: 'overdue',
    bn: 'সময়সীমা পেরিয়েছে',
    enPattern: /\boverdue\b/i,
    bnPattern: /সময়সীমা পেরিয়ে/u,
    replaces: ['মেয়াদোত্তীর্ণ'],
    note: 'মেয়াদোত্তীর্ণ reads "expired" (of a licence or medicine).',
  },
  {
    id: 'multi-year',
    en: 'multi-year (plan)',
    bn: 'বহুবছর-মেয়াদি',
    enPattern: /\bmulti-year\b/i,
    bnPattern: /বহুবছর-মেয়াদি/u,
    replaces: ['বহুবর্ষী'],
    note: 'বহুবর্ষী is "perennial", of plants.',
  },
  {
    id: 'workspace',
    en: 'workspace (of an assessment; "back to the workspace")',
    bn: 'মূল্যায়নের পাতা',
    enPattern: /\bworkspace\b/i,
    replaces: ['কর্মক্ষেত্র (for the workspace)'],
    forbidden: [/কর্মক্ষেত্রে ফির/u, /কর্মক্ষেত্র খুল/u, /কর্মক্ষেত্রের পাতা/u],
    note: 'কর্মক্ষেত্র stays the word for a WORKPLACE (work placement, workplace learning); only the screen sense is replaced.',
  },
  {
    id: 'care-sector',
    en: 'care sector',
    bn: 'পরিচর্যা (কেয়ারগিভিং)',
    replaces: ['সেবা ও পরিচর্যা'],
    note: 'সেবা alone reads "service" (a service programme).',
  },
  {
    id: 'moving-and-handling',
    en: 'moving and handling (CARE-04)',
    bn: 'সেবাগ্রহীতাকে নিরাপদে ওঠানো-নামানো ও স্থানান্তর',
    replaces: ['রোগীকে নিরাপদে সরানো ও ধরা'],
    forbidden: [/সরানো ও ধরা/u],
  },
  {
    id: 'further-training',
    en: 'further training (OI-08, accredited CPD)',
    bn: 'স্বীকৃত পেশাগত উন্নয়ন প্রশিক্ষণ (CPD)',
    replaces: ['অতিরিক্ত প্রশিক্ষণ'],
    note: 'অতিরিক্ত reads "extra / surplus".',
  },
  {
    id: 'secondary-sources',
    en: 'secondary sources',
    bn: 'পরোক্ষ (সেকেন্ডারি) সূত্র',
    replaces: ['দ্বিতীয় পর্যায়ের সূত্র'],
    forbidden: [/দ্বিতীয় পর্যায়ের/u],
  },
  {
    id: 'conditional',
    en: 'conditional (outcome): "subject to the conditions in this report"',
    bn: 'এই প্রতিবেদনে উল্লিখিত শর্ত পূরণ সাপেক্ষে',
    replaces: ['এই প্রতিবেদনের শর্তসাপেক্ষে'],
  },
  {
    id: 'eu-act',
    en: 'EU act cited in Bangla text (Directive, Regulation, Annex)',
    bn: 'ইইউ নির্দেশনা (Directive) … সংযুক্তি I; ইইউ প্রবিধান (Regulation) …',
    replaces: ['Dir. …', 'Reg. …', 'Annex …'],
    forbidden: [/\bDir\.\s/u, /\bReg\.\s/u, /\bAnnex\b/u],
  },
  {
    id: 'evaluation-phase',
    en: 'Evaluation (EQAVET quality-cycle phase)',
    bn: 'মূল্যায়ন (ইভ্যালুয়েশন)',
    replaces: ['মূল্যায়ন (alone, for the phase)'],
    forbidden: [],
    note: 'মূল্যায়ন alone means an assessment (this app\'s inspection) or a learner assessment; the EQAVET phase always carries "(ইভ্যালুয়েশন)". Not machine-checked.',
  },
  {
    id: 'aligned',
    en: 'aligned with the framework (never "EU-recognised")',
    bn: 'কাঠামোর সঙ্গে সামঞ্জস্যপূর্ণ',
    enPattern: /\baligned\b/i,
    bnPattern: /সামঞ্জস্যপূর্ণ/u,
    replaces: ['ইইউ-স্বীকৃত', 'ইইউ স্বীকৃত'],
    forbidden: [/ইইউ[-\s]স্বীকৃত/u],
    note: 'No EU body accredits providers in third countries; results are "aligned with the framework".',
  },
];

export interface GlossaryViolation {
  readonly entry: GlossaryEntry;
  readonly found: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternsOf(entry: GlossaryEntry): readonly RegExp[] {
  return entry.forbidden ?? entry.replaces.map((r) => new RegExp(escapeRegExp(r), 'u'));
}

/** The glossary terms a Bangla text breaks, with the forbidden text found. */
export function glossaryViolations(text: string): GlossaryViolation[] {
  const out: GlossaryViolation[] = [];
  for (const entry of glossary) {
    for (const pattern of patternsOf(entry)) {
      const match = pattern.exec(text);
      if (match) out.push({ entry, found: match[0] });
    }
  }
  return out;
}

/**
 * The glossary terms an English–Bangla pair breaks: the English says the term (`enPattern`) and the
 * Bangla does not use its one rendering. `found` is the English wording. Placeholders ({{n}}) are not words.
 */
export function glossaryPairViolations(en: string, bn: string): GlossaryViolation[] {
  const english = en.replace(/\{\{[^}]*\}\}/g, ' ');
  const out: GlossaryViolation[] = [];
  for (const entry of glossary) {
    if (entry.enPattern === undefined) continue;
    const match = entry.enPattern.exec(english);
    if (match === null) continue;
    const term = entry.bnPattern ?? new RegExp(escapeRegExp(entry.bn), 'u');
    if (!term.test(bn)) out.push({ entry, found: match[0] });
  }
  return out;
}

/** docs/glossary.md, generated from the entries above. */
export function renderGlossaryMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Bangla glossary',
    '',
    '<!-- Generated from shared/i18n/glossary.ts by electron/services/glossary.test.ts; do not edit by hand. -->',
    '<!-- After changing the glossary run: npx vitest run electron/services/glossary.test.ts -u -->',
    '',
    'One Bangla term for each English term, used across the framework (newest version), the screens, the',
    'reports and the sample. The test `electron/services/glossary.test.ts` fails when Bangla text uses a replaced',
    'rendering. Terms marked (?) await confirmation by a native-speaking inspector.',
    '',
    '| English | Bangla | replaces | note |',
    '|---|---|---|---|',
    ...glossary.map(
      (e) =>
        `| ${cell(e.en)} | ${cell(e.bn)}${e.toConfirm ? ' (?)' : ''} | ${cell(e.replaces.join('; '))} | ${cell(
          [e.note, e.why ? `Why: ${e.why}` : undefined].filter(Boolean).join(' '),
        )} |`,
    ),
    '',
    '## Digits',
    '',
    'Bangla screens and reports write numbers, percentages, dates and page numbers in Bengali digits',
    '(০১২৩৪৫৬৭৮৯). Identifiers stay as they are: criterion ids (LS-03), ISCO and ESCO codes, CEFR levels',
    '(B1), hashes, URLs, file names and version numbers. Inputs accept both digit systems.',
    '',
  ];
  return lines.join('\n');
}
