import type Database from 'better-sqlite3';
import type { Institution, InstitutionInput, InstitutionSummary } from '../../../shared/institutions/schema';
import type { institutionSortKeys } from '../../../shared/institutions/schema';

interface InstitutionRow {
  id: string;
  name_en: string;
  name_bn: string;
  registration_body: string;
  registration_number: string;
  type: string;
  division: string;
  district: string;
  address: string;
  head_name: string;
  contact_phone: string;
  contact_email: string;
  sectors: string;
  archived: number;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

type SortKey = (typeof institutionSortKeys)[number];

const orderBy: Record<SortKey, string> = {
  name: 'name_en COLLATE NOCASE ASC, id',
  district: 'district COLLATE NOCASE ASC, name_en COLLATE NOCASE ASC, id',
  // Saves in the same millisecond tie on updated_at; the row written later (higher rowid) comes first, every time.
  updated: 'updated_at DESC, rowid DESC',
};

/** SQL for institutions, and nothing else: rules live in the service. */
export class InstitutionRepository {
  private readonly byId: Database.Statement<[string], InstitutionRow>;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly archiveStmt: Database.Statement;
  private readonly listStmts: Record<SortKey, Database.Statement>;
  private readonly countStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM institutions WHERE id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO institutions (id, name_en, name_bn, registration_body, registration_number, type, division, district,
        address, head_name, contact_phone, contact_email, sectors, archived, revision, created_at, created_by, updated_at, updated_by)
      VALUES (@id, @nameEn, @nameBn, @registrationBody, @registrationNumber, @type, @division, @district,
        @address, @headName, @contactPhone, @contactEmail, @sectors, 0, 0, @at, @actor, @at, @actor)`);
    this.updateStmt = db.prepare(`
      UPDATE institutions SET name_en = @nameEn, name_bn = @nameBn, registration_body = @registrationBody,
        registration_number = @registrationNumber, type = @type, division = @division, district = @district,
        address = @address, head_name = @headName, contact_phone = @contactPhone, contact_email = @contactEmail,
        sectors = @sectors, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision`);
    this.archiveStmt = db.prepare(`
      UPDATE institutions SET archived = @archived, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision`);
    const where = `WHERE (@includeArchived = 1 OR i.archived = 0)
        AND (@pattern = '' OR i.name_en LIKE @pattern ESCAPE '\\' OR i.name_bn LIKE @pattern ESCAPE '\\'
             OR i.registration_number LIKE @pattern ESCAPE '\\' OR i.district LIKE @pattern ESCAPE '\\')`;
    const select = (key: SortKey) =>
      db.prepare(`
        SELECT i.*, (SELECT COUNT(*) FROM programmes p WHERE p.institution_id = i.id AND p.archived = 0) AS programme_count
        FROM institutions i ${where} ORDER BY ${orderBy[key]} LIMIT @limit OFFSET @offset`);
    this.listStmts = { name: select('name'), district: select('district'), updated: select('updated') };
    this.countStmt = db.prepare(`SELECT COUNT(*) AS n FROM institutions i ${where}`).pluck();
  }

  get(id: string): Institution | undefined {
    const row = this.byId.get(id);
    return row ? toInstitution(row) : undefined;
  }

  insert(id: string, input: InstitutionInput, at: string, actor: string): void {
    this.insertStmt.run({ id, ...toParams(input), at, actor });
  }

  /** Returns false when the revision no longer matches (someone else changed it first). */
  update(id: string, revision: number, input: InstitutionInput, at: string, actor: string): boolean {
    return this.updateStmt.run({ id, revision, ...toParams(input), at, actor }).changes === 1;
  }

  setArchived(id: string, revision: number, archived: boolean, at: string, actor: string): boolean {
    return this.archiveStmt.run({ id, revision, archived: archived ? 1 : 0, at, actor }).changes === 1;
  }

  list(q: { search: string; sort: SortKey; includeArchived: boolean; limit: number; offset: number }): {
    items: InstitutionSummary[];
    total: number;
  } {
    const params = {
      includeArchived: q.includeArchived ? 1 : 0,
      pattern: q.search.trim() === '' ? '' : `%${escapeLike(q.search.trim())}%`,
      limit: q.limit,
      offset: q.offset,
    };
    const rows = this.listStmts[q.sort].all(params) as (InstitutionRow & { programme_count: number })[];
    const total = this.countStmt.get(params) as number;
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        nameEn: r.name_en,
        nameBn: r.name_bn,
        type: r.type as InstitutionSummary['type'],
        division: r.division as InstitutionSummary['division'],
        district: r.district,
        registrationNumber: r.registration_number,
        programmeCount: r.programme_count,
        archived: r.archived === 1,
        updatedAt: r.updated_at,
      })),
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toParams(input: InstitutionInput) {
  return {
    nameEn: input.nameEn,
    nameBn: input.nameBn,
    registrationBody: input.registrationBody,
    registrationNumber: input.registrationNumber,
    type: input.type,
    division: input.division,
    district: input.district,
    address: input.address,
    headName: input.headName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    sectors: JSON.stringify(input.sectors),
  };
}

function toInstitution(r: InstitutionRow): Institution {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameBn: r.name_bn,
    registrationBody: r.registration_body as Institution['registrationBody'],
    registrationNumber: r.registration_number,
    type: r.type as Institution['type'],
    division: r.division as Institution['division'],
    district: r.district,
    address: r.address,
    headName: r.head_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    sectors: JSON.parse(r.sectors) as Institution['sectors'],
    archived: r.archived === 1,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
