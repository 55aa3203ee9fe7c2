import type { AppServices } from '../app-services';
import type { Finding as ScoredFinding } from '../../../shared/scoring';
import { criterionRollups, FACTS_VERSION, needCriteriaOf, quarterOf, refreshAssessmentNeighbours } from './record-facts';

/**
 * A small country with known numbers, written straight into the tables (the summary rows as
 * recordAssessmentFacts would write them), so the dashboard's queries can be checked to the unit.
 * See dashboard-queries.test.ts for what each section must say about it.
 */
export const ids = {
  dhakaPoly: '00000000-0000-4000-8000-000000000001',
  gazipur: '00000000-0000-4000-8000-000000000002',
  khulna: '00000000-0000-4000-8000-000000000003',
  sylhet: '00000000-0000-4000-8000-000000000004',
  archived: '00000000-0000-4000-8000-000000000005',
  rangpur: '00000000-0000-4000-8000-000000000006',
  // Programmes
  computer: '00000000-0000-4000-8000-0000000000b1',
  weldingDhaka: '00000000-0000-4000-8000-0000000000b2',
  weldingGazipur: '00000000-0000-4000-8000-0000000000b3',
  masonryArchived: '00000000-0000-4000-8000-0000000000b4',
  careGermany: '00000000-0000-4000-8000-0000000000b5',
  careLocal: '00000000-0000-4000-8000-0000000000b6',
  ictArchived: '00000000-0000-4000-8000-0000000000b7',
  hotelItaly: '00000000-0000-4000-8000-0000000000b8',
  // Assessments
  a1: '00000000-0000-4000-8000-0000000000c1',
  a2: '00000000-0000-4000-8000-0000000000c2',
  a3: '00000000-0000-4000-8000-0000000000c3',
  b1: '00000000-0000-4000-8000-0000000000c4',
  c1: '00000000-0000-4000-8000-0000000000c5',
  c2: '00000000-0000-4000-8000-0000000000c6',
  c3: '00000000-0000-4000-8000-0000000000c7',
  d1: '00000000-0000-4000-8000-0000000000c8',
  e1: '00000000-0000-4000-8000-0000000000c9',
  f1: '00000000-0000-4000-8000-0000000000ca',
} as const;

export const maliciousName = '=HYPERLINK("http://evil.example/x","Rangpur NGO Centre")';

type Finding = [criterion: string, programme: string, group: string, cls: 'critical' | 'major' | 'minor', stopUse?: 1];
type Scope = [programme: string, mobilityReady: 0 | 1 | null];

