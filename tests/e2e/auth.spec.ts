import { expect, test } from '@playwright/test';
import { INSTRUCTOR, signIn, signOut, STUDENT, uniqueEmail } from './helpers';

test.describe('accounts', () => {
  test('sign up creates a student account and lands on Today', async ({ page }) => {
    const email = uniqueEmail('new');
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Nadia New');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);

    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole('heading', { name: 'Hello, Nadia' })).toBeVisible();
    // Students get no link to the teaching area.
    await expect(page.getByRole('link', { name: 'Teach' })).toHaveCount(0);

    await signOut(page);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Nadia Again');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('another long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The same generic words as for any refused sign-up: no "this email is taken".
    await expect(page.getByTestId('form-error')).toHaveText('We could not create an account with these details. If you already have one, sign in instead.');
  });

  test('demo student signs in, sees the deck, signs out', async ({ page }) => {
    await signIn(page, STUDENT);
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();
    await signOut(page);
    await page.goto('/today');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('a wrong password gets a message that does not reveal whether the email exists', async ({ page }) => {
    await signIn(page, { email: STUDENT.email, password: 'wrong password here' });
    const known = await page.getByTestId('form-error').textContent();
    await signIn(page, { email: uniqueEmail('nobody'), password: 'wrong password here' });
    const unknown = await page.getByTestId('form-error').textContent();
    expect(known).toBe('Email or password is incorrect.');
    expect(unknown).toBe(known);
    await expect(page).toHaveURL(/\/signin/);
  });

  test('an app page visited signed out redirects to sign-in and back after', async ({ page }) => {
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel('Email').fill(STUDENT.email);
    await page.getByLabel('Password').fill(STUDENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('students cannot open the teaching area; instructors can', async ({ page }) => {
    await signIn(page, STUDENT);
    await expect(page).toHaveURL(/\/today$/);
    const response = await page.goto('/teach');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await signOut(page);

    await signIn(page, INSTRUCTOR);
    await expect(page).toHaveURL(/\/today$/);
    await page.getByRole('link', { name: 'Teaching area' }).click();
    await expect(page).toHaveURL(/\/teach$/);
    await expect(page.getByRole('heading', { name: 'Teaching' })).toBeVisible();
  });

  test('an unknown page is a 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page-here');
    // The proxy first asks a signed-out visitor to sign in; signed in, it is a 404.
    await signIn(page, STUDENT);
    await expect(page).toHaveURL(/\/today$/);
    const again = await page.goto('/no-such-page-here');
    expect(response?.status()).toBeLessThan(500);
    expect(again?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test('repeated wrong passwords lock the account for a while, with a clear message', async ({ page }) => {
  const email = uniqueEmail('locked');
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email, password: `wrong password ${i}` });
    await expect(page.getByTestId('form-error')).toHaveText('Email or password is incorrect.');
  }
  await signIn(page, { email, password: 'wrong password again' });
  await expect(page.getByTestId('form-error')).toHaveText(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
});
