// Browser journey of the risk analysis module: from the client's side
// navigation, a vCISO goes through the steps (a business asset, a
// supporting asset serving it, a threat source, a scenario), retains the
// scenario and finds its risk in the register, which names the scenario.
// Then every page of the module, in French and in English: no serious or
// critical axe violation, no horizontal overflow at 375 and 1440 px, no
// page error or CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ensureStack } from '../lib/stack.mjs';
import { axeViolations, launch, login, openAtWidths, person, submit } from '../lib/browser.mjs';
import { createFirm, httpTransport, loggedIn, uniqueName } from '../lib/identity.mjs';

let browser;
let vars;
let firm;
let admin;
let client;
const ids = {};

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  const r = await admin.post('/api/v1/clients', { name: uniqueName('Fromagerie du Doubs '), mission_type: 'permanent',
    plan: 'standard', billing_mode: 'intermediated', modules: ['risk_analysis'] });
  assert.equal(r.status, 201, r.text);
  client = r.json.id;
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a vCISO goes through the steps, retains a scenario and finds its risk in the register', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await page.goto(`${vars.BASE_URL}/clients/${client}/pilot`);
    await submit(page, `.sidenav a[href="/clients/${client}/risk-analysis"]`);
    assert.match(await page.textContent('h1'), /Analyse de risques/);
    await submit(page, `.ra-steps a[href="/clients/${client}/risk-analysis/business-assets"]`);
    assert.ok(await page.$('#ra-empty'), 'empty state');

    // Step 1: refused without a name, then recorded.
    await submit(page, '#ra-new button[type=submit]');
    assert.ok(await page.$('#err-name'), 'the field is named');
    await page.fill('#f-name', 'Recettes et savoir-faire');
    await page.fill('#f-owner', 'Maître fromager');
    await submit(page, '#ra-new button[type=submit]');
    assert.match(await page.textContent('.flash'), /Ajouté/);
    assert.match(await page.textContent('#ra-items'), /Recettes et savoir-faire/);

    // Step 2: a supporting asset serving it.
    await submit(page, '.ra-next a');
    await page.fill('#f-name', 'Poste du laboratoire');
    await page.selectOption('#f-type', 'hardware');
    await page.check('input[name=business_asset_ids]');
    await submit(page, '#ra-new button[type=submit]');
    assert.match(await page.textContent('#ra-items'), /Recettes et savoir-faire/);

    // Step 3: a threat source.
    await submit(page, '.ra-next a');
    await page.fill('#f-name', 'Concurrent peu scrupuleux');
    await page.fill('#f-motivation', 'Copier les recettes');
    await page.selectOption('#f-resources', 'significant');
    await submit(page, '#ra-new button[type=submit]');

    // Step 4: a scenario through the supporting asset.
    await submit(page, '.ra-next a');
    await page.fill('#f-title', 'Vol des recettes');
    await page.selectOption('#f-threat_source_id', { label: 'Concurrent peu scrupuleux' });
    await page.selectOption('#f-business_asset_id', { label: 'Recettes et savoir-faire' });
    await page.check('input[name=supporting_asset_ids]');
    await page.selectOption('#f-likelihood', '2');
    await page.selectOption('#f-impact', '5');
    await submit(page, '#ra-new button[type=submit]');
    await submit(page, '#ra-items a[href^="/scenarios/"]');
    ids.scenario = page.url().match(/\/scenarios\/(\d+)/)[1];
    assert.match(await page.textContent('#ra-decision'), /Brouillon/);

    // Retained: its risk is in the register and names it.
    await submit(page, `form[action="/scenarios/${ids.scenario}/retain"] button`);
    assert.match(await page.textContent('.flash'), /Scénario retenu/);
    await submit(page, '#ra-risk a');
    assert.match(page.url(), /\/risks\/\d+$/);
    ids.risk = page.url().match(/\/risks\/(\d+)/)[1];
    assert.match(await page.textContent('#risk-scenario'), /Vol des recettes/);
    assert.equal(await page.inputValue('#f-title'), 'Vol des recettes');

    // The summary lists it with its risk.
    await page.goto(`${vars.BASE_URL}/clients/${client}/risk-analysis`);
    assert.match(await page.textContent('#ra-retained'), /Vol des recettes/);
    ids.business = (await admin.get(`/api/v1/clients/${client}/business-assets`)).json.items[0].id;
    ids.supporting = (await admin.get(`/api/v1/clients/${client}/supporting-assets`)).json.items[0].id;
    ids.threat = (await admin.get(`/api/v1/clients/${client}/threat-sources`)).json.items[0].id;
    // Re-scored: the scenario page then shows the difference.
    assert.equal((await admin.patch(`/api/v1/scenarios/${ids.scenario}`, { likelihood: 3 })).status, 200);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('every page of the module: no serious or critical axe violation, no overflow, in both languages', async () => {
  assert.ok(ids.scenario, 'the journey ran');
  const pages = [
    `/clients/${client}/risk-analysis`,
    `/clients/${client}/risk-analysis/business-assets`,
    `/clients/${client}/risk-analysis/supporting-assets`,
    `/clients/${client}/risk-analysis/threat-sources`,
    `/clients/${client}/risk-analysis/scenarios`,
    `/business-assets/${ids.business}`,
    `/supporting-assets/${ids.supporting}`,
    `/threat-sources/${ids.threat}`,
    `/scenarios/${ids.scenario}`,
  ];
  for (const lang of ['fr', 'en']) {
    // axe is a script the pages do not ship: this context alone bypasses the CSP.
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', bypassCSP: true });
    try {
      const u = new URL(vars.BASE_URL);
      await context.addCookies([{ name: 'rempart_session', value: admin.token, domain: u.hostname, path: '/' }]);
      const page = await context.newPage();
      for (const p of pages) {
        await openAtWidths(page, `${vars.BASE_URL}${p}?lang=${lang}`);
        assert.deepEqual(await axeViolations(page), [], `axe on ${p} (${lang})`);
      }
    } finally {
      await context.close();
    }
  }
});
