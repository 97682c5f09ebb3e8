// Accessibility and layout of every page family, in Debian's Chromium:
// axe-core finds no serious or critical violation, and nothing overflows
// horizontally at 375 px (a phone) or 1440 px (a laptop). Screenshots of
// each page at both widths go to $STACK_DIR/screenshots/; with
// RP_README_SHOTS=1, those the README shows are refreshed in docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BUILDDIR, SRCDIR, ensureStack } from '../lib/stack.mjs';
import { launch } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const WIDTHS = [375, 1440];
// RP_README_SHOTS=1 also refreshes the README's screenshots in docs/.
const README_SHOTS = new Set(['home-signed-in-fr-1440', 'users-fr-1440', 'user-new-en-1440',
  'account-fr-1440', 'login-fr-375', 'mfa-en-1440', 'clients-fr-1440', 'client-fr-1440',
  'client-new-en-1440', 'establishment-fr-1440', 'duplicates-fr-1440', 'establishments-en-375',
  'pilot-fr-1440', 'compliance-en-1440', 'risks-fr-1440', 'admin-statement-fr-1440']);

// The demo firm (seed-demo is idempotent): stable names for the README's
// screenshots, and a users list with someone in every role.
const ADMIN = 'admin@demo.rempart.test';
const PASSWORD = 'demo rempart 2026';

let browser;
let vars;
let axeSource;
let shots;
let cookie;
let supportCookie;
let ids;

// The client and establishment the pages below name: seed-demo's bakeries
// (establishments, a likely duplicate, the admin on the team).
async function demoIds(session) {
  const get = async (p) => {
    const r = await fetch(`${vars.BASE_URL}/api/v1${p}`, { headers: { Cookie: session } });
    assert.equal(r.status, 200, `GET ${p}`);
    return r.json();
  };
  const client = (await get(`/clients?q=${encodeURIComponent('Boulangeries Martin')}`)).items[0].id;
  const estab = (await get(`/clients/${client}/establishments`)).items[0].id;
  const fw = (await get(`/clients/${client}/pilot`)).frameworks[0].framework_id;
  const risk = (await get(`/clients/${client}/risks`)).items[0].id;
  // The overdue action: its page shows the late badge.
  const action = (await get(`/clients/${client}/actions?overdue=1`)).items[0].id;
  // The published policy: a rendered Markdown body.
  const resource = (await get(`/clients/${client}/resources?status=published`)).items[0].id;
  return { client, estab, fw, risk, action, resource };
}

