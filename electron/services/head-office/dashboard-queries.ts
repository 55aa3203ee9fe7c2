import type Database from 'better-sqlite3';
import type {
  ActionsSection,
  DashboardFilters,
  FilterOptions,
  ImprovementSection,
  InstitutionTrend,
  OfferSection,
  OutcomesSection,
  TrainingNeedsSection,
} from '../../../shared/head-office/schema';
import type { OutcomeBucket } from '../../../shared/head-office/outcome';
import { trainingNeedCriteria, trainingNeedAreas, type TrainingNeedArea } from '../../../shared/head-office/training-needs';
import type { Sector } from '../../../shared/framework/schema';

type CriterionRow = Omit<ImprovementSection['criteria'][number], 'titleEn' | 'titleBn' | 'sharePct'>;
type SectorCriterionRow = Omit<ImprovementSection['bySector'][number], 'titleEn' | 'titleBn' | 'sharePct'> & { assessed: number };
type StopUseRow = Omit<ActionsSection['stopUse'][number], 'titleEn' | 'titleBn'>;
type NeedProgramme = TrainingNeedsSection['programmes'][number];

/**
 * Every SQL statement the head-office dashboard reads with, and nothing else: moving head office to a
 * central PostgreSQL store means porting this one file (and record-facts.ts, which writes the summary
 * tables it reads). The SQL keeps to what both engines share — CTEs (with MATERIALIZED), window
 * functions, CASE, row values — with a few SQLite spellings to change: `@name` parameters ($n), and
 * CROSS JOIN used to fix a join order (PostgreSQL's planner chooses its own, with statistics).
 *
 * What counts:
 * - Current state (outcomes, improvement and training needs) reads each institution's LATEST finalised
 *   assessment of the chosen kind up to the end of the period; trends read all of them in the period.
 *   "Latest" comes from the neighbour columns of migration 006 (the next one is after the period), an
 *   index range instead of sorting every institution's history. A revision replaced by a later
 *   finalised one (superseded) never counts; archived institutions are left out.
 * - The sector filter keeps institutions whose latest assessment covered a programme of the sector, and
 *   within them counts the programme-level findings of that sector's programmes only (institution-level
 *   ones always). For trends it keeps the assessments that covered the sector.
 *
 * Filters become SQL text only from fixed fragments; values travel as parameters. Statements are
 * prepared once per shape and kept. Speed at 10,000 institutions and 100,000 assessments is measured in
 * bench/head-office.bench.ts.
 */
export class DashboardQueries {
  private readonly cache = new Map<string, Database.Statement>();
  private readonly lastParams = new Map<string, Record<string, unknown>>();

  constructor(private readonly db: Database.Database) {}

  // ── Filters ──

  filterOptions(): FilterOptions {
    const districts = this.all<{ division: string; district: string; institutions: number }>(
      `SELECT division, district, COUNT(*) AS institutions FROM institutions WHERE archived = 0
       GROUP BY division, district ORDER BY division, district`,
      {},
    );
    // Institution by institution through its history index: no sort, no reading of the table.
    const range = this.get<{ first: string | null; last: string | null; n: number }>(
      `SELECT MIN(f.finalised_on) AS first, MAX(f.finalised_on) AS last, COUNT(*) AS n
       FROM institutions i CROSS JOIN assessment_facts f
       WHERE i.archived = 0 AND f.institution_id = i.id AND f.superseded = 0`,
      {},
    );
    return {
      districts,
      firstFinalisedOn: range.first,
      lastFinalisedOn: range.last,
      institutions: districts.reduce((sum, d) => sum + d.institutions, 0),
      finalisedAssessments: range.n,
    };
  }

  // ── Training offer: the registry today (period and kind do not apply) ──

