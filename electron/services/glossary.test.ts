import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { bn } from '../../shared/i18n/bn';
import { en } from '../../shared/i18n/en';
import { glossary, glossaryPairViolations, glossaryViolations, renderGlossaryMarkdown } from '../../shared/i18n/glossary';

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

function sourceLines(dir: string, skip: (file: string) => boolean = () => false): Place[] {
  const out: Place[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    // Shipped code only: tests and test fixtures are not what a user reads.
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$|test-fixtures/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (skip(path.relative(root, file))) continue;
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

/** Every English–Bangla pair: catalogue messages by key, and each { en, bn } text of a framework. */
function catalogueFlat(node: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) catalogueFlat(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

interface Pair {
  readonly where: string;
  readonly en: string;
  readonly bn: string;
}

function cataloguePairs(): Pair[] {
  const english = catalogueFlat(en, 'en', new Map());
  return [...catalogueFlat(bn, 'en', new Map())].map(([key, text]) => ({
    where: key.replace(/^en/, 'bn'),
    en: english.get(key) ?? '',
    bn: text,
  }));
}

function frameworkPairs(node: unknown, where: string, out: Pair[]): Pair[] {
  if (Array.isArray(node)) node.forEach((v, i) => frameworkPairs(v, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.en === 'string' && typeof o.bn === 'string') out.push({ where, en: o.en, bn: o.bn });
    for (const [k, v] of Object.entries(o)) frameworkPairs(v, `${where}.${k}`, out);
  }
  return out;
}

function reportPairs(pairs: Pair[]): string[] {
  return pairs.flatMap((p) =>
    glossaryPairViolations(p.en, p.bn).map(
      (v) => `${p.where}: the English says "${v.found}" — glossary "${v.entry.en}" says ${v.entry.bn}: ${p.bn}`,
    ),
  );
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
    // What a forbidden pattern cannot see: a right word in the wrong place. পর্যবেক্ষণ is an observation,
    // so where the English says "findings" the pair check asks for ফাইন্ডিং; the same for "deferred".
    const pairs = reportPairs([
      { where: 'planted.findings', en: 'Look at the score and the findings', bn: 'স্কোর ও পর্যবেক্ষণগুলো দেখুন' },
      { where: 'planted.deferred', en: 'Deferred (not yet)', bn: 'পিছিয়ে দেওয়া (এখনও প্রস্তুত নয়)' },
      { where: 'planted.right', en: 'Every finding with its corrective action ({{n}} deferred)', bn: 'প্রতিটি ফাইন্ডিং ({{n}}টি মুলতবি)' },
    ]);
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toMatch(/^planted\.findings: the English says "findings" — glossary "finding" says ফাইন্ডিং/);
    expect(pairs[1]).toMatch(/^planted\.deferred: the English says "Deferred" — glossary "deferred \(outcome\)" says মুলতবি/);
  });

  it('renders each term with its one Bangla word wherever the English says it: every catalogue message, key by key', () => {
    const pairs = cataloguePairs();
    expect(pairs.length).toBeGreaterThan(1000);
    expect(reportPairs(pairs)).toEqual([]);
  });

  it('renders each term with its one Bangla word wherever the English says it: the newest bundled framework', () => {
    const { file, json } = newestFramework();
    const pairs = frameworkPairs(json, file, []);
    expect(pairs.length).toBeGreaterThan(300);
    expect(reportPairs(pairs)).toEqual([]);
  });

  it('is followed by every other Bangla line of shipped code: reference lists, screens, the desktop menu, the command line', () => {
    // The glossary itself names the replaced words; test support is not shipped.
    const skip = (file: string) => file === 'shared/i18n/glossary.ts' || /test-support|test-fixtures|test-country/.test(file);
    const places = [...sourceLines('shared', skip), ...sourceLines('renderer/src', skip), ...sourceLines('electron', skip)];
    expect(places.length).toBeGreaterThan(100);
    expect(report(places)).toEqual([]);
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
