import type Database from 'better-sqlite3';
import type { Finding } from '../../../shared/scoring';
import { outcomeOf } from '../../../shared/head-office/outcome';
import type { Framework } from '../../../shared/framework/schema';
import { divisions, institutionTypes, moduleSectors } from '../../../shared/institutions/reference-data';
import { criterionRollups, FACTS_VERSION, needCriteriaOf, quarterOf, refreshAssessmentNeighbours } from '../head-office/record-facts';

/**
 * A seeded country of TVET institutions for the benchmarks and the scale tests: institutions in every
 * division with English and Bangla names, programmes in every module sector (a third on mobility
 * tracks), and finalised assessments over five years with their ratings and the summary rows head office
 * reads — every outcome, about ten non-conformities per assessment, stop-use notices, corrective actions.
 * The same seed always gives the same country, so runs compare. Rows are bulk-loaded in one transaction,
 * as package imports would write them (no change-log entries: a country is imported, not typed in).
 */
export interface NationalSize {
  institutions: number;
  /** Assessments per institution. */
  assessmentsPerInstitution: number;
  /** Also write every unit's rating (about 120 rows per assessment): the bulk of a real database. */
  ratings?: boolean;
  seed?: number;
}

export interface NationalCounts {
  institutions: number;
  programmes: number;
  assessments: number;
  ratings: number;
  findings: number;
  actions: number;
}

const districtsOf: Record<(typeof divisions)[number], string[]> = {
  barishal: ['Barishal', 'Bhola', 'Patuakhali', 'Pirojpur'],
  chattogram: ['Chattogram', 'Cumilla', "Cox's Bazar", 'Feni', 'Noakhali', 'Brahmanbaria'],
  dhaka: ['Dhaka', 'Gazipur', 'Narayanganj', 'Tangail', 'Faridpur', 'Narsingdi', 'Munshiganj'],
  khulna: ['Khulna', 'Jashore', 'Kushtia', 'Satkhira', 'Bagerhat'],
  mymensingh: ['Mymensingh', 'Jamalpur', 'Netrokona', 'Sherpur'],
  rajshahi: ['Rajshahi', 'Bogura', 'Pabna', 'Naogaon', 'Sirajganj'],
  rangpur: ['Rangpur', 'Dinajpur', 'Kurigram', 'Gaibandha'],
  sylhet: ['Sylhet', 'Moulvibazar', 'Habiganj', 'Sunamganj'],
};
const destinations: [string, string, string][] = [
  ['Germany', 'German', 'B1'],
  ['Germany', 'German', 'B2'],
  ['Italy', 'Italian', 'A2'],
  ['Romania', 'Romanian', 'A2'],
  ['Portugal', 'Portuguese', 'A2'],
  ['Greece', 'Greek', 'A2'],
  ['Poland', 'English', 'B1'],
  ['Croatia', 'English', 'B1'],
];
const occupations: Record<string, [string, string][]> = {
  ict: [
    ['Software developer', '2512'],
    ['ICT technician', '3512'],
  ],
  construction: [
    ['Welder', '7212'],
    ['Electrician', '7411'],
    ['Mason', '7112'],
    ['Plumber', '7126'],
  ],
  care: [
    ['Care worker', '5322'],
    ['Nursing assistant', '5321'],
  ],
  tourism: [
    ['Cook', '5120'],
    ['Waiter', '5131'],
  ],
  agriculture: [
    ['Farm worker', '9211'],
    ['Crop grower', '6111'],
  ],
  textile: [
    ['Sewing machine operator', '8153'],
    ['Garment cutter', '7532'],
  ],
};