  offer(f: DashboardFilters, limit: number): OfferSection {
    const { clauses, params } = registryScope(f);
    // The institution filters are a semi-join; the institutions themselves are read only for the places.
    const base = `base AS (
      SELECT p.institution_id, p.sector, p.occupation, p.isco_code, p.bnqf_level, p.eqf_level, COALESCE(p.annual_intake, 0) AS intake,
        p.mobility_track, p.destination_country, p.target_language, p.target_cefr
      FROM programmes p WHERE ${clauses.join(' AND ')})`;
    const totals = this.get<OfferSection['totals']>(
      `WITH ${base}
       SELECT COUNT(DISTINCT institution_id) AS institutions, COUNT(*) AS programmes, COALESCE(SUM(intake), 0) AS intake,
         COALESCE(SUM(mobility_track), 0) AS mobilityProgrammes,
         COALESCE(SUM(CASE WHEN mobility_track = 1 THEN intake ELSE 0 END), 0) AS mobilityIntake
       FROM base`,
      params,
    );
    const bySector = this.all<OfferSection['bySector'][number]>(
      `WITH ${base}
       SELECT sector, COUNT(DISTINCT institution_id) AS institutions, COUNT(*) AS programmes, SUM(intake) AS intake,
         SUM(mobility_track) AS mobilityProgrammes
       FROM base GROUP BY sector ORDER BY programmes DESC, sector`,
      params,
    );
    // An ISCO unit group is the key; its name is the one institutions use most for it.
    const byOccupation = this.all<OfferSection['byOccupation'][number] & { total: number }>(
      `WITH ${base},
       named AS (
         SELECT isco_code, occupation, ROW_NUMBER() OVER (PARTITION BY isco_code ORDER BY COUNT(*) DESC, occupation) AS rn
         FROM base GROUP BY isco_code, occupation),
       counted AS (
         SELECT isco_code, COUNT(*) AS programmes, COUNT(DISTINCT institution_id) AS institutions, SUM(intake) AS intake
         FROM base GROUP BY isco_code)
       SELECT c.isco_code AS iscoCode, n.occupation, c.programmes, c.institutions, c.intake, COUNT(*) OVER () AS total
       FROM counted c JOIN named n ON n.isco_code = c.isco_code AND n.rn = 1
       ORDER BY c.programmes DESC, c.isco_code LIMIT @limit`,
      { ...params, limit },
    );
    const byLevel = this.all<OfferSection['byLevel'][number]>(
      `WITH ${base}
       SELECT bnqf_level AS bnqfLevel, eqf_level AS eqfLevel, COUNT(*) AS programmes, SUM(intake) AS intake
       FROM base GROUP BY bnqf_level, eqf_level
       ORDER BY CASE WHEN bnqf_level IS NULL THEN 1 ELSE 0 END, bnqf_level, CASE WHEN eqf_level IS NULL THEN 1 ELSE 0 END, eqf_level`,
      params,
    );
    const byArea = this.all<OfferSection['byArea'][number]>(
      `WITH ${base},
       per AS (SELECT institution_id, COUNT(*) AS programmes, SUM(intake) AS intake, SUM(mobility_track) AS mobility FROM base GROUP BY institution_id)
       SELECT i.division, i.district, COUNT(*) AS institutions, SUM(per.programmes) AS programmes, SUM(per.intake) AS intake,
         SUM(per.mobility) AS mobilityProgrammes
       FROM per JOIN institutions i ON i.id = per.institution_id
       GROUP BY i.division, i.district ORDER BY i.division, i.district`,
      params,
    );
    const mobility = this.all<OfferSection['mobility'][number]>(
      `WITH ${base}
       SELECT destination_country AS destinationCountry, target_language AS targetLanguage, target_cefr AS targetCefr,
         COUNT(*) AS programmes, COUNT(DISTINCT institution_id) AS institutions, SUM(intake) AS intake
       FROM base WHERE mobility_track = 1
       GROUP BY destination_country, target_language, target_cefr
       ORDER BY programmes DESC, destination_country, target_language, target_cefr`,
      params,
    );
    return {
      totals,
      bySector,
      byOccupation: byOccupation.map(({ total: _total, ...row }) => row),
      occupations: byOccupation[0]?.total ?? 0,
      byLevel,
      byArea,
      mobility,
    };
  }

  // ── Outcomes ──

