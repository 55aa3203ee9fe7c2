import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { bn } from '../../shared/i18n/bn';
import { glossary, glossaryViolations, renderGlossaryMarkdown } from '../../shared/i18n/glossary';

/**
 * The Bangla glossary (shared/i18n/glossary.ts) applied everywhere Bangla text is written: the message
 * catalogues, the report templates and report text, the guided sample, and the NEWEST bundled framework.
 * Older framework versions are skipped on purpose: a published framework file is content-hashed and
 * assessments pinned to it must keep reading the same text (1.0.0 keeps its old renderings; 1.1.0
 * carries the glossary's).
 */

const root = path.resolve(__dirname, '../..');
const BENGALI = /[\u0980-\u09FF]/u;

interface Place {
  readonly where: string;
  readonly text: string;
}

function flatten(node: unknown, prefix: string, out: Place[]): Place[] {
  if (typeof node === 'string') out.push({ where: prefix, text: node });
  else if (Array.isArray(node)) node.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function bengaliOnly(places: Place[]): Place[] {
  return places.filter((p) => BENGALI.test(p.text));
}

function sourceLines(dir: string): Place[] {
  const out: Place[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    // Shipped code only: tests and test fixtures are not what a user reads.
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$|test-fixtures/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => out.push({ where: `${path.relative(root, file)}:${i + 1}`, text }));
  }
  return bengaliOnly(out);
}

function versionKey(v: string): number[] {
  return v.split('.').map((n) => Number.parseInt(n, 10));
}

/** The bundled framework file of the newest version (1.1.0 once it is there). */
function newestFramework(): { file: string; json: unknown } {
  const dir = path.join(root, 'resources/frameworks');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: `resources/frameworks/${f}`, json: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { version: string } }));
  files.sort((a, b) => {
    const [x, y] = [versionKey(a.json.version), versionKey(b.json.version)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  const newest = files.at(-1);
  if (!newest) throw new Error('no bundled framework');
  return newest;
}

function report(places: Place[]): string[] {
  return places.flatMap((p) =>
    glossaryViolations(p.text).map(
      (v) => `${p.where}: "${v.found}" — glossary "${v.entry.en}" says ${v.entry.bn}${v.entry.note ? ` (${v.entry.note})` : ''}`,
    ),
  );
}

describe('the Bangla glossary', () => {
  it('has one Bangla term per English term, and no term forbids its own rendering', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of glossary) expect(glossaryViolations(e.bn), e.id).toEqual([]);
  });

  it('catches a planted replaced rendering, with the place and the suggested term (test of the test)', () => {
    const planted: Place[] = [
      { where: 'planted.deferred', text: 'ফলাফল: স্থগিত' },
      { where: 'planted.critical', text: 'এটি একটি গুরুতর মানদণ্ড' },
      { where: 'planted.import', text: 'প্যাকেজ আমদানি করুন' },
    ];
    const found = report(planted);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^planted\.deferred: "স্থগিত" — glossary "deferred \(outcome\)" says মুলতবি/);
    expect(found[1]).toMatch(/^planted\.critical: "গুরুতর" — .* says অপরিহার্য/);
    // গুরুতর is right for a critical non-conformity, in every inflection.
    expect(glossaryViolations('একটি গুরুতর অসঙ্গতি পাওয়া গেছে; গুরুতর (ক্রিটিক্যাল) অসঙ্গতির সংখ্যা')).toEqual([]);
    // কর্মক্ষেত্র stays right for a workplace; only "back to the workspace" is caught.
    expect(glossaryViolations('কর্মক্ষেত্রে শিক্ষা')).toEqual([]);
    expect(glossaryViolations('কর্মক্ষেত্রে ফিরে যান').map((v) => v.entry.id)).toEqual(['workspace']);
  });

  it('is followed by every Bangla message in the catalogues', () => {
    expect(report(bengaliOnly(flatten(bn, 'bn', [])))).toEqual([]);
  });

  it('is followed by the report templates and the report text', () => {
    const places = sourceLines('electron/services/reports');
    expect(report(places)).toEqual([]);
  });

  it('is followed by the guided sample', () => {
    const places = sourceLines('electron/services/sample');
    expect(places.length).toBeGreaterThan(0);
    expect(report(places)).toEqual([]);
  });

  it('is followed by the newest bundled framework (older, content-hashed versions are skipped)', () => {
    const { file, json } = newestFramework();
    const places = bengaliOnly(flatten(json, file, []));
    expect(places.length).toBeGreaterThan(100);
    expect(report(places)).toEqual([]);
  });

  it('is published as docs/glossary.md (regenerate with `npx vitest run electron/services/glossary.test.ts -u`)', async () => {
    const file = path.join(root, 'docs/glossary.md');
    // Formatted as `npm run lint` (prettier --check .) expects it.
    const markdown = await format(renderGlossaryMarkdown(), { ...(await resolveConfig(file)), parser: 'markdown' });
    await expect(markdown).toMatchFileSnapshot(file);
  });
});
