// Browser journey of the library: an admin opens the library from the
// navigation, creates a template tagged with a requirement, selects it in
// the list, opens the deploy page, ticks every client with "select all" and
// deploys to two clients through the script's path (a dry run for the whole
// selection, then one API call per client, a progress bar and its "n / m"
// text), and sees the result with a link per client. Then a client that
// left the admin's team makes the dry run fail: nothing is deployed anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { createFirm, httpTransport, loggedIn, sqlValue, uniqueName } from '../lib/identity.mjs';

let browser;
let vars;
let shots;
let firm;
let admin;
const clients = [];

before(async () => {
  vars = ensureStack();
  firm = createFirm(vars);
  admin = await loggedIn(httpTransport(vars.BASE_URL), firm.email, firm.password);
  for (const name of ['Menuiserie Girard ', 'Imprimerie du Lac ']) {
    const r = await admin.post('/api/v1/clients', { name: uniqueName(name), mission_type: 'permanent',
      plan: 'standard', billing_mode: 'intermediated' });
    assert.equal(r.status, 201, r.text);
    clients.push(r.json);
  }
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const copies = (client, tpl) => Number(sqlValue(vars,
  `SELECT COUNT(*) FROM resources WHERE client_id = ${client} AND template_id = ${tpl}`));

test('an admin creates a template and deploys it to two clients with the progress bar', async () => {
  const { context, page } = await person(browser);
  const calls = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/templates/deploy')) {
      calls.push({ body: JSON.parse(r.postData()), csrf: r.headers()['x-csrf-token'] });
    }
  });
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await submit(page, '#nav-library');
    assert.match(page.url(), /\/templates$/);
    assert.match(await page.textContent('main .empty'), /Votre bibliothèque ne contient encore aucun modèle/);

    // A new template, tagged with the first measure of the ANSSI guide.
    await submit(page, 'main .empty a[href="/templates/new"]');
    await page.check('input[name=type][value=document]');
    await page.fill('#f-title', 'Politique de mots de passe');
    await page.fill('#f-body', '# Mots de passe\n\nDouze caractères **au moins**.');
    await page.click('details.req-pick:has(summary:has-text("ANSSI")) summary');
    await page.check('details.req-pick:has(summary:has-text("ANSSI")) input[name=requirement_ids] >> nth=0');
    await submit(page, '#template-form button[type=submit]');
    assert.match(await page.textContent('.flash'), /Modèle créé/);
    assert.match(await page.innerHTML('#template-body'), /<strong>au moins<\/strong>/);
    const tpl = Number(page.url().match(/\/templates\/(\d+)/)[1]);

    // From the list: select it, then "Deploy selected…".
    await page.goto(`${vars.BASE_URL}/templates`);
    await page.check(`#pick-${tpl}`);
    await submit(page, '#templates-pick button[type=submit]');
    assert.match(page.url(), new RegExp(`/templates/deploy\\?template_ids=${tpl}$`));
    assert.ok(await page.isChecked(`input[name=template_ids][value="${tpl}"]`), 'the selection comes ticked');

    // "Select all" (shown by the script) ticks both clients.
    const all = 'input[data-select-all=client_ids]';
    assert.ok(await page.isVisible(all), 'select all is shown with the script');
    await page.check(all);
    for (const c of clients) assert.ok(await page.isChecked(`input[name=client_ids][value="${c.id}"]`));
    await page.click('#deploy-form button[type=submit]');
    await page.waitForSelector('.deploy-result .flash');
    assert.match(page.url(), /\/templates\/deploy/, 'no page load: the script deployed');
    assert.equal(await page.textContent('.deploy-result .flash'), '1 modèle déployé chez 2 clients');
    assert.equal(await page.textContent('#deploy-progress-text'), '2 / 2 clients');
    assert.equal(await page.$eval('.deploy-status progress', (p) => [p.value, p.max].join('/')), '2/2');
    for (const c of clients) {
      assert.equal(await page.textContent(`.deploy-result a[href="/clients/${c.id}/resources"]`), c.name);
      assert.equal(copies(c.id, tpl), 1, `${c.name} has its copy`);
    }
    // A dry run for the whole selection, then one call per client, each with the session's token.
    assert.deepEqual(calls.map((x) => [x.body.dry_run === true, x.body.client_ids.length]),
      [[true, 2], [false, 1], [false, 1]]);
    assert.ok(calls.every((x) => /^[0-9a-f]{64}$/.test(x.csrf || '')), 'X-CSRF-Token sent');
    await page.screenshot({ path: path.join(shots, 'journey-library.png'), fullPage: true });

    // The links lead to the copies.
    await submit(page, `.deploy-result a[href="/clients/${clients[0].id}/resources"]`);
    assert.match(await page.textContent('main'), /Politique de mots de passe/);

    // A client that left the admin's team: the dry run refuses, nothing is deployed anywhere.
    await page.goto(`${vars.BASE_URL}/templates/deploy?template_ids=${tpl}`);
    await page.check('input[data-select-all=client_ids]');
    const second = await admin.post('/api/v1/users', { email: `second-${Date.now()}@lib.example`,
      password: 'second admin passphrase', first_name: 'Second', last_name: 'Admin', role: 'admin' });
    assert.equal(second.status, 201, second.text);
    const team = await admin.put(`/api/v1/clients/${clients[1].id}/vcisos`, { user_ids: [second.json.id] });
    assert.equal(team.status, 200, team.text);
    calls.length = 0;
    await page.click('#deploy-form button[type=submit]');
    await page.waitForSelector('.deploy-result .error-summary');
    assert.match(await page.textContent('.deploy-result .error-summary'),
      /Vous n'êtes pas déclaré vCISO de l'un de ces clients\. Rien n'a été déployé\./);
    assert.equal(calls.length, 1, 'only the dry run');
    for (const c of clients) assert.equal(copies(c.id, tpl), 1, `${c.name}: nothing more`);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// Issue 9's journey: a vCISO saves a client's policy as a template, deploys it
// to two other clients, edits the template, and sees on a deployed copy the
// "newer version" notice and the line diff, then takes the update.
test('a client\'s policy becomes a template, is deployed to two clients, and its copies learn of a new version', async () => {
  const src = await admin.post('/api/v1/clients', { name: uniqueName('Fromagerie Vallet '), mission_type: 'permanent',
    plan: 'standard', billing_mode: 'intermediated' });
  assert.equal(src.status, 201, src.text);
  const policy = await admin.post(`/api/v1/clients/${src.json.id}/resources`, { type: 'document',
    title: 'Politique de sauvegarde', body: '# Sauvegardes\n\nUne sauvegarde chaque nuit.\nUn test de restauration par mois.' });
  assert.equal(policy.status, 201, policy.text);
  // Both target clients on the admin's team (the first test may have changed it).
  for (const c of clients) {
    const t = await admin.put(`/api/v1/clients/${c.id}/vcisos`, { user_ids: [admin.user.id] });
    assert.equal(t.status, 200, t.text);
  }
  const { context, page } = await person(browser);
  try {
    await login(page, vars.BASE_URL, firm.email, firm.password);
    await page.goto(`${vars.BASE_URL}/resources/${policy.json.id}`);
    await submit(page, '#save-as-template');
    assert.match(await page.textContent('.flash'), /comme nouveau modèle/);
    const tpl = Number(page.url().match(/\/templates\/(\d+)/)[1]);
    assert.match(await page.innerHTML('#template-body'), /Une sauvegarde chaque nuit/);

    // Deploy it from its page to the two other clients.
    for (const c of clients) await page.check(`#deploy-form input[name=client_ids][value="${c.id}"]`);
    await page.click('#deploy-form button[type=submit]');
    await page.waitForSelector('.deploy-result .flash');
    assert.match(await page.textContent('.deploy-result .flash'), /1 modèle déployé chez 2 clients/);
    const copyOf = (c) => Number(sqlValue(vars,
      `SELECT id FROM resources WHERE client_id = ${c} AND template_id = ${tpl}`));
    const copy = copyOf(clients[0].id);
    assert.ok(copy > 0 && copyOf(clients[1].id) > 0, 'a copy in each client');

    // A new version of the template.
    await page.goto(`${vars.BASE_URL}/templates/${tpl}/edit`);
    await page.fill('#f-body', '# Sauvegardes\n\nUne sauvegarde chaque nuit, hors ligne.\nUn test de restauration par mois.');
    await submit(page, '#template-form button[type=submit]');
    assert.match(await page.textContent('.flash'), /Modèle enregistré/);

    // The copy is unchanged, and says a newer version exists.
    await page.goto(`${vars.BASE_URL}/resources/${copy}`);
    assert.match(await page.innerHTML('#resource-body'), /Une sauvegarde chaque nuit\.\s+Un test/);
    assert.match(await page.textContent('#template-update'), /version plus récente[^]*2/);
    await submit(page, '#template-update a');
    assert.match(page.url(), new RegExp(`/resources/${copy}/template-diff$`));
    assert.equal(await page.textContent('#diff tr.diff-del code'), '− Une sauvegarde chaque nuit.');
    assert.equal(await page.textContent('#diff tr.diff-add code'), '+ Une sauvegarde chaque nuit, hors ligne.');
    await page.screenshot({ path: path.join(shots, 'journey-library-diff.png'), fullPage: true });

    // The opt-in update: a new version of the copy, back to draft.
    page.once('dialog', (d) => d.accept());
    await submit(page, '#template-update-form button[type=submit]');
    assert.match(await page.textContent('.flash'), /Mise à la version du modèle/);
    assert.match(await page.innerHTML('#resource-body'), /hors ligne/);
    assert.equal(await page.$('#template-update'), null, 'up to date');
    assert.equal(sqlValue(vars, `SELECT CONCAT(version, '/', template_version, '/', status) FROM resources
      WHERE id = ${copy}`), '2/2/draft');
    assert.equal(sqlValue(vars, `SELECT template_version FROM resources WHERE id = ${copyOf(clients[1].id)}`), '1',
      'the other copy keeps its version');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
