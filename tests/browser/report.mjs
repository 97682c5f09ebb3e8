// Browser journey of the deliverables (issue 14): a firm's admin sets its
// accent colour and logo on the branding page and the client's logo on the
// client's settings, then downloads the mission report from the Pilot
// ("Télécharger le rapport (PDF)", and "Word"): the files are a PDF and a
// Word document holding the client's name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { createFirm, httpTransport, loggedIn, uniqueName } from '../lib/identity.mjs';
import { docxOutline, makePng, pdfImageCount, pdfText } from '../lib/deliverables.mjs';

let browser;
let vars;
let shots;
let firm;
let client;
const NAME = uniqueName('Coopérative laitière du Haut-Doubs ');

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  const admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  const r = await admin.post('/api/v1/clients', { name: NAME, mission_type: 'permanent', plan: 'standard',
    billing_mode: 'intermediated' });
  assert.equal(r.status, 201, r.text);
  client = r.json.id;
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('an admin brands the firm and the client, then downloads the report from the Pilot as PDF and Word', async () => {
  const { context, page } = await person(browser);
  const logo = path.join(vars.STACK_DIR, `logo-${process.pid}.png`);
  fs.writeFileSync(logo, makePng(240, 80, { rgb: [122, 47, 143] }));
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    // The firm's branding: colour and logo.
    await submit(page, 'a[href="/branding"]');
    await page.fill('#f-accent_color', '#7a2f8f');
    await submit(page, 'form[action="/branding"] button[type=submit]');
    assert.match(await page.textContent('.flash'), /Image de marque enregistrée/);
    await page.setInputFiles('form[action="/branding/logo"] input[type=file]', logo);
    await submit(page, 'form[action="/branding/logo"] button[type=submit]');
    assert.match(await page.textContent('.flash'), /Logo enregistré/);
    assert.ok(await page.$('img[src="/branding/logo"]'), 'the logo shows');
    // The client's logo, on its settings page.
    await page.goto(`${vars.BASE_URL}/clients/${client}`);
    await page.setInputFiles(`form[action="/clients/${client}/logo"] input[type=file]`, logo);
    await submit(page, `form[action="/clients/${client}/logo"] button[type=submit]`);
    assert.match(await page.textContent('.flash'), /Logo enregistré/);

    // The Pilot: both logos in its header, the accent colour applied.
    await page.goto(`${vars.BASE_URL}/clients/${client}/pilot`);
    assert.ok(await page.$('.brand-header img[src="/branding/logo"]'));
    assert.ok(await page.$(`.brand-header img[src="/clients/${client}/logo"]`));
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
    assert.equal(brand, '#7a2f8f');
    assert.ok(await page.evaluate(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0)),
      'the logos load');
    await page.screenshot({ path: path.join(shots, 'journey-deliverables-pilot.png'), fullPage: true });

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#report-pdf')]);
    const file = await pdf.path();
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    assert.match(pdf.suggestedFilename(), /^report-\d+-[\d-]+\.pdf$/);
    const text = pdfText(bytes);
    assert.ok(text.includes(NAME), 'the client in the PDF');
    assert.ok(text.includes('Rapport de mission'), 'in French, the user\'s language');
    assert.equal(pdfImageCount(bytes), 2, 'both logos');

    const [word] = await Promise.all([page.waitForEvent('download'), page.click('#report-docx')]);
    const doc = docxOutline(fs.readFileSync(await word.path()));
    assert.deepEqual(doc.title, [NAME]);
    assert.ok(doc.headings.some((h) => h.style === 'Heading 1' && h.text === 'Synthèse'));
    assert.deepEqual(page.problems, []);
  } finally {
    fs.rmSync(logo, { force: true });
    await context.close();
  }
});
