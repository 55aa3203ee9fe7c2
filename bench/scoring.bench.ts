import { allCriteria, type Framework } from '../shared/framework';
import { makeCriterion, makeGroup, testFramework } from '../shared/framework/test-fixture';
import { scoreAssessment, type AssessmentScope, type RatingEntry } from '../shared/scoring';
import { measure, type Measurement } from './measure';

/** A synthetic framework of `n` criteria in 20 core groups plus a construction module. */
export function largeFramework(n: number): Framework {
  const base = testFramework();
  const groups = Array.from({ length: 20 }, (_, g) => {
    const id = `G${String.fromCharCode(65 + g)}`;
    const criteria = Array.from({ length: Math.floor(n / 21) }, (_, c) =>
      makeCriterion(`${id}-${String(c + 1).padStart(3, '0')}`, {
        weight: ((c % 3) + 1) as 1 | 2 | 3,
        level: c % 2 === 0 ? 'institution' : 'programme',
        critical: c % 10 === 0 ? { mode: 'always' } : { mode: 'never' },
      }),
    );
    return makeGroup(id, criteria);
  });
  const sector = makeGroup(
    'CON',
    Array.from({ length: Math.floor(n / 21) }, (_, c) => makeCriterion(`CON-${String(c + 1).padStart(3, '0')}`, { level: 'programme' })),
    { kind: 'sector', sector: 'construction' },
  );
  return { ...base, groups: [...base.groups.filter((g) => g.kind === 'core'), ...groups, sector] };
}

function ratingsFor(framework: Framework, scope: AssessmentScope): RatingEntry[] {
  const out: RatingEntry[] = [];
  let k = 0;
  for (const c of allCriteria(framework)) {
    const units = c.level === 'institution' ? [null] : scope.programmes.map((p) => p.id);
    for (const programmeId of units) out.push({ criterionId: c.id, programmeId, rating: (k++ % 4) as 0 | 1 | 2 | 3 });
  }
  return out;
}

export function scoringBenchmarks(defaultFramework: Framework): Measurement[] {
  const scope = (n: number): AssessmentScope => ({
    programmes: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      facts: { sector: 'construction', mobilityTrack: i === 0, activities: ['welding-cutting'] },
    })),
  });
  const s3 = scope(3);
  const r106 = ratingsFor(defaultFramework, s3);
  const big = largeFramework(1000);
  const s5 = scope(5);
  const r1000 = ratingsFor(big, s5);
  return [
    measure(
      'score default framework (106 criteria × 3 programmes)',
      200,
      () => scoreAssessment(defaultFramework, s3, r106),
      `${r106.length} units`,
    ),
    measure('score 1,000-criterion framework × 5 programmes', 50, () => scoreAssessment(big, s5, r1000), `${r1000.length} units`),
  ];
}