/** A small deterministic generator, so every run loads the same country. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Unit {
  id: string;
  group: string;
  level: 'institution' | 'programme';
  sector: string | null;
  critical: boolean;
  safety: boolean;
}

const typeNames: Record<(typeof institutionTypes)[number], [string, string]> = {
  'government-polytechnic': ['Polytechnic Institute', 'পলিটেকনিক ইনস্টিটিউট'],
  'technical-school-college': ['Technical School and College', 'টেকনিক্যাল স্কুল ও কলেজ'],
  'technical-training-centre': ['Technical Training Centre', 'কারিগরি প্রশিক্ষণ কেন্দ্র'],
  'private-polytechnic': ['Private Polytechnic', 'বেসরকারি পলিটেকনিক'],
  'private-training-organisation': ['Skills Training Institute', 'দক্ষতা প্রশিক্ষণ প্রতিষ্ঠান'],
  'ngo-training-centre': ['Youth Skills Centre', 'যুব দক্ষতা কেন্দ্র'],
  'industry-training-centre': ['Industry Training Centre', 'শিল্প প্রশিক্ষণ কেন্দ্র'],
  other: ['Vocational Centre', 'বৃত্তিমূলক কেন্দ্র'],
};
const districtBn: Record<string, string> = {
  Barishal: 'বরিশাল',
  Bhola: 'ভোলা',
  Patuakhali: 'পটুয়াখালী',
  Pirojpur: 'পিরোজপুর',
  Chattogram: 'চট্টগ্রাম',
  Cumilla: 'কুমিল্লা',
  "Cox's Bazar": 'কক্সবাজার',
  Feni: 'ফেনী',
  Noakhali: 'নোয়াখালী',
  Brahmanbaria: 'ব্রাহ্মণবাড়িয়া',
  Dhaka: 'ঢাকা',
  Gazipur: 'গাজীপুর',
  Narayanganj: 'নারায়ণগঞ্জ',
  Tangail: 'টাঙ্গাইল',
  Faridpur: 'ফরিদপুর',
  Narsingdi: 'নরসিংদী',
  Munshiganj: 'মুন্সীগঞ্জ',
  Khulna: 'খুলনা',
  Jashore: 'যশোর',
  Kushtia: 'কুষ্টিয়া',
  Satkhira: 'সাতক্ষীরা',
  Bagerhat: 'বাগেরহাট',
  Mymensingh: 'ময়মনসিংহ',
  Jamalpur: 'জামালপুর',
  Netrokona: 'নেত্রকোনা',
  Sherpur: 'শেরপুর',
  Rajshahi: 'রাজশাহী',
  Bogura: 'বগুড়া',
  Pabna: 'পাবনা',
  Naogaon: 'নওগাঁ',
  Sirajganj: 'সিরাজগঞ্জ',
  Rangpur: 'রংপুর',
  Dinajpur: 'দিনাজপুর',
  Kurigram: 'কুড়িগ্রাম',
  Gaibandha: 'গাইবান্ধা',
  Sylhet: 'সিলেট',
  Moulvibazar: 'মৌলভীবাজার',
  Habiganj: 'হবিগঞ্জ',
  Sunamganj: 'সুনামগঞ্জ',
};
/** Inspectors' notes on the units that fell short, in both languages as they are written in the field. */
const notes = [
  'Fire extinguisher in the welding bay expired in March.',
  'ওয়েল্ডিং শপে প্রাথমিক চিকিৎসার বাক্স খালি পাওয়া গেছে।',
  'No signed attendance record for the last two intakes.',
  'প্রশিক্ষকের শিল্প অভিজ্ঞতার সনদ ফাইলে নেই।',
  'Assessment tools not mapped to the competency standard.',
];

function toBanglaDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
}

