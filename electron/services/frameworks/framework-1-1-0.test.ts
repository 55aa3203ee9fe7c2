import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROPOSED_ACCREDITATION_CYCLE,
  PROPOSED_SAMPLING,
  accreditationCycleOf,
  samplingOf,
} from '../../../shared/accreditation/proposed-rules';
import { allCriteria, frameworkContentHash, validateFramework, type Criterion, type Framework } from '../../../shared/framework';
import { compareFrameworks } from '../../../shared/framework/compare';
import { openTestServices } from '../test-support/services';

const folder = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks');
const read = (version: string) => JSON.parse(fs.readFileSync(path.join(folder, `bd-eu-tvet-${version}.json`), 'utf8')) as unknown;

function valid(version: string): Framework {
  const validation = validateFramework(read(version));
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.framework;
}

const v100 = valid('1.0.0');
const v110 = valid('1.1.0');
const byId = (fw: Framework) => new Map(allCriteria(fw).map((c) => [c.id, c] as const));
const c110 = byId(v110);
const criterion = (id: string): Criterion => c110.get(id)!;

/** Every Bangla text of a framework, with where it is. */
function banglaTexts(node: unknown, at = ''): { at: string; bn: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => banglaTexts(v, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = typeof o.en === 'string' && typeof o.bn === 'string' ? [{ at, bn: o.bn }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => banglaTexts(v, `${at}/${typeof o.id === 'string' ? o.id : k}`))];
}

