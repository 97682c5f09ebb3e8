// Browser test: the home page in Debian's Chromium (driven by playwright-core).
//
// It starts the private stack if needed (tests/lib/stack.mjs), opens / in a
// fresh browser context and checks that the page renders, that its stylesheet
// and script load and apply, that the browser reports no console error, no
// uncaught exception and no Content Security Policy violation, that the
// language switch leads to the English page and that Tab first focuses the
// skip link. A screenshot goes to $STACK_DIR/screenshots/home.png.
//
// Run: node --test-reporter=tap tests/browser/home.mjs   (needs `npm ci` in
// tests/). Environment: SRCDIR, BUILDDIR, STACK_DIR, STACK_PORT (see
// tests/lib/stack.mjs); CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureStack } from '../lib/stack.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const NAV_TIMEOUT = 30000;

// Runs in every page before its own scripts: records CSP violations, which
// a page script could not see if it were itself blocked.
const CSP_RECORDER = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile,
      line: e.lineNumber, sample: e.sample,
    });
  });
};

let chromium;
let browser;
let context;
let page;
let vars;
let homeResponse;
const problems = [];           // console errors, page errors, failed requests
const assetResponses = new Map(); // pathname -> { status, type }

function mentionsCsp(text) {
  return /content security policy/i.test(text);
}

// Attach the listeners that collect every problem the browser reports.
function watch(p, sink) {
  p.on('console', (msg) => {
    if (msg.type() === 'error' || mentionsCsp(msg.text())) {
      sink.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  p.on('pageerror', (err) => sink.push(`page error: ${err.message}`));
  p.on('requestfailed', (req) => {
    sink.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  p.on('response', (res) => {
    const u = new URL(res.url());
    if (res.status() >= 400) sink.push(`HTTP ${res.status()} for ${u.pathname}${u.search}`);
  });
}

before(async () => {
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    const testsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    throw new Error(`playwright-core is not installed: run "npm ci" in ${testsDir} (${e.message})`);
  }
  assert.ok(fs.existsSync(CHROMIUM),
    `${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)`);
  vars = ensureStack();
  assert.ok(vars.BASE_URL, 'tests/stack.sh env printed no BASE_URL');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60000,
  });
  // A fresh context: empty profile, no cookie, no cache. French browser.
  context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(NAV_TIMEOUT);
  await context.addInitScript(CSP_RECORDER);
  page = await context.newPage();
  watch(page, problems);
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.startsWith('/static/')) {
      assetResponses.set(u.pathname, {
        status: res.status(), type: res.headers()['content-type'] || '',
      });
    }
  });
  homeResponse = await page.goto(`${vars.BASE_URL}/`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
});

after(async () => {
  if (browser) await browser.close();
});

test('the home page renders', async () => {
  assert.equal(homeResponse.status(), 200);
  assert.match(homeResponse.headers()['content-type'], /^text\/html/);
  assert.ok(homeResponse.headers()['content-security-policy'],
    'the page has a Content-Security-Policy header');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('html[lang=fr]').count(), 1);
  assert.match(await page.title(), /^Pilotez la sécurité de tous vos clients · Rempart$/);
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.match(await h1.innerText(), /\S/);
  assert.ok(await h1.isVisible());
  assert.ok(await page.locator('main#main').isVisible());
  assert.ok(await page.locator('footer').isVisible());
});

test('the stylesheet loads and applies', async () => {
  const css = assetResponses.get('/static/rempart.css');
  assert.ok(css, `no response for /static/rempart.css; the browser reported: ${problems.join(' | ')}`);
  assert.equal(css.status, 200);
  assert.match(css.type, /^text\/css/);
  const applied = await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('/static/rempart.css'));
    const bar = getComputedStyle(document.querySelector('.topbar'));
    return {
      rules: sheet ? sheet.cssRules.length : -1,
      topbarBg: bar.backgroundColor,
      topbarDisplay: bar.display,
      bodyDisplay: getComputedStyle(document.body).display,
    };
  });
  assert.ok(applied.rules > 0, 'rempart.css is in document.styleSheets with rules');
  assert.notEqual(applied.topbarBg, 'rgba(0, 0, 0, 0)', 'the topbar has a background colour');
  assert.notEqual(applied.topbarBg, 'transparent');
  assert.equal(applied.topbarDisplay, 'flex');
  assert.equal(applied.bodyDisplay, 'flex');
});

test('the script loads', async () => {
  const js = assetResponses.get('/static/rempart.js');
  assert.ok(js, `no response for /static/rempart.js; the browser reported: ${problems.join(' | ')}`);
  assert.equal(js.status, 200);
  assert.match(js.type, /javascript/);
});

test('no console error, page error, failed request or CSP violation', async () => {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.ok(Array.isArray(violations), 'the CSP recorder ran in the page');
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('a CSP violation would be caught (inline script is blocked and reported)', async () => {
  // Control for the test above: the recorder and the console listener see a
  // violation, and the page's policy does forbid inline script.
  const p = await context.newPage();
  const seen = [];
  watch(p, seen);
  try {
    await p.goto(`${vars.BASE_URL}/`, { waitUntil: 'load' });
    const before = seen.length;
    const n0 = await p.evaluate(() => {
      const n = window.__cspViolations.length;
      window.__inlineRan = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
      return n;
    });
    await p.waitForFunction((n) => window.__cspViolations.length > n, n0, { timeout: 5000 });
    const res = await p.evaluate((n) => ({
      ran: window.__inlineRan, v: window.__cspViolations.slice(n),
    }), n0);
    assert.equal(res.ran, false, 'the inline script did not run');
    assert.ok(res.v.some((v) => /^script-src/.test(v.directive)), JSON.stringify(res.v));
    // Console messages may arrive a moment after the event.
    for (let i = 0; i < 50 && !seen.slice(before).some(mentionsCsp); i++) {
      await p.waitForTimeout(100);
    }
    assert.ok(seen.slice(before).some(mentionsCsp), `the console reported it: ${JSON.stringify(seen)}`);
  } finally {
    await p.close();
  }
});

test('Tab first focuses the skip link, which leads to the main content', async () => {
  await page.bringToFront();
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { cls: el.className, href: el.getAttribute('href'), left: r.left, width: r.width };
  });
  assert.equal(focused.cls, 'skip-link');
  assert.equal(focused.href, '#main');
  assert.ok(focused.left >= 0 && focused.width > 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main');
});

test('screenshot of the home page', async () => {
  const dir = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const page2 = await context.newPage();
  try {
    await page2.goto(`${vars.BASE_URL}/`, { waitUntil: 'networkidle' });
    const file = path.join(dir, 'home.png');
    await page2.screenshot({ path: file, fullPage: true });
    assert.ok(fs.statSync(file).size > 1000, `${file} was written`);
  } finally {
    await page2.close();
  }
});

test('the language switch leads to the English page', async () => {
  const link = page.locator('nav.lang-switch a[hreflang=en]');
  assert.equal(await link.count(), 1);
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('lang') === 'en'),
    link.click(),
  ]);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.title(), /^Steer the security of all your clients · Rempart$/);
  assert.equal(await page.locator('h1').innerText(), 'Steer the security of all your clients');
  assert.equal(await page.locator('nav.lang-switch a[hreflang=fr]').count(), 1,
    'the English page links back to French');
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});