export function seedCountry(s: AppServices): void {
  const db = s.db;
  const version = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.0.0')!;
  const at = '2024-01-01T00:00:00.000Z';
  const institution = db.prepare(
    `INSERT INTO institutions (id, name_en, name_bn, registration_body, type, division, district, archived, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'BTEB', ?, ?, ?, ?, '${at}', 'test', '${at}', 'test')`,
  );
  institution.run(ids.dhakaPoly, 'Dhaka Polytechnic', 'ঢাকা পলিটেকনিক', 'government-polytechnic', 'dhaka', 'Dhaka', 0);
  institution.run(ids.gazipur, 'Gazipur TTC', 'গাজীপুর টিটিসি', 'technical-training-centre', 'dhaka', 'Gazipur', 0);
  institution.run(ids.khulna, 'Khulna TTC', 'খুলনা টিটিসি', 'technical-training-centre', 'khulna', 'Khulna', 0);
  institution.run(ids.sylhet, 'Sylhet Care Institute', '', 'private-training-organisation', 'sylhet', 'Sylhet', 0);
  institution.run(ids.archived, 'Closed Institute', '', 'government-polytechnic', 'dhaka', 'Dhaka', 1);
  institution.run(ids.rangpur, maliciousName, '', 'ngo-training-centre', 'rangpur', 'Rangpur', 0);

  const programme = db.prepare(
    `INSERT INTO programmes (id, institution_id, title_en, title_bn, sector, occupation, isco_code, bnqf_level, eqf_level, annual_intake,
       mobility_track, destination_country, target_language, target_cefr, archived, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @institution, @title, '', @sector, @occupation, @isco, @level, @level, @intake, @mobility, @country, @language, @cefr, @archived,
       '${at}', 'test', '${at}', 'test')`,
  );
  const p = (
    id: string,
    institutionId: string,
    title: string,
    sector: string,
    occupation: string,
    isco: string,
    level: number,
    intake: number | null,
    mobility?: [string, string, string],
    archived = 0,
  ) =>
    programme.run({
      id,
      institution: institutionId,
      title,
      sector,
      occupation,
      isco,
      level,
      intake,
      mobility: mobility ? 1 : 0,
      country: mobility?.[0] ?? '',
      language: mobility?.[1] ?? '',
      cefr: mobility?.[2] ?? '',
      archived,
    });
  p(ids.computer, ids.dhakaPoly, 'Computer Technology', 'ict', 'Software developer', '2512', 5, 120);
  p(ids.weldingDhaka, ids.dhakaPoly, 'Welding', 'construction', 'Welder', '7212', 3, 60, ['Romania', 'Romanian', 'A2']);
  p(ids.weldingGazipur, ids.gazipur, 'Welding', 'construction', 'Welder', '7212', 3, 40, ['Romania', 'Romanian', 'A2']);
  p(ids.masonryArchived, ids.gazipur, 'Masonry', 'construction', 'Mason', '7112', 2, 30, undefined, 1);
  p(ids.careGermany, ids.khulna, 'Caregiving for Germany', 'care', 'Care worker', '5322', 4, 50, ['Germany', 'German', 'B1']);
  p(ids.careLocal, ids.sylhet, 'Caregiving', 'care', 'Caregiver', '5322', 4, 25);
  p(ids.ictArchived, ids.archived, 'Networking', 'ict', 'Network technician', '3513', 4, 999);
  p(ids.hotelItaly, ids.rangpur, 'Hotel service', 'tourism', 'Waiter', '5131', 3, null, ['Italy', 'Italian', 'A2']);

  const titles = new Map<string, { title: string; sector: string; mobility: [string, string, string] | null }>([
    [ids.computer, { title: 'Computer Technology', sector: 'ict', mobility: null }],
    [ids.weldingDhaka, { title: 'Welding', sector: 'construction', mobility: ['Romania', 'Romanian', 'A2'] }],
    [ids.weldingGazipur, { title: 'Welding', sector: 'construction', mobility: ['Romania', 'Romanian', 'A2'] }],
    [ids.careGermany, { title: 'Caregiving for Germany', sector: 'care', mobility: ['Germany', 'German', 'B1'] }],
    [ids.careLocal, { title: 'Caregiving', sector: 'care', mobility: null }],
    [ids.ictArchived, { title: 'Networking', sector: 'ict', mobility: null }],
    [ids.hotelItaly, { title: 'Hotel service', sector: 'tourism', mobility: ['Italy', 'Italian', 'A2'] }],
  ]);
  const assessment = db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, finalised_at, score, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @kind, 'finalised', @institution, @versionId, @frameworkId, @version, @hash, '[]', '[]', @at, @score, @at, 'test', @at, 'test')`,
  );
  const facts = db.prepare(
    `INSERT INTO assessment_facts (assessment_id, institution_id, kind, finalised_at, finalised_on, finalised_quarter, framework_version_id, decision, outcome,
       overall_pct, critical_count, major_count, minor_count, stop_use_count, superseded, sectors, facts_version, recorded_at)
     VALUES (@id, @institution, @kind, @at, @on, @quarter, @versionId, @decision, @outcome, @pct, @critical, @major, @minor, @stopUse, @superseded,
       @sectors, ${FACTS_VERSION}, @at)`,
  );
  const scope = db.prepare(
    `INSERT INTO assessment_programmes (assessment_id, programme_id, title_en, sector, mobility_track, destination_country, target_language,
       target_cefr, mobility_ready, need_criteria)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const sector = db.prepare('INSERT OR IGNORE INTO assessment_sectors (assessment_id, sector) VALUES (?, ?)');
  const rollup = db.prepare(
    `INSERT INTO assessment_criteria (assessment_id, sector, criterion_id, group_id, critical, major, minor)
     VALUES (@assessmentId, @sector, @criterionId, @groupId, @critical, @major, @minor)`,
  );
  const finding = db.prepare(
    `INSERT INTO assessment_findings (assessment_id, criterion_id, programme_id, group_id, finding_class, critical, safety, stop_use, rating)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const outcomes: Record<string, string> = {
    recommended: 'aligned',
    'recommended-with-conditions': 'conditional',
    deferred: 'not-aligned',
    'not-recommended': 'not-aligned',
  };
  const add = (
    id: string,
    institutionId: string,
    kind: string,
    on: string,
    decision: string,
    pct: number,
    programmes: Scope[],
    findings: Finding[],
    superseded = 0,
  ) => {
    const finalisedAt = `${on}T06:00:00.000Z`;
    assessment.run({
      id,
      kind,
      institution: institutionId,
      versionId: version.id,
      frameworkId: version.frameworkId,
      version: version.version,
      hash: version.contentHash,
      at: finalisedAt,
      score: JSON.stringify({ overallPct: pct, decision, complete: true, computedAt: finalisedAt }),
    });
    const count = (cls: string) => findings.filter((f) => f[3] === cls).length;
    facts.run({
      id,
      institution: institutionId,
      kind,
      at: finalisedAt,
      on,
      quarter: quarterOf(on),
      versionId: version.id,
      decision,
      outcome: outcomes[decision],
      pct,
      critical: count('critical'),
      major: count('major'),
      minor: count('minor'),
      stopUse: findings.filter((f) => f[4] === 1).length,
      superseded,
      sectors: [...new Set(programmes.map(([programmeId]) => titles.get(programmeId)!.sector))].sort().join(','),
    });
    // The same findings as shared/scoring reports them, for the rollups record-facts derives.
    const scored: ScoredFinding[] = findings.map(([criterionId, programmeId, groupId, cls]) => ({
      criterionId,
      groupId,
      programmeId: programmeId === '' ? null : programmeId,
      class: cls,
      critical: false,
      safety: false,
      rating: 0,
      dueDays: null,
    }));
    for (const [programmeId, ready] of programmes) {
      const t = titles.get(programmeId)!;
      const needs = t.mobility ? needCriteriaOf(scored, programmeId).join(',') : '';
      scope.run(
        id,
        programmeId,
        t.title,
        t.sector,
        t.mobility ? 1 : 0,
        t.mobility?.[0] ?? '',
        t.mobility?.[1] ?? '',
        t.mobility?.[2] ?? '',
        ready,
        needs,
      );
      sector.run(id, t.sector);
    }
    const scopeSectors = programmes.map(([programmeId]) => ({ id: programmeId, sector: titles.get(programmeId)!.sector }));
    for (const row of criterionRollups(scored, scopeSectors)) rollup.run({ assessmentId: id, ...row });
    for (const [criterion, programmeId, group, cls, stopUse] of findings) {
      const critical = cls === 'critical' || criterion === 'LS-03' || criterion === 'IF-03' || criterion === 'CARE-03' ? 1 : 0;
      const safety = ['IF-03', 'CON-01', 'CARE-03'].includes(criterion) ? 1 : 0;
      const rating = cls === 'critical' ? 0 : cls === 'major' ? (critical ? 1 : 0) : 1;
      finding.run(id, criterion, programmeId, group, cls, critical, safety, stopUse ?? 0, rating);
    }
  };

  add(
    ids.a1,
    ids.dhakaPoly,
    'inspection',
    '2024-05-10',
    'deferred',
    55,
    [
      [ids.computer, null],
      [ids.weldingDhaka, 0],
    ],
    [
      ['IF-03', '', 'IF', 'major'],
      ['LS-03', ids.weldingDhaka, 'LS', 'major'],
    ],
  );
  add(
    ids.a2,
    ids.dhakaPoly,
    'inspection',
    '2025-06-15',
    'recommended-with-conditions',
    72.5,
    [
      [ids.computer, null],
      [ids.weldingDhaka, 0],
    ],
    [
      ['LS-03', ids.weldingDhaka, 'LS', 'major'],
      ['LS-07', '', 'LS', 'minor'],
      ['GQ-02', '', 'GQ', 'minor'],
    ],
  );
  add(
    ids.a3,
    ids.dhakaPoly,
    'self-assessment',
    '2025-09-01',
    'recommended',
    90,
    [
      [ids.computer, null],
      [ids.weldingDhaka, 1],
    ],
    [],
  );
  add(
    ids.b1,
    ids.gazipur,
    'inspection',
    '2025-02-20',
    'not-recommended',
    48,
    [[ids.weldingGazipur, 0]],
    [
      ['IF-03', '', 'IF', 'critical', 1],
      ['CON-01', ids.weldingGazipur, 'CON', 'critical', 1],
      ['LS-03', ids.weldingGazipur, 'LS', 'major'],
      ['MR-05', '', 'MR', 'minor'],
      ['GQ-02', '', 'GQ', 'major'],
    ],
  );
  add(ids.c1, ids.khulna, 'inspection', '2024-11-01', 'recommended', 88, [[ids.careGermany, 1]], [['GQ-02', '', 'GQ', 'minor']]);
  add(ids.c2, ids.khulna, 'follow-up', '2025-08-01', 'recommended', 91, [[ids.careGermany, 1]], []);
  // A revision replaced by a later one: it never counts.
  add(
    ids.c3,
    ids.khulna,
    'inspection',
    '2025-10-01',
    'recommended-with-conditions',
    70,
    [[ids.careGermany, 0]],
    [['LS-03', ids.careGermany, 'LS', 'major']],
    1,
  );
  add(
    ids.d1,
    ids.sylhet,
    'inspection',
    '2025-03-15',
    'recommended-with-conditions',
    65,
    [[ids.careLocal, null]],
    [
      ['GQ-02', '', 'GQ', 'major'],
      ['CARE-03', ids.careLocal, 'CARE', 'major'],
    ],
  );
  // An archived institution: left out everywhere.
  add(
    ids.e1,
    ids.archived,
    'inspection',
    '2025-01-01',
    'not-recommended',
    30,
    [[ids.ictArchived, null]],
    [['IF-03', '', 'IF', 'critical', 1]],
  );
  add(
    ids.f1,
    ids.rangpur,
    'inspection',
    '2025-07-07',
    'deferred',
    58,
    [[ids.hotelItaly, 0]],
    [
      ['LS-04', '', 'LS', 'minor'],
      ['LS-03', ids.hotelItaly, 'LS', 'major'],
      ['GQ-02', '', 'GQ', 'minor'],
    ],
  );

  const action = db.prepare(
    `INSERT INTO corrective_actions (id, assessment_id, institution_id, criterion_id, programme_id, finding_class, due_date, status,
       verified_at, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${at}', 'test', '${at}', 'test')`,
  );
  let n = 0;
  const ca = (
    assessmentId: string,
    institutionId: string,
    criterion: string,
    programmeId: string,
    cls: string,
    due: string,
    status: string,
  ) =>
    action.run(
      `00000000-0000-4000-8000-0000000001${String(++n).padStart(2, '0')}`,
      assessmentId,
      institutionId,
      criterion,
      programmeId,
      cls,
      due,
      status,
      status === 'verified-closed' ? at : null,
    );
  ca(ids.a1, ids.dhakaPoly, 'IF-03', '', 'major', '2024-08-08', 'open');
  ca(ids.a2, ids.dhakaPoly, 'LS-03', ids.weldingDhaka, 'major', '2025-09-13', 'open');
  ca(ids.a2, ids.dhakaPoly, 'LS-07', '', 'minor', '2026-06-15', 'in-progress');
  ca(ids.a2, ids.dhakaPoly, 'GQ-02', '', 'minor', '2025-08-01', 'completed');
  ca(ids.b1, ids.gazipur, 'IF-03', '', 'critical', '2025-03-22', 'open');
  ca(ids.b1, ids.gazipur, 'CON-01', ids.weldingGazipur, 'critical', '2025-03-22', 'in-progress');
  ca(ids.b1, ids.gazipur, 'LS-03', ids.weldingGazipur, 'major', '2025-05-21', 'open');
  ca(ids.b1, ids.gazipur, 'GQ-02', '', 'major', '2025-05-21', 'verified-closed');
  ca(ids.b1, ids.gazipur, 'MR-05', '', 'minor', '2026-02-20', 'open');
  ca(ids.d1, ids.sylhet, 'GQ-02', '', 'major', '2025-06-13', 'open');
  ca(ids.d1, ids.sylhet, 'CARE-03', ids.careLocal, 'major', '2025-06-13', 'verified-closed');
  ca(ids.e1, ids.archived, 'IF-03', '', 'critical', '2025-01-31', 'open');
  refreshAssessmentNeighbours(db);
}
