import type Database from 'better-sqlite3';
import type { Programme, ProgrammeInput } from '../../../shared/institutions/schema';

interface ProgrammeRow {
  id: string;
  institution_id: string;
  title_en: string;
  title_bn: string;
  sector: string;
  occupation: string;
  isco_code: string;
  esco_uri: string;
  bnqf_level: number | null;
  eqf_level: number | null;
  duration_months: number | null;
  annual_intake: number | null;
  mobility_track: number;
  destination_country: string;
  target_language: string;
  target_cefr: string;
  activities: string;
  archived: number;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** SQL for programmes, and nothing else: rules live in the service. */
export class ProgrammeRepository {
  private readonly byId: Database.Statement<[string], ProgrammeRow>;
  private readonly byInstitution: Database.Statement<[string], ProgrammeRow>;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly archiveStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM programmes WHERE id = ?');
    this.byInstitution = db.prepare('SELECT * FROM programmes WHERE institution_id = ? ORDER BY archived, title_en COLLATE NOCASE, id');
    this.insertStmt = db.prepare(`
      INSERT INTO programmes (id, institution_id, title_en, title_bn, sector, occupation, isco_code, esco_uri,
        bnqf_level, eqf_level, duration_months, annual_intake, mobility_track, destination_country, target_language,
        target_cefr, activities, archived, revision, created_at, created_by, updated_at, updated_by)
      VALUES (@id, @institutionId, @titleEn, @titleBn, @sector, @occupation, @iscoCode, @escoUri,
        @bnqfLevel, @eqfLevel, @durationMonths, @annualIntake, @mobilityTrack, @destinationCountry, @targetLanguage,
        @targetCefr, @activities, 0, 0, @at, @actor, @at, @actor)`);
    this.updateStmt = db.prepare(`
      UPDATE programmes SET title_en = @titleEn, title_bn = @titleBn, sector = @sector, occupation = @occupation,
        isco_code = @iscoCode, esco_uri = @escoUri, bnqf_level = @bnqfLevel, eqf_level = @eqfLevel,
        duration_months = @durationMonths, annual_intake = @annualIntake, mobility_track = @mobilityTrack,
        destination_country = @destinationCountry, target_language = @targetLanguage, target_cefr = @targetCefr,
        activities = @activities, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision`);
    this.archiveStmt = db.prepare(`
      UPDATE programmes SET archived = @archived, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision`);
  }

  get(id: string): Programme | undefined {
    const row = this.byId.get(id);
    return row ? toProgramme(row) : undefined;
  }

  listForInstitution(institutionId: string): Programme[] {
    return this.byInstitution.all(institutionId).map(toProgramme);
  }

  insert(id: string, institutionId: string, input: ProgrammeInput, at: string, actor: string): void {
    this.insertStmt.run({ id, institutionId, ...toParams(input), at, actor });
  }

  update(id: string, revision: number, input: ProgrammeInput, at: string, actor: string): boolean {
    return this.updateStmt.run({ id, revision, ...toParams(input), at, actor }).changes === 1;
  }

  setArchived(id: string, revision: number, archived: boolean, at: string, actor: string): boolean {
    return this.archiveStmt.run({ id, revision, archived: archived ? 1 : 0, at, actor }).changes === 1;
  }
}

function toParams(p: ProgrammeInput) {
  return {
    titleEn: p.titleEn,
    titleBn: p.titleBn,
    sector: p.sector,
    occupation: p.occupation,
    iscoCode: p.iscoCode,
    escoUri: p.escoUri,
    bnqfLevel: p.bnqfLevel,
    eqfLevel: p.eqfLevel,
    durationMonths: p.durationMonths,
    annualIntake: p.annualIntake,
    mobilityTrack: p.mobilityTrack ? 1 : 0,
    destinationCountry: p.destinationCountry,
    targetLanguage: p.targetLanguage,
    targetCefr: p.targetCefr,
    activities: JSON.stringify(p.activities),
  };
}

function toProgramme(r: ProgrammeRow): Programme {
  return {
    id: r.id,
    institutionId: r.institution_id,
    titleEn: r.title_en,
    titleBn: r.title_bn,
    sector: r.sector as Programme['sector'],
    occupation: r.occupation,
    iscoCode: r.isco_code,
    escoUri: r.esco_uri,
    bnqfLevel: r.bnqf_level,
    eqfLevel: r.eqf_level,
    durationMonths: r.duration_months,
    annualIntake: r.annual_intake,
    mobilityTrack: r.mobility_track === 1,
    destinationCountry: r.destination_country,
    targetLanguage: r.target_language,
    targetCefr: r.target_cefr as Programme['targetCefr'],
    activities: JSON.parse(r.activities) as Programme['activities'],
    archived: r.archived === 1,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
