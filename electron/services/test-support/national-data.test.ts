import { describe, expect, it } from 'vitest';
import { divisions, moduleSectors } from '../../../shared/institutions/reference-data';
import { outcomeBuckets } from '../../../shared/head-office/outcome';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { generateNationalData } from './national-data';
import { openTestServices } from './services';

function country(seed = 7) {
  const s = openTestServices({ bundledFrameworksDir });
  const version = s.frameworks.list()[0]!;
  const framework = s.frameworks.get(version.id).framework;
  const counts = generateNationalData(s.db, version, framework, { institutions: 60, assessmentsPerInstitution: 4, ratings: true, seed });
  return { s, counts };
}

describe('the seeded national data the benchmarks and scale tests load', () => {
  it('covers every division, sector and outcome, with English and Bangla names and every unit rated', () => {
    const { s, counts } = country();
    try {
      const column = (sql: string) => s.db.prepare<[], string>(sql).pluck().all();
      expect(new Set(column('SELECT DISTINCT division FROM institutions'))).toEqual(new Set(divisions));
      expect(new Set(column('SELECT DISTINCT sector FROM programmes'))).toEqual(new Set(moduleSectors));
      expect(new Set(column('SELECT DISTINCT outcome FROM assessment_facts'))).toEqual(new Set(outcomeBuckets));
      const [name] = s.db.prepare<[], { name_en: string; name_bn: string }>('SELECT name_en, name_bn FROM institutions LIMIT 1').all();
      expect(name!.name_en).toMatch(/^[A-Za-z' ]+ \d+$/);
      expect(name!.name_bn).toMatch(/[\u0980-\u09FF]/);
      expect(counts.assessments).toBe(240);
      // Every assessment is finalised, and carries a rating for each unit in its scope (about 120).
      expect(column('SELECT DISTINCT status FROM assessments WHERE id IN (SELECT assessment_id FROM assessment_facts)')).toEqual([
        'finalised',
      ]);
      expect(counts.ratings).toBe(s.db.prepare<[], number>('SELECT count(*) FROM ratings').pluck().get());
      expect(counts.ratings / counts.assessments).toBeGreaterThan(70);
    } finally {
      s.close();
    }
  });

  it('gives the same country for the same seed and another for another seed', () => {
    const snapshot = (seed: number) => {
      const { s, counts } = country(seed);
      try {
        const names = s.db.prepare<[], string>('SELECT name_en || district FROM institutions ORDER BY id').pluck().all();
        return { counts, names };
      } finally {
        s.close();
      }
    };
    expect(snapshot(7)).toEqual(snapshot(7));
    expect(snapshot(8).names).not.toEqual(snapshot(7).names);
  });
});
