import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingPatchSchema } from '../../shared/assessments/schema';
import { channels, contract, type Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { AppServices } from './app-services';
import { bundledFrameworksDir } from './assessments/test-fixtures';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { REQUEST_BOUNDS } from './request-bounds';
import { openTestServices } from './test-support/services';

/**
 * Issue 12, point 3: every channel of the contract gets malformed requests — wrong types, missing
 * fields, huge strings, deep nesting, huge arrays and objects, `__proto__`/`constructor` keys,
 * non-finite numbers, control characters — through the dispatcher the hosts use, over real services on
 * a real data folder. Each must be refused as a validation error that does not echo the request at
 * length, and leave the database and the data folder exactly as they were.
 *
 * Requests are made malformed from a minimal valid request per channel (its seed), so "refused" is only
 * asserted where a request is truly malformed: a list channel's `{}` is valid and never sent. A channel
 * added to the contract without a seed fails the first test (and the type check).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Seeds = Record<Channel, { [key: string]: Json }>;

const MARKER = 'HOSTILE-INPUT-MARKER';
const uuid = '6f1c2b1e-3c44-4c8e-9a55-0b7f2a1d9e01';
const filters = {};

let s: AppServices;
let dispatch: Dispatch;
let seeds: Seeds;
let dataDir: string;

beforeAll(async () => {
  // Made here, not with tempDir(): that one is emptied after every test, and this folder serves them all.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-hostile-'));
  s = openTestServices({ bundledFrameworksDir, dataDir });
  s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA', onboarded: true });
  const sample = await s.sample.create();
  const { assessment } = s.assessments.get(sample.assessmentId);
  const programme = assessment.programmes[0]!.id;
  const item = s.evidence.list(assessment.id).items[0]!;
  const version = s.frameworks.list()[0]!.id;
  const identity = s.identities.createSelfSigned({
    name: 'Farida Yasmin',
    role: 'Lead inspector',
    organisation: 'NSDA',
    passphrase: 'trial passphrase',
  }).id;
  const institution = sample.institutionId;
  const id = assessment.id;
  const team = [{ name: 'Farida Yasmin', role: 'lead-inspector' }];
  const institutionInput = {
    nameEn: 'Sylhet TTC',
    registrationBody: 'NSDA',
    registrationNumber: 'N-1',
    type: 'technical-training-centre',
    division: 'sylhet',
    district: 'Sylhet',
    sectors: [],
  };
  const programmeInput = {
    titleEn: 'Welding',
    sector: 'construction',
    occupation: 'Welder',
    iscoCode: '7212',
    mobilityTrack: false,
    targetCefr: '',
    activities: [],
  };
  dispatch = createDispatcher(createHandlers(s, 'browser'));
  seeds = {
    'app:info': {},
    'settings:get': {},
    'settings:update': {},
    'institutions:list': {},
    'institutions:get': { id: institution },
    'institutions:create': institutionInput,
    'institutions:update': { id: institution, revision: 0, input: institutionInput },
    'institutions:set-archived': { id: institution, revision: 0, archived: true },
    'programmes:create': { institutionId: institution, input: programmeInput },
    'programmes:update': { id: programme, revision: 0, input: programmeInput },
    'programmes:set-archived': { id: programme, revision: 0, archived: true },
    'frameworks:list': {},
    'frameworks:get': { id: version },
    'frameworks:check-file': { fileName: 'standards.json', contentBase64: 'e30=' },
    'frameworks:import-file': { fileName: 'standards.json', contentBase64: 'e30=' },
    'frameworks:export': { id: version, format: 'json' },
    'frameworks:compare': { olderId: version, newerId: version },
    'assessments:list': {},
    'assessments:get': { id },
    'assessments:create': {
      kind: 'inspection',
      institutionId: institution,
      programmeIds: [programme],
      frameworkVersionId: version,
      team,
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
    'assessments:update-details': { id, revision: 0, team, plannedStart: '', plannedEnd: '', siteVisitDate: '' },
    'assessments:save-rating': { assessmentId: id, criterionId: 'IF-03', programmeId: null, patch: { rating: 2, note: 'Seen.' } },
    'assessments:submit': { id, revision: 0 },
    'assessments:return-to-draft': { id, revision: 0, reason: 'Evidence is missing.' },
    'assessments:finalise': { id, revision: 0 },
    'assessments:reopen': { id, reason: 'A finding was wrong.' },
    'assessments:change-framework': { id, revision: 0, frameworkVersionId: version, apply: true },
    'assessments:gap': { selfId: id, inspectionId: id },
    'corrective-actions:list': {},
    'corrective-actions:findings': { assessmentId: id },
    'corrective-actions:write': {
      assessmentId: id,
      criterionId: 'IF-03',
      programmeId: null,
      text: { actionRequired: 'Fit guards to both lathes.', closingEvidence: 'Photos of the guards in place.' },
      previous: { actionRequired: '', closingEvidence: '' },
    },
    'corrective-actions:update': { id: uuid, revision: 0, update: { dueDate: '', status: 'open' } },
    'corrective-actions:verify': { id: uuid, revision: 0, followUpAssessmentId: id, closed: false, note: 'Not yet.' },
    'accreditation:assessment': { assessmentId: id },
    'accreditation:countersign': { assessmentId: id, revision: 0 },
    'accreditation:lodge-appeal': {
      assessmentId: id,
      receivedOn: '2026-03-12',
      grounds: 'The workshop was closed.',
      lodgedBy: 'Principal',
    },
    'accreditation:decide-appeal': {
      appealId: uuid,
      revision: 0,
      decision: 'rejected',
      decidedOn: '2026-03-20',
      outcomeNote: 'Grounds not shown.',
    },
    'accreditation:institution': { institutionId: institution },
    'accreditation:standings': {},
    'signing:identities:list': {},
    'signing:identities:create': { name: 'Rahima', role: 'Inspector', organisation: 'NSDA', passphrase: 'long passphrase' },
    'signing:identities:import': { role: 'Inspector', p12Base64: 'AAAA', passphrase: '' },
    'signing:roots:list': {},
    'signing:roots:add': { pem: '-----BEGIN CERTIFICATE-----' },
    'evidence:list': { assessmentId: id },
    'evidence:upload-chunk': { uploadId: null, offset: 0, chunkBase64: 'AAAA' },
    'evidence:attach': { assessmentId: id, links: [], evidenceType: 'DOC', files: [{ name: 'a.txt', contentBase64: 'QUJD' }] },
    'evidence:attach-from-dialog': { assessmentId: id, links: [], evidenceType: 'DOC' },
    'evidence:update': { itemId: item.id, revision: item.revision, evidenceType: 'DOC' },
    'evidence:link': { itemId: item.id, revision: item.revision, links: [{ criterionId: 'IF-03', programmeId: null }] },
    'evidence:remove': { itemId: item.id, revision: item.revision, from: null },
    'evidence:thumbnail': { itemId: item.id },
    'evidence:content': { itemId: item.id },
    'evidence:open-external': { itemId: item.id },
    'evidence:verify-all': { assessmentId: null },
    'reports:preview': { assessmentId: id, language: 'en', identityId: null },
    'reports:sign': { assessmentId: id, language: 'en', identityId: identity, passphrase: 'trial passphrase' },
    'reports:list': { assessmentId: id },
    'reports:file': { sha256: 'a'.repeat(64) },
    'reports:verify': { pdfBase64: 'JVBERi0=' },
    'sample:create': {},
    'packages:export': { scope: { kind: 'institution', institutionId: institution }, identityId: identity, passphrase: 'trial passphrase' },
    'packages:job': { jobId: uuid },
    'packages:download-chunk': { exportId: uuid, offset: 0 },
    'packages:save-as': { exportId: uuid },
    'packages:upload-chunk': { uploadId: null, offset: 0, chunkBase64: 'AAAA' },
    'packages:open-from-dialog': { folder: false },
    'packages:preview': { uploadId: uuid },
    'packages:apply': { uploadId: uuid, choices: [] },
    'packages:discard': { uploadId: uuid },
    'packages:history': {},
    'head-office:options': {},
    'head-office:offer': { filters },
    'head-office:outcomes': { filters },
    'head-office:improvement': { filters },
    'head-office:actions': { filters },
    'head-office:training-needs': { filters },
    'head-office:institution-trend': { institutionId: institution, filters },
    'head-office:export': { filters, table: 'offer-sector', format: 'csv', language: 'en' },
    'backups:list': {},
    'backups:create': {},
    'backups:restore': { backupId: '20250310T081500123Z-manual' },
    'backups:delete': { backupId: '20250310T081500123Z-manual' },
  } satisfies Seeds;
}, 120_000);

afterAll(() => {
  s?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// ---- what a malformed request looks like ------------------------------------------------------------

type Path = (string | number)[];

function nodes(value: Json, at: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path: at, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes(v, [...at, k], out);
  return out;
}

/** A deep copy with the node at `at` replaced (root: the whole request). */
function replaced(seed: Json, at: Path, make: (old: Json) => unknown): unknown {
  if (at.length === 0) return make(seed);
  const copy = structuredClone(seed) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  parent[last] = make(parent[last] as Json);
  return copy;
}

const kind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value of another kind than the one the seed holds there: never what the field's schema takes. */
const wrongTypeFor = (old: Json): fc.Arbitrary<unknown> => {
  const choices: Record<string, unknown[]> = {
    string: [{}, [], true, 7],
    number: [{}, [], true, 'seven'],
    boolean: [{}, [], 'yes', 1],
    null: [{}, [], true, 1],
    array: ['x', 1, true, {}],
    object: ['x', 1, true, []],
  };
  return fc.constantFrom(...choices[kind(old)]!);
};

const hugeString = fc.integer({ min: 20_001, max: 300_000 }).map((n) => `${MARKER}${'!'.repeat(n)}`);
const deepValue = fc.tuple(fc.integer({ min: REQUEST_BOUNDS.depth + 1, max: 50_000 }), fc.boolean()).map(([depth, asObject]) => {
  let value: unknown = MARKER;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
});
const hugeArray = fc.integer({ min: 1_001, max: 300_000 }).map((n) => new Array<number>(n).fill(0));
const hugeObject = fc.integer({ min: REQUEST_BOUNDS.keysPerObject + 1, max: 20_000 }).map((n) => {
  const value: Record<string, number> = {};
  for (let i = 0; i < n; i++) value[`${MARKER}-${i}`] = i;
  return value;
});
const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const controlChar = fc
  .integer({ min: 0, max: 0x20 })
  .filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x20)
  .map((c) => String.fromCharCode(c))
  .chain((c) => fc.constantFrom(c, '\u007f'));

