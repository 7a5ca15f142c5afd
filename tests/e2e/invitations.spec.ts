/**
 * Invite by roster, on desktop and phone: the instructor pastes a roster of five with one bad row,
 * the preview flags it, four invitations are mailed (over SMTP to the e2e mail server, read through
 * ./mail), one person with an account and one new person accept, the roster shows both and two
 * invitations stay open; revoking one kills its link.
 */
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { linkIn, mailTo } from './mail';
import { createClass, signInAndWait, signUp } from './teach-helpers';

const LINK = /http\S+\/invite\?token=[A-Za-z0-9_-]{43}/;

async function invitationLink(email: string): Promise<string> {
  const mail = await mailTo(email);
  expect(mail.subject).toContain('invites you to');
  return linkIn(mail, LINK);
}

/** Focus a control and press Enter, as a keyboard user does. */
async function press(page: Page, locator: ReturnType<Page['getByRole']>) {
  await expect(locator).toBeEnabled();
  await locator.focus();
  await expect(locator).toBeFocused();
  await page.keyboard.press('Enter');
}

test('a roster of five → preview shows the bad row → four invitations → two accept → two stay open; revoke one', async ({ page, browser }) => {
  // Three browsers, two sign-ups and five mails: on a busy 2-core machine this takes over a minute.
  test.setTimeout(180_000);
  const existing = { name: 'Erin Existing', email: uniqueEmail('inv-existing'), password: 'a long enough password' };
  const fresh = { name: 'Nia New', email: uniqueEmail('inv-new') };
  const third = uniqueEmail('inv-third');
  const fourth = uniqueEmail('inv-fourth');

  // Someone who already has an account, signed in in their own browser.
  const existingContext = await browser.newContext();
  const existingPage = await existingContext.newPage();
  await signUp(existingPage, existing.name, existing.email);

  await signInAndWait(page, INSTRUCTOR);
  const { classId } = await createClass(page, `Invited ${Date.now() % 100000}`);
  await page.goto(`/teach/classes/${classId}/roster`);
  await expect(page.getByTestId('invitations-empty')).toBeVisible();

  const roster = ['email,name', `${existing.email},${existing.name}`, `${fresh.email},${fresh.name}`, `${third},Theo Third`, 'not-an-address,Bad Row', `${fourth},Fay Fourth`].join('\n');
  await page.getByLabel('Email addresses').fill(roster);
  await press(page, page.getByRole('button', { name: 'Preview' }));
  await expect(page.getByTestId('roster-summary')).toHaveText('4 people to invite, 1 row with a problem (not invited).');
  const rows = page.getByTestId('roster-row');
  await expect(rows).toHaveCount(5);
  const bad = page.locator('[data-testid="roster-row"][data-problem="bad-email"]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('not-an-address');
  await expect(bad).toContainText('Not an email address.');
  await page.screenshot({ path: test.info().outputPath('roster-preview.png'), fullPage: true });

  await press(page, page.getByRole('button', { name: 'Send 4 invitations' }));
  await expect(page.getByTestId('roster-done')).toHaveText('Sent 4 invitations. 1 row of the list was not invited.');
  const links = await Promise.all([existing.email, fresh.email, third, fourth].map((email) => invitationLink(email)));
  await expect(page.getByTestId('pending-invitation')).toHaveCount(4);

  // The person with an account accepts in their signed-in browser.
  await existingPage.goto(links[0]!);
  await expect(existingPage.getByRole('heading', { level: 1 })).toContainText('Join Invited');
  await press(existingPage, existingPage.getByRole('button', { name: /Accept and join/ }));
  await expect(existingPage.getByTestId('join-done')).toContainText('You joined');

  // A new person creates an account from the link: the address is the invitation's.
  const freshContext = await browser.newContext();
  const freshPage = await freshContext.newPage();
  await freshPage.goto(links[1]!);
  await expect(freshPage.getByLabel('Email')).toHaveValue(fresh.email);
  await expect(freshPage.getByLabel('Your name')).toHaveValue(fresh.name);
  await freshPage.getByLabel('Password').focus();
  await freshPage.keyboard.type('a long enough password');
  await freshPage.keyboard.press('Enter');
  await expect(freshPage.getByTestId('join-done')).toContainText('You joined');

  // A used link opens nothing.
  await freshPage.goto(links[1]!);
  await expect(freshPage.getByTestId('invitation-error')).toContainText('does not work any more');

  await page.reload();
  const enrolled = page.getByTestId('roster');
  await expect(enrolled).toContainText(existing.name);
  await expect(enrolled).toContainText(fresh.name);
  const pending = page.getByTestId('pending-invitation');
  await expect(pending).toHaveCount(2);
  await expect(pending.first()).toContainText(/inv-(third|fourth)/);
  await page.screenshot({ path: test.info().outputPath('roster-pending.png'), fullPage: true });

  // Revoke the invitation to the third person: it leaves the list and its link stops working.
  const thirdRow = page.locator(`[data-testid="pending-invitation"][data-email="${third}"]`);
  await press(page, thirdRow.getByRole('button', { name: 'Revoke' }));
  await press(page, thirdRow.getByRole('button', { name: 'Yes, revoke' }));
  await expect(pending).toHaveCount(1);
  await expect(pending.first()).toContainText(fourth);
  await freshPage.goto(links[2]!);
  await expect(freshPage.getByTestId('invitation-error')).toContainText('does not work any more');

  await existingContext.close();
  await freshContext.close();
});
