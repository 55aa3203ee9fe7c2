import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import type { BrowserHost } from './support/browser-host';
import { toBengaliDigits } from '../shared/validation/digits';

const { en, bn } = catalogues;

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

/** An institution registered for construction only (through the API), so the sector default can be seen. */
async function constructionInstitution(host: BrowserHost): Promise<string> {
  const institution = await must(host, 'institutions:create', {
    nameEn: 'Rajshahi Construction Skills Centre',
    registrationBody: 'BTEB',
    registrationNumber: 'BTEB-RTO-0077',
    type: 'technical-training-centre',
    division: 'rajshahi',
    district: 'Rajshahi',
    sectors: ['construction'],
  });
  return institution.id;
}

for (const language of ['en', 'bn'] as const) {
  const c = catalogues[language];
  const field = c.programmes.fields;
  // Numbers on a Bangla screen are in Bengali digits (issue 14).
  const digits = (n: number) => (language === 'bn' ? toBengaliDigits(String(n)) : String(n));

  /** Issue 16, point 6: a click is never lost, all problems at once, the institution's sector first. */
  test(`the programme form keeps the click, shows every problem at once and starts in the institution's sector (${language})`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const institutionId = await constructionInstitution(host);
    await open(page, host, '#/institutions');
    if (language === 'bn') await page.locator('#language-select').selectOption('bn');
    await open(page, host, `#/institutions/${institutionId}/programmes/new`);
    await expect(page.getByRole('heading', { name: c.programmes.newTitle })).toBeVisible();

    // The institution teaches construction only: a new programme starts there, not in ICT.
    await expect(page.getByRole('combobox', { name: field.sector, exact: true })).toHaveValue('construction');

    // A wrong annual intake, then straight to the mobility checkbox: leaving the number shows its
    // message, and the click where the checkbox was still lands on it.
    const intake = page.getByLabel(field.annualIntake);
    await intake.fill('sixty');
    const mobility = page.getByLabel(field.mobilityTrack);
    await mobility.scrollIntoViewIfNeeded();
    await expect(intake).toBeFocused();
    const box = (await mobility.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('#annualIntake-error')).toHaveText(c.validation.number);
    await expect(mobility).toBeChecked();
    expect((await mobility.boundingBox())!.y).toBeCloseTo(box.y, 0);

    // Save: the number's problem and the three mobility problems are all flagged together.
    await page.getByRole('button', { name: c.common.save }).click();
    await expect(page.locator('#annualIntake-error')).toHaveText(c.validation.number);
    for (const id of ['destinationCountry', 'targetLanguage', 'targetCefr']) {
      await expect(page.locator(`#${id}-error`)).toHaveText(c.validation.requiredForMobility);
    }
    await expect(page.locator('#titleEn-error')).toHaveText(c.validation.required);
    await shot(page, `inspector-day-forms-problems-${language}`);
    await expectAccessible(page, `programme form with problems (${language})`);
  });

  /** Issue 16, point 6: a length limit is said and the field stops accepting beyond it. */
  test(`a text field says its length limit and stops at it (${language})`, async ({ page, host }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const institutionId = await constructionInstitution(host);
    await open(page, host, '#/institutions');
    if (language === 'bn') await page.locator('#language-select').selectOption('bn');
    await open(page, host, `#/institutions/${institutionId}/programmes/new`);
    // The occupation is free text (destination and language are closed lists since issue 14).
    const target = page.locator('#occupation');
    await target.click();
    // While in use the field says its limit.
    await expect(page.locator('#occupation-aside')).toHaveText(c.form.length.replace('{{n}}', digits(0)).replace('{{max}}', digits(200)));
    await target.pressSequentially('Romanian '.repeat(23));
    await expect(target).toHaveValue('Romanian '.repeat(23).slice(0, 200));
    await expect(page.locator('#occupation-aside')).toHaveText(c.form.length.replace('{{n}}', digits(200)).replace('{{max}}', digits(200)));
    // Pasted text is cut at the limit too.
    await target.fill('');
    await target.evaluate((el: HTMLInputElement) => el.focus());
    await page.keyboard.insertText('x'.repeat(250));
    await expect(target).toHaveValue('x'.repeat(200));
    await shot(page, `inspector-day-forms-limit-${language}`);
    await expectAccessible(page, `programme form at a length limit (${language})`);
  });

  /** Issue 16, point 6: leaving a form with unsaved changes asks first; saving leaves without asking. */
  test(`leaving a form with unsaved changes asks first (${language})`, async ({ page, host }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    if (language === 'bn') await page.locator('#language-select').selectOption('bn');
    await open(page, host, '#/institutions/new');
    await expect(page.getByRole('heading', { name: c.institutions.newTitle })).toBeVisible();
    // Nothing typed yet: leaving does not ask.
    await page.getByRole('navigation', { name: c.app.mainNav }).getByRole('link', { name: c.app.navInstitutions }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await open(page, host, '#/institutions/new');

    await page.getByLabel(c.institutions.fields.nameEn).fill('Sylhet Hospitality Institute');
    await page.getByRole('navigation', { name: c.app.mainNav }).getByRole('link', { name: c.app.navInstitutions }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(c.form.unsaved);
    await shot(page, `inspector-day-forms-unsaved-${language}`);
    await expectAccessible(page, `unsaved changes question (${language})`);
    // Stay: the form and what was typed are still there.
    await dialog.getByRole('button', { name: c.common.cancel }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/institutions\/new$/);
    await expect(page.getByLabel(c.institutions.fields.nameEn)).toHaveValue('Sylhet Hospitality Institute');
    // The form's own Cancel asks too; this time leave.
    await page.getByRole('link', { name: c.common.cancel }).click();
    await dialog.getByRole('button', { name: c.form.leaveWithoutSaving }).click();
    await expect(page).toHaveURL(/#\/institutions$/);
    await expect(page.getByRole('heading', { name: c.institutions.title, exact: true })).toBeVisible();

    // Saved changes leave without a question.
    await open(page, host, '#/institutions/new');
    await page.getByLabel(c.institutions.fields.nameEn).fill('Sylhet Hospitality Institute');
    await page.locator('#division').selectOption('sylhet');
    await page.getByRole('combobox', { name: c.institutions.fields.district, exact: true }).selectOption('sylhet');
    await page.getByLabel(c.institutions.fields.registrationNumber).fill('BTEB-0099');
    await page.getByRole('button', { name: c.common.save }).click();
    await expect(page.getByRole('heading', { name: 'Sylhet Hospitality Institute' })).toBeVisible();
    await expect(page.getByRole('dialog')).toBeHidden();

    // Closing the browser tab with unsaved changes gets the browser's own question.
    await open(page, host, '#/institutions/new');
    await page.getByLabel(c.institutions.fields.nameEn).fill('Unsaved');
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });
}

test('the catalogues have the form messages in both languages', () => {
  expect(bn.form.unsaved).not.toBe(en.form.unsaved);
});
