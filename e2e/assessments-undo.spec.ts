import type { Locator, Page } from '@playwright/test';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.locator('.workspace__header').screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function storedRating(host: BrowserHost, id: string, criterionId: string) {
  const { ratings } = await must(host, 'assessments:get', { id });
  return ratings.find((r) => r.criterionId === criterionId && r.programmeId === null);
}

/** The workspace's polite news (undo, redo), without the space that makes a repeated message new. */
async function news(page: Page): Promise<string> {
  return ((await page.getByTestId('workspace-news').textContent()) ?? '').trim();
}

const rated = (card: Locator, name: string) => card.getByRole('radio', { name, exact: true });

// A restart of the host and two languages: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

test('a rating change is undone and redone from the keyboard and by button, saved like any change, while typing keeps its own undo', async ({
  page,
  host,
}) => {
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${id}`);
  const card = page.locator('#unit-GQ-03-institution');
  const saved = page.getByTestId('save-status');
  const undoLine = page.getByTestId('undo-status');

  // Met, then Partially met.
  await card.focus();
  await page.keyboard.press('3');
  await page.keyboard.press('1');
  await expect(rated(card, 'Partially met (1)')).toBeChecked();
  await expect(undoLine).toContainText('GQ-03 rated Partially met');
  await expect(saved).toHaveText('All changes saved');

  // Ctrl+Z puts Met back, through autosave: the services have it too.
  await page.keyboard.press('Control+z');
  await expect(rated(card, 'Met (3)')).toBeChecked();
  await expect(card).toBeFocused();
  await expect.poll(() => news(page)).toBe('Rating of GQ-03 restored to Met');
  await expect(undoLine).toContainText('Rating of GQ-03 restored to Met');
  await expect(saved).toHaveText('All changes saved');
  expect((await storedRating(host, id, 'GQ-03'))?.rating).toBe(3);
  await shot(page, 'assessments-undo-en');
  await expectAccessible(page, 'workspace after undo');

  // Ctrl+Shift+Z and Ctrl+Y redo; Ctrl+Z again.
  await page.keyboard.press('Control+Shift+Z');
  await expect(rated(card, 'Partially met (1)')).toBeChecked();
  await expect.poll(() => news(page)).toBe('Rating of GQ-03 set again to Partially met');
  await page.keyboard.press('Control+z');
  await expect(rated(card, 'Met (3)')).toBeChecked();
  await page.keyboard.press('Control+y');
  await expect(rated(card, 'Partially met (1)')).toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(rated(card, 'Met (3)')).toBeChecked();
  await expect(saved).toHaveText('All changes saved');

  // The undone value is what was stored: it is there after the app restarts.
  await host.restart();
  await page.goto(host.url);
  await open(page, host, `#/assessments/${id}`);
  const again = page.locator('#unit-GQ-03-institution');
  await expect(rated(again, 'Met (3)')).toBeChecked();
  expect((await storedRating(host, id, 'GQ-03'))?.rating).toBe(3);
  // The history belongs to the open workspace: after a restart there is nothing to redo.
  await again.focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => news(page)).toBe('Nothing to redo.');
  await expect(rated(again, 'Met (3)')).toBeChecked();

  // In a text field Ctrl+Z is the browser's own text undo: the typing goes, the rating stays.
  await page.keyboard.press('Enter');
  const notes = again.getByLabel('Notes');
  await expect(notes).toBeFocused();
  // (Pasted in one go, so the browser keeps it as one undo step.)
  await page.keyboard.insertText('Fire extinguisher seen');
  await page.keyboard.type('.');
  await expect(notes).toHaveValue('Fire extinguisher seen.');
  await page.keyboard.press('Control+z');
  await expect(notes).not.toHaveValue('Fire extinguisher seen.');
  await page.keyboard.press('Control+z');
  await expect(notes).toHaveValue('');
  await expect(rated(again, 'Met (3)')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(again).toBeFocused();

  // Typed notes, once the field is left, are one step; then the rating step behind them.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Seen in the workshop');
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await expect(rated(again, 'Largely met (2)')).toBeChecked();

  // The Undo and Redo buttons, for mouse users.
  await undoLine.getByRole('button', { name: 'Undo' }).click();
  await expect(rated(again, 'Met (3)')).toBeChecked();
  await expect(again).toBeFocused();
  await expect(undoLine).toContainText('Rating of GQ-03 restored to Met');
  await undoLine.getByRole('button', { name: 'Undo' }).click();
  await expect(notes).toHaveValue('');
  await expect(undoLine).toContainText('Notes of GQ-03 restored');
  await undoLine.getByRole('button', { name: 'Redo' }).click();
  await expect(notes).toHaveValue('Seen in the workshop');
  await undoLine.getByRole('button', { name: 'Redo' }).click();
  await expect(rated(again, 'Largely met (2)')).toBeChecked();
  await expect(saved).toHaveText('All changes saved');
  const stored = await storedRating(host, id, 'GQ-03');
  expect(stored).toMatchObject({ rating: 2, note: 'Seen in the workshop' });

  // The shortcut help names the keys.
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(page.getByRole('complementary', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Z');
  await page.getByRole('button', { name: 'Close' }).click();

  // In Bangla.
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await again.focus();
  await page.keyboard.press('Control+z');
  await expect(undoLine).toContainText('GQ-03-এর রেটিং ফিরিয়ে আনা হয়েছে: পূরণ হয়েছে');
  await expect(saved).toHaveText('সব পরিবর্তন সংরক্ষিত');
  await shot(page, 'assessments-undo-bn');
  await page.getByLabel('ভাষা').selectOption('en');
});

test('nothing can be undone once the assessment has left draft', async ({ page, host }) => {
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  // Everything answered through the API, so the assessment can be submitted.
  await rateAll(host, id);
  await open(page, host, `#/assessments/${id}`);
  const card = page.locator('#unit-GQ-03-institution');
  await card.focus();
  await page.keyboard.press('1');
  await expect(page.getByTestId('undo-status')).toContainText('GQ-03 rated Partially met');

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('Submitted for review');
  await expect(page.getByTestId('undo-status')).toHaveCount(0);
  await card.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => news(page)).toBe('Nothing can be undone: the assessment is no longer a draft.');
  await expect(card.getByRole('radio', { name: 'Partially met (1)', exact: true })).toBeChecked();
  expect((await storedRating(host, id, 'GQ-03'))?.rating).toBe(1);
});
