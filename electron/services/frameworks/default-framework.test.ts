import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCriteria, validateFramework, type Framework } from '../../../shared/framework';

const file = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks', 'bd-eu-tvet-1.0.0.json');
const raw = fs.readFileSync(file, 'utf8');
const validation = validateFramework(JSON.parse(raw));
const framework = (validation.ok ? validation.framework : null) as Framework;

// From ../shared/reference/domain-notes.md §1 (exact names as on eqavet.eu).
const eqavetIndicators = [
  'Relevance of quality assurance systems for VET providers',
  'Investment in training of teachers and trainers',
  'Participation rate in VET programmes',
  'Completion rate in VET programmes',
  'Placement rate in VET programmes',
  'Utilisation of acquired skills at the workplace',
  'Unemployment rate',
  'Prevalence of vulnerable groups',
  'Mechanisms to identify training needs in the labour market',
  'Schemes used to promote better access to VET and provide guidance to (potential) VET learners',
];

// From ../shared/reference/criteria-framework.json: critical "Y" and "C".
const alwaysCritical = [
  'GQ-01',
  'CU-01',
  'TA-01',
  'TA-02',
  'AS-01',
  'AS-04',
  'IF-02',
  'IF-03',
  'IF-04',
  'LS-05',
  'OI-01',
  'MR-01',
  'MR-02',
  'MR-03',
  'ICT-02',
  'CON-01',
  'CON-02',
  'CARE-01',
  'CARE-03',
  'TOUR-01',
  'TOUR-07',
  'AGR-01',
  'AGR-02',
  'TEX-01',
  'TEX-06',
];
const conditionallyCritical = {
  'LS-03': 'mobility-track',
  'CARE-07': 'mobility-track',
  'CON-03': 'teaches-welding',
  'TEX-04': 'teaches-dyeing',
};

describe('the default framework', () => {
  it('is a valid framework with no warnings', () => {
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    expect(validation.warnings).toEqual([]);
  });

  it('has 66 core criteria in 10 groups and 40 in 6 sector modules', () => {
    const core = framework.groups.filter((g) => g.kind === 'core');
    const sector = framework.groups.filter((g) => g.kind === 'sector');
    expect(core.map((g) => g.id)).toEqual(['GQ', 'QC', 'CU', 'TA', 'AS', 'IF', 'LS', 'IL', 'OI', 'MR']);
    expect(core.flatMap((g) => g.criteria)).toHaveLength(66);
    expect(sector.map((g) => g.sector).sort()).toEqual(['agriculture', 'care', 'construction', 'ict', 'textile', 'tourism']);
    expect(sector.flatMap((g) => g.criteria)).toHaveLength(40);
    expect(allCriteria(framework)).toHaveLength(106);
  });

  it('gives every criterion a title and guidance in English and Bangla', () => {
    for (const c of allCriteria(framework)) {
      for (const text of [c.title, c.guidance]) {
        expect(text.en.trim(), c.id).not.toBe('');
        expect(text.bn, c.id).toMatch(/[\u0980-\u09FF]/);
      }
    }
  });

  it('names all ten EQAVET indicators exactly and covers the four phases of the quality cycle', () => {
    expect(framework.eqavet.indicators.map((i) => i.name)).toEqual(eqavetIndicators);
    expect(framework.eqavet.phases.map((p) => p.id)).toEqual(['planning', 'implementation', 'evaluation', 'review']);
    for (const phase of framework.eqavet.phases) expect(phase.criteria.length, phase.id).toBeGreaterThan(0);
  });

  it('marks exactly the critical criteria of the reference, with their conditions', () => {
    const criteria = allCriteria(framework);
    expect(
      criteria
        .filter((c) => c.critical.mode === 'always')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...alwaysCritical].sort());
    const conditional = Object.fromEntries(criteria.flatMap((c) => (c.critical.mode === 'when' ? [[c.id, c.critical.condition]] : [])));
    expect(conditional).toEqual(conditionallyCritical);
  });

  it('carries the decision thresholds of the domain notes', () => {
    expect(framework.rules.recommended).toMatchObject({ minOverallPct: 75, minGroupPct: 60, maxMajor: 2 });
    expect(framework.rules.conditional).toMatchObject({ minOverallPct: 60, minGroupPct: 50, maxMajor: 6 });
    expect(framework.rules.correctiveActionDays).toMatchObject({ critical: 30, major: 90 });
  });

  it('never claims a recognition status that does not exist', () => {
    expect(raw).not.toMatch(/recogni[sz]ed|EU[- ]accredit/i);
    expect(framework.description.en).toMatch(/aligned with the framework/);
  });
});
