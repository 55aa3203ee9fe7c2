import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../../../shared/assessments/scope';
import { testFramework } from '../../../../../shared/framework/test-fixture';
import { evidencePlan } from './evidence-plan';
import { programme } from './test-programmes';

describe('pre-visit evidence plan', () => {
  const framework = testFramework();
  framework.evidenceTypes.push({ code: 'INT-M', label: { en: 'Interview: management', bn: 'সাক্ষাৎকার: ব্যবস্থাপনা' } });
  framework.groups[0]!.criteria[1]!.evidence = ['DOC', 'INT-M'];
  const programmes = [
    programme('a0000000-0000-4000-8000-000000000001', { activities: ['welding-cutting'] }),
    programme('a0000000-0000-4000-8000-000000000002'),
  ];
  const plan = evidencePlan(framework, scopeOf(programmes), programmes);
  const list = (block: string, code: string) => plan.find((b) => b.id === block)?.lists.find((l) => l.code === code);

  it('groups evidence as documents, records, data, people to interview and things to see', () => {
    expect(plan.map((b) => b.id)).toEqual(['documents', 'records', 'data', 'people', 'observe']);
    expect(list('people', 'INT-M')?.items.map((i) => i.criterion.id)).toEqual(['GQ-02']);
  });

  it('lists each criterion once, with where it applies, and leaves out what does not apply', () => {
    const observe = list('observe', 'OBS')!;
    const con01 = observe.items.find((i) => i.criterion.id === 'CON-01')!;
    expect(con01.programmeIds).toEqual(programmes.map((p) => p.id));
    expect(con01.critical).toBe(true);
    // CON-03 (welding) applies only to the programme that teaches welding.
    expect(observe.items.find((i) => i.criterion.id === 'CON-03')?.programmeIds).toEqual([programmes[0]!.id]);
    expect(list('documents', 'DOC')!.items.find((i) => i.criterion.id === 'GQ-01')?.programmeIds).toEqual([null]);
  });

  it('names the figures to have ready, without the ones the app calculates', () => {
    const oi03 = list('data', 'DATA')!.items.find((i) => i.criterion.id === 'OI-03')!;
    expect(oi03.dataFields.length).toBeGreaterThan(0);
    expect(oi03.dataFields.every((f) => f.derived === undefined)).toBe(true);
  });
});
