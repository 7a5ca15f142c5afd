// Renders public/icons/icon.svg to the PNG sizes the web app manifest lists (run after editing the SVG).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, size, pad, bg] of [['icon-192', 192, 0, 'transparent'], ['icon-512', 512, 0, 'transparent'], ['maskable-512', 512, 0.12, '#3056d3'], ['apple-touch-icon', 180, 0, 'transparent']]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(`<html><body style="margin:0;background:${bg};display:grid;place-items:center;width:${size}px;height:${size}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</body></html>`);
  await page.screenshot({ path: `public/icons/${name}.png`, omitBackground: bg === 'transparent' });
}
await browser.close();