before(async () => {
  vars = ensureStack();
  execFileSync(path.join(BUILDDIR, 'app/rempart-admin'), ['-c', vars.REMPART_CONFIG, 'seed-demo']);
  const r = await fetch(`${vars.BASE_URL}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  });
  assert.equal(r.status, 201);
  cookie = r.headers.get('set-cookie').split(';')[0].split('=');
  ids = await demoIds(cookie.join('='));
  // A template of seed-demo's starter library.
  const lib = await fetch(`${vars.BASE_URL}/api/v1/templates?sort=title`, { headers: { Cookie: cookie.join('=') } });
  assert.equal(lib.status, 200);
  ids.template = (await lib.json()).items[0].id;
  // The demo's support user, for the administration pages.
  const s = await fetch(`${vars.BASE_URL}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'support@demo.rempart.test', password: PASSWORD }),
  });
  assert.equal(s.status, 201);
  supportCookie = s.headers.get('set-cookie').split(';')[0].split('=');
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  shots = path.join(vars.STACK_DIR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// [name, path, signed in?, expected status]
const PAGES = [
  ['home', '/', false, 200],
  ['home-signed-in', '/', true, 200],
  ['login', '/login', false, 200],
  ['not-found', '/no/such/page', false, 404],
  ['account', '/account', true, 200],
  ['mfa', '/account/mfa', true, 200],
  ['users', '/users', true, 200],
  ['user-new', '/users/new', true, 200],
  ['clients', '/clients', true, 200],
  ['client-new', '/clients/new', true, 200],
  ['client', '/clients/{client}', true, 200],
  ['pilot', '/clients/{client}/pilot', true, 200],
  ['establishments', '/clients/{client}/establishments', true, 200],
  ['establishment-new', '/clients/{client}/establishments/new', true, 200],
  ['establishment', '/establishments/{estab}', true, 200],
  ['duplicates', '/clients/{client}/duplicates', true, 200],
  ['directory', '/clients/{client}/establishments/import', true, 200],
  ['frameworks', '/frameworks', true, 200],
  ['report', '/clients/{client}/report', true, 200],
  ['branding', '/branding', true, 200],
  ['framework', '/frameworks/{fw}', true, 200],
  ['framework-import', '/frameworks/import', true, 200],
  ['compliance', '/clients/{client}/compliance?framework_id={fw}', true, 200],
  ['portfolio', '/portfolio', true, 200],
  ['soa', '/clients/{client}/frameworks/{fw}/soa', true, 200],
  ['cycles', '/clients/{client}/frameworks/{fw}/cycles', true, 200],
  ['cycle', '/clients/{client}/frameworks/{fw}/cycles/1', true, 200],
  ['cycle-compare', '/clients/{client}/frameworks/{fw}/cycles/1/compare/1', true, 200],
  ['risks', '/clients/{client}/risks', true, 200],
  ['risk-new', '/clients/{client}/risks/new', true, 200],
  ['risk', '/risks/{risk}', true, 200],
  ['actions', '/clients/{client}/actions', true, 200],
  ['action-new', '/clients/{client}/actions/new', true, 200],
  ['action', '/actions/{action}', true, 200],
  ['resources', '/clients/{client}/resources', true, 200],
  ['resource-new', '/clients/{client}/resources/new', true, 200],
  ['resource', '/resources/{resource}', true, 200],
  ['resource-edit', '/resources/{resource}/edit', true, 200],
  ['templates', '/templates', true, 200],
  ['template-new', '/templates/new', true, 200],
  ['template', '/templates/{template}', true, 200],
  ['template-edit', '/templates/{template}/edit', true, 200],
  ['templates-deploy', '/templates/deploy?template_ids={template}', true, 200],
  ['admin-clients', '/admin', 'support', 200],
  ['admin-client', '/admin/clients/{client}', 'support', 200],
  ['admin-firms', '/admin/firms', 'support', 200],
  ['admin-billing', '/admin/billing-changes', 'support', 200],
  ['admin-statement', '/admin/statement', 'support', 200],
];

for (const [name, pattern, signedIn, status] of PAGES) {
  for (const lang of ['fr', 'en']) {
    test(`${name} (${lang}): no serious or critical axe violation, no overflow at ${WIDTHS.join(' and ')} px`, async () => {
      // axe is injected as a script the page did not ship: the CSP would
      // (rightly) block it, so this context alone bypasses it.
      const p = pattern.replace('{client}', ids.client).replace('{estab}', ids.estab).replace('{fw}', ids.fw)
        .replace('{risk}', ids.risk)
        .replace('{action}', ids.action).replace('{resource}', ids.resource)
        .replace('{template}', ids.template);
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', bypassCSP: true });
      try {
        if (signedIn) {
          const u = new URL(vars.BASE_URL);
          const c = signedIn === 'support' ? supportCookie : cookie;
          await context.addCookies([{ name: c[0], value: c[1], domain: u.hostname, path: '/' }]);
        }
        const page = await context.newPage();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const r = await page.goto(`${vars.BASE_URL}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
          assert.equal(r.status(), status, `${p}: status`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          const shot = `${name}-${lang}-${width}`;
          await page.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
          if (process.env.RP_README_SHOTS && README_SHOTS.has(shot)) {
            fs.mkdirSync(path.join(SRCDIR, 'docs/screenshots'), { recursive: true });
            await page.screenshot({ path: path.join(SRCDIR, 'docs/screenshots', `${shot}.png`),
              fullPage: width < 1000 });
          }
          const overflow = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
          }));
          assert.ok(overflow.scroll <= overflow.client,
            `${p} at ${width} px overflows: ${overflow.scroll} > ${overflow.client}`);
        }
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => window.axe.run(document, {
          resultTypes: ['violations'],
        }));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
        assert.deepEqual(bad, [], `axe on ${p}`);
      } finally {
        await context.close();
      }
    });
  }
}
