// Browser journey of the Pilot: a vCISO adopts a framework, assesses three
// requirements, records a risk and an action, and the Pilot's figures show
// them (compliance bar, risk levels and heat map, action-plan counts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { createFirm, httpTransport, loggedIn, uniqueName } from '../lib/identity.mjs';

let browser;
let vars;
let shots;
let firm;
let client;

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  const admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  const r = await admin.post('/api/v1/clients', { name: uniqueName('Scierie du Jura '), mission_type: 'permanent',
    plan: 'standard', billing_mode: 'intermediated' });
  assert.equal(r.status, 201, r.text);
  client = r.json.id;
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a vCISO adopts a framework, assesses three requirements, writes the evidence, adds a risk and an action; the Pilot shows them', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await page.goto(`${vars.BASE_URL}/clients/${client}`);
    await submit(page, `.sidenav a[href="/clients/${client}/pilot"]`);
    assert.match(await page.textContent('main'), /Aucun référentiel adopté/);

    // Adopt the ANSSI guide: the assessment page opens.
    const anssi = await page.$eval('#f-framework_id', (s) => [...s.options].find((o) => /ANSSI/.test(o.text)).value);
    await page.selectOption('#f-framework_id', anssi);
    await submit(page, `form[action="/clients/${client}/frameworks"] button[type=submit]`);
    assert.match(page.url(), /\/compliance\?framework_id=\d+/);
    assert.match(await page.textContent('.flash'), /Référentiel adopté/);

    // Assess three requirements: compliant, partial, not applicable.
    const forms = await page.$$eval('form.assess', (fs) => fs.slice(0, 3).map((f) => f.id));
    const statuses = ['compliant', 'partial', 'not_applicable'];
    for (let i = 0; i < 3; i++) {
      const sel = `#${forms[i]}`;
      await page.selectOption(`${sel} select[name=status]`, statuses[i]);
      await page.fill(`${sel} textarea[name=comment]`, `Évaluation ${i + 1}`);
      await submit(page, `${sel} button[type=submit]`);
      assert.match(await page.textContent('.flash'), /Évaluation enregistrée/);
    }
    // (1 + 0.5) / 41 applicable = 3.7 %
    assert.match(await page.textContent('main'), /3\.7 %/);

    // A risk: likelihood 4, impact 5 (critical).
    await page.goto(`${vars.BASE_URL}/clients/${client}/risks/new`);
    await page.fill('#f-title', 'Rançongiciel sur la scie numérique');
    await page.fill('#f-asset', 'Commande numérique');
    await page.selectOption('#f-likelihood', '4');
    await page.selectOption('#f-impact', '5');
    await submit(page, 'main form.card button[type=submit]');
    assert.match(await page.textContent('main'), /Rançongiciel sur la scie numérique/);

    // An action, due yesterday: overdue.
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    await page.goto(`${vars.BASE_URL}/clients/${client}/actions/new`);
    await page.fill('#f-title', 'Sauvegarde hors ligne des plans de coupe');
    await page.fill('#f-due_date', yesterday);
    await page.selectOption('#f-priority', 'high');
    await submit(page, 'main form.card button[type=submit]');
    assert.match(await page.textContent('main'), /Sauvegarde hors ligne des plans de coupe/);

    // A document, written from an assessment's "Add evidence", approved.
    await page.goto(`${vars.BASE_URL}/clients/${client}/compliance?framework_id=${anssi}`);
    await submit(page, `#${forms[0]} a[href*="/resources/new?requirement_id="]`);
    assert.equal(await page.$$eval('input[name=requirement_ids]:checked', (els) => els.length), 1,
      'the requirement comes ticked');
    await page.fill('#f-title', 'Charte informatique');
    await page.fill('#f-body', '# Charte\n\nChaque salarié utilise un **compte nominatif**.');
    await submit(page, 'main form.card button[type=submit]');
    assert.match(await page.textContent('.flash'), /brouillon/);
    assert.match(await page.innerHTML('#resource-body'), /<strong>compte nominatif<\/strong>/);
    await submit(page, 'form[action$="/status"] button:has-text("Approuver")');
    assert.match(await page.textContent('main'), /Version 1/);
    await page.goto(`${vars.BASE_URL}/clients/${client}/compliance?framework_id=${anssi}`);
    assert.match(await page.textContent(`#${forms[0]}`), /Charte informatique/, 'the evidence shows');

    // The Pilot's figures.
    await page.goto(`${vars.BASE_URL}/clients/${client}/pilot`);
    const main = await page.textContent('main');
    assert.match(main, /Guide d'hygiène informatique/);
    assert.match(main, /3\.7 %/);
    assert.match(main, /3 \/ 42/, 'three of 42 assessed');
    const actions = await page.textContent('#pilot-actions');
    assert.match(actions.replace(/\s+/g, ''), /Ouvertes1Terminées0/);
    assert.match(actions.replace(/\s+/g, ''), /Enretard1/);
    const docs = await page.textContent('#pilot-resources');
    assert.match(docs.replace(/\s+/g, ''), /Brouillon0Approuvé1Publié0/);
    const risks = await page.textContent('#pilot-risks');
    assert.match(risks, /1/);
    // The inherent heat map has the risk in its likelihood 4 × impact 5 cell.
    assert.ok(await page.$(`#pilot-risks a[href*="likelihood=4"][href*="impact=5"]`), 'heat-map cell links to the risk');
    await page.screenshot({ path: path.join(shots, 'journey-pilot.png'), fullPage: true });

    // The API says the same.
    const api = await page.request.get(`${vars.BASE_URL}/api/v1/clients/${client}/pilot`);
    const pilot = await api.json();
    assert.equal(pilot.frameworks[0].compliance_pct, 3.7);
    assert.equal(pilot.actions.open, 1);
    assert.equal(pilot.actions.overdue, 1);
    assert.equal(pilot.risks.heat_map[4][3], 1, 'impact 5, likelihood 4');
    assert.deepEqual(pilot.resources, { draft: 0, approved: 1, published: 0 });

    // The printable report: Chromium's "print to PDF" of it has a cover,
    // the heat maps, the compliance and the open action, and no empty page.
    await submit(page, `a[href="/clients/${client}/report"]`);
    assert.ok(await page.$('table.heat'), 'the report shows the heat maps');
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(shots, `report-${client}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, ' ');
    const pages = raw.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
    assert.ok(pages.length >= 2, `a cover and the body: ${pages.length} pages`);
    pages.forEach((p, i) => assert.ok(p.trim().length > 0, `page ${i + 1} of ${pages.length} is empty`));
    assert.match(pages[0], /Rapport de mission/);
    assert.match(text, /Risque initial/);
    assert.match(text, /Risque résiduel/);
    assert.match(text, /Guide d'hygiène informatique/);
    assert.match(text, /Sauvegarde hors ligne des plans de coupe/);
    assert.doesNotMatch(text, /Se déconnecter/, 'no navigation in print');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
