import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { scopeOf } from '../../shared/assessments/scope';
import type { RatingPatch } from '../../shared/assessments/schema';
import type { RequestOf, ResponseOf, Channel } from '../../shared/ipc/contract';
import type { AppErrorData } from '../../shared/ipc/result';
import type { Criterion } from '../../shared/framework/schema';
import { applicableItems, noFiguresKept, scoredFromFigures } from '../../shared/scoring';
import type { BrowserHost } from './browser-host';

/** One call to the real services of a running browser host, as the renderer makes it. */
export async function call<C extends Channel>(
  host: BrowserHost,
  channel: C,
  request: RequestOf<C>,
): Promise<{ ok: true; value: ResponseOf<C> } | { ok: false; error: AppErrorData }> {
  const response = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, request }),
  });
  return (await response.json()) as { ok: true; value: ResponseOf<C> } | { ok: false; error: AppErrorData };
}

/** Like `call`, for set-up steps that must succeed. */
export async function must<C extends Channel>(host: BrowserHost, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await call(host, channel, request);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Figures the outcome criteria need before an assessment can be submitted. */
const figures: Record<string, RatingPatch['data']> = {
  'OI-03': { cohort_entrants: 60, cohort_completers: 51, cohort_dropouts: 9 },
  'LS-03': { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
};

/** Met, with the figures where a criterion asks for them. */
export const metWithFigures = (criterionId: string): RatingPatch => ({
  rating: 3,
  ...(figures[criterionId] ? { data: figures[criterionId] } : {}),
});

/** Rates every applicable unit through the API (`rating(criterionId)` decides; default Met), so it can be submitted. */
export async function rateAll(
  host: BrowserHost,
  assessmentId: string,
  rating: (criterionId: string) => RatingPatch = metWithFigures,
): Promise<void> {
  const { assessment } = await must(host, 'assessments:get', { id: assessmentId });
  const { framework } = await must(host, 'frameworks:get', { id: assessment.frameworkVersionId });
  const units = applicableItems(framework, scopeOf(assessment.programmes)).filter((u) => u.applicable);
  const criteria = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
  await Promise.all(
    units.map((u) =>
      must(host, 'assessments:save-rating', {
        assessmentId,
        criterionId: u.criterionId,
        programmeId: u.programmeId,
        patch: figuresInsteadOfKey(criteria.get(u.criterionId), { evidenceSeen: ['DOC', 'REC'], ...rating(u.criterionId) }),
      }),
    ),
  );
}

/**
 * A criterion scored from its figures takes no rating key (the services refuse one): its figures, or
 * "no figures kept" where none are given. Both score exactly as the key with those figures used to.
 */
function figuresInsteadOfKey(criterion: Criterion | undefined, patch: RatingPatch): RatingPatch {
  if (criterion === undefined || !scoredFromFigures(criterion) || typeof patch.rating !== 'number') return patch;
  const { rating: _key, ...rest } = patch;
  return { ...rest, data: rest.data ?? noFiguresKept(criterion) };
}

export interface Seeded {
  institutionId: string;
  programmeId: string;
  frameworkVersionId: string;
}

/** An institution with one construction programme (welding, mobility track to Romania), through the API. */
export async function seedInstitution(host: BrowserHost, nameEn = 'Khulna Technical Training Centre'): Promise<Seeded> {
  const institution = await must(host, 'institutions:create', {
    nameEn,
    nameBn: 'খুলনা কারিগরি প্রশিক্ষণ কেন্দ্র',
    registrationBody: 'NSDA',
    registrationNumber: 'NSDA-TTC-0042',
    type: 'technical-training-centre',
    division: 'khulna',
    district: 'Khulna',
    headName: 'Md. Abdul Karim',
    sectors: ['construction'],
  });
  const programme = await must(host, 'programmes:create', {
    institutionId: institution.id,
    input: {
      titleEn: 'Welding (mobility track)',
      titleBn: 'ওয়েল্ডিং (মোবিলিটি ট্র্যাক)',
      sector: 'construction',
      occupation: 'Welder',
      iscoCode: '7212',
      bnqfLevel: '3',
      eqfLevel: '3',
      durationMonths: '',
      annualIntake: '60',
      mobilityTrack: true,
      destinationCountry: 'Romania',
      targetLanguage: 'Romanian',
      targetCefr: 'A2',
      activities: ['welding-cutting'],
    },
  });
  const frameworks = await must(host, 'frameworks:list', {});
  const framework = frameworks.items.find((f) => f.frameworkId === 'bd-eu-tvet') ?? frameworks.items[0];
  if (!framework) throw new Error('No framework installed');
  return { institutionId: institution.id, programmeId: programme.id, frameworkVersionId: framework.id };
}

export async function startAssessment(
  host: BrowserHost,
  seeded: Seeded,
  kind: 'self-assessment' | 'inspection' = 'inspection',
): Promise<ResponseOf<'assessments:create'>> {
  return must(host, 'assessments:create', {
    kind,
    institutionId: seeded.institutionId,
    programmeIds: [seeded.programmeId],
    frameworkVersionId: seeded.frameworkVersionId,
    team:
      kind === 'self-assessment'
        ? [{ name: 'Nasima Begum', role: 'administrator' }]
        : [
            { name: 'Rahima Akter', role: 'lead-inspector' },
            { name: 'Tanvir Hasan', role: 'inspector' },
          ],
    plannedStart: '2026-03-09',
    plannedEnd: '2026-03-11',
    siteVisitDate: kind === 'self-assessment' ? '2026-02-15' : '2026-03-10',
    followsAssessmentId: null,
  });
}

/** Opens a screen of the app by its address (the token was taken from the first address). */
export async function open(page: Page, host: BrowserHost, hash: string): Promise<void> {
  if (!page.url().startsWith(host.origin)) await page.goto(host.url);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

/** Serious and critical axe violations (WCAG 2.1 A/AA) fail the test, each named with its elements. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
