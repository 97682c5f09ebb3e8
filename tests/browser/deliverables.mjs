// Browser journey of the consultant deliverables: a vCISO opens the
// portfolio, sorts it, opens a client, starts a new assessment cycle in
// reset mode and reads the comparison with the previous one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
let anssi;
const names = [uniqueName('Aciérie du Doubs '), uniqueName('Zinguerie de Morez ')];

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  const admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  const ids = [];
  for (const name of names) {
    const r = await admin.post('/api/v1/clients', { name, mission_type: 'permanent', plan: 'standard',
      billing_mode: 'intermediated' });
    assert.equal(r.status, 201, r.text);
    ids.push(r.json.id);
  }
  client = ids[1];
  const fws = (await admin.get('/api/v1/frameworks')).json.items;
  anssi = fws.find((f) => f.code === 'anssi-hygiene').id;
  assert.equal((await admin.post(`/api/v1/clients/${client}/frameworks`, { framework_id: anssi })).status, 201);
  const reqs = (await admin.get(`/api/v1/clients/${client}/compliance?framework_id=${anssi}&limit=3`)).json.items;
  for (const [i, st] of ['compliant', 'partial', 'compliant'].entries()) {
    const r = await admin.patch(`/api/v1/clients/${client}/compliance/${reqs[i].requirement_id}`,
      { status: st, comment: `Audit ${i + 1}` });
    assert.equal(r.status, 200, r.text);
  }
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the portfolio, sorted; a client; a new cycle in reset mode; the comparison', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await submit(page, '#nav-portfolio');
    assert.match(page.url(), /\/portfolio$/);
    const rows = () => page.$$eval('#portfolio-table tbody tr td:first-child a', (as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(await rows(), names, 'by name');
    // Sort by compliance, ascending then descending (the assessed client
    // first); then by name, descending.
    await submit(page, '#portfolio-table th a[href*="sort=compliance"]');
    assert.deepEqual(await rows(), names);
    await submit(page, '#portfolio-table th a[href*="sort=compliance"]');
    assert.deepEqual(await rows(), [names[1], names[0]]);
    await submit(page, '#portfolio-table th a[href*="sort=name"]');
    await submit(page, '#portfolio-table th a[href*="sort=name"]');
    assert.deepEqual(await rows(), [names[1], names[0]], 'by name, descending');
    assert.match(await page.textContent(`#portfolio-table tbody tr:first-child`), /6\.0 %/, '(2 + 0.5) / 42');
    await page.screenshot({ path: path.join(shots, 'journey-portfolio.png'), fullPage: true });

    // Open the client: its Pilot, then the framework's cycles.
    await submit(page, `#portfolio-table a[href="/clients/${client}/pilot"]`);
    assert.match(page.url(), new RegExp(`/clients/${client}/pilot$`));
    await page.goto(`${vars.BASE_URL}/clients/${client}/compliance?framework_id=${anssi}`);
    await submit(page, '#link-cycles');
    assert.match(await page.textContent('#cycles-table'), /Première évaluation/);

    // A new cycle, every status reset: the comparison opens.
    await page.check('#new-cycle input[name=mode][value=reset]');
    await submit(page, '#new-cycle button[type=submit]');
    assert.match(page.url(), new RegExp(`/clients/${client}/frameworks/${anssi}/cycles/1/compare/2\\?done=cycle_started$`));
    assert.match(await page.textContent('.flash'), /Nouveau cycle/);
    assert.equal((await page.textContent('#changed-count')).trim(), '3');
    assert.match(await page.textContent('#delta-pct'), /-6\.0 pts/);
    assert.equal(await page.$$eval('#compare-table tr.changed', (trs) => trs.length), 3);
    await page.screenshot({ path: path.join(shots, 'journey-cycle-compare.png'), fullPage: true });

    // The compliance page reads the new cycle: nothing assessed, comments kept.
    await page.goto(`${vars.BASE_URL}/clients/${client}/compliance?framework_id=${anssi}`);
    assert.match(await page.textContent('main'), /0 \/ 42/);
    assert.match(await page.inputValue('form.assess textarea[name=comment]'), /Audit 1/);
    assert.match(await page.textContent('#link-cycles'), /Cycle 2/);
  } finally {
    await context.close();
  }
});
