// Shared helpers of the browser tests: Debian's Chromium through
// playwright-core with the project's flags, a fresh context per person
// (own cookies, French, page errors and CSP violations collected), the
// login form, and a click that waits for the page it leads to.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core missing: run `npm ci` in tests/');
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

// {context, page}; page.problems lists page errors and CSP violations.
export async function person(browser, { locale = 'fr-FR', width = 1280 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) page.problems.push(m.text());
  });
  return { context, page };
}

export async function login(page, baseUrl, email, password) {
  const resp = await page.goto(`${baseUrl}/login`);
  assert.ok(await page.$('#f-email'), `login form at ${page.url()} (${resp.status()})`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
}

export async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// Open path (under baseUrl) at each width: the answer has `status` and
// nothing overflows horizontally.
export async function openAtWidths(page, url, { widths = [375, 1440], status = 200 } = {}) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const r = await page.goto(url);
    assert.equal(r.status(), status, `${url}: status`);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth,
      document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${url} overflows at ${width} px: ${scroll} > ${client}`);
  }
}

// axe-core's serious and critical violations of the page as it stands, one
// line each. axe is a script the pages do not ship: the page's context must
// bypass the CSP (newContext({ bypassCSP: true })).
let axeSource;
export async function axeViolations(page) {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}
