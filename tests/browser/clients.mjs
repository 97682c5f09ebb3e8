// Browser journey of the clients issue: an admin runs the new-mission wizard,
// finds the client in its list; an account manager who may edit two profile
// fields edits one of them on an establishment and has no way to edit a
// third (no input, and a forged post is refused).
// Runs in Debian's Chromium through playwright-core against the test stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { createFirm, createUser, httpTransport, loggedIn, strongPassword, uniqueName } from '../lib/identity.mjs';


let browser;
let vars;
let shots;
let firm;
const CLIENT = uniqueName('Clinique des Tilleuls ');
const SITE = 'Site de Quimper';

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const state = {};

test('an admin runs the new-mission wizard and finds the client in its list', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await page.goto(`${vars.BASE_URL}/clients`);
    assert.match(await page.textContent('.empty'), /Créez votre première mission/);
    await submit(page, 'a[href="/clients/new"]');
    // Direct billing without its e-mail: the error shows next to the field.
    await page.fill('#f-name', CLIENT);
    await page.check('input[name=mission_type][value=permanent]');
    await page.check('input[name=plan][value=premium]');
    await page.check('input[name=billing_mode][value=direct]');
    await submit(page, 'form[action="/clients"] button[type=submit]');
    assert.match(await page.textContent('#err-billing_email'), /obligatoire/);
    assert.equal(await page.inputValue('#f-name'), CLIENT, 'what was typed is kept');
    await page.fill('#f-billing_email', 'compta@tilleuls.example');
    await page.check('input[name=modules][value=risk_analysis]');
    // The creator is pre-selected on the team.
    assert.ok(await page.isChecked('input[name=vciso_ids]'), 'creator pre-selected');
    await submit(page, 'form[action="/clients"] button[type=submit]');
    assert.match(page.url(), /\/clients\/\d+\?done=client_created$/);
    state.client = Number(page.url().match(/\/clients\/(\d+)/)[1]);
    assert.match(await page.textContent('.flash'), /Mission créée/);
    assert.match(await page.textContent('h1'), new RegExp(CLIENT));
    assert.match(await page.textContent('main'), /Directe/);
    assert.match(await page.textContent('main'), /Contactez le support/);
    await page.screenshot({ path: path.join(shots, 'journey-client-created.png'), fullPage: true });

    await submit(page, '.user-nav a[href="/clients"]');
    const row = page.locator('#clients-table tbody tr', { hasText: CLIENT });
    assert.equal(await row.count(), 1, 'the new client is listed');
    assert.match(await row.textContent(), /Premium/);
    assert.match(await row.textContent(), /Pilotage permanent/);
    // Filters narrow the list; the client stays under its own plan.
    await page.selectOption('#f-plan', 'essential');
    await submit(page, 'form.filters button[type=submit]');
    assert.equal(await page.locator('#clients-table tbody tr', { hasText: CLIENT }).count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('an account manager with two editable fields edits one and cannot edit a third', async () => {
  assert.ok(state.client, 'the wizard test ran first');
  const http = httpTransport(vars.BASE_URL);
  const admin = await loggedIn(http, firm.email, firm.password);
  const am = await createUser(admin, { role: 'account_manager', profile_fields: ['city', 'phone'] });
  let r = await admin.put(`/api/v1/clients/${state.client}/vcisos`, { user_ids: [admin.user.id, am.id] });
  assert.equal(r.status, 200, r.text);
  r = await admin.post(`/api/v1/clients/${state.client}/establishments`,
    { name: SITE, city: 'Brest', postcode: '29000', phone: '02 98 00 00 00' });
  assert.equal(r.status, 201, r.text);
  const estab = r.json.id;

  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, am.email, am.password);
    await page.goto(`${vars.BASE_URL}/clients`);
    await submit(page, `#clients-table a[href="/clients/${state.client}"]`);
    await submit(page, `.sidenav a[href="/clients/${state.client}/establishments"]`);
    await submit(page, `a[href="/establishments/${estab}"]`);
    const form = `form[action="/establishments/${estab}"]`;
    // Two inputs: city and phone; the name is shown, not editable.
    assert.ok(await page.$(`${form} [name=city]`), 'city is editable');
    assert.ok(await page.$(`${form} [name=phone]`), 'phone is editable');
    assert.equal(await page.$(`${form} [name=name]`), null, 'no input for the name');
    assert.equal(await page.$(`${form} [name=siret]`), null, 'no input for the SIRET');
    assert.match(await page.textContent('main'), new RegExp(SITE));

    await page.fill(`${form} [name=city]`, 'Quimper');
    await submit(page, `${form} button[type=submit]`);
    assert.match(await page.textContent('.flash'), /enregistr/i);
    assert.equal(await page.inputValue(`${form} [name=city]`), 'Quimper');
    await page.screenshot({ path: path.join(shots, 'journey-profile-edited.png'), fullPage: true });

    // A forged post of the name, with the session's own CSRF token, is refused.
    const csrf = await page.getAttribute('input[name=csrf_token]', 'value');
    const forged = await page.request.post(`${vars.BASE_URL}/establishments/${estab}`, {
      form: { csrf_token: csrf, name: 'Renamed' }, maxRedirects: 0,
    });
    assert.equal(forged.status(), 403);
    r = await admin.get(`/api/v1/establishments/${estab}`);
    assert.equal(r.json.name, SITE, 'the name did not change');
    assert.equal(r.json.city, 'Quimper', 'the city did');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('an admin who is not on the team sees the client but not its Pilot', async () => {
  const http = httpTransport(vars.BASE_URL);
  const admin = await loggedIn(http, firm.email, firm.password);
  const other = await createUser(admin, { role: 'admin', password: strongPassword() });
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, other.email, other.password);
    const resp = await page.goto(`${vars.BASE_URL}/clients/${state.client}`);
    assert.equal(resp.status(), 200);
    assert.equal(await page.$(`.sidenav a[href="/clients/${state.client}/pilot"]`), null, 'no Pilot link');
    const pilot = await page.goto(`${vars.BASE_URL}/clients/${state.client}/pilot`);
    assert.equal(pilot.status(), 403);
  } finally {
    await context.close();
  }
});