  /**
   * Each institution's latest assessment with the sectors it covered, and its first in the period: two
   * index ranges over the neighbour columns (the number in between is a difference of places), matched
   * and counted here, one row per institution. The trend by quarter is a third statement.
   */
  outcomes(f: DashboardFilters, limit: number): OutcomesSection {
    const scope = assessmentScope(f);
    // Institutions are read once in a scan and matched here: cheaper than a lookup per assessment.
    const places = this.institutionsOf(scope);
    const latest = this.all<{
      institutionId: string;
      latestOn: string;
      latestPct: number | null;
      outcome: OutcomeBucket;
      decision: string;
      sectors: string;
      ord: number;
    }>(
      `SELECT f.institution_id AS institutionId, f.finalised_on AS latestOn, f.overall_pct AS latestPct, f.outcome, f.decision, f.sectors,
         f.${scope.ord} AS ord
       FROM assessment_facts f WHERE ${scope.latest} AND ${scope.inInstitutions}`,
      scope.params,
    );
    const firsts = this.all<{ institutionId: string; firstOn: string; firstPct: number | null; ord: number }>(
      `SELECT f.institution_id AS institutionId, f.finalised_on AS firstOn, f.overall_pct AS firstPct, f.${scope.ord} AS ord
       FROM assessment_facts f WHERE ${scope.history} AND ${scope.isFirst}`,
      scope.params,
    );
    const firstOf = new Map(firsts.map((r) => [r.institutionId, r]));
    const rows: LatestRow[] = latest.map(({ ord, ...r }) => {
      const first = firstOf.get(r.institutionId);
      return {
        ...r,
        ...places.get(r.institutionId)!,
        assessments: first === undefined ? 1 : ord - first.ord + 1,
        firstOn: first?.firstOn ?? null,
        firstPct: first?.firstPct ?? null,
      };
    });
    const trend = this.all<OutcomesSection['trend'][number]>(
      `SELECT f.finalised_quarter AS period,
         COUNT(*) AS assessments, ROUND(AVG(f.overall_pct), 1) AS averagePct,
         SUM(CASE WHEN f.outcome = 'aligned' THEN 1 ELSE 0 END) AS aligned,
         SUM(CASE WHEN f.outcome = 'conditional' THEN 1 ELSE 0 END) AS conditional,
         SUM(CASE WHEN f.outcome = 'not-aligned' THEN 1 ELSE 0 END) AS notAligned
       FROM assessment_facts f WHERE ${scope.all} GROUP BY f.finalised_quarter ORDER BY f.finalised_quarter`,
      scope.params,
    );
    const sectorOf = (r: LatestRow) => r.sectors.split(',').filter((x) => x !== '' && (f.sector === null || x === f.sector));
    const bySector = countOutcomes(rows.flatMap((r) => sectorOf(r).map((sector) => ({ key: [sector], row: r }))))
      .map(([[sector], counts]) => ({ sector: sector as Sector, ...counts }))
      .sort((a, b) => b.institutions - a.institutions || compare(a.sector, b.sector));
    const institutionTrends = rows
      .map((r) => ({
        institutionId: r.institutionId,
        nameEn: r.nameEn,
        nameBn: r.nameBn,
        division: r.division,
        district: r.district,
        assessments: r.assessments,
        firstOn: r.firstOn ?? r.latestOn,
        firstPct: r.firstPct,
        latestOn: r.latestOn,
        latestPct: r.latestPct,
        changePp:
          r.assessments > 1 && r.latestPct !== null && r.firstPct !== null ? Math.round((r.latestPct - r.firstPct) * 10) / 10 : null,
        latestOutcome: r.outcome,
      }))
      .sort(
        (a, b) =>
          nullsLast(a.changePp, b.changePp) ||
          nullsLast(a.latestPct, b.latestPct) ||
          compare(a.nameEn, b.nameEn) ||
          compare(a.institutionId, b.institutionId),
      );
    return {
      totals: countOutcomes(rows.map((row) => ({ key: [], row })))[0]?.[1] ?? emptyCounts(),
      bySector,
      byDivision: countOutcomes(rows.map((row) => ({ key: [row.division], row }))).map(([[division], c]) => ({
        division: division!,
        ...c,
      })),
      byDistrict: countOutcomes(rows.map((row) => ({ key: [row.division, row.district], row }))).map(([[division, district], c]) => ({
        division: division!,
        district: district!,
        ...c,
      })),
      distribution: distributionOf(rows),
      trend,
      institutionTrends: institutionTrends.slice(0, limit),
      institutionTrendsTotal: rows.length,
    };
  }

  institutionTrend(institutionId: string, f: DashboardFilters): InstitutionTrend['points'] {
    const scope = assessmentScope({ ...f, sector: null, division: null, district: null, institutionType: null });
    return this.all<InstitutionTrend['points'][number]>(
      `SELECT f.assessment_id AS assessmentId, f.kind, f.finalised_on AS finalisedOn, f.overall_pct AS overallPct, f.decision, f.outcome
       FROM assessment_facts f WHERE f.institution_id = @institutionId AND ${scope.history}
       ORDER BY f.finalised_at, f.assessment_id`,
      { ...scope.params, institutionId },
    );
  }

