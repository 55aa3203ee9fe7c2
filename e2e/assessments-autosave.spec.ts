import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';

const note =
  'Registration certificate seen: NSDA-TTC-0042, valid to June 2027.\nনিবন্ধন সনদ দেখা হয়েছে; মেয়াদ জুন ২০২৭ পর্যন্ত।  Two spaces kept.';

test('a typed note survives the app being killed: reopening shows exactly what was typed', async ({ page, host }) => {
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${id}`);
  const card = page.locator('#unit-GQ-01-institution');
  await expect(card).toHaveClass(/criterion--current/);

  // Enter goes from the criterion into its notes; typing there is never a shortcut (digits, n, j stay text).
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByLabel('Notes')).toBeFocused();
  await page.keyboard.type(note);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(card.getByRole('radio', { name: 'Met (3)' })).not.toBeChecked();

  // Killed without warning, like a crash or a power cut.
  await host.kill();
  // The indicator tells the truth when the app is gone.
  await page.keyboard.type(' More.');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved — retrying');

  await host.start();
  await page.goto(host.url);
  await open(page, host, `#/assessments/${id}`);
  await expect(page.locator('#unit-GQ-01-institution').getByLabel('Notes')).toHaveValue(note);
  const stored = await must(host, 'assessments:get', { id });
  expect(stored.ratings.find((r) => r.criterionId === 'GQ-01')?.note).toBe(note);
});

test('changes typed while the app cannot be reached come back when the assessment is reopened', async ({ page, host, context }) => {
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${id}`);
  const card = page.locator('#unit-GQ-01-institution');
  await card.focus();
  await page.keyboard.press('3');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // The connection to the services drops; the inspector keeps typing, then the window is lost.
  await context.route('**/api/invoke', (route) => route.abort('connectionrefused'));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Typed while the app was unreachable.');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved — retrying');
  await page.close();
  await context.unroute('**/api/invoke');

  const again = await context.newPage();
  await again.bringToFront();
  await again.goto(host.url);
  await open(again, host, `#/assessments/${id}`);
  await expect(again.getByText('1 change typed in an earlier session')).toBeVisible();
  await expect(again.locator('#unit-GQ-01-institution').getByLabel('Notes')).toHaveValue('Typed while the app was unreachable.');
  await expect(again.getByTestId('save-status')).toHaveText('All changes saved');
  const stored = await must(host, 'assessments:get', { id });
  expect(stored.ratings.find((r) => r.criterionId === 'GQ-01')).toMatchObject({ rating: 3, note: 'Typed while the app was unreachable.' });

  // Search finds criteria by Bangla words and by ids typed with Bengali digits.
  await again.getByLabel('Search criteria').fill('নিবন্ধন');
  await expect(again.locator('article.criterion').first()).toHaveAttribute('data-unit', 'GQ-01@');
  await again.getByLabel('Search criteria').fill('oi-০৩');
  await expect(again.getByRole('heading', { name: '1 matching criterion' })).toBeVisible();
  await expect(again.locator('article.criterion')).toHaveAttribute('data-unit', /^OI-03@/);
  await again.getByRole('button', { name: 'Clear filters' }).click();

  // Submitting too early is refused with the services' own list of what is missing, each a way back to it.
  await again.getByRole('button', { name: 'Submit for review' }).click();
  // 72 criteria unrated, and GQ-01 (critical) "Met" with no observation or record needs its override reason.
  const refusal = again.getByRole('alert').filter({ hasText: 'Not ready to submit: 73 items still to do' });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: /^GQ-02 / }).click();
  await expect(again.locator('#unit-GQ-02-institution')).toBeFocused();
  await expect(again.getByTestId('assessment-status')).toHaveText('Draft');
});
