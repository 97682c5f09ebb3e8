// Browser journey of the support admin area (issue 6): a support user logs
// in through the login page, finds a client in the admin list, opens it and
// moves its billing to direct with an e-mail and a reason; the firm's admin
// then sees the new mode, read-only with the "contact support" text, and the
// history line with the reason on the client's page.
// Runs in Debian's Chromium through playwright-core against the test stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { RUN, createFirm, createSupport, httpTransport, loggedIn, uniqueEmail, uniqueName } from '../lib/identity.mjs';

let browser;
let vars;
let shots;
let firm;
let support;
let client;
const CLIENT = uniqueName('Boulangerie du Port ');
const EMAIL = uniqueEmail('compta-port');
const REASON = `Le client paie désormais lui-même (${RUN})`;

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  support = createSupport(vars);
  const admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  const r = await admin.post('/api/v1/clients', { name: CLIENT, mission_type: 'permanent', plan: 'standard',
    billing_mode: 'intermediated' });
  if (r.status !== 201) throw new Error(`create client: ${r.status} ${r.text}`);
  client = r.json;
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('support finds the client across firms and moves its billing to direct with a reason', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, support.email, support.password);
    assert.match(await page.textContent('body'), /Administration/, 'the top bar of support');
    await page.goto(`${vars.BASE_URL}/admin`);
    await page.fill('form.filters [name=q]', CLIENT);
    await submit(page, 'form.filters button[type=submit]');
    const row = page.locator('tbody tr', { hasText: CLIENT });
    assert.equal(await row.count(), 1, 'the client is listed');
    assert.match(await row.textContent(), new RegExp(firm.name), 'with its firm');
    await submit(page, `a[href="/admin/clients/${client.id}"]`);
    assert.match(await page.textContent('h1'), new RegExp(CLIENT));

    const form = `form[action="/admin/clients/${client.id}/billing"]`;
    // Without a reason the change is refused, next to the field.
    await page.check(`${form} input[name=billing_mode][value=direct]`);
    await page.fill(`${form} [name=billing_email]`, EMAIL);
    await submit(page, `${form} button[type=submit]`);
    assert.ok(await page.$('#err-reason'), 'an error next to the reason');
    assert.equal(await page.inputValue(`${form} [name=billing_email]`), EMAIL, 'what was typed is kept');

    await page.check(`${form} input[name=billing_mode][value=direct]`);
    await page.fill(`${form} [name=reason]`, REASON);
    await submit(page, `${form} button[type=submit]`);
    assert.ok(await page.$('.flash'), 'a confirmation');
    const main = await page.textContent('main');
    assert.match(main, /Directe/);
    assert.ok(main.includes(EMAIL), 'the billing e-mail');
    assert.ok(main.includes(REASON), 'the history line with its reason');
    await page.screenshot({ path: path.join(shots, 'journey-admin-billing.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('the firm\'s admin sees the new mode read-only, "contact support", and the history line', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await page.goto(`${vars.BASE_URL}/clients/${client.id}`);
    const main = await page.textContent('main');
    assert.match(main, /Directe/);
    assert.ok(main.includes(EMAIL), 'the billing e-mail');
    assert.match(main, /Contactez le support/);
    assert.ok(main.includes(REASON), 'the history line with its reason');
    assert.equal(await page.$('main input[name=billing_mode]'), null, 'no billing input');
    assert.equal(await page.$('main [name=billing_email]'), null, 'no billing e-mail input');
    await page.screenshot({ path: path.join(shots, 'journey-admin-billing-firm.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
