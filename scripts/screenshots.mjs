// Screenshots of the main pages at desktop and phone size, for looking at what we built.
//   node scripts/screenshots.mjs [baseURL] [outDir]   (app running, demo accounts present)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] || 'http://localhost:3000';
const out = process.argv[3] || '/tmp/shots';
const pages = (process.env.PAGES || '/signin,/signup,student:/today,student:/review/war-for-peace,student:/decks/war-for-peace/notes,student:/settings,instructor:/teach').split(',');
const accounts = { student: ['student@demo.test', 'demo-student-pass'], instructor: ['instructor@demo.test', 'demo-instructor-pass'] };
const sizes = process.env.SIZES === 'small' ? { small: { width: 360, height: 740 } } : { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [sizeName, viewport] of Object.entries(sizes)) {
  const contexts = {};
  for (const spec of pages) {
    const [who, path] = spec.includes(':') ? spec.split(':') : ['anon', spec];
    if (!contexts[who]) {
      contexts[who] = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: process.env.SCHEME || 'light', isMobile: sizeName !== 'desktop', hasTouch: sizeName !== 'desktop' });
      if (who !== 'anon') {
        const p = await contexts[who].newPage();
        await p.goto(`${base}/signin`);
        await p.getByLabel('Email').fill(accounts[who][0]);
        await p.getByLabel('Password').fill(accounts[who][1]);
        await p.getByRole('button', { name: 'Sign in' }).click();
        await p.waitForURL(/\/today/);
        await p.close();
      }
    }
    const page = await contexts[who].newPage();
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(400);
    const file = `${out}/${sizeName}-${who}-${path.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(file, overflow ? 'HORIZONTAL SCROLL' : '');
    await page.close();
  }
}
await browser.close();
