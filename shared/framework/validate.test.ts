import { describe, expect, it } from 'vitest';
import { validateFramework, MAX_PROBLEMS } from './validate';
import type { Problem } from './validate';
import { makeCriterion, testFramework } from './test-fixture';

/** A JSON-like copy of the fixture that tests may break in ways the Framework type forbids. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fixture(): Json {
  return JSON.parse(JSON.stringify(testFramework())) as Json;
}

function errorsOf(input: unknown): Problem[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected the framework to be refused');
  return result.errors;
}

function expectError(input: unknown, path: (string | number)[], code: string): void {
  expect(errorsOf(input)).toContainEqual(expect.objectContaining({ path, code }));
}

describe('validateFramework: accepted input', () => {
  it('accepts the fixture without warnings', () => {
    const result = validateFramework(fixture());
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('trims text and fills a missing bn with "" (a warning, not an error)', () => {
    const input = fixture();
    input.title = { en: '  Framework  ' };
    input.groups[0].criteria[0].guidance.bn = '   ';
    const result = validateFramework(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.title).toEqual({ en: 'Framework', bn: '' });
    expect(result.warnings).toEqual([
      { path: ['title', 'bn'], code: 'missing-bangla', message: expect.any(String) },
      { path: ['groups', 0, 'criteria', 0, 'guidance', 'bn'], code: 'missing-bangla', message: expect.any(String) },
    ]);
  });

  it('allows criticality and applicability on different conditions', () => {
    const input = fixture();
    input.groups[2].criteria[2].critical = { mode: 'when', condition: 'mobility-track' };
    expect(validateFramework(input).ok).toBe(true);
  });
});

describe('validateFramework: structure', () => {
  it('refuses a weight of 4', () => {
    const input = fixture();
    input.groups[0].criteria[1].weight = 4;
    expectError(input, ['groups', 0, 'criteria', 1, 'weight'], 'invalid-value');
  });

  it('refuses wrong types', () => {
    const input = fixture();
    input.groups[0].criteria[0].evidence = 'DOC';
    input.rules.minCohort = '10';
    expectError(input, ['groups', 0, 'criteria', 0, 'evidence'], 'invalid-type');
    expectError(input, ['rules', 'minCohort'], 'invalid-type');
  });

  it('refuses unknown extra keys, naming the key', () => {
    const input = fixture();
    input.groups[1].criteria[0].score = 3;
    input.rules.recommended.minOverall = 70;
    expectError(input, ['groups', 1, 'criteria', 0, 'score'], 'unknown-key');
    expectError(input, ['rules', 'recommended', 'minOverall'], 'unknown-key');
  });

  it('refuses a missing key and a missing English text', () => {
    const input = fixture();
    delete input.groups[0].criteria[0].level;
    input.groups[0].criteria[1].title = { bn: 'শিরোনাম' };
    expectError(input, ['groups', 0, 'criteria', 0, 'level'], 'required');
    expectError(input, ['groups', 0, 'criteria', 1, 'title', 'en'], 'required');
  });

  it('refuses blank English text', () => {
    const input = fixture();
    input.description.en = '   ';
    expectError(input, ['description', 'en'], 'empty-text');
  });

  it('refuses malformed ids', () => {
    const input = fixture();
    input.groups[0].criteria[0].id = 'gq-1';
    input.id = 'Has Spaces';
    expectError(input, ['groups', 0, 'criteria', 0, 'id'], 'invalid-format');
    expectError(input, ['id'], 'invalid-format');
  });

  it('refuses an unknown condition kind and critical mode at the discriminator', () => {
    const input = fixture();
    input.conditions[0].kind = 'programme-colour';
    input.groups[0].criteria[0].critical = { mode: 'sometimes' };
    expectError(input, ['conditions', 0, 'kind'], 'invalid-value');
    expectError(input, ['groups', 0, 'criteria', 0, 'critical', 'mode'], 'invalid-value');
  });

  it('refuses 3000 criteria in one group', () => {
    const input = fixture();
    input.groups[0].criteria = Array.from({ length: 3000 }, (_, i) => makeCriterion(`GQ-${String(i).padStart(3, '0')}`));
    expectError(input, ['groups', 0, 'criteria'], 'too-many');
  });

  it('refuses more than 2000 criteria spread over groups', () => {
    const input = fixture();
    // 1000 + 1000 + the 3 construction criteria = 2003.
    input.groups[0].criteria = Array.from({ length: 1000 }, (_, i) => makeCriterion(`GQ-${String(i).padStart(3, '0')}`));
    input.groups[1].criteria = Array.from({ length: 1000 }, (_, i) => makeCriterion(`OI-${String(i).padStart(3, '0')}`));
    input.eqavet = { phases: [], indicators: [] };
    input.rules.recommended.criterionMinimums = [];
    input.rules.mobilityReady.criterionMinimums = [];
    input.rules.redOutcomeActionCriterion = 'GQ-001';
    expect(errorsOf(input)).toEqual([expect.objectContaining({ path: ['groups'], code: 'too-many-criteria' })]);
  });

  it('refuses over-long text', () => {
    const input = fixture();
    input.groups[0].criteria[0].guidance.en = 'x'.repeat(4001);
    expectError(input, ['groups', 0, 'criteria', 0, 'guidance', 'en'], 'too-long');
  });

  it('refuses deeply nested junk without recursing into it', () => {
    let junk: Json = {};
    const root = junk;
    for (let i = 0; i < 100_000; i++) {
      junk.x = {};
      junk = junk.x as Json;
    }
    const input = fixture();
    input.junk = root;
    input.groups[0].criteria[0].guidance = root;
    const errors = errorsOf(input);
    expect(errors).toContainEqual(expect.objectContaining({ path: ['junk'], code: 'unknown-key' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: ['groups', 0, 'criteria', 0, 'guidance', 'x'], code: 'unknown-key' }));
    expectError(root, ['x'], 'unknown-key');
  });

  it('refuses non-objects at the top level', () => {
    for (const input of [null, 42, 'framework', [], undefined]) {
      expect(validateFramework(input).ok).toBe(false);
    }
  });

  it('caps the number of problems reported', () => {
    const input = fixture();
    input.groups[0].criteria = Array.from({ length: 1000 }, (_, i) => ({
      ...makeCriterion(`GQ-${String(i).padStart(3, '0')}`),
      weight: 9,
    }));
    const errors = errorsOf(input);
    expect(errors).toHaveLength(MAX_PROBLEMS + 1);
    expect(errors.at(-1)?.code).toBe('too-many-problems');
  });

  it('refuses a rating scale that is not 3-2-1-0', () => {
    const input = fixture();
    [input.scale.ratings[0], input.scale.ratings[1]] = [input.scale.ratings[1], input.scale.ratings[0]];
    expectError(input, ['scale', 'ratings', 0], 'scale-order');
  });
});

describe('validateFramework: cross-references', () => {
  it('reports a duplicate criterion id at its second occurrence', () => {
    const input = fixture();
    input.groups[1].criteria[2].id = 'OI-01';
    expectError(input, ['groups', 1, 'criteria', 2, 'id'], 'duplicate-id');
  });

  it('reports duplicate criterion ids across groups', () => {
    const input = fixture();
    input.groups[2].criteria[1].id = 'GQ-02';
    expectError(input, ['groups', 2, 'criteria', 1, 'id'], 'duplicate-id');
  });

  it('reports duplicate group, condition and evidence ids', () => {
    const input = fixture();
    input.groups[1].id = 'GQ';
    input.conditions[1].id = 'mobility-track';
    input.evidenceTypes[1].code = 'DOC';
    expectError(input, ['groups', 1, 'id'], 'duplicate-id');
    expectError(input, ['conditions', 1, 'id'], 'duplicate-id');
    expectError(input, ['evidenceTypes', 1, 'code'], 'duplicate-id');
  });

  it('reports an unknown condition in critical and appliesWhen', () => {
    const input = fixture();
    input.groups[0].criteria[2].critical.condition = 'teaches-juggling';
    input.groups[2].criteria[2].appliesWhen = 'teaches-juggling';
    expectError(input, ['groups', 0, 'criteria', 2, 'critical', 'condition'], 'unknown-condition');
    expectError(input, ['groups', 2, 'criteria', 2, 'appliesWhen'], 'unknown-condition');
  });

  it('reports an evidence code not in evidenceTypes', () => {
    const input = fixture();
    input.groups[0].criteria[0].evidence = ['DOC', 'INT-M'];
    expectError(input, ['groups', 0, 'criteria', 0, 'evidence', 1], 'unknown-evidence');
  });

  it('reports unknown criteria in rules and eqavet', () => {
    const input = fixture();
    input.rules.recommended.criterionMinimums[0].criterion = 'OI-99';
    input.rules.mobilityReady.criterionMinimums[1].criterion = 'LS-03';
    input.rules.redOutcomeActionCriterion = 'QC-06';
    input.eqavet.phases[0].criteria = ['GQ-01', 'QC-01'];
    input.eqavet.indicators[0].criteria = ['OI-04'];
    expectError(input, ['rules', 'recommended', 'criterionMinimums', 0, 'criterion'], 'unknown-criterion');
    expectError(input, ['rules', 'mobilityReady', 'criterionMinimums', 1, 'criterion'], 'unknown-criterion');
    expectError(input, ['rules', 'redOutcomeActionCriterion'], 'unknown-criterion');
    expectError(input, ['eqavet', 'phases', 0, 'criteria', 1], 'unknown-criterion');
    expectError(input, ['eqavet', 'indicators', 0, 'criteria', 0], 'unknown-criterion');
  });

  it('reports an unknown group in rules and maturity groups', () => {
    const input = fixture();
    input.rules.mobilityReady.noOpenMajorInGroups = ['GQ', 'MR'];
    input.scale.maturityGroups = ['QC'];
    expectError(input, ['rules', 'mobilityReady', 'noOpenMajorInGroups', 1], 'unknown-group');
    expectError(input, ['scale', 'maturityGroups', 0], 'unknown-group');
  });

  it('reports a sector group without a sector and a core group with one', () => {
    const input = fixture();
    delete input.groups[2].sector;
    input.groups[0].sector = 'ict';
    expectError(input, ['groups', 2, 'sector'], 'missing-sector');
    expectError(input, ['groups', 0, 'sector'], 'unexpected-sector');
  });

  it('reports two modules for one sector and an institution-level sector criterion', () => {
    const input = fixture();
    input.groups.push({ ...fixture().groups[2], id: 'CONX', criteria: [makeCriterion('CONX-01', { level: 'programme' })] });
    input.groups[2].criteria[1].level = 'institution';
    expectError(input, ['groups', 3, 'sector'], 'duplicate-sector');
    expectError(input, ['groups', 2, 'criteria', 1, 'level'], 'sector-criterion-level');
  });

  it('reports an outcome field that is not a data field', () => {
    const input = fixture();
    input.groups[1].criteria[2].outcome.field = 'completion_pct';
    input.groups[1].criteria[3].outcome.responseRateField = 'response_pct';
    expectError(input, ['groups', 1, 'criteria', 2, 'outcome', 'field'], 'unknown-field');
    expectError(input, ['groups', 1, 'criteria', 3, 'outcome', 'responseRateField'], 'unknown-field');
  });

  it('reports a derived field referring to unknown fields, and derived cycles', () => {
    const input = fixture();
    input.groups[1].criteria[2].dataFields[2].derived.denominator = 'entrants';
    expectError(input, ['groups', 1, 'criteria', 2, 'dataFields', 2, 'derived', 'denominator'], 'unknown-field');

    const cyclic = fixture();
    cyclic.groups[1].criteria[2].dataFields[0].derived = { op: 'differencePp', a: 'completion_rate_pct', b: 'cohort_completers' };
    expectError(cyclic, ['groups', 1, 'criteria', 2, 'dataFields', 0, 'derived'], 'derived-cycle');
  });

  it('reports amber on the wrong side of green', () => {
    const input = fixture();
    input.groups[1].criteria[2].outcome.amber = 90;
    expectError(input, ['groups', 1, 'criteria', 2, 'outcome', 'amber'], 'inconsistent-thresholds');
  });

  it('reports duplicate data field ids', () => {
    const input = fixture();
    input.groups[1].criteria[3].dataFields[1].id = 'completers_traced';
    expectError(input, ['groups', 1, 'criteria', 3, 'dataFields', 1, 'id'], 'duplicate-id');
  });

  it('warns, without refusing, about odd but harmless things', () => {
    const input = fixture();
    input.rules.conditional.minOverallPct = 80;
    input.groups[0].criteria[1].safety = true;
    const result = validateFramework(input);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['inconsistent-thresholds', 'safety-never-critical']);
  });

  it('still returns warnings alongside cross-reference errors', () => {
    const input = fixture();
    input.groups[0].criteria[0].title.bn = '';
    input.groups[1].criteria[0].evidence = ['XYZ'];
    const result = validateFramework(input);
    expect(result.ok).toBe(false);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'missing-bangla', path: ['groups', 0, 'criteria', 0, 'title', 'bn'] }),
    );
  });
});