  institutionNames(institutionId: string): { nameEn: string; nameBn: string } | undefined {
    return this.get<{ nameEn: string; nameBn: string } | undefined>(
      'SELECT name_en AS nameEn, name_bn AS nameBn FROM institutions WHERE id = @institutionId',
      { institutionId },
    );
  }

  // ── Improvement needs ──

  /**
   * Criteria with a non-conformity in institutions' latest assessments, most frequent first — overall
   * (the first `limit`) and within each sector (the first `top`): how many institutions, and how many
   * non-conformities of each class (a programme-level criterion can fail in several programmes of one
   * institution). One pass over the per-criterion rollups of record-facts; with a sector filter, the
   * rollup of that sector is the overall one.
   */
  criteriaNotMet(
    f: DashboardFilters,
    limit: number,
    top: number,
  ): { assessed: number; rows: CriterionRow[]; total: number; bySector: SectorCriterionRow[] } {
    const scope = assessmentScope(f);
    // Institutions assessed, overall and per sector, from the sectors kept with each latest assessment.
    const latest = this.all<{ sectors: string }>(
      `SELECT f.sectors FROM assessment_facts f WHERE ${scope.latest} AND ${scope.inInstitutions}`,
      scope.params,
    );
    const assessedIn = new Map<string, number>();
    for (const { sectors } of latest) {
      for (const sector of sectors.split(',')) {
        if (sector !== '' && (f.sector === null || sector === f.sector)) assessedIn.set(sector, (assessedIn.get(sector) ?? 0) + 1);
      }
    }
    const overall = f.sector ?? '';
    const ranked = this.all<CriterionRow & { sector: string; rank: number; total: number }>(
      `WITH ${latestIdsCte(scope)},
       counted AS (
         SELECT c.sector, c.criterion_id, MIN(c.group_id) AS group_id, COUNT(*) AS institutions,
           SUM(c.critical) AS critical, SUM(c.major) AS major, SUM(c.minor) AS minor
         FROM latest l CROSS JOIN assessment_criteria c
         WHERE c.assessment_id = l.assessment_id${scope.sector ? ' AND c.sector = @sector' : ''}
         GROUP BY c.sector, c.criterion_id),
       ranked AS (
         SELECT counted.*, ROW_NUMBER() OVER (PARTITION BY sector ORDER BY institutions DESC, criterion_id) AS rank,
           COUNT(*) OVER (PARTITION BY sector) AS total
         FROM counted)
       SELECT sector, rank, criterion_id AS criterionId, group_id AS groupId, institutions, critical, major, minor, total
       FROM ranked WHERE rank <= CASE WHEN sector = @overall THEN @limit ELSE @top END
       ORDER BY sector, rank`,
      { ...scope.params, overall, limit, top },
    );
    const rows = ranked.filter((r) => r.sector === overall && r.rank <= limit);
    const bySector = ranked
      .filter((r) => r.sector !== '' && r.rank <= top)
      .map((r) => ({
        sector: r.sector as Sector,
        rank: r.rank,
        criterionId: r.criterionId,
        groupId: r.groupId,
        institutions: r.institutions,
        assessed: assessedIn.get(r.sector) ?? 0,
      }));
    return {
      assessed: latest.length,
      rows: rows.map((r) => ({
        criterionId: r.criterionId,
        groupId: r.groupId,
        institutions: r.institutions,
        critical: r.critical,
        major: r.major,
        minor: r.minor,
      })),
      total: rows[0]?.total ?? 0,
      bySector,
    };
  }

