/** Joining after removal (issue 16): the old link is refused until the instructor lets the student back in. */
import { expect, test } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { createClass, signInAndWait, signUp } from './teach-helpers';

test('a removed student cannot rejoin with the link until let back in', async ({ page, browser }, testInfo) => {
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, `Rejoin seminar ${testInfo.project.name} ${Date.now()}`);
  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  await signUp(student, 'Rory Rejoin', uniqueEmail('rejoin'));
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();

  await page.goto(`${classUrl}/roster`);
  await page.getByTestId('roster').locator('tr', { hasText: 'Rory Rejoin' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByTestId('roster-empty')).toBeVisible();
  const removed = page.getByTestId('removed-students');
  await expect(removed).toContainText('Rory Rejoin');

  await student.goto(`/join/${code}`);
  await expect(student.getByTestId('join-error')).toHaveText('Your instructor removed you from this class. Ask them to let you back in, then use the code again.');

  await removed.getByRole('button', { name: 'Let back in' }).click();
  await page.getByRole('button', { name: 'Yes, let back in' }).click();
  await expect(page.getByTestId('removed-empty')).toBeVisible();
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('roster')).toContainText('Rory Rejoin');
  await context.close();
});