/** One malformed request made from a seed, and what kind of malformation it is (for the failure message). */
function malformed(seed: { [key: string]: Json }): fc.Arbitrary<{ what: string; request: unknown }> {
  const all = nodes(seed);
  const inner = all.filter((n) => n.path.length > 0);
  const strings = all.filter((n) => typeof n.value === 'string');
  const objects = all.filter((n) => kind(n.value) === 'object');
  const topKeys = Object.keys(seed);
  const at = (list: typeof all) => fc.constantFrom(...list);
  const options: fc.Arbitrary<{ what: string; request: unknown }>[] = [
    fc
      .oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }))
      .map((v) => ({ what: 'not an object', request: v })),
    at(all).chain((n) => hugeString.map((v) => ({ what: `huge string at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) }))),
    at(all).chain((n) => deepValue.map((v) => ({ what: `deep nesting at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) }))),
    at(all).chain((n) => hugeArray.map((v) => ({ what: `huge array at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) }))),
    at(all).chain((n) => hugeObject.map((v) => ({ what: `huge object at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) }))),
    at(objects).chain((n) =>
      fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => ({
        what: `${key} key at ${n.path.join('.')}`,
        request: replaced(seed, n.path, (old) => {
          const copy = JSON.parse(JSON.stringify(old)) as Record<string, unknown>;
          Object.defineProperty(copy, key, { value: { polluted: MARKER }, enumerable: true, configurable: true, writable: true });
          return copy;
        }),
      })),
    ),
    at(all).chain((n) => nonFinite.map((v) => ({ what: `${v} at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) }))),
  ];
  if (inner.length > 0) {
    options.push(
      at(inner).chain((n) =>
        wrongTypeFor(n.value).map((v) => ({ what: `wrong type at ${n.path.join('.')}`, request: replaced(seed, n.path, () => v) })),
      ),
    );
  }
  if (topKeys.length > 0) {
    options.push(
      fc.constantFrom(...topKeys).map((key) => {
        const { [key]: _gone, ...rest } = seed;
        return { what: `missing ${key}`, request: rest };
      }),
    );
  }
  options.push(
    strings.length > 0
      ? at(strings).chain((n) =>
          fc.tuple(controlChar, fc.nat()).map(([c, i]) => ({
            what: `control character ${JSON.stringify(c)} in ${n.path.join('.')}`,
            request: replaced(seed, n.path, (old) => {
              const text = String(old);
              const cut = i % (text.length + 1);
              return `${text.slice(0, cut)}${c}${text.slice(cut)}`;
            }),
          })),
        )
      : controlChar.map((c) => ({ what: 'control character in an extra field', request: { ...seed, note: `a${c}b` } })),
  );
  return fc.oneof(...options);
}

// ---- what must hold ---------------------------------------------------------------------------------

function changeCount(): number {
  return s.db.prepare<[], number>('SELECT count(*) FROM change_log').pluck().get()!;
}

/** Every table's rows (in a stable order) and every file in the data folder with its size. */
function snapshot(): string {
  const hash = createHash('sha256');
  const tables = s.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  for (const t of tables) {
    const rows = s.db
      .prepare(`SELECT * FROM "${t}"`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
    hash.update(`${t}\n${rows.join('\n')}\n`);
  }
  for (const f of (fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const stat = fs.statSync(path.join(dataDir, f));
    // The database files change size with checkpoints; their content is compared above.
    if (stat.isFile() && !/tvet-inspector\.db(-wal|-shm)?$/.test(f)) hash.update(`${f} ${stat.size}\n`);
  }
  return hash.digest('hex');
}

async function refused(channel: Channel, request: unknown, what: string): Promise<void> {
  const before = changeCount();
  const result: Result<unknown> = await dispatch(channel, request);
  const text = JSON.stringify(result);
  expect(result.ok, `${channel}: ${what} was accepted`).toBe(false);
  if (!result.ok) expect(result.error.code, `${channel}: ${what} → ${text.slice(0, 300)}`).toBe('validation');
  expect(text.length, `${channel}: ${what} echoed ${text.length} characters`).toBeLessThan(8_192);
  expect(text, `${channel}: ${what} echoed the request`).not.toContain(MARKER);
  expect(changeCount(), `${channel}: ${what} wrote to the change log`).toBe(before);
}

describe('hostile input on every channel', () => {
  it('has a valid minimal request for every channel of the contract, and each of its fields is required', () => {
    expect(Object.keys(seeds).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      const schema = contract[channel].request;
      const seed = seeds[channel];
      const parsed = schema.safeParse(seed);
      expect(parsed.success, `${channel}: its seed is not valid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      for (const key of Object.keys(seed)) {
        const { [key]: _gone, ...rest } = seed;
        expect(schema.safeParse(rest).success, `${channel}: "${key}" is optional; leave it out of the seed`).toBe(false);
      }
    }
  });

  // 80 malformed requests per channel, some of them megabytes: about 30 s for all channels on two cores.
  const runs = Number(process.env.HOSTILE_RUNS ?? 80);
  for (const channel of channels) {
    it(`refuses malformed requests on ${channel} without echoing them or changing anything`, async () => {
      const before = snapshot();
      await fc.assert(
        fc.asyncProperty(malformed(seeds[channel]), async ({ what, request }) => refused(channel, request, what)),
        { numRuns: runs },
      );
      expect(snapshot(), `${channel}: the data folder changed`).toBe(before);
    });
  }
});