  /**
   * Corrective actions not yet verified and closed, by institution and severity. Overdue: still open or
   * in progress after the due date (one the institution reports completed waits for verification, and
   * is open but not overdue). The filters select the assessment that raised the action.
   */
  correctiveActions(f: DashboardFilters, today: string, limit: number): Omit<ActionsSection['actions'], 'asOf'> {
    const scope = assessmentScope(f, { includeSuperseded: true });
    const overdue = `(ca.status IN ('open', 'in-progress') AND ca.due_date <> '' AND ca.due_date < @today)`;
    const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const counts = `${sum("ca.finding_class = 'critical'")} AS critical_open,
           ${sum(`ca.finding_class = 'critical' AND ${overdue}`)} AS critical_overdue,
           ${sum("ca.finding_class = 'major'")} AS major_open,
           ${sum(`ca.finding_class = 'major' AND ${overdue}`)} AS major_overdue,
           ${sum("ca.finding_class = 'minor'")} AS minor_open,
           ${sum(`ca.finding_class = 'minor' AND ${overdue}`)} AS minor_overdue,
           COUNT(*) AS open, ${sum(overdue)} AS overdue, MIN(ca.due_date) AS oldest_due`;
    // Actions come only from inspections and follow-ups: unless a period, a sector or one kind is
    // chosen, the assessment behind each action need not be read at all.
    const byAssessment = f.from !== '' || f.to !== '' || f.sector !== null || f.kind !== 'external';
    const open = `FROM corrective_actions ca WHERE ca.status <> 'verified-closed' AND ${scope.inInstitutions.replace(/^f\./, 'ca.')}`;
    const per = byAssessment
      ? `per_assessment AS (SELECT ca.institution_id, ca.assessment_id, ${counts} ${open} GROUP BY ca.institution_id, ca.assessment_id),
         per AS (
           SELECT pa.institution_id, SUM(pa.critical_open) AS critical_open, SUM(pa.critical_overdue) AS critical_overdue,
             SUM(pa.major_open) AS major_open, SUM(pa.major_overdue) AS major_overdue, SUM(pa.minor_open) AS minor_open,
             SUM(pa.minor_overdue) AS minor_overdue, SUM(pa.open) AS open, SUM(pa.overdue) AS overdue, MIN(pa.oldest_due) AS oldest_due
           FROM per_assessment pa CROSS JOIN assessment_facts f
           WHERE f.assessment_id = pa.assessment_id AND ${scope.all}
           GROUP BY pa.institution_id)`
      : `per AS (SELECT ca.institution_id, ${counts} ${open} GROUP BY ca.institution_id)`;
    const classes = ['critical', 'major', 'minor'] as const;
    type Totals = { totalOpen: number; totalOverdue: number; total: number } & Record<
      `${(typeof classes)[number]}${'Open' | 'Overdue'}Total`,
      number
    >;
    const rows = this.all<ActionsSection['actions']['rows'][number] & Totals>(
      `WITH ${per}
       SELECT per.institution_id AS institutionId, i.name_en AS nameEn, i.name_bn AS nameBn, i.division, i.district,
         per.critical_open AS criticalOpen, per.critical_overdue AS criticalOverdue, per.major_open AS majorOpen,
         per.major_overdue AS majorOverdue, per.minor_open AS minorOpen, per.minor_overdue AS minorOverdue, per.open, per.overdue,
         per.oldest_due AS oldestDue, SUM(per.open) OVER () AS totalOpen, SUM(per.overdue) OVER () AS totalOverdue, COUNT(*) OVER () AS total,
         ${classes.map((c) => `SUM(per.${c}_open) OVER () AS ${c}OpenTotal, SUM(per.${c}_overdue) OVER () AS ${c}OverdueTotal`).join(', ')}
       FROM per JOIN institutions i ON i.id = per.institution_id
       ORDER BY per.overdue DESC, per.critical_open DESC, per.open DESC, i.name_en, per.institution_id LIMIT @limit`,
      { ...scope.params, today, limit },
    );
    const first = rows[0];
    return {
      open: first?.totalOpen ?? 0,
      overdue: first?.totalOverdue ?? 0,
      institutions: first?.total ?? 0,
      bySeverity: classes.map((c) => ({ findingClass: c, open: first?.[`${c}OpenTotal`] ?? 0, overdue: first?.[`${c}OverdueTotal`] ?? 0 })),
      rows: rows.map((r) => ({
        institutionId: r.institutionId,
        nameEn: r.nameEn,
        nameBn: r.nameBn,
        division: r.division,
        district: r.district,
        criticalOpen: r.criticalOpen,
        criticalOverdue: r.criticalOverdue,
        majorOpen: r.majorOpen,
        majorOverdue: r.majorOverdue,
        minorOpen: r.minorOpen,
        minorOverdue: r.minorOverdue,
        open: r.open,
        overdue: r.overdue,
        oldestDue: r.oldestDue,
      })),
    };
  }

