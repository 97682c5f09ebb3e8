// Browser journey: an admin logs in, creates a user with restricted rights;
// that user logs in and sees neither menus nor forms for what it lacks.
// Runs in Debian's Chromium through playwright-core against the test stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILDDIR, ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const ADMIN = `admin-${tag}@journey.example`;
const ADMIN_PW = 'journey admin passphrase';
const USER = `site-${tag}@journey.example`;
const USER_PW = 'site manager passphrase';

let browser;
let vars;
let shots;

before(async () => {
  vars = ensureStack();
  execFileSync(path.join(BUILDDIR, 'app/rempart-admin'),
    ['-c', vars.REMPART_CONFIG, 'create-firm', `Journey ${tag}`, ADMIN, '--password-stdin'],
    { input: `${ADMIN_PW}\n` });
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a wrong password keeps the form, says so, and names no account', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, ADMIN, 'not the right passphrase');
    assert.match(page.url(), /\/login$/);
    const summary = await page.textContent('.error-summary');
    assert.match(summary, /E-mail ou mot de passe incorrect/);
    assert.equal(await page.inputValue('#f-email'), ADMIN, 'the e-mail is kept');
    assert.equal(await page.inputValue('#f-password'), '', 'the password is not echoed');
  } finally {
    await context.close();
  }
});

test('an admin creates a user with restricted rights', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, ADMIN, ADMIN_PW);
    assert.ok(await page.isVisible('nav.user-nav a[href="/users"]'), 'the admin sees the Users menu');
    await page.click('nav.user-nav a[href="/users"]');
    await page.click('a[href="/users/new"]');
    await page.fill('#f-first_name', 'Sophie');
    await page.fill('#f-last_name', 'Germain');
    await page.fill('#f-email', USER);
    await page.check('input[name=role][value=establishment_manager]');
    // Take away "edit own account": the user must not see that form.
    await page.uncheck('input[name=features][value=self]');
    await page.fill('#f-password', 'short');
    await submit(page, 'form[action="/users"] button[type=submit]');
    assert.match(await page.textContent('#err-password'), /au moins 12 caractères/,
      'the weak password is refused next to its field');
    assert.equal(await page.inputValue('#f-email'), USER, 'typed values are kept');
    await page.check('input[name=role][value=establishment_manager]');
    await page.uncheck('input[name=features][value=self]');
    await page.fill('#f-password', USER_PW);
    await submit(page, 'form[action="/users"] button[type=submit]');
    assert.match(page.url(), /\/users\/\d+\?done=created$/);
    assert.match(await page.textContent('.flash'), /Utilisateur créé/);
    assert.equal(await page.isChecked('input[name=features][value=self]'), false);
    assert.equal(await page.isChecked('input[name=features][value=plan]'), false,
      'establishment managers do not get "plan" by default');
    await page.screenshot({ path: path.join(shots, 'user-edit.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('the restricted user sees no menu or form for what it lacks', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, USER, USER_PW);
    assert.equal(await page.isVisible('nav.user-nav a[href="/users"]'), false, 'no Users menu');
    await page.goto(`${vars.BASE_URL}/account`);
    assert.equal(await page.locator('form[action="/account"]').count(), 0, 'no profile or password form');
    assert.match(await page.textContent('main'), /Vos droits ne permettent pas de modifier votre profil/);
    assert.ok(await page.isVisible('text=Session actuelle'), 'its session is listed');
    const r = await page.goto(`${vars.BASE_URL}/users`);
    assert.equal(r.status(), 403, 'the users page itself is refused');
    await page.screenshot({ path: path.join(shots, 'account-restricted.png'), fullPage: true });
    // Logging out ends the session: the account page asks to log in again.
    await page.goto(`${vars.BASE_URL}/account`);
    await submit(page, 'nav.user-nav button[type=submit]');
    assert.match(page.url(), /\/login\?done=logged_out$/);
    await page.goto(`${vars.BASE_URL}/account`);
    assert.match(page.url(), /\/login\?next=%2Faccount|\/login\?next=\/account/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('the language chosen in "my account" applies to every page of the user', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, ADMIN, ADMIN_PW);
    await page.goto(`${vars.BASE_URL}/account`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.selectOption('#f-lang', 'en');
    await Promise.all([page.waitForNavigation(),
      page.click('form[action="/account"]:has(#f-lang) button[type=submit]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('.flash'), /Changes saved/);
    await page.goto(`${vars.BASE_URL}/users`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'other pages follow');
    assert.match(await page.textContent('h1'), /^Users$/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('the users list filters its rows as one types; "/" jumps to the filter', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, ADMIN, ADMIN_PW);
    await page.goto(`${vars.BASE_URL}/users`);
    const rows = page.locator('#users-table tbody tr');
    assert.ok(await rows.count() >= 2, 'the admin and the user it created');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-filter');
    await page.keyboard.type('germain');
    assert.equal(await page.locator('#users-table tbody tr:not([hidden])').count(), 1);
    assert.match(await page.textContent('#users-table tbody tr:not([hidden])'), /Sophie Germain/);
    assert.match(await page.textContent('#users-table-count'), /^1 \/ \d+$/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