describe('the bounds come before parsing', () => {
  it('refuses a rating whose data holds three million keys at the size check, naming the field', async () => {
    const data: Record<string, number> = {};
    for (let i = 0; i < 3_000_000; i++) data[`f${i}`] = i;
    const { assessmentId, criterionId, programmeId } = seeds['assessments:save-rating'] as Record<string, string>;
    const result = await dispatch('assessments:save-rating', { assessmentId, criterionId, programmeId, patch: { data } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'The request is not valid.',
        issues: [{ path: ['patch', 'data'], message: 'validation.tooLong' }],
      },
    });
  });

  it('refuses control characters in notes, corrective-action notes and reasons on the field itself', async () => {
    const rating = seeds['assessments:save-rating'] as Record<string, Json>;
    const bell = await dispatch('assessments:save-rating', { ...rating, patch: { note: 'Fire drill\u0007 seen.' } });
    expect(bell).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'note'], message: 'validation.controlChars' }] } });
    const verify = await dispatch('corrective-actions:verify', { ...seeds['corrective-actions:verify'], note: 'Done\u001b[31m' });
    expect(verify).toMatchObject({ ok: false, error: { issues: [{ path: ['note'], message: 'validation.controlChars' }] } });
    const write = seeds['corrective-actions:write'] as Record<string, Json>;
    const escape = await dispatch('corrective-actions:write', {
      ...write,
      text: { actionRequired: 'Fit guards\u001b[31m now.', closingEvidence: 'Photos.' },
    });
    expect(escape).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['text', 'actionRequired'], message: 'validation.controlChars' }] },
    });
    // The schemas say so too, so the screens' forms show it on the field.
    expect(ratingPatchSchema.safeParse({ note: 'a\u0000b' }).success).toBe(false);
    expect(ratingPatchSchema.safeParse({ note: 'Line one\nLine two\ttabbed\r\n' }).success).toBe(true);
    const reason = contract['assessments:reopen'].request.safeParse({ id: uuid, reason: 'Wrong\u0008 finding' });
    expect(reason.success).toBe(false);
  });

  it('never echoes unknown keys at length', async () => {
    const key = `${MARKER}${'k'.repeat(200)}`;
    const result = await dispatch('assessments:get', { id: uuid, [key]: 1 });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('k'.repeat(60));
    const many: Record<string, number> = { id: 1 };
    for (let i = 0; i < 900; i++) many[`${MARKER}${i}`] = i;
    const text = JSON.stringify(await dispatch('assessments:get', many));
    expect(text.length).toBeLessThan(2_000);
  });
});
