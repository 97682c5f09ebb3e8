// Shared helpers of the browser tests: Debian's Chromium through
// playwright-core with the project's flags, a fresh context per person
// (own cookies, French, page errors and CSP violations collected), the
// login form, and a click that waits for the page it leads to.
import assert from 'node:assert/strict';

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
