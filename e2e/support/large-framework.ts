import fs from 'node:fs';
import path from 'node:path';
import type { Criterion, Framework } from '../../shared/framework/schema';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * The default framework grown to about `target` criteria: every core group's criteria are repeated with
 * new ids (GQ-100, GQ-101, …) until the total is reached. Same rules, conditions and texts, so it is as
 * heavy to show as a real framework of that size, and it validates like the default one.
 */
export function largeFramework(target = 1000): Framework {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'resources/frameworks/bd-eu-tvet-1.0.0.json'), 'utf8')) as Framework;
  const framework: Framework = {
    ...base,
    id: 'bd-eu-tvet-large',
    version: '9.0.0',
    title: { en: 'Large test framework', bn: 'বড় পরীক্ষামূলক কাঠামো' },
  };
  const count = () => framework.groups.reduce((n, g) => n + g.criteria.length, 0);
  const core = framework.groups.filter((g) => g.kind === 'core').map((g) => ({ ...g, criteria: [...g.criteria] }));
  framework.groups = [...core, ...framework.groups.filter((g) => g.kind === 'sector')];
  const next = new Map(core.map((g) => [g.id, 100]));
  while (count() < target) {
    for (const group of core) {
      const originals = group.criteria.filter((c) => Number(c.id.split('-')[1]) < 100);
      for (const c of originals) {
        if (count() >= target) break;
        const n = next.get(group.id)!;
        next.set(group.id, n + 1);
        const copy: Criterion = { ...c, id: `${group.id}-${n}` };
        // Copies are plain criteria: no outcome benchmark, no derived data, never critical.
        delete copy.outcome;
        delete copy.dataFields;
        copy.critical = { mode: 'never' };
        group.criteria.push(copy);
      }
    }
  }
  return framework;
}