  /** Stop-use notices of institutions' latest assessments: a critical safety finding, newest first. */
  stopUseNotices(f: DashboardFilters, limit: number): { rows: StopUseRow[]; total: number } {
    const scope = assessmentScope(f);
    // Only the few assessments that have a notice are read further (stop_use_count of the summary).
    const rows = this.all<StopUseRow & { total: number }>(
      `WITH noticed AS MATERIALIZED (
         SELECT f.assessment_id, f.institution_id, f.finalised_on FROM assessment_facts f
         WHERE ${scope.latest} AND f.stop_use_count > 0
           AND ${scope.inInstitutions})
       SELECT n.assessment_id AS assessmentId, n.institution_id AS institutionId, i.name_en AS nameEn, i.name_bn AS nameBn,
         i.division, i.district, fd.criterion_id AS criterionId, fd.group_id AS groupId, fd.programme_id AS programmeId,
         COALESCE(p.title_en, '') AS programmeTitleEn, COALESCE(p.title_bn, '') AS programmeTitleBn, n.finalised_on AS finalisedOn,
         COUNT(*) OVER () AS total
       FROM noticed n
       JOIN institutions i ON i.id = n.institution_id
       JOIN assessment_findings fd ON fd.assessment_id = n.assessment_id AND fd.stop_use = 1
       LEFT JOIN assessment_programmes p ON p.assessment_id = fd.assessment_id AND p.programme_id = fd.programme_id
       ${scope.sector ? `WHERE ${programmeInSector('fd')}` : ''}
       ORDER BY finalisedOn DESC, nameEn, criterionId, programmeId LIMIT @limit`,
      { ...scope.params, limit },
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  // ── Additional training needs of mobility tracks ──

  /**
   * Every mobility-track programme of the institutions' latest assessments, with the training-need
   * criteria not met for it (its own and the institution-level ones, kept in need_criteria by
   * record-facts); one statement, grouped here.
   */
  trainingNeeds(f: DashboardFilters, limit: number): TrainingNeedsSection {
    const scope = assessmentScope(f);
    const places = this.institutionsOf(scope);
    const found = this.all<
      Omit<NeedProgramme, keyof Place | 'areas' | 'criteria' | 'mobilityReady'> & { criteria: string; mobilityReady: number }
    >(
      `WITH ${latestIdsCte(scope)}
       SELECT l.assessment_id AS assessmentId, l.institution_id AS institutionId, p.programme_id AS programmeId,
         p.title_en AS programmeTitleEn, p.title_bn AS programmeTitleBn,
         p.destination_country AS destinationCountry, p.target_language AS targetLanguage, p.target_cefr AS targetCefr,
         CASE WHEN p.need_criteria = '' THEN NULL ELSE pr.annual_intake END AS intake, COALESCE(p.mobility_ready, 0) AS mobilityReady,
         p.need_criteria AS criteria
       FROM latest l
       CROSS JOIN assessment_programmes p
       LEFT JOIN programmes pr ON pr.id = p.programme_id AND p.need_criteria <> ''
       WHERE p.assessment_id = l.assessment_id AND p.mobility_track = 1${scope.sector ? ' AND p.sector = @sector' : ''}`,
      scope.params,
    );
    const rows = found.map((r) => ({ ...r, ...places.get(r.institutionId)! }));
    const withNeeds: NeedProgramme[] = [];
    for (const row of rows) {
      if (row.criteria === '') continue;
      const criteria = row.criteria.split(',');
      const areas = trainingNeedAreas.filter((area) => criteria.some((c) => trainingNeedCriteria[c] === area));
      withNeeds.push({ ...row, criteria, areas, mobilityReady: row.mobilityReady === 1 });
    }
    const key = (p: Pick<NeedProgramme, 'destinationCountry' | 'targetLanguage' | 'targetCefr'>) => [
      p.destinationCountry,
      p.targetLanguage,
      p.targetCefr,
    ];
    const groups = new Map<string, TrainingNeedsSection['groups'][number] & { members: Set<string> }>();
    for (const p of withNeeds) {
      for (const area of p.areas) {
        const k = JSON.stringify([...key(p), area]);
        const group = groups.get(k) ?? {
          destinationCountry: p.destinationCountry,
          targetLanguage: p.targetLanguage,
          targetCefr: p.targetCefr,
          area,
          programmes: 0,
          institutions: 0,
          intake: 0,
          members: new Set<string>(),
        };
        group.programmes += 1;
        group.intake += p.intake ?? 0;
        group.members.add(p.institutionId);
        group.institutions = group.members.size;
        groups.set(k, group);
      }
    }
    const byText = (a: string[], b: string[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    };
    withNeeds.sort((a, b) =>
      byText([...key(a), a.nameEn, a.programmeTitleEn, a.programmeId], [...key(b), b.nameEn, b.programmeTitleEn, b.programmeId]),
    );
    return {
      mobilityProgrammes: rows.length,
      mobilityReady: rows.filter((r) => r.mobilityReady === 1).length,
      withNeeds: withNeeds.length,
      groups: [...groups.values()]
        .map(({ members: _members, ...g }) => g)
        .sort((a, b) => byText([...key(a), areaRank(a.area)], [...key(b), areaRank(b.area)])),
      programmes: withNeeds.slice(0, limit),
      programmesTotal: withNeeds.length,
    };
  }

  /** Names and place of the institutions the filters select, by id. */
  private institutionsOf(scope: Scope): Map<string, Place> {
    const rows = this.all<Place & { id: string }>(
      `SELECT i.id, i.name_en AS nameEn, i.name_bn AS nameBn, i.division, i.district FROM institutions i WHERE ${scope.institution}`,
      scope.params,
    );
    return new Map(rows.map(({ id, ...place }) => [id, place]));
  }

  /** The query plans of every statement prepared so far, with the parameters last used (benchmark). */
  plans(): { sql: string; plan: string[] }[] {
    return [...this.cache.keys()].map((sql) => ({
      sql,
      plan: (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(this.lastParams.get(sql) ?? {}) as { detail: string }[]).map((r) => r.detail),
    }));
  }

  private statement(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    this.lastParams.set(sql, params);
    return this.statement(sql).all(params) as T[];
  }

  private get<T>(sql: string, params: Record<string, unknown>): T {
    this.lastParams.set(sql, params);
    return this.statement(sql).get(params) as T;
  }
}

interface Scope {
  /** Conditions over assessment_facts `f`, joined with AND: every selected assessment in the period. */
  all: string;
  /** Each institution's latest selected assessment (facts conditions only; see latestCte). */
  latest: string;
  /** Every assessment in the period whatever its programmes (an institution's own trend). */
  history: string;
  /** The condition that marks an institution's first assessment in the period, within `history`. */
  isFirst: string;
  /** Conditions over institutions `i`. */
  institution: string;
  /** The institution condition over `f` alone. */
  inInstitutions: string;
  /** The place column of the kinds chosen (ord_external or ord_kind). */
  ord: string;
  params: Record<string, unknown>;
  sector: boolean;
}

/**
 * The finalised assessments the filters select (every section but the training offer starts here):
 * - all: every assessment of the chosen kind finalised in the period (trends);
 * - latest: each institution's latest of them — the one whose next assessment of that kind comes after
 *   the period (or never), read from the neighbour columns of migration 006 with an index range;
 * - isFirst: its first in the period, the one whose previous assessment comes before the period.
 * Institution conditions are joined where names are needed and a semi-join elsewhere.
 */
function assessmentScope(f: DashboardFilters, options: { includeSuperseded?: boolean } = {}): Scope {
  const params: Record<string, unknown> = { upTo: f.to === '' ? '9999-12-30' : f.to, since: f.from === '' ? '0000-00-01' : f.from };
  const facts: string[] = [];
  if (!options.includeSuperseded) facts.push('f.superseded = 0');
  const external = f.kind === 'external';
  if (external) facts.push("f.kind IN ('inspection', 'follow-up')");
  else {
    facts.push('f.kind = @kind');
    params.kind = f.kind;
  }
  if (f.from !== '') facts.push('f.finalised_on >= @since');
  if (f.to !== '') facts.push('f.finalised_on <= @upTo');
  const institution = ['i.archived = 0'];
  institutionClauses(f, institution, params);
  // With a place or type chosen, seek those institutions' assessments; otherwise read the assessments
  // in index order and only leave out the (few) archived institutions.
  const inInstitutions =
    institution.length > 1
      ? `f.institution_id IN (SELECT i.id FROM institutions i WHERE ${institution.join(' AND ')})`
      : 'f.institution_id NOT IN (SELECT i.id FROM institutions i WHERE i.archived = 1)';
  const history = [...facts, inInstitutions].join(' AND ');
  if (f.sector !== null) {
    facts.push(`',' || f.sectors || ',' LIKE @sectorPattern`);
    params.sector = f.sector;
    params.sectorPattern = `%,${f.sector},%`;
  }
  return {
    all: [...facts, inInstitutions].join(' AND '),
    latest: [...facts, external ? 'f.next_external_on > @upTo' : 'f.next_kind_on > @upTo'].join(' AND '),
    history,
    isFirst: external ? 'f.prev_external_on < @since' : 'f.prev_kind_on < @since',
    inInstitutions,
    institution: institution.join(' AND '),
    ord: external ? 'ord_external' : 'ord_kind',
    params,
    sector: f.sector !== null,
  };
}

/** The registry's programmes the filters select, for the training offer. */
function registryScope(f: DashboardFilters): { clauses: string[]; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const institution = ['i.archived = 0'];
  institutionClauses(f, institution, params);
  const clauses = [
    'p.archived = 0',
    institution.length > 1
      ? `p.institution_id IN (SELECT i.id FROM institutions i WHERE ${institution.join(' AND ')})`
      : 'p.institution_id NOT IN (SELECT i.id FROM institutions i WHERE i.archived = 1)',
  ];
  if (f.sector !== null) {
    clauses.push('p.sector = @sector');
    params.sector = f.sector;
  }
  return { clauses, params };
}

function institutionClauses(f: DashboardFilters, clauses: string[], params: Record<string, unknown>): void {
  if (f.division !== null) {
    clauses.push('i.division = @division');
    params.division = f.division;
  }
  if (f.district !== null) {
    clauses.push('i.district = @district');
    params.district = f.district;
  }
  if (f.institutionType !== null) {
    clauses.push('i.type = @institutionType');
    params.institutionType = f.institutionType;
  }
}

/** Each institution's latest selected assessment: its id and the institution's. */
function latestIdsCte(scope: Scope): string {
  return `latest AS MATERIALIZED (
    SELECT f.assessment_id, f.institution_id FROM assessment_facts f WHERE ${scope.latest} AND ${scope.inInstitutions})`;
}

/** With a sector filter: an institution-level finding, or one of a programme of that sector. */
function programmeInSector(alias: string): string {
  return `(${alias}.programme_id = '' OR EXISTS (SELECT 1 FROM assessment_programmes sp
    WHERE sp.assessment_id = ${alias}.assessment_id AND sp.programme_id = ${alias}.programme_id AND sp.sector = @sector))`;
}

function areaRank(area: TrainingNeedArea): string {
  return String(trainingNeedAreas.indexOf(area));
}

interface Place {
  nameEn: string;
  nameBn: string;
  division: string;
  district: string;
}

interface LatestRow {
  institutionId: string;
  nameEn: string;
  nameBn: string;
  division: string;
  district: string;
  latestOn: string;
  latestPct: number | null;
  outcome: OutcomeBucket;
  decision: string;
  sectors: string;
  assessments: number;
  firstOn: string | null;
  firstPct: number | null;
}

type OutcomeCounts = OutcomesSection['totals'];

function emptyCounts(): OutcomeCounts {
  return { institutions: 0, aligned: 0, conditional: 0, notAligned: 0, deferred: 0 };
}

/** Institutions by overall score in bands of 10 points ([90, 100] the last), by outcome. */
function distributionOf(rows: readonly LatestRow[]): OutcomesSection['distribution'] {
  const bands = Array.from({ length: 10 }, (_, b) => ({
    from: b * 10,
    to: b === 9 ? 100 : b * 10 + 10,
    institutions: 0,
    aligned: 0,
    conditional: 0,
    notAligned: 0,
  }));
  for (const r of rows) {
    if (r.latestPct === null) continue;
    const band = bands[r.latestPct >= 90 ? 9 : Math.max(0, Math.floor(r.latestPct / 10))]!;
    band.institutions += 1;
    if (r.outcome === 'aligned') band.aligned += 1;
    else if (r.outcome === 'conditional') band.conditional += 1;
    else band.notAligned += 1;
  }
  return bands;
}

/** Outcome counts per key, in key order (each institution is one row). */
function countOutcomes(items: { key: string[]; row: Pick<LatestRow, 'outcome' | 'decision'> }[]): [string[], OutcomeCounts][] {
  const groups = new Map<string, [string[], OutcomeCounts]>();
  for (const { key, row } of items) {
    const id = key.join('\u0000');
    let entry = groups.get(id);
    if (entry === undefined) {
      entry = [key, emptyCounts()];
      groups.set(id, entry);
    }
    const c = entry[1];
    c.institutions += 1;
    if (row.outcome === 'aligned') c.aligned += 1;
    else if (row.outcome === 'conditional') c.conditional += 1;
    else c.notAligned += 1;
    if (row.decision === 'deferred') c.deferred += 1;
  }
  return [...groups.values()].sort(([a], [b]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return compare(a[i]!, b[i]!);
    return 0;
  });
}

/** Code-point order, as SQLite's BINARY collation sorts. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
