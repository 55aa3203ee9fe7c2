import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { call, must } from './support/api';
import { metWithFigures, rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { submitAndFinalise } from './support/reviewer';

const guards = {
  actionRequired: 'Fit guards to both lathes and train the instructors in their use.',
  closingEvidence: 'Photos of the guards in place; the training register signed by each instructor.',
};

/** The screen at the laptop size inspectors use, kept for people to look at. */
async function shot(page: Page, target: Locator, name: string) {
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -8));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/**
 * Issue 16, point 2 (and the Save alignment of point 8): the inspector writes each non-conformity's
 * corrective action — what to do and the evidence that will close it — on the draft, starting from a
 * suggestion made from the finding and the note; finalising issues the actions with those words; the
 * workspace and the institution page show them with the criterion in the reader's language.
 */
test('corrective actions written on a draft are issued at finalisation and shown in English and Bangla', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { seeded, id } = await test.step('a draft inspection with a major and a minor non-conformity', async () => {
    const seeded = await seedInstitution(host);
    const { id } = await startAssessment(host, seeded);
    // IF-03 (critical) partly met: a major non-conformity with a note; GQ-02 partly met: minor, no note.
    await rateAll(host, id, (criterionId) =>
      criterionId === 'IF-03'
        ? { rating: 1, note: 'Machine guards missing on two lathes.', evidenceSeen: ['OBS'] }
        : criterionId === 'GQ-02'
          ? { rating: 1, evidenceSeen: ['DOC'] }
          : metWithFigures(criterionId),
    );
    return { seeded, id };
  });

  // The panel and its forms (found again whenever used).
  const panel = page.locator('.actions-panel');
  const count = panel.locator('.finding-actions__count');
  const ifForm = panel.getByRole('article', { name: 'IF-03 Occupational safety and health in workshops' });
  const gqForm = panel.getByRole('article', { name: 'GQ-02 Governing body and multi-year development plan' });
  const ifRequired = ifForm.getByLabel('Required action');
  const ifClosing = ifForm.getByLabel('Evidence that will close it');

  const total = await test.step('the panel suggests an action for each finding', async () => {
    // Besides these two, the figures metWithFigures gives leave a few outcome indicators as findings too.
    const total = (await must(host, 'corrective-actions:findings', { assessmentId: id })).items.length;
    expect(total).toBeGreaterThanOrEqual(2);
    await open(page, host, `#/assessments/${id}`);
    await page.getByRole('button', { name: 'Corrective actions' }).click();
    await expect(panel.getByRole('heading', { name: 'Actions for the non-conformities found' })).toBeVisible();
    await expect(count).toHaveText(`0 of ${total} actions written`);
    await expect(ifForm.getByText('due 90 days after finalisation')).toBeVisible();
    await expect(gqForm.getByText('due 365 days after finalisation')).toBeVisible();

    // The form starts from the suggestion: the finding (criterion) and the inspector's note.
    await expect(ifRequired).toHaveValue(
      'Put right what the inspection found under “IF-03 Occupational safety and health in workshops”: Machine guards missing on two lathes.',
    );
    await expect(ifClosing).toHaveValue(
      'Evidence that “IF-03 Occupational safety and health in workshops” is now met, seen by the inspectors: Direct observation / walk-through, Records sample, Interview: learners/graduates.',
    );
    await expect(ifForm.getByText('Not written yet: suggestion from the finding')).toBeVisible();
    return total;
  });

  await test.step('a required action cannot be saved empty', async () => {
    // A required action cannot be saved empty; the field says why.
    await ifRequired.fill('   ');
    await ifForm.getByRole('button', { name: 'Save action' }).click();
    await expect(ifForm.getByText('This field is required.')).toBeVisible();
    await expect(ifRequired).toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('the inspector writes one action and accepts the other suggestion', async () => {
    // The inspector's own words.
    await ifRequired.fill(guards.actionRequired);
    await ifClosing.fill(guards.closingEvidence);
    await ifForm.getByRole('button', { name: 'Save action' }).click();
    await expect(count).toHaveText(`1 of ${total} actions written`);
    await expect(ifForm.getByText('Written', { exact: true })).toBeVisible();
    await expect(ifForm.getByLabel('Required action')).toHaveValue(guards.actionRequired);
    // Accepting the suggestion is one click.
    await gqForm.getByRole('button', { name: 'Save action' }).click();
    await expect(count).toHaveText(`2 of ${total} actions written`);
    await shot(page, panel, 'inspector-day-actions-draft-en');
    await expectAccessible(page, 'corrective actions written on a draft');

    const findings = await must(host, 'corrective-actions:findings', { assessmentId: id });
    expect(findings.items.find((f) => f.criterionId === 'IF-03')).toMatchObject(guards);
    expect(findings.items.find((f) => f.criterionId === 'GQ-02')?.actionRequired).toBe(
      'Put right what the inspection found under “GQ-02 Governing body and multi-year development plan”.',
    );
  });

  await test.step("the panel in Bangla keeps the inspector's words", async () => {
    // In Bangla: Bangla labels and criterion titles; the inspector's words as written.
    await page.getByLabel('Language').selectOption('bn');
    await expect(panel.getByRole('heading', { name: 'পাওয়া অসঙ্গতিগুলোর জন্য পদক্ষেপ' })).toBeVisible();
    const ifFormBn = panel.getByRole('article', { name: 'IF-03 ওয়ার্কশপে পেশাগত স্বাস্থ্য ও নিরাপত্তা' });
    await expect(ifFormBn.getByLabel('প্রয়োজনীয় পদক্ষেপ')).toHaveValue(guards.actionRequired);
    await expect(ifFormBn.getByText('লেখা হয়েছে', { exact: true })).toBeVisible();
    await shot(page, panel, 'inspector-day-actions-draft-bn');
    await expectAccessible(page, 'corrective actions written on a draft, in Bangla');
    await page.getByLabel('ভাষা').selectOption('en');
  });

  await test.step('finalised: the words are locked, owner and status still change', async () => {
    // Finalised: the actions carry those words; they can no longer change, owner and status still can.
    await submitAndFinalise(host, id);
    const refused = await call(host, 'corrective-actions:write', {
      assessmentId: id,
      criterionId: 'IF-03',
      programmeId: null,
      text: { actionRequired: 'Other words.', closingEvidence: 'Other proof.' },
      previous: guards,
    });
    expect(!refused.ok && refused.error.code).toBe('locked');
    await page.reload();
    await page.getByRole('button', { name: 'Corrective actions' }).click();
    await expect(panel.getByRole('heading', { name: 'Actions for the non-conformities found' })).toHaveCount(0);
    const raised = panel.locator('.action-row').filter({ hasText: 'IF-03' });
    await expect(raised.locator('.action-row__text')).toContainText(guards.actionRequired);
    await expect(raised.locator('.action-row__text')).toContainText(guards.closingEvidence);
    await expect(raised).toContainText('Occupational safety and health in workshops');

    // Point 8: the Save button sits at the right end of the form, below the last field, not in a grid cell.
    const form = raised.locator('form');
    const save = form.getByRole('button', { name: 'Save' });
    const [formBox, saveBox, responseBox] = await Promise.all([
      form.boundingBox(),
      save.boundingBox(),
      form.getByLabel('Institution’s response').boundingBox(),
    ]);
    expect(Math.abs(formBox!.x + formBox!.width - (saveBox!.x + saveBox!.width))).toBeLessThan(2);
    expect(saveBox!.y).toBeGreaterThan(responseBox!.y + responseBox!.height);
    await form.getByLabel('Owner').fill('Workshop superintendent');
    await form.getByLabel('Status').selectOption('in-progress');
    await save.click();
    await expect(panel.locator('.action-row').filter({ hasText: 'IF-03' }).getByLabel('Owner')).toHaveValue('Workshop superintendent');
    await shot(page, panel.locator('.action-row').filter({ hasText: 'IF-03' }), 'inspector-day-actions-finalised-en');
    await expectAccessible(page, 'corrective actions of a finalised inspection');
  });

  await test.step('the institution page lists the open action in both languages', async () => {
    // The institution page: the criterion in the reader's language and the required action.
    await open(page, host, `#/institutions/${seeded.institutionId}`);
    const open_ = page.locator('table.open-actions');
    const ifRow = open_.locator('tr').filter({ hasText: 'IF-03' });
    await expect(ifRow).toContainText('Occupational safety and health in workshops');
    await expect(ifRow).toContainText(guards.actionRequired);
    await expect(ifRow).toContainText('Workshop superintendent');
    await shot(page, open_, 'inspector-day-actions-institution-en');
    await expectAccessible(page, 'institution page with open corrective actions');
    await page.getByLabel('Language').selectOption('bn');
    await expect(page.getByRole('columnheader', { name: 'প্রয়োজনীয় পদক্ষেপ' })).toBeVisible();
    await expect(ifRow).toContainText('ওয়ার্কশপে পেশাগত স্বাস্থ্য ও নিরাপত্তা');
    await expect(ifRow).not.toContainText('Occupational safety and health in workshops');
    await expect(ifRow).toContainText(guards.actionRequired);
    await shot(page, open_, 'inspector-day-actions-institution-bn');
    await expectAccessible(page, 'institution page with open corrective actions, in Bangla');
    await page.getByLabel('ভাষা').selectOption('en');
  });
});
