// Rendered pages pass Debian's `tidy -q -e` without errors (warnings are
// reported as diagnostics, not failures). The 503 page is checked by
// tests/fault/database.mjs while the database is down.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { BUILDDIR, ensureStack } from '../lib/stack.mjs';
import { get, lockStack, tidy } from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;

const pages = [
  ['home, French', '/', {}, 200],
  ['home, English', '/?lang=en', {}, 200],
  ['home, Accept-Language: en', '/', { headers: { 'Accept-Language': 'en' } }, 200],
  ['404 page, French', '/no/such/page', {}, 404],
  ['404 page, English', '/no/such/page?lang=en', {}, 404],
  ['400 page (malformed query)', '/?a=%zz', {}, 400],
  ['405 page', '/ping', { method: 'POST' }, 405],
  ['413 page', '/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) }, 413],
  ['nginx 502/504 page (static)', '/static/unavailable.html', {}, 200],
  ['login page', '/login', {}, 200],
  ['login page, English', '/login?lang=en', {}, 200],
  ['account page (signed in)', '/account', { session: true }, 200],
  ['MFA page (signed in)', '/account/mfa', { session: true }, 200],
  ['users list (signed in)', '/users', { session: true }, 200],
  ['new user form (signed in)', '/users/new', { session: true }, 200],
  ['home (signed in)', '/', { session: true }, 200],
  // The demo firm's pages: a client with establishments and duplicates.
  ['clients list (demo)', '/clients', { demo: true }, 200],
  ['new-mission wizard (demo)', '/clients/new', { demo: true }, 200],
  ['client settings (demo)', () => `/clients/${demo.client}`, { demo: true }, 200],
  ['Pilot (demo)', () => `/clients/${demo.client}/pilot`, { demo: true }, 200],
  ['establishments (demo)', () => `/clients/${demo.client}/establishments`, { demo: true }, 200],
  ['new establishment (demo)', () => `/clients/${demo.client}/establishments/new`, { demo: true }, 200],
  ['establishment profile (demo)', () => `/establishments/${demo.estab}`, { demo: true }, 200],
  ['duplicates (demo)', () => `/clients/${demo.client}/duplicates`, { demo: true }, 200],
  ['directory import/export (demo)', () => `/clients/${demo.client}/establishments/import`, { demo: true }, 200],
  ['user edit with assignments (demo)', () => `/users/${demo.user}`, { demo: true }, 200],
  ['framework catalogue (demo)', '/frameworks', { demo: true }, 200],
  ['printable mission report (demo)', () => `/clients/${demo.client}/report`, { demo: true }, 200],
  ['branding (demo)', '/branding', { demo: true }, 200],
  ['one framework (demo)', () => `/frameworks/${demo.fw}`, { demo: true }, 200],
  ['framework import form (demo)', '/frameworks/import', { demo: true }, 200],
  ['compliance assessment (demo)', () => `/clients/${demo.client}/compliance?framework_id=${demo.fw}`, { demo: true }, 200],
  ['portfolio (demo)', '/portfolio', { demo: true }, 200],
  ['portfolio, sorted and filtered (demo)', '/portfolio?sort=overdue&dir=desc&plan=standard', { demo: true }, 200],
  ['Statement of Applicability (demo)', () => `/clients/${demo.client}/frameworks/${demo.fw}/soa`, { demo: true }, 200],
  ['assessment cycles (demo)', () => `/clients/${demo.client}/frameworks/${demo.fw}/cycles`, { demo: true }, 200],
  ['one assessment cycle (demo)', () => `/clients/${demo.client}/frameworks/${demo.fw}/cycles/1`, { demo: true }, 200],
  ['cycles compared (demo)', () => `/clients/${demo.client}/frameworks/${demo.fw}/cycles/1/compare/1`, { demo: true }, 200],
  ['risk register (demo)', () => `/clients/${demo.client}/risks`, { demo: true }, 200],
  ['risk register, one heat-map cell (demo)', () => `/clients/${demo.client}/risks?likelihood=4&impact=5`, { demo: true }, 200],
  ['new risk (demo)', () => `/clients/${demo.client}/risks/new`, { demo: true }, 200],
  ['one risk (demo)', () => `/risks/${demo.risk}`, { demo: true }, 200],
  ['action plan (demo)', () => `/clients/${demo.client}/actions`, { demo: true }, 200],
  ['action plan, filtered and sorted (demo)', () => `/clients/${demo.client}/actions?overdue=1&sort=priority&dir=desc`, { demo: true }, 200],
  ['new action (demo)', () => `/clients/${demo.client}/actions/new`, { demo: true }, 200],
  ['one action (demo)', () => `/actions/${demo.action}`, { demo: true }, 200],
  ['resources (demo)', () => `/clients/${demo.client}/resources`, { demo: true }, 200],
  ['resources, filtered and sorted (demo)', () => `/clients/${demo.client}/resources?status=draft&sort=updated_at&dir=desc`, { demo: true }, 200],
  ['new resource (demo)', () => `/clients/${demo.client}/resources/new`, { demo: true }, 200],
  ['one resource (demo)', () => `/resources/${demo.resource}`, { demo: true }, 200],
  ['edit a resource (demo)', () => `/resources/${demo.resource}/edit`, { demo: true }, 200],
  ['library (demo)', '/templates', { demo: true }, 200],
  ['library, filtered (demo)', '/templates?type=document&sort=updated_at&dir=desc', { demo: true }, 200],
  ['new template (demo)', '/templates/new', { demo: true }, 200],
  ['deploy templates (demo)', '/templates/deploy', { demo: true }, 200],
  ['empty library (signed in)', '/templates', { session: true }, 200],
  // The support area, as the demo's support user sees it.
  ['admin: clients of every firm', '/admin', { support: true }, 200],
  ['admin: one client and its billing', () => `/admin/clients/${demo.client}`, { support: true }, 200],
  ['admin: firms', '/admin/firms', { support: true }, 200],
  ['admin: billing changes', '/admin/billing-changes', { support: true }, 200],
  ['admin: monthly statement', '/admin/statement', { support: true }, 200],
];

async function supportSession() {
  await demoSession();
  if (demo.support) return demo.support;
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'support@demo.rempart.test', password: 'demo rempart 2026' }),
  });
  assert.equal(r.status, 201);
  demo.support = r.headers.get('set-cookie').split(';')[0];
  return demo.support;
}

