// Browser journey of the usage diagnostic: a vCISO enables the module for a
// client, loads the starter questionnaire, creates a public link for an
// establishment; the link is answered in a fresh browser context without a
// session, in English; the score then shows on the Pilot of a vCISO holding
// `feedback` (and in the establishment list), and not on the Pilot of one
// without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { axeViolations, launch, login, openAtWidths, person, submit } from '../lib/browser.mjs';
import { createFirm, httpTransport, loggedIn, uniqueName } from '../lib/identity.mjs';
import { makeClient, makeEstab, person as apiPerson } from '../lib/clients.mjs';

let browser;
let vars;
let shots;
let admin;
let client;
let estab;
let vciso;
let nofb;
let publicUrl;

before(async () => {
  vars = ensureStack();
  const firm = createFirm(vars);
  const http = httpTransport(vars.BASE_URL);
  admin = await loggedIn(http, firm.email, firm.password);
  client = await makeClient(admin, { name: uniqueName('Boulangerie des Lices ') });
  estab = await makeEstab(admin, client.id, { name: uniqueName('Fournil de la gare ') });
  await makeEstab(admin, client.id, { name: uniqueName('Boutique du port ') });
  // Two vCISOs of the client: one with every feature, one without `feedback`.
  vciso = await apiPerson(http, admin, 'multi_account_manager', { client_ids: [client.id] });
  nofb = await apiPerson(http, admin, 'multi_account_manager', { client_ids: [client.id],
    features: ['profile.read', 'profile.edit', 'self', 'plan'] });
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a vCISO opens the usage diagnostic, staff answer through the public link, the Pilot shows the score', async () => {
  const { context, page } = await person(browser);
  let url;
  try {
    await login(page, vars.BASE_URL, vciso.email, vciso.password);
    // Enable the module in the client's settings.
    await page.goto(`${vars.BASE_URL}/clients/${client.id}`);
    assert.equal(await page.$(`.sidenav a[href="/clients/${client.id}/usage"]`), null, 'no entry before');
    await page.check('input[name=modules][value=usage_diagnostic]');
    await submit(page, `form[action="/clients/${client.id}"] button[type=submit]`);
    await submit(page, `.sidenav a[href="/clients/${client.id}/usage"]`);
    assert.match(await page.textContent('#usage-empty'), /questionnaire est vide/);

    // Load the starter questionnaire in one click.
    await submit(page, `form[action="/clients/${client.id}/usage/starter"] button[type=submit]`);
    assert.match(await page.textContent('.flash'), /Questionnaire de départ ajouté/);
    assert.equal(await page.$$eval('section.usage-section', (s) => s.length), 6);
    assert.match(await page.textContent('main'), /Mots de passe et comptes/);

    // A public link for the bakery at the station.
    await submit(page, `nav.tabs a[href="/clients/${client.id}/usage/links"]`);
    await page.selectOption('#f-establishment_id', String(estab.id));
    await page.fill('#f-max_answers', '25');
    await submit(page, '#link-form button[type=submit]');
    url = (await page.textContent('#created-url')).trim();
    publicUrl = url;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/q\/[0-9a-f]{32}$/);
    assert.match(await page.textContent('#links-table'), /0 \/ 25/);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }

  // A member of staff, in a fresh context (no cookie), answers in English.
  const staff = await person(browser, { locale: 'en-GB', width: 390 });
  try {
    const resp = await staff.page.goto(`${url}?lang=en`);
    assert.equal(resp.status(), 200);
    assert.deepEqual(await staff.context.cookies().then((cs) => cs.filter((c) => c.name === 'rempart_session')), []);
    assert.match(await staff.page.textContent('#public-estab'), /Fournil de la gare/);
    assert.equal(await staff.page.$('.user-nav, .sidenav, a[href="/login"], a[href="/"]'), null,
      'nothing but the questionnaire');
    // Submitting with nothing ticked: the form again, with its errors.
    await submit(staff.page, '#public-form button[type=submit]');
    assert.ok(await staff.page.$('.error-summary'), 'an error summary');
    // Answer every question: 4 on scales, yes to yes/no, the first option.
    const fields = await staff.page.$$eval('#public-form fieldset', (fs) => fs.map((f) => f.id));
    for (const id of fields) {
      const values = await staff.page.$$eval(`#${id} input[type=radio]`, (rs) => rs.map((r) => r.value));
      const pick = values.includes('4') && values.includes('5') ? '4' : values.includes('yes') ? 'yes' : values[0];
      await staff.page.check(`#${id} input[value="${pick}"]`);
    }
    await staff.page.fill('#public-form textarea', 'Short training sessions, please.');
    await submit(staff.page, '#public-form button[type=submit]');
    assert.match(staff.page.url(), /\?done=1$/);
    assert.match(await staff.page.textContent('#public-thanks'), /Thank you/);
    await staff.page.screenshot({ path: path.join(shots, 'journey-usage-public.png'), fullPage: true });
    assert.deepEqual(staff.page.problems, []);
  } finally {
    await staff.context.close();
  }

  // What the API computed, and what the Pilot of a vCISO with `feedback` shows.
  const scores = (await admin.get(`/api/v1/clients/${client.id}/usage/scores`)).json;
  assert.equal(scores.answers, 1);
  assert.ok(scores.score > 0 && scores.score <= 100, `score ${scores.score}`);
  const { context: c2, page: p2 } = await person(browser);
  try {
    await login(p2, vars.BASE_URL, vciso.email, vciso.password);
    await p2.goto(`${vars.BASE_URL}/clients/${client.id}/pilot`);
    const widget = await p2.textContent('#pilot-usage');
    assert.match(widget, new RegExp(`Score des usages\\s+${scores.score} %`));
    assert.match(widget, /Réponses reçues : 1/);
    assert.match(widget, /Fournil de la gare/);
    assert.match(await p2.textContent('#pilot-usage-recent'), new RegExp(`${scores.score} %`));
    await p2.screenshot({ path: path.join(shots, 'journey-usage-pilot.png'), fullPage: true });
    await p2.goto(`${vars.BASE_URL}/clients/${client.id}/establishments`);
    assert.match(await p2.textContent('#estabs-table'), new RegExp(`${scores.score} %`));
    await submit(p2, `#pilot-usage a, .sidenav a[href="/clients/${client.id}/usage"]`);
    assert.deepEqual(p2.problems, []);
  } finally {
    await c2.close();
  }

  // A vCISO without `feedback`: the module's page, but no score anywhere.
  const { context: c3, page: p3 } = await person(browser);
  try {
    await login(p3, vars.BASE_URL, nofb.email, nofb.password);
    await p3.goto(`${vars.BASE_URL}/clients/${client.id}/pilot`);
    assert.equal(await p3.$('#pilot-usage'), null, 'no widget');
    assert.ok(await p3.$(`.sidenav a[href="/clients/${client.id}/usage"]`), 'the builder stays theirs');
    await p3.goto(`${vars.BASE_URL}/clients/${client.id}/establishments`);
    assert.equal(await p3.$('.usage-score-col'), null, 'no score column');
  } finally {
    await c3.close();
  }
});

test('the module\'s pages: no serious or critical axe violation, no overflow at 375 and 1440 px', async () => {
  const q = (await admin.get(`/api/v1/clients/${client.id}/usage/questionnaire`)).json;
  const pages = [`/clients/${client.id}/usage`, `/clients/${client.id}/usage/links`,
    `/clients/${client.id}/usage/answers`, `/clients/${client.id}/usage/questions/${q.sections[0].questions[1].id}`,
    `/clients/${client.id}/pilot`, `/establishments/${estab.id}`];
  for (const [who, list] of [[vciso, pages], [null, [new URL(publicUrl).pathname]]]) {
    for (const lang of ['fr', 'en']) {
      // axe is a script the pages did not ship: this context alone bypasses the CSP.
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', bypassCSP: true });
      try {
        const page = await context.newPage();
        if (who) await login(page, vars.BASE_URL, who.email, who.password);
        for (const p of list) {
          await openAtWidths(page, `${vars.BASE_URL}${p}?lang=${lang}`);
          assert.deepEqual(await axeViolations(page), [], `axe on ${p} (${lang})`);
        }
      } finally {
        await context.close();
      }
    }
  }
});
