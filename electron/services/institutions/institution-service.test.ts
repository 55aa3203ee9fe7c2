import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { canonicalJson } from '../../../shared/util/canonical-json';
import { institutionInput, openTestServices, programmeInput } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';

function expectAppError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  expect.fail(`expected an AppError with code ${code}`);
}

describe('institutions registry', () => {
  it('stores an institution with its programmes in the SQLite file, and finds it again after reopening', () => {
    const dataDir = tempDir();
    const first = openTestServices({ dataDir });
    first.settings.update({ userName: 'Nasrin Akter' });
    const created = first.institutions.create(institutionInput());
    first.institutions.createProgramme(
      created.id,
      programmeInput({ mobilityTrack: true, destinationCountry: 'Germany', targetLanguage: 'German', targetCefr: 'B1' }),
    );
    first.close();

    const second = openTestServices({ dataDir });
    const detail = second.institutions.get(created.id);
    expect(detail.institution).toMatchObject({
      nameEn: 'Dhaka Polytechnic Institute',
      sectors: ['ict', 'construction'],
      revision: 0,
      createdBy: 'Nasrin Akter',
    });
    expect(detail.institution.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(detail.programmes).toHaveLength(1);
    expect(detail.programmes[0]).toMatchObject({ mobilityTrack: true, targetCefr: 'B1', bnqfLevel: 5 });
    second.close();
  });

  it('searches names in English and Bangla, registration numbers and districts, and sorts', () => {
    const s = openTestServices();
    s.institutions.create(institutionInput());
    s.institutions.create(
      institutionInput({ nameEn: 'Bogura TTC', nameBn: 'বগুড়া কারিগরি প্রশিক্ষণ কেন্দ্র', district: 'Bogura', registrationNumber: 'NSDA-77' }),
    );
    s.institutions.create(
      institutionInput({ nameEn: 'Chattogram 100% Skills', nameBn: '', district: 'Chattogram', registrationNumber: 'X-1' }),
    );
    const names = (search: string, sort: 'name' | 'district' | 'updated' = 'name') =>
      s.institutions.list({ search, sort, includeArchived: false, limit: 50, offset: 0 }).items.map((i) => i.nameEn);
    expect(names('')).toEqual(['Bogura TTC', 'Chattogram 100% Skills', 'Dhaka Polytechnic Institute']);
    expect(names('বগুড়া')).toEqual(['Bogura TTC']);
    expect(names('nsda-77')).toEqual(['Bogura TTC']);
    expect(names('dhaka')).toEqual(['Dhaka Polytechnic Institute']);
    // LIKE wildcards typed by a user are literal characters.
    expect(names('100%')).toEqual(['Chattogram 100% Skills']);
    expect(names('%')).toEqual(['Chattogram 100% Skills']);
    expect(names('', 'updated')[0]).toBe('Chattogram 100% Skills');
    s.close();
  });

  it('refuses an edit based on a stale revision instead of overwriting someone else’s change', () => {
    const s = openTestServices();
    const created = s.institutions.create(institutionInput());
    const updated = s.institutions.update(created.id, 0, institutionInput({ headName: 'Engr. Rahman' }));
    expect(updated.revision).toBe(1);
    expectAppError(() => s.institutions.update(created.id, 0, institutionInput({ headName: 'Someone else' })), 'conflict');
    expect(s.institutions.get(created.id).institution.headName).toBe('Engr. Rahman');
    s.close();
  });

  it('archives without deleting, hides archived institutions from the default list, and restores them', () => {
    const s = openTestServices();
    const created = s.institutions.create(institutionInput());
    const archived = s.institutions.setArchived(created.id, 0, true);
    expect(archived.archived).toBe(true);
    expect(s.institutions.list({ search: '', sort: 'name', includeArchived: false, limit: 10, offset: 0 }).total).toBe(0);
    expect(s.institutions.list({ search: '', sort: 'name', includeArchived: true, limit: 10, offset: 0 }).total).toBe(1);
    expectAppError(() => s.institutions.createProgramme(created.id, programmeInput()), 'locked');
    s.institutions.setArchived(created.id, archived.revision, false);
    expect(s.institutions.createProgramme(created.id, programmeInput()).institutionId).toBe(created.id);
    s.close();
  });

  it('reports unknown ids as not found', () => {
    const s = openTestServices();
    expectAppError(() => s.institutions.get('00000000-0000-4000-8000-000000000000'), 'not-found');
    expectAppError(() => s.institutions.createProgramme('00000000-0000-4000-8000-000000000000', programmeInput()), 'not-found');
    s.close();
  });

  it('records every change in a hash-chained log, in the same transaction as the change', () => {
    const s = openTestServices();
    const created = s.institutions.create(institutionInput());
    s.institutions.update(created.id, 0, institutionInput({ address: 'New address' }));
    s.institutions.createProgramme(created.id, programmeInput());
    const rows = s.db.prepare('SELECT * FROM change_log ORDER BY seq').all() as Record<string, string>[];
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual(['institution:create', 'institution:update', 'programme:create']);
    let prev = '0'.repeat(64);
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const { seq: _seq, hash, id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash } = r;
      const recomputed = createHash('sha256')
        .update(
          canonicalJson({
            id,
            at,
            actorId: actor_id,
            actorName: actor_name,
            entity,
            entityId: entity_id,
            action,
            payload,
            prevHash: prev_hash,
          }),
        )
        .digest('hex');
      expect(hash).toBe(recomputed);
      prev = hash!;
    }
    // A refused change leaves neither data nor a log entry behind.
    expect(() => s.institutions.update(created.id, 0, institutionInput())).toThrow();
    expect(s.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(3);
    s.close();
  });
});