export function generateNationalData(
  db: Database.Database,
  version: { id: string; frameworkId: string; version: string; contentHash: string },
  framework: Framework,
  size: NationalSize,
): NationalCounts {
  const INSTITUTIONS = size.institutions;
  const perInstitution = size.assessmentsPerInstitution;
  const rnd = seededRandom(size.seed ?? 20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const units: Unit[] = framework.groups.flatMap((g) =>
    g.criteria.map((c) => ({
      id: c.id,
      group: g.id,
      level: c.level,
      sector: g.sector ?? null,
      critical: c.critical.mode === 'always',
      safety: c.safety === true,
    })),
  );
  const institutionUnits = units.filter((u) => u.level === 'institution');
  const programmeUnits = units.filter((u) => u.level === 'programme');
  const stamp = '2026-01-01T00:00:00.000Z';
  const hex = (n: number, width = 12) => n.toString(16).padStart(width, '0');
  const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n)}`;

  const insertInstitution = db.prepare(
    `INSERT INTO institutions (id, name_en, name_bn, registration_body, registration_number, type, division, district, sectors, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'NSDA', ?, ?, ?, ?, ?, '${stamp}', 'bench', '${stamp}', 'bench')`,
  );
  const insertProgramme = db.prepare(
    `INSERT INTO programmes (id, institution_id, title_en, sector, occupation, isco_code, bnqf_level, eqf_level, annual_intake, mobility_track,
       destination_country, target_language, target_cefr, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '${stamp}', 'bench', '${stamp}', 'bench')`,
  );
  const insertAssessment = db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, units_total, units_answered, finalised_at, score, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, '${version.id}', '${version.frameworkId}', '${version.version}', '${version.contentHash}', ?, '[]', 103, 103, ?, ?, ?, 'bench', ?, 'bench')`,
  );
  const insertFacts = db.prepare(
    `INSERT INTO assessment_facts (assessment_id, institution_id, kind, finalised_at, finalised_on, finalised_quarter, framework_version_id, decision, outcome,
       overall_pct, critical_count, major_count, minor_count, stop_use_count, superseded, sectors, facts_version, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, '${version.id}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ${FACTS_VERSION}, '${stamp}')`,
  );
  const insertScope = db.prepare(
    `INSERT INTO assessment_programmes (assessment_id, programme_id, title_en, sector, mobility_track, destination_country, target_language,
       target_cefr, sector_pct, mobility_ready, need_criteria)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSector = db.prepare('INSERT OR IGNORE INTO assessment_sectors (assessment_id, sector) VALUES (?, ?)');
  const insertRollup = db.prepare(
    `INSERT INTO assessment_criteria (assessment_id, sector, criterion_id, group_id, critical, major, minor)
     VALUES (@assessmentId, @sector, @criterionId, @groupId, @critical, @major, @minor)`,
  );
  const insertFinding = db.prepare(
    `INSERT OR IGNORE INTO assessment_findings (assessment_id, criterion_id, programme_id, group_id, finding_class, critical, safety, stop_use, rating)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const finalise = db.prepare("UPDATE assessments SET status = 'finalised', finalised_at = ? WHERE id = ?");
  const insertRating = db.prepare(
    `INSERT INTO ratings (assessment_id, criterion_id, programme_id, rating, note, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, 'bench')`,
  );
  const insertAction = db.prepare(
    `INSERT OR IGNORE INTO corrective_actions (id, assessment_id, institution_id, criterion_id, programme_id, finding_class, due_date, status,
       verified_at, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${stamp}', 'bench', '${stamp}', 'bench')`,
  );

  let programmes = 0;
  let findings = 0;
  let actions = 0;
  let ratings = 0;
  db.transaction(() => {
    for (let i = 0; i < INSTITUTIONS; i++) {
      const institutionId = uuid(1, i);
      const division = pick(divisions);
      const district = pick(districtsOf[division]);
      const type = pick(institutionTypes);
      const quality = rnd();
      const scope: {
        id: string;
        title: string;
        sector: string;
        occupation: string;
        isco: string;
        level: number;
        mobility: [string, string, string] | null;
      }[] = [];
      const count = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < count; k++) {
        const sector = pick(moduleSectors);
        const [occupation, isco] = pick(occupations[sector]!);
        const mobility = rnd() < 0.35 ? pick(destinations) : null;
        const level = 2 + Math.floor(rnd() * 4);
        scope.push({ id: uuid(2, programmes++), title: `${occupation} course`, sector, occupation, isco, level, mobility });
      }
      insertInstitution.run(
        institutionId,
        `${district} ${typeNames[type][0]} ${i + 1}`,
        `${districtBn[district] ?? district} ${typeNames[type][1]} ${toBanglaDigits(i + 1)}`,
        `NSDA-${i}`,
        type,
        division,
        district,
        JSON.stringify([...new Set(scope.map((p) => p.sector))]),
      );
      for (const p of scope) {
        const [country = '', language = '', cefr = ''] = p.mobility ?? [];
        insertProgramme.run(
          p.id,
          institutionId,
          p.title,
          p.sector,
          p.occupation,
          p.isco,
          p.level,
          p.level,
          20 + Math.floor(rnd() * 100),
          p.mobility ? 1 : 0,
          country,
          language,
          cefr,
        );
      }
      const snapshot = JSON.stringify(
        scope.map((p) => ({
          id: p.id,
          titleEn: p.title,
          titleBn: '',
          sector: p.sector,
          mobilityTrack: p.mobility !== null,
          activities: [],
          destinationCountry: p.mobility?.[0] ?? '',
          targetLanguage: p.mobility?.[1] ?? '',
          targetCefr: p.mobility?.[2] ?? '',
        })),
      );

      for (let k = 0; k < perInstitution; k++) {
        const n = i * perInstitution + k;
        const assessmentId = uuid(3, n);
        const kind = k % 4 === 0 ? 'self-assessment' : k % 4 === 3 ? 'follow-up' : 'inspection';
        // Five years, each institution's assessments in order, improving a little over time.
        const day = Math.floor((k * 1800) / perInstitution + rnd() * 150);
        const finalisedAt = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000 + (i % 86_400) * 1000).toISOString();
        const q = Math.min(1, quality + k * 0.02);
        const units: [Unit, string, 'critical' | 'major' | 'minor'][] = [];
        const wanted = Math.round((1 - q) * 24 * rnd());
        for (let f = 0; f < wanted; f++) {
          const onProgramme = rnd() < 0.45;
          const programme = pick(scope);
          const candidates = onProgramme
            ? programmeUnits.filter((u) => u.sector === null || u.sector === programme.sector)
            : institutionUnits;
          const unit = pick(candidates);
          const cls = unit.critical && rnd() < 0.25 * (1 - q) ? 'critical' : rnd() < 0.45 ? 'major' : 'minor';
          units.push([unit, onProgramme ? programme.id : '', cls]);
        }
        const critical = units.filter((u) => u[2] === 'critical').length;
        const major = units.filter((u) => u[2] === 'major').length;
        const pct = Math.round(Math.min(100, Math.max(20, 45 + 50 * q + (rnd() - 0.5) * 20)) * 10) / 10;
        const decision =
          critical > 0
            ? 'not-recommended'
            : pct >= 75 && major <= 2
              ? 'recommended'
              : pct >= 60 && major <= 6
                ? 'recommended-with-conditions'
                : 'deferred';
        const stopUse = units.filter((u) => u[2] === 'critical' && u[0].safety).length;
        const superseded = kind !== 'self-assessment' && rnd() < 0.02 ? 1 : 0;
        // With ratings the assessment is written as a draft and finalised after them: finalised rows are locked.
        insertAssessment.run(
          assessmentId,
          kind,
          size.ratings ? 'draft' : 'finalised',
          institutionId,
          snapshot,
          size.ratings ? null : finalisedAt,
          JSON.stringify({ overallPct: pct, decision, complete: true, computedAt: finalisedAt }),
          finalisedAt,
          finalisedAt,
        );
        insertFacts.run(
          assessmentId,
          institutionId,
          kind,
          finalisedAt,
          finalisedAt.slice(0, 10),
          quarterOf(finalisedAt.slice(0, 10)),
          decision,
          outcomeOf(decision),
          pct,
          critical,
          major,
          units.length - critical - major,
          stopUse,
          superseded,
          [...new Set(scope.map((p) => p.sector))].sort().join(','),
        );
        // One finding per unit (a criterion drawn twice for the same unit counts once).
        const seen = new Set<string>();
        const scored: Finding[] = [];
        for (const [unit, programmeId, cls] of units) {
          if (seen.has(`${unit.id}@${programmeId}`)) continue;
          seen.add(`${unit.id}@${programmeId}`);
          scored.push({
            criterionId: unit.id,
            groupId: unit.group,
            programmeId: programmeId === '' ? null : programmeId,
            class: cls,
            critical: unit.critical,
            safety: unit.safety,
            rating: 0,
            dueDays: null,
          });
        }
        for (const row of criterionRollups(scored, scope)) insertRollup.run({ assessmentId, ...row });
        for (const p of scope) {
          insertScope.run(
            assessmentId,
            p.id,
            p.title,
            p.sector,
            p.mobility ? 1 : 0,
            p.mobility?.[0] ?? '',
            p.mobility?.[1] ?? '',
            p.mobility?.[2] ?? '',
            pct,
            p.mobility ? (decision === 'recommended' && rnd() < 0.6 ? 1 : 0) : null,
            p.mobility ? needCriteriaOf(scored, p.id).join(',') : '',
          );
          insertSector.run(assessmentId, p.sector);
        }
        if (size.ratings) {
          // Every unit in scope rated: a finding's unit with its finding's rating, the rest mostly met.
          const low = new Map(scored.map((f) => [`${f.criterionId}@${f.programmeId ?? ''}`, f.rating]));
          const rate = (criterionId: string, programmeId: string) => {
            const found = low.get(`${criterionId}@${programmeId}`);
            const rating = found ?? (rnd() < 0.04 ? 'na' : rnd() < 0.7 ? 3 : 2);
            insertRating.run(
              assessmentId,
              criterionId,
              programmeId,
              rating,
              found === undefined ? '' : notes[ratings % notes.length]!,
              finalisedAt,
            );
            ratings++;
          };
          for (const unit of institutionUnits) rate(unit.id, '');
          for (const p of scope)
            for (const unit of programmeUnits) if (unit.sector === null || unit.sector === p.sector) rate(unit.id, p.id);
          finalise.run(finalisedAt, assessmentId);
        }
        const recent = k >= perInstitution - 3;
        for (const [unit, programmeId, cls] of units) {
          const stop = cls === 'critical' && unit.safety ? 1 : 0;
          if (
            insertFinding.run(
              assessmentId,
              unit.id,
              programmeId,
              unit.group,
              cls,
              unit.critical ? 1 : 0,
              unit.safety ? 1 : 0,
              stop,
              cls === 'critical' ? 0 : cls === 'major' ? (unit.critical ? 1 : 0) : 1,
            ).changes === 0
          )
            continue;
          findings++;
          if (kind === 'self-assessment') continue;
          const due = new Date(Date.parse(finalisedAt) + (cls === 'critical' ? 30 : cls === 'major' ? 90 : 365) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const status = recent ? pick(['open', 'open', 'in-progress', 'completed', 'verified-closed'] as const) : 'verified-closed';
          insertAction.run(
            uuid(4, actions++),
            assessmentId,
            institutionId,
            unit.id,
            programmeId,
            cls,
            due,
            status,
            status === 'verified-closed' ? stamp : null,
          );
        }
      }
    }
    refreshAssessmentNeighbours(db);
  })();
  return { institutions: INSTITUTIONS, programmes, assessments: INSTITUTIONS * perInstitution, ratings, findings, actions };
}