describe('framework bd-eu-tvet 1.1.0', () => {
  it('is a valid framework with no warnings, 67 core and 40 sector criteria; 1.0.0 still validates', () => {
    const validation = validateFramework(read('1.1.0'));
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    expect(validation.warnings).toEqual([]);
    expect(v110).toMatchObject({ id: 'bd-eu-tvet', version: '1.1.0' });
    expect(v110.groups.filter((g) => g.kind === 'core').flatMap((g) => g.criteria)).toHaveLength(67);
    expect(allCriteria(v110)).toHaveLength(107);
    expect(v110.description.en).toContain('67 core criteria');
    expect(validateFramework(read('1.0.0')).ok).toBe(true);
    expect(v100.rules.accreditationCycle).toBeUndefined();
  });

  it('installs beside 1.0.0 with a content hash that verifies, and re-installing changes nothing', () => {
    const s = openTestServices({ bundledFrameworksDir: folder });
    const installed = s.frameworks.list().find((v) => v.version === '1.1.0')!;
    expect(installed).toMatchObject({ frameworkId: 'bd-eu-tvet', criteria: 107, source: 'bundled' });
    expect(installed.contentHash).toBe(frameworkContentHash(v110));
    expect(frameworkContentHash(s.frameworks.get(installed.id).framework)).toBe(installed.contentHash);
    expect(s.frameworks.importFramework(read('1.1.0'), 'bundled').status).toBe('unchanged');
    s.frameworks.installBundled(folder);
    expect(s.frameworks.list()).toHaveLength(2);
    s.close();
  });

  it('LS-03 stays critical for mobility tracks but is rated by the inspector: no figures decide it', () => {
    const ls03 = criterion('LS-03');
    expect(ls03.critical).toEqual({ mode: 'when', condition: 'mobility-track' });
    expect(ls03.outcome).toBeUndefined();
    expect(ls03.dataFields).toBeUndefined();
    expect(ls03.evidence).not.toContain('DATA');
    expect(ls03.guidance.en).toMatch(/target is named, the teachers are qualified and an external test is used/);
  });

  it('OI-09 carries the certification figures: non-critical, a traffic light, language and CEFR target from the programme', () => {
    const oi09 = criterion('OI-09');
    expect(v110.groups.find((g) => g.criteria.includes(oi09))!.id).toBe('OI');
    expect(c110.has('OI-09') && !byId(v100).has('OI-09')).toBe(true);
    expect(oi09).toMatchObject({ critical: { mode: 'never' }, appliesWhen: 'mobility-track', level: 'programme' });
    expect(oi09.outcome).toEqual({
      field: 'share_certified_at_target_pct',
      direction: 'higherIsBetter',
      green: 70,
      amber: 50,
      cohortField: 'language_track_learners',
      responseRateField: 'language_tested_pct',
    });
    const fields = new Map(oi09.dataFields!.map((f) => [f.id, f]));
    expect(fields.get('language')?.fromProgramme).toBe('targetLanguage');
    expect(fields.get('cefr_target')?.fromProgramme).toBe('targetCefr');
    expect(v110.rules.mobilityReady.criterionMinimums).toEqual([
      { criterion: 'LS-03', minRating: 2 },
      { criterion: 'OI-09', minRating: 2 },
      { criterion: 'MR-01', minRating: 3 },
      { criterion: 'MR-02', minRating: 3 },
      { criterion: 'MR-03', minRating: 3 },
      { criterion: 'CU-03', minRating: 2 },
    ]);
  });

  it('has no criterion that is critical (always or conditionally) and scored from outcome figures', () => {
    const faulty = allCriteria(v110).filter((c) => c.critical.mode !== 'never' && c.outcome !== undefined);
    expect(faulty.map((c) => c.id)).toEqual([]);
    // 1.0.0 had exactly one, LS-03; CARE-07 (critical on mobility tracks) is now a process criterion too.
    expect(
      allCriteria(v100)
        .filter((c) => c.critical.mode !== 'never' && c.outcome !== undefined)
        .map((c) => c.id),
    ).toEqual(['LS-03']);
    expect(criterion('CARE-07').evidence).not.toContain('DATA');
  });

  it('every EQAVET indicator a criterion claims to measure has the fields to compute it', () => {
    const fieldsOf = (n: number) =>
      new Set(
        v110.eqavet.indicators.find((i) => i.number === n)!.criteria.flatMap((id) => (c110.get(id)!.dataFields ?? []).map((f) => f.id)),
      );
    // 3 participation, 4 completion, 5 placement (a: destination at 6 months; b: employed at 12 months of the
    // 12-month respondents), 6 use of skills, 7 unemployment (context), 8 vulnerable groups, 2 trainers.
    expect([...fieldsOf(2)]).toEqual(expect.arrayContaining(['trainers_total', 'trainers_with_cpd_12m', 'cpd_spend_bdt']));
    expect([...fieldsOf(3)]).toEqual(expect.arrayContaining(['enrolled_total', 'enrolled_female', 'enrolled_disadvantaged']));
    expect([...fieldsOf(4)]).toEqual(expect.arrayContaining(['cohort_entrants', 'cohort_completers']));
    expect([...fieldsOf(5)]).toEqual(
      expect.arrayContaining(['completers_traced_6m', 'employed_or_study_6m', 'completers_traced_12m', 'employed_12m', 'employed_12m_pct']),
    );
    expect([...fieldsOf(6)]).toEqual(expect.arrayContaining(['employed_in_matching_isco', 'employer_satisfied_pct']));
    expect([...fieldsOf(7)]).toEqual(expect.arrayContaining(['unemployment_rate_pct', 'youth_unemployment_rate_pct']));
    expect([...fieldsOf(8)]).toEqual(expect.arrayContaining(['disadv_entrants', 'disadv_completers']));
    const employed12 = criterion('OI-05').dataFields!.find((f) => f.id === 'employed_12m_pct')!;
    expect(employed12.derived).toEqual({ op: 'ratioPct', numerator: 'employed_12m', denominator: 'completers_traced_12m' });
    // 1.0.0 could not compute indicator 7 at all, nor 5b without the 12-month respondents.
    const old = byId(v100);
    expect(old.get('IL-02')!.dataFields).toBeUndefined();
    expect(old.get('OI-05')!.dataFields!.map((f) => f.id)).not.toContain('completers_traced_12m');
  });

  it('puts the accreditation cycle and sampling in its rules, marked as proposals', () => {
    expect(v110.rules.accreditationCycle).toEqual(PROPOSED_ACCREDITATION_CYCLE);
    expect(v110.rules.sampling).toEqual(PROPOSED_SAMPLING);
    expect(accreditationCycleOf(v110.rules)).toEqual({
      validityMonths: { recommended: 24, 'recommended-with-conditions': 12 },
      appealDays: 30,
      proposal: true,
    });
    expect(samplingOf(v110.rules).learnerFiles).toEqual({ minimum: 10, pct: 10, maximum: 30 });
  });

  it('round-trips through JSON, XLSX and CSV to the same content hash', async () => {
    const s = openTestServices({ bundledFrameworksDir: folder });
    const id = s.frameworks.list().find((v) => v.version === '1.1.0')!.id;
    for (const format of ['json', 'xlsx', 'csv'] as const) {
      const file = await s.frameworks.exportVersion(id, format);
      const check = await s.frameworks.checkFile(file.fileName, file.bytes);
      expect(check.errors, format).toEqual([]);
      expect(check.preview, format).toMatchObject({ version: '1.1.0', contentHash: frameworkContentHash(v110), existing: 'same' });
    }
    s.close();
  });

  it('the review from 1.0.0 lists LS-03 as changed in scoring and OI-09 as added, and removes nothing', () => {
    const { diff, criteria } = compareFrameworks(v100, v110);
    expect(diff.added).toEqual(['OI-09']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual(expect.arrayContaining(['LS-03', 'CARE-07', 'OI-05', 'IL-02']));
    expect(criteria.find((c) => c.id === 'LS-03')!.changes).toContain('changed');
  });

  it('states the facts: BTEB affiliation and NSDA registration, BMET emigration clearance and BOESL, the SEIP 60 % source', () => {
    expect(criterion('GQ-01').guidance.en).toMatch(/BTEB affiliation.*NSDA registration/);
    expect(criterion('GQ-01').guidance.bn).toMatch(/BTEB অধিভুক্তি.*NSDA নিবন্ধন/);
    expect(criterion('MR-01').guidance.en).toMatch(/BOESL.*BMET emigration clearance/);
    expect(criterion('MR-01').guidance.bn).toMatch(/বোয়েসেল \(BOESL\).*BMET-এর বহির্গমন ছাড়পত্র/);
    expect(criterion('OI-05').guidance.en).toContain("60 %, the SEIP programme's placement target");
    expect(criterion('IL-03').guidance.en).toContain('60 % (the EU 2025 objective');
    expect(JSON.stringify(v110)).not.toMatch(/EU-recognised|EU recognised/i);
  });

  it('uses the reviewed Bangla vocabulary and Bengali digits in its Bangla text', () => {
    const texts = banglaTexts(v110);
    // bangla-review.md: renderings that mislead or mix terms.
    const replaced = [
      'ক্রিটিক্যাল',
      'অসংগতি',
      'বহুবর্ষী',
      'সেবা ও পরিচর্যা',
      'খাতভিত্তিক মডিউল',
      'সেক্টর মডিউল',
      'কোহর্ট',
      'স্থগিত',
      'মেয়াদোত্তীর্ণ',
      'আমদানি',
      'দ্বিতীয় পর্যায়ের',
      'অতিরিক্ত প্রশিক্ষণ',
      'Dir.',
      'Reg.',
      'Annex',
    ];
    for (const word of replaced)
      expect(
        texts.filter((t) => t.bn.includes(word)).map((t) => t.at),
        word,
      ).toEqual([]);
    // গুরুতর only for a critical non-conformity.
    expect(texts.filter((t) => /গুরুতর(?! অসঙ্গতি)/.test(t.bn)).map((t) => t.at)).toEqual([]);
    expect(v110.eqavet.phases.find((p) => p.id === 'evaluation')!.label.bn).toBe('মূল্যায়ন (ইভ্যালুয়েশন)');
    expect(v110.groups.find((g) => g.id === 'CARE')!.title.bn).toBe('পরিচর্যা (কেয়ারগিভিং) মডিউল');
    expect(criterion('GQ-02').title.bn).toContain('বহুবছর-মেয়াদি');
    expect(criterion('CARE-04').title.bn).toBe('সেবাগ্রহীতাকে নিরাপদে ওঠানো-নামানো ও স্থানান্তর');
    expect(criterion('OI-08').guidance.bn).toContain('স্বীকৃত পেশাগত উন্নয়ন প্রশিক্ষণ (CPD)');
    expect(criterion('AGR-01').guidance.bn).toContain('ইইউ নির্দেশনা (Directive) 2009/128/EC-এর সংযুক্তি I');
    // Western digits only inside codes and standard numbers (OI-09, A1–C2, ISO 9606-1, 1169/2011).
    const withoutCodes = (bn: string) => bn.replace(/[A-Za-z][\w./–-]*\)?\s+\d[\d./–-]*/g, '').replace(/[\w./–-]*[A-Za-z][\w./–-]*/g, '');
    expect(texts.filter((t) => /[0-9]/.test(withoutCodes(t.bn))).map((t) => `${t.at}: ${t.bn}`)).toEqual([]);
    expect(criterion('OI-09').guidance.bn).toContain('৭০%');
  });
});
