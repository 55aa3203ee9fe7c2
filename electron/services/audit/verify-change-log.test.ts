import { describe, expect, it } from 'vitest';
import { institutionInput, openTestServices } from '../test-support/services';
import { verifyChangeLog } from './verify-change-log';

function servicesWithHistory() {
  const s = openTestServices();
  s.settings.update({ userName: 'Rahima Khatun', onboarded: true });
  const a = s.institutions.create(institutionInput({ nameEn: 'Sylhet Polytechnic Institute', registrationNumber: 'BTEB-1' }));
  s.institutions.create(institutionInput({ nameEn: 'Rangpur TTC', registrationNumber: 'NSDA-2' }));
  s.institutions.update(a.id, a.revision, institutionInput({ nameEn: 'Sylhet Polytechnic Institute', district: 'Sylhet' }));
  return s;
}

describe('change log verification', () => {
  it('an untouched log is intact, and its head hash is the newest entry', () => {
    const s = servicesWithHistory();
    const report = verifyChangeLog(s.db);
    expect(report).toMatchObject({ intact: true, breaks: [] });
    expect(report.entries).toBeGreaterThanOrEqual(4);
    expect(report.headHash).toBe(s.db.prepare<[], { hash: string }>('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get()!.hash);
    s.close();
  });

  it('refuses to change or delete an entry: the log is append-only', () => {
    const s = servicesWithHistory();
    expect(() => s.db.prepare("UPDATE change_log SET actor_name = 'Someone else'").run()).toThrow(/never changed/);
    expect(() => s.db.prepare('DELETE FROM change_log WHERE seq = (SELECT max(seq) FROM change_log)').run()).toThrow(/never deleted/);
    expect(verifyChangeLog(s.db).intact).toBe(true);
    s.close();
  });

  it('names an entry whose content was edited behind the app’s back (its trigger dropped first)', () => {
    const s = servicesWithHistory();
    const target = s.db.prepare<[], { seq: number }>("SELECT seq FROM change_log WHERE entity = 'institution' ORDER BY seq LIMIT 1").get()!;
    s.db.exec('DROP TRIGGER change_log_no_update');
    s.db.prepare("UPDATE change_log SET actor_name = 'Someone else' WHERE seq = ?").run(target.seq);
    expect(verifyChangeLog(s.db)).toMatchObject({
      intact: false,
      breaks: [{ seq: target.seq, problem: 'altered', entity: 'institution' }],
    });
    s.close();
  });

  it('names the place where an entry was deleted', () => {
    const s = servicesWithHistory();
    const seqs = s.db
      .prepare<[], { seq: number }>('SELECT seq FROM change_log ORDER BY seq')
      .all()
      .map((r) => r.seq);
    const removed = seqs[1]!;
    s.db.exec('DROP TRIGGER change_log_no_delete');
    s.db.prepare('DELETE FROM change_log WHERE seq = ?').run(removed);
    const report = verifyChangeLog(s.db);
    expect(report.intact).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ seq: seqs[2], problem: 'broken-link' })]);
    s.close();
  });
});
