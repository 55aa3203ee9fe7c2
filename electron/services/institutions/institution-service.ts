import { AppError } from '../../../shared/ipc/result';
import type { Institution, InstitutionDetail, InstitutionInput, Programme, ProgrammeInput } from '../../../shared/institutions/schema';
import type { Mutator } from '../db/mutator';
import { newId } from '../support/ids';
import type { InstitutionRepository } from './institution-repository';
import type { ProgrammeRepository } from './programme-repository';

type ListQuery = Parameters<InstitutionRepository['list']>[0];

/** The institutions registry: rules about institutions and their programmes. */
export class InstitutionService {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly mutator: Mutator,
  ) {}

  list(query: ListQuery) {
    return this.institutions.list(query);
  }

  get(id: string): InstitutionDetail {
    const institution = this.requireInstitution(id);
    return { institution, programmes: this.programmes.listForInstitution(id) };
  }

  create(input: InstitutionInput): Institution {
    const id = newId();
    return this.mutator.run((m) => {
      this.institutions.insert(id, input, m.at, m.actor.name);
      m.record({ entity: 'institution', entityId: id, action: 'create', payload: input });
      return this.requireInstitution(id);
    });
  }

  update(id: string, revision: number, input: InstitutionInput): Institution {
    return this.mutator.run((m) => {
      this.requireInstitution(id);
      if (!this.institutions.update(id, revision, input, m.at, m.actor.name)) throw staleEdit('institution');
      m.record({ entity: 'institution', entityId: id, action: 'update', payload: input });
      return this.requireInstitution(id);
    });
  }

  setArchived(id: string, revision: number, archived: boolean): Institution {
    return this.mutator.run((m) => {
      this.requireInstitution(id);
      if (!this.institutions.setArchived(id, revision, archived, m.at, m.actor.name)) throw staleEdit('institution');
      m.record({ entity: 'institution', entityId: id, action: archived ? 'archive' : 'restore', payload: { archived } });
      return this.requireInstitution(id);
    });
  }

  createProgramme(institutionId: string, input: ProgrammeInput): Programme {
    const id = newId();
    return this.mutator.run((m) => {
      const institution = this.requireInstitution(institutionId);
      if (institution.archived) throw new AppError('locked', 'This institution is archived; restore it before adding programmes.');
      this.programmes.insert(id, institutionId, input, m.at, m.actor.name);
      m.record({ entity: 'programme', entityId: id, action: 'create', payload: { institutionId, ...input } });
      return this.requireProgramme(id);
    });
  }

  updateProgramme(id: string, revision: number, input: ProgrammeInput): Programme {
    return this.mutator.run((m) => {
      this.requireProgramme(id);
      if (!this.programmes.update(id, revision, input, m.at, m.actor.name)) throw staleEdit('programme');
      m.record({ entity: 'programme', entityId: id, action: 'update', payload: input });
      return this.requireProgramme(id);
    });
  }

  setProgrammeArchived(id: string, revision: number, archived: boolean): Programme {
    return this.mutator.run((m) => {
      this.requireProgramme(id);
      if (!this.programmes.setArchived(id, revision, archived, m.at, m.actor.name)) throw staleEdit('programme');
      m.record({ entity: 'programme', entityId: id, action: archived ? 'archive' : 'restore', payload: { archived } });
      return this.requireProgramme(id);
    });
  }

  private requireInstitution(id: string): Institution {
    const found = this.institutions.get(id);
    if (!found) throw new AppError('not-found', 'No institution has this id.');
    return found;
  }

  private requireProgramme(id: string): Programme {
    const found = this.programmes.get(id);
    if (!found) throw new AppError('not-found', 'No programme has this id.');
    return found;
  }
}

/** Someone saved a newer version first: refuse rather than overwrite their work silently. */
function staleEdit(what: string): AppError {
  return new AppError(
    'conflict',
    `This ${what} was changed elsewhere since you opened it. Reload to see the latest version, then apply your edit again.`,
  );
}
