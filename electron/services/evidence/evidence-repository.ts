import type Database from 'better-sqlite3';
import type { EvidenceMediaType } from '../../../shared/evidence/media-types';
import type { AffectedUse, EvidenceItem, EvidenceLink } from '../../../shared/evidence/schema';

interface ItemRow {
  id: string;
  assessment_id: string;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  caption: string;
  evidence_type: string;
  taken_at: string | null;
  attached_at: string;
  attached_by: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

interface LinkRow {
  evidence_item_id: string;
  criterion_id: string;
  programme_id: string;
}

export interface FileRow {
  sha256: string;
  size: number;
  media_type: string;
}

export interface ItemInsert {
  id: string;
  assessmentId: string;
  sha256: string;
  originalName: string;
  caption: string;
  evidenceType: string;
  takenAt: string | null;
}

interface UseRow {
  item_id: string;
  assessment_id: string;
  original_name: string;
  evidence_type: string;
  kind: string;
  status: string;
  revision_number: number;
  institution_name_en: string;
  institution_name_bn: string;
}

const selectItems = `
  SELECT i.id, i.assessment_id, i.sha256, f.size, f.media_type, i.original_name, i.caption, i.evidence_type, i.taken_at,
    i.attached_at, i.attached_by, i.revision, i.updated_at, i.updated_by
  FROM evidence_items i JOIN evidence_files f ON f.sha256 = i.sha256`;

/** SQL for evidence files, items and links, and nothing else: rules live in the service. */
export class EvidenceRepository {
  private readonly insertFileStmt: Database.Statement;
  private readonly fileStmt: Database.Statement<[string], FileRow>;
  private readonly deleteFileStmt: Database.Statement<[string]>;
  private readonly allFilesStmt: Database.Statement<[], FileRow>;
  private readonly assessmentFilesStmt: Database.Statement<[string], FileRow>;
  private readonly fileInUseStmt: Database.Statement<[string], number>;
  private readonly assessmentBytesStmt: Database.Statement<[string], number>;
  private readonly insertItemStmt: Database.Statement;
  private readonly itemStmt: Database.Statement<[string], ItemRow>;
  private readonly itemsStmt: Database.Statement<[string], ItemRow>;
  private readonly reusableStmt: Database.Statement<[string, string, string], string>;
  private readonly updateItemStmt: Database.Statement;
  private readonly touchItemStmt: Database.Statement;
  private readonly deleteItemStmt: Database.Statement<[string]>;
  private readonly insertLinkStmt: Database.Statement;
  private readonly deleteLinkStmt: Database.Statement<[string, string, string]>;
  private readonly deleteLinksStmt: Database.Statement<[string]>;
  private readonly linksOfItemStmt: Database.Statement<[string], LinkRow>;
  private readonly linksOfAssessmentStmt: Database.Statement<[string], LinkRow>;
  private readonly usesStmt: Database.Statement<[string], UseRow>;
  private readonly copyItemStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.insertFileStmt = db.prepare(
      `INSERT INTO evidence_files (sha256, size, media_type, first_seen_at, first_seen_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO NOTHING`,
    );
    this.fileStmt = db.prepare('SELECT sha256, size, media_type FROM evidence_files WHERE sha256 = ?');
    this.deleteFileStmt = db.prepare('DELETE FROM evidence_files WHERE sha256 = ?');
    this.allFilesStmt = db.prepare('SELECT sha256, size, media_type FROM evidence_files ORDER BY sha256');
    this.assessmentFilesStmt = db.prepare(
      `SELECT sha256, size, media_type FROM evidence_files
       WHERE sha256 IN (SELECT sha256 FROM evidence_items WHERE assessment_id = ?) ORDER BY sha256`,
    );
    this.fileInUseStmt = db.prepare('SELECT EXISTS (SELECT 1 FROM evidence_items WHERE sha256 = ?)').pluck() as Database.Statement<
      [string],
      number
    >;
    // Distinct files: the same photo attached to three criteria counts once against the limit.
    this.assessmentBytesStmt = db
      .prepare(
        `SELECT COALESCE(SUM(size), 0) FROM evidence_files
         WHERE sha256 IN (SELECT sha256 FROM evidence_items WHERE assessment_id = ?)`,
      )
      .pluck() as Database.Statement<[string], number>;
    this.insertItemStmt = db.prepare(
      `INSERT INTO evidence_items (id, assessment_id, sha256, original_name, caption, evidence_type, taken_at, attached_at, attached_by, updated_at, updated_by)
       VALUES (@id, @assessmentId, @sha256, @originalName, @caption, @evidenceType, @takenAt, @at, @by, @at, @by)`,
    );
    this.itemStmt = db.prepare(`${selectItems} WHERE i.id = ?`);
    this.itemsStmt = db.prepare(`${selectItems} WHERE i.assessment_id = ? ORDER BY i.attached_at, i.rowid`);
    this.reusableStmt = db
      .prepare(
        'SELECT id FROM evidence_items WHERE assessment_id = ? AND sha256 = ? AND evidence_type = ? ORDER BY attached_at, rowid LIMIT 1',
      )
      .pluck() as Database.Statement<[string, string, string], string>;
    this.updateItemStmt = db.prepare(
      `UPDATE evidence_items SET caption = @caption, evidence_type = @evidenceType, revision = revision + 1, updated_at = @at, updated_by = @by
       WHERE id = @id AND revision = @revision`,
    );
    this.touchItemStmt = db.prepare(
      `UPDATE evidence_items SET revision = revision + 1, updated_at = @at, updated_by = @by WHERE id = @id AND revision = @revision`,
    );
    this.deleteItemStmt = db.prepare('DELETE FROM evidence_items WHERE id = ?');
    this.insertLinkStmt = db.prepare(
      `INSERT INTO evidence_links (evidence_item_id, assessment_id, criterion_id, programme_id, linked_at, linked_by)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.deleteLinkStmt = db.prepare('DELETE FROM evidence_links WHERE evidence_item_id = ? AND criterion_id = ? AND programme_id = ?');
    this.deleteLinksStmt = db.prepare('DELETE FROM evidence_links WHERE evidence_item_id = ?');
    this.linksOfItemStmt = db.prepare(
      'SELECT evidence_item_id, criterion_id, programme_id FROM evidence_links WHERE evidence_item_id = ? ORDER BY linked_at, criterion_id, programme_id',
    );
    this.linksOfAssessmentStmt = db.prepare(
      'SELECT evidence_item_id, criterion_id, programme_id FROM evidence_links WHERE assessment_id = ? ORDER BY linked_at, criterion_id, programme_id',
    );
    // A new revision of an assessment starts with the evidence of the one it reopens: same files, same
    // dates and attachers, new item ids.
    this.copyItemStmt = db.prepare(
      `INSERT INTO evidence_items (id, assessment_id, sha256, original_name, caption, evidence_type, taken_at, attached_at, attached_by, updated_at, updated_by)
       SELECT @newId, @toAssessmentId, sha256, original_name, caption, evidence_type, taken_at, attached_at, attached_by, @at, @by
       FROM evidence_items WHERE id = @id`,
    );
    this.usesStmt = db.prepare(
      `SELECT i.id AS item_id, i.assessment_id, i.original_name, i.evidence_type, a.kind, a.status, a.revision_number,
         inst.name_en AS institution_name_en, inst.name_bn AS institution_name_bn
       FROM evidence_items i JOIN assessments a ON a.id = i.assessment_id JOIN institutions inst ON inst.id = a.institution_id
       WHERE i.sha256 = ? ORDER BY a.created_at, i.attached_at, i.rowid`,
    );
  }

  insertFile(file: { sha256: string; size: number; mediaType: EvidenceMediaType }, at: string, by: string): void {
    this.insertFileStmt.run(file.sha256, file.size, file.mediaType, at, by);
  }

  file(sha256: string): FileRow | undefined {
    return this.fileStmt.get(sha256);
  }

  allFiles(): FileRow[] {
    return this.allFilesStmt.all();
  }

  filesOf(assessmentId: string): FileRow[] {
    return this.assessmentFilesStmt.all(assessmentId);
  }

  /** Deletes the file's row when no item refers to it any more; true when it did. */
  dropFileIfUnused(sha256: string): boolean {
    if (this.fileInUseStmt.get(sha256) === 1) return false;
    return this.deleteFileStmt.run(sha256).changes === 1;
  }

  assessmentBytes(assessmentId: string): number {
    return this.assessmentBytesStmt.get(assessmentId) ?? 0;
  }

  insertItem(item: ItemInsert, at: string, by: string): void {
    this.insertItemStmt.run({ ...item, at, by });
  }

  /** An item of the assessment with the same file and type, which a new attach extends instead of duplicating. */
  reusable(assessmentId: string, sha256: string, evidenceType: string): string | undefined {
    return this.reusableStmt.get(assessmentId, sha256, evidenceType);
  }

  item(id: string): EvidenceItem | undefined {
    const row = this.itemStmt.get(id);
    return row === undefined ? undefined : toItem(row, this.linksOfItemStmt.all(id));
  }

  list(assessmentId: string): EvidenceItem[] {
    const links = new Map<string, LinkRow[]>();
    for (const l of this.linksOfAssessmentStmt.all(assessmentId)) {
      const list = links.get(l.evidence_item_id);
      if (list === undefined) links.set(l.evidence_item_id, [l]);
      else list.push(l);
    }
    return this.itemsStmt.all(assessmentId).map((row) => toItem(row, links.get(row.id) ?? []));
  }

  /** False when the item changed since `revision` was read (or is gone). */
  update(id: string, revision: number, change: { caption: string; evidenceType: string }, at: string, by: string): boolean {
    return this.updateItemStmt.run({ id, revision, ...change, at, by }).changes === 1;
  }

  touch(id: string, revision: number, at: string, by: string): boolean {
    return this.touchItemStmt.run({ id, revision, at, by }).changes === 1;
  }

  deleteItem(id: string): void {
    this.deleteLinksStmt.run(id);
    this.deleteItemStmt.run(id);
  }

  /** True when the link is new. */
  addLink(itemId: string, assessmentId: string, link: EvidenceLink, at: string, by: string): boolean {
    return this.insertLinkStmt.run(itemId, assessmentId, link.criterionId, link.programmeId ?? '', at, by).changes === 1;
  }

  removeLink(itemId: string, link: EvidenceLink): boolean {
    return this.deleteLinkStmt.run(itemId, link.criterionId, link.programmeId ?? '').changes === 1;
  }

  /** Copies an item (and its links) into another assessment; the file is shared, not copied. */
  copyItem(item: EvidenceItem, newId: string, toAssessmentId: string, at: string, by: string): void {
    this.copyItemStmt.run({ id: item.id, newId, toAssessmentId, at, by });
    for (const link of item.links) this.addLink(newId, toAssessmentId, link, at, by);
  }

  /** Every item that uses a file, with its assessment and the criteria it supports. */
  usesOf(sha256: string): AffectedUse[] {
    return this.usesStmt.all(sha256).map((u) => ({
      assessmentId: u.assessment_id,
      institutionNameEn: u.institution_name_en,
      institutionNameBn: u.institution_name_bn,
      kind: u.kind,
      status: u.status,
      revisionNumber: u.revision_number,
      itemId: u.item_id,
      originalName: u.original_name,
      evidenceType: u.evidence_type,
      links: this.linksOfItemStmt.all(u.item_id).map(toLink),
    }));
  }
}

function toLink(l: LinkRow): EvidenceLink {
  return { criterionId: l.criterion_id, programmeId: l.programme_id === '' ? null : l.programme_id };
}

function toItem(row: ItemRow, links: LinkRow[]): EvidenceItem {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type as EvidenceMediaType,
    originalName: row.original_name,
    caption: row.caption,
    evidenceType: row.evidence_type,
    takenAt: row.taken_at,
    attachedAt: row.attached_at,
    attachedBy: row.attached_by,
    links: links.map(toLink),
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
