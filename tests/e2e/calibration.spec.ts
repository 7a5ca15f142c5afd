/**
 * An instructor checks the memory model against a class with months of activity: predicted vs
 * remembered, per section and per band of prediction.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { createAssignment, createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

test('an instructor sees how well predicted recall matches what the class remembered', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signInAndWait(page, INSTRUCTOR);
  const className = `Calibrated ${testInfo.project.name} ${Date.now() % 100000}`;
  const { classUrl, code } = await createClass(page, className);
  await createAssignment(page, { dueDate: utcDatePlusDays(5) });
  await expect(page.getByTestId('calibration-link')).toBeVisible();
  await page.getByTestId('calibration-link').click();
  await expect(page.getByTestId('calibration-empty')).toBeVisible();

  const emails: string[] = [];
  for (const i of [0, 1]) {
    const student = await (await browser.newContext()).newPage();
    const email = uniqueEmail(`cal${i}`);
    await signUp(student, `Cal Student ${i}`, email);
    await student.goto('/join');
    await student.getByLabel('Class code').fill(code);
    await student.getByRole('button', { name: 'Continue' }).click();
    await student.getByRole('button', { name: 'Join class' }).click();
    await expect(student.getByTestId('join-done')).toBeVisible();
    await student.context().close();
    emails.push(email);
  }
  // Five months of reviews for both, ending two days ago, through the real grade path.
  execFileSync('npx', ['tsx', '--conditions', 'react-server', 'tests/support/seed-simulated-history.mts', 'data/e2e.db', emails.join(','), '150', '21', '2'], { stdio: 'pipe' });

  await page.goto(`${classUrl}/calibration`);
  await expect(page.getByTestId('calibration-total')).toContainText(/Predicted \d+%, remembered \d+% over [\d,]+ reviews/);
  const sections = page.getByTestId('calibration-sections').locator('tbody tr');
  expect(await sections.count()).toBeGreaterThanOrEqual(3);
  await expect(sections.first()).toContainText('%');
  await expect(page.getByTestId('calibration-bands').locator('tbody tr').first()).toBeVisible();
  if (page.viewportSize()!.width < 500) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }
});
