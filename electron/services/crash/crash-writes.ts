import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AppServices } from '../app-services';
import type { CrashResult, CrashWorkerConfig, CrashWrite } from './crash-protocol';
import type { Random } from './prng';

export interface Step {
  write: CrashWrite;
  run: () => CrashResult | Promise<CrashResult>;
}

interface Head {
  id: string;
  status: 'draft' | 'submitted' | 'finalised';
  revision: number;
  submitted_by: string;
}

const people = ['Farida Yasmin', 'Tanvir Hasan'] as const;
/** A "not recommended" inspection needs a second reviewer who neither leads nor submitted it. */
const secondReviewer = 'Kamal Hossain';

/**
 * Chooses the worker's next write from what the data folder holds now — ratings and notes, evidence
 * added and removed, the inspection's workflow (submit, return, finalise, reopen), package imports and
 * report signing — always one the services should accept, so any refusal is a finding.
 */
export class CrashWrites {
  private written = 0;

  constructor(
    private readonly s: AppServices,
    private readonly random: Random,
    private readonly config: CrashWorkerConfig,
    private readonly label: string,
  ) {}

  next(): Step {
    const head = this.head();
    const roll = this.random.next();
    if (head.status === 'submitted') {
      const user = this.s.settings.get().userName;
      if (roll < 0.35) return this.workflow('return', head);
      if (this.s.accreditation.forAssessment(head.id).countersignRequired) {
        const leads = this.s.assessments
          .get(head.id)
          .assessment.team.filter((m) => m.role === 'lead-inspector')
          .map((m) => m.name);
        const reviewer = [secondReviewer, ...people].find((name) => name !== head.submitted_by && !leads.includes(name))!;
        return user === reviewer ? this.workflow('countersign', head) : this.switchUser(reviewer);
      }
      // Four eyes: whoever submitted an inspection does not finalise it.
      if (user === head.submitted_by) return this.switchUser();
      return this.workflow('finalise', head);
    }
    if (head.status === 'finalised') return roll < 0.8 ? this.workflow('reopen', head) : this.switchUser();
    const waiting = this.config.packages.filter((file) => !this.imported(path.basename(file)));
    if (roll < 0.02 && waiting.length > 0) return this.importPackage(this.random.pick(waiting));
    if (roll < 0.1) return this.workflow('submit', head);
    if (roll < 0.28) return this.attach(head);
    if (roll < 0.36) {
      const items = this.s.evidence.listForAssessment(head.id);
      if (items.length > 0) return this.remove(head, this.random.pick(items));
    }
    return this.rating(head);
  }

  sign(): Step {
    const assessmentId = this.config.signableAssessmentId;
    return {
      write: { kind: 'sign', assessmentId },
      run: async () => {
        const file = await this.s.reports.sign({
          assessmentId,
          language: this.random.pick(['en', 'bn'] as const),
          identityId: this.config.identityId,
          passphrase: this.config.passphrase,
        });
        return { sha256: file.sha256 };
      },
    };
  }

  /** The newest revision of the driven inspection. */
  private head(): Head {
    return this.s.db
      .prepare<[string], Head>(
        `SELECT id, status, revision, submitted_by FROM assessments
         WHERE institution_id = ? AND kind = 'inspection' ORDER BY revision_number DESC LIMIT 1`,
      )
      .get(this.config.institutionId)!;
  }

  private imported(fileName: string): boolean {
    return this.s.db.prepare('SELECT 1 FROM imported_packages WHERE file_name = ?').get(fileName) !== undefined;
  }