// The demo admin's session and the ids its pages name.
const demo = {};
async function demoSession() {
  if (demo.cookie) return demo.cookie;
  execFileSync(path.join(BUILDDIR, 'app/rempart-admin'), ['-c', env.REMPART_CONFIG, 'seed-demo']);
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.rempart.test', password: 'demo rempart 2026' }),
  });
  assert.equal(r.status, 201);
  demo.cookie = r.headers.get('set-cookie').split(';')[0];
  const json = async (p) => (await fetch(`${BASE}${p}`, { headers: { Cookie: demo.cookie } })).json();
  demo.client = (await json('/api/v1/clients?q=Boulangeries')).items[0].id;
  demo.estab = (await json(`/api/v1/clients/${demo.client}/establishments`)).items[0].id;
  demo.user = (await json('/api/v1/users?q=site%40demo')).items[0].id;
  demo.fw = (await json(`/api/v1/clients/${demo.client}/pilot`)).frameworks[0].framework_id;
  demo.risk = (await json(`/api/v1/clients/${demo.client}/risks`)).items[0].id;
  demo.action = (await json(`/api/v1/clients/${demo.client}/actions?overdue=1`)).items[0].id;
  demo.resource = (await json(`/api/v1/clients/${demo.client}/resources?status=published`)).items[0].id;
  return demo.cookie;
}

// A firm admin's session, for the signed-in pages.
let cookie = null;
async function session() {
  if (cookie) return cookie;
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `tidy-${tag}@tidy.example`;
  execFileSync(path.join(BUILDDIR, 'app/rempart-admin'),
    ['-c', env.REMPART_CONFIG, 'create-firm', `Tidy ${tag}`, email, '--password-stdin'],
    { input: 'tidy admin passphrase\n' });
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'tidy admin passphrase' }),
  });
  assert.equal(r.status, 201);
  cookie = r.headers.get('set-cookie').split(';')[0];
  return cookie;
}

for (const [name, where, init, status] of pages) {
  test(`tidy: ${name} (${typeof where === 'string' ? where : 'demo'})`, async (t) => {
    let opts = init;
    if (init.session) opts = { headers: { Cookie: await session() } };
    if (init.demo) opts = { headers: { Cookie: await demoSession() } };
    if (init.support) opts = { headers: { Cookie: await supportSession() } };
    const p = typeof where === 'function' ? where() : where;
    const r = await get(`${BASE}${p}`, opts, 30000);
    assert.equal(r.status, status, `${p}: ${r.status}`);
    assert.match(r.headers.get('content-type') || '', /^text\/html/);
    const td = tidy(r.text);
    if (td.output) t.diagnostic(`tidy (exit ${td.status}):\n${td.output}`);
    assert.ok(td.status !== null, 'tidy ran to the end');
    assert.ok(td.status < 2, `tidy finds errors (exit ${td.status}) in ${p}:\n${td.output}`);
  });
}
