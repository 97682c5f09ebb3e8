// The external scan pages in Debian's Chromium: a vCISO imports an nmap
// report through the form and turns a finding into an action by its
// button; then axe-core finds no serious or critical violation and
// nothing overflows at 375 and 1440 px, in French and English, on the
// module's pages and on the pages that carry the exposure widgets, with
// no page error or CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SRCDIR, ensureStack } from '../lib/stack.mjs';
import { launch, login, person, submit } from '../lib/browser.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient, makeEstab } from '../lib/clients.mjs';

await lockStack();
const require = createRequire(import.meta.url);
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const fixture = (name) => path.join(SRCDIR, 'tests/unit/fixtures', name);
const WIDTHS = [375, 1440];

let browser;
let firm;
let api;
let ids;
let axeSource;

before(async () => {
  firm = createFirm(env);
  api = await loggedIn(http, firm.email, firm.password);
  // Real names: a random test word would not wrap at 375 px.
  const client = await makeClient(api, { name: 'Boulangeries du Port', modules: ['external_scan'] });
  const estab = await makeEstab(api, client.id, { name: 'Boulangerie du quai' });
  let r = await api.post(`/api/v1/clients/${client.id}/scan-targets`, { establishment_id: estab.id,
    value: '203.0.113.10', label: 'Web server' });
  assert.equal(r.status, 201, r.text);
  r = await api.post(`/api/v1/clients/${client.id}/scans`, { establishment_id: estab.id,
    nmap_xml: fs.readFileSync(fixture('nmap-office.xml'), 'utf8') });
  assert.equal(r.status, 201, r.text);
  ids = { client: client.id, estab: estab.id, first: r.json.id };
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a vCISO imports a report through the form and turns a finding into an action', async () => {
  const { context, page } = await person(browser);
  try {
    await login(page, env.BASE_URL, firm.email, firm.password);
    await page.goto(`${env.BASE_URL}/clients/${ids.client}/scans`);
    await page.selectOption('#f-establishment_id', String(ids.estab));
    await page.setInputFiles('#f-file', fixture('nmap-office-later.xml'));
    await submit(page, '#scan-form button[type=submit]');
    assert.match(page.url(), /\/scans\/\d+\?done=scan_imported$/);
    assert.ok(await page.$('.flash'), 'the flash message');
    const compare = await page.textContent('#scan-compare');
    assert.match(compare, /2/, `new and fixed: ${compare}`);
    // The telnet finding (new) becomes an action.
    const row = page.locator('tr', { hasText: '23/tcp' }).first();
    await Promise.all([page.waitForNavigation(), row.locator('button').click()]);
    assert.match(page.url(), /done=finding_action#finding-\d+$/);
    assert.ok(await page.locator('tr', { hasText: '23/tcp' }).first().locator('a[href^="/actions/"]').count(),
      'the finding links its action');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

const PAGES = [
  ['scans', '/clients/{client}/scans'],
  ['scan', '/scans/{scan}'],
  ['scan-targets', '/establishments/{estab}/scan-targets'],
  ['exposure', '/establishments/{estab}/exposure'],
  ['pilot', '/clients/{client}/pilot'],
  ['establishment', '/establishments/{estab}'],
  ['establishments', '/clients/{client}/establishments'],
];

for (const [name, pattern] of PAGES) {
  for (const lang of ['fr', 'en']) {
    test(`${name} (${lang}): no serious or critical axe violation, no overflow`, async () => {
      const p = pattern.replace('{client}', ids.client).replace('{estab}', ids.estab).replace('{scan}', ids.first);
      // axe is a script the page did not ship: this context alone bypasses the CSP.
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', bypassCSP: true });
      try {
        const u = new URL(env.BASE_URL);
        const [k, v] = api.cookieHeader().split(';')[0].split('=');
        await context.addCookies([{ name: k, value: v, domain: u.hostname, path: '/' }]);
        const page = await context.newPage();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const r = await page.goto(`${env.BASE_URL}${p}?lang=${lang}`);
          assert.equal(r.status(), 200, `${p}: status`);
          const overflow = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
          }));
          assert.ok(overflow.scroll <= overflow.client, `${p} at ${width} px overflows: ${overflow.scroll} > ${overflow.client}`);
        }
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const bad = result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')
          .map((x) => `${x.impact} ${x.id}: ${x.help} (${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
        assert.deepEqual(bad, [], `axe on ${p}`);
      } finally {
        await context.close();
      }
    });
  }
}