  /** A rated unit gets a new rating and a note; some notes are long (up to 20 000 characters), so the transaction is too. */
  private rating(head: Head): Step {
    const units = this.s.assessments.get(head.id).ratings.filter((r) => typeof r.rating === 'number' && Object.keys(r.data).length === 0);
    const unit = this.random.pick(units);
    const token = this.token();
    const noteLength = this.random.next() < 0.3 ? this.random.int(5_000, 20_000) : this.random.int(token.length + 1, 400);
    const note = `${token} ${'নোট note '.repeat(Math.ceil(noteLength / 9))}`.slice(0, noteLength);
    const rating = this.random.pick([0, 1, 2, 3] as const);
    return {
      write: {
        kind: 'rating',
        assessmentId: head.id,
        criterionId: unit.criterionId,
        programmeId: unit.programmeId,
        rating,
        token,
        noteLength,
      },
      run: () => {
        this.s.ratings.save({
          assessmentId: head.id,
          criterionId: unit.criterionId,
          programmeId: unit.programmeId,
          patch: { rating, note, evidenceSeen: ['DOC', 'OBS'] },
        });
        return {};
      },
    };
  }

  /** One to three new files (a quarter of them up to 2 MB), stored one after the other before the record commits. */
  private attach(head: Head): Step {
    const unit = this.random.pick(this.s.assessments.get(head.id).ratings);
    const files = Array.from({ length: this.random.int(1, 3) }, (_, i) => {
      const size = this.random.next() < 0.25 ? this.random.int(500_000, 2_000_000) : this.random.int(1_000, 200_000);
      // Random bytes written as hex: valid text evidence, and new content every time (nothing deduplicated).
      const content = Buffer.from(randomBytes(Math.ceil(size / 2)).toString('hex'));
      return { name: `${this.token()}-${i}.txt`, content };
    });
    const sha256s = files.map((f) => createHash('sha256').update(f.content).digest('hex'));
    return {
      write: { kind: 'attach', assessmentId: head.id, sha256s, bytes: files.reduce((sum, f) => sum + f.content.length, 0) },
      run: async () => {
        const result = await this.s.evidence.attach({
          assessmentId: head.id,
          links: [{ criterionId: unit.criterionId, programmeId: unit.programmeId }],
          evidenceType: this.random.pick(['DOC', 'REC', 'OBS']),
          caption: `Crash test ${this.label}`,
          files: files.map((f) => ({ name: f.name, contentBase64: f.content.toString('base64') })),
        });
        return { itemIds: result.items.map((i) => i.id) };
      },
    };
  }

  private remove(head: Head, item: { id: string; revision: number }): Step {
    return {
      write: { kind: 'remove', assessmentId: head.id, itemId: item.id },
      run: async () => {
        await this.s.evidence.remove(item.id, item.revision, null);
        return {};
      },
    };
  }

  private workflow(kind: 'submit' | 'return' | 'countersign' | 'finalise' | 'reopen', head: Head): Step {
    return {
      write: { kind, assessmentId: head.id },
      run: () => {
        const flow = this.s.workflow;
        if (kind === 'submit') flow.submit(head.id, head.revision);
        else if (kind === 'return') flow.returnToDraft(head.id, head.revision, `Returned by the crash test (${this.token()})`);
        else if (kind === 'countersign') this.s.accreditation.countersign({ assessmentId: head.id, revision: head.revision, comment: '' });
        else if (kind === 'finalise') flow.finalise(head.id, head.revision);
        else return { newAssessmentId: flow.reopen(head.id, `Reopened by the crash test (${this.token()})`).id };
        return {};
      },
    };
  }

  private switchUser(to?: string): Step {
    const userName = to ?? (this.s.settings.get().userName === people[0] ? people[1] : people[0]);
    return {
      write: { kind: 'user', userName },
      run: () => {
        this.s.settings.update({ userName });
        return {};
      },
    };
  }

  private importPackage(file: string): Step {
    return {
      write: { kind: 'import', fileName: path.basename(file) },
      run: async () => {
        const { uploadId } = this.s.exchange.staging.register(file);
        const outcome = await this.s.exchange.imports.apply(uploadId, []);
        return { packageId: outcome.packageId };
      },
    };
  }

  private token(): string {
    this.written += 1;
    return `${this.label}.${this.written}`;
  }
}
