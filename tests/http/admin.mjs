// The support admin area and billing (SPEC §1 "Billing mode", §2 support row,
// §4 /admin routes; contract of issue 6): every /api/v1/admin route is for
// support users only (firm users 403, anonymous 401) and support users are
// kept out of the firm routes; firms made with a one-time setup link; clients
// across firms with their filters; billing changes (validation, one
// transaction for the client, its billing_changes row and its audit row,
// proved by a failure injected between the last two); the firm-side billing
// history; the monthly statement (prorated lines, totals per billed party)
// and its CSV export; CSRF on every change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SRCDIR, ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, Client, RUN, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql,
  sqlStr, sqlValue, strongPassword, uniqueEmail, uniqueName, userRow,
} from '../lib/identity.mjs';
import {
  ISO_UTC, audit, byNumber, clientRow, clientSnapshot, ids, makeClient, makeEstab, parseCsv, person,
} from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// The admin shape of a client (GET /admin/clients); `modules` is allowed too,
// nothing of the Pilot, the team or the establishments.
const ADMIN_CLIENT_FIELDS = ['id', 'name', 'firm_id', 'firm_name', 'mission_type', 'plan', 'status', 'billing_mode',
  'billing_email', 'created_at'];
const BILLING_CHANGE_FIELDS = ['id', 'client_id', 'firm_id', 'old_mode', 'new_mode', 'old_email', 'new_email', 'reason',
  'by_user_id', 'at'];

// Support users S and S2. Firm A: an admin, a second admin, two
// multi-account managers (mam on C1's team, mam2 on none), an account
// manager on C1's team, one without profile.edit (who suggests), an
// establishment manager of E1 (in C1). C2: the admin's own client. Firm B:
// an admin and a client.
const S = {};
const S2 = {};
const A = {};
const B = {};

before(async () => {
  Object.assign(S, createSupport(env));
  S.c = await loggedIn(http, S.email, S.password);
  Object.assign(S2, createSupport(env));
  S2.c = await loggedIn(http, S2.email, S2.password);
  const fa = createFirm(env);
  A.firmId = fa.firmId;
  A.name = fa.name;
  A.admin = { ...fa, id: userRow(env, fa.email).id, c: await loggedIn(http, fa.email, fa.password) };
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.mam = await person(http, A.admin.c, 'multi_account_manager');
  A.mam2 = await person(http, A.admin.c, 'multi_account_manager');
  A.am = await person(http, A.admin.c, 'account_manager');
  A.C1 = await makeClient(A.admin.c, { vciso_ids: [A.mam.id, A.am.id] });
  A.C2 = await makeClient(A.admin.c);
  A.E1 = await makeEstab(A.admin.c, A.C1.id);
  A.E2 = await makeEstab(A.admin.c, A.C1.id);
  A.em = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.E1.id] });
  A.amRead = await person(http, A.admin.c, 'account_manager', { client_ids: [A.C1.id],
    features: ALL_FEATURES.filter((f) => f !== 'profile.edit') });
  const s = await A.amRead.c.post(`/api/v1/establishments/${A.E1.id}/suggestions`, { field: 'city', value: 'Lorient' });
  if (s.status !== 201) throw new Error(`suggestion: ${s.status} ${s.text}`);
  A.S1 = s.json;
  const fb = createFirm(env);
  B.firmId = fb.firmId;
  B.name = fb.name;
  B.admin = { ...fb, id: userRow(env, fb.email).id, c: await loggedIn(http, fb.email, fb.password) };
  B.C = await makeClient(B.admin.c);
});

const firmUsers = () => [A.admin, A.mam, A.am, A.em];
const billingChangeRows = (clientId) => sql(env, `SELECT client_id, firm_id, old_mode, new_mode, old_email, new_email,
  reason, by_user_id FROM billing_changes WHERE client_id = ${Number(clientId)} ORDER BY id`)
  .map(([c, f, om, nm, oe, ne, reason, by]) => [Number(c), Number(f), om, nm, oe, ne, reason, Number(by)]);
const billingChangeCount = (clientId) => Number(sqlValue(env,
  `SELECT COUNT(*) FROM billing_changes WHERE client_id = ${Number(clientId)}`));
const firmCount = (name) => Number(sqlValue(env, `SELECT COUNT(*) FROM firms WHERE name = ${sqlStr(name)}`));
const userCount = (email) => Number(sqlValue(env, `SELECT COUNT(*) FROM users WHERE email = ${sqlStr(email)}`));
const billingPath = (id) => `/api/v1/admin/clients/${id}/billing`;

// A valid billing change body.
const toDirect = (extra = {}) => ({ billing_mode: 'direct', billing_email: uniqueEmail('billing'),
  reason: `Asked by the client on the phone ${RUN}`, ...extra });

function assertAdminClient(x, what) {
  for (const f of ADMIN_CLIENT_FIELDS) assert.ok(f in x, `${what}: ${f}`);
  const extra = Object.keys(x).filter((k) => !ADMIN_CLIENT_FIELDS.includes(k) && !['modules', 'billing_history'].includes(k));
  assert.deepEqual(extra, [], `${what}: nothing else (no team, no establishments, no Pilot figures)`);
}

function assertBillingChange(x, what) {
  for (const f of BILLING_CHANGE_FIELDS) assert.ok(f in x, `${what}: ${f}`);
  assert.match(x.at, ISO_UTC, `${what}: at`);
}

// The one-time token of a setup URL.
function tokenOf(url) {
  const m = String(url).match(/^\/setup\/([A-Za-z0-9_-]{20,})$/);
  assert.ok(m, `setup_url ${url}`);
  return m[1];
}

// A firm made by support through the API: {firm, admin, setup_url, token, name, email}.
async function newFirm(extra = {}) {
  const body = { name: uniqueName('Cabinet '), admin_email: uniqueEmail('firmadmin'), ...extra };
  const r = await S.c.post('/api/v1/admin/firms', body);
  if (r.status !== 201) throw new Error(`create firm: ${r.status} ${r.text}`);
  return { ...r.json, token: tokenOf(r.json.setup_url), name: body.name, email: body.admin_email };
}

// ----------------------------------------------------------------- access ---

// Every /api/v1/admin route with a body that would change something.
const adminRoutes = () => [
  ['GET', '/api/v1/admin/firms'],
  ['GET', '/api/v1/admin/firms?q=x'],
  ['POST', '/api/v1/admin/firms', { name: `Intruder ${RUN}`, admin_email: `intruder-${RUN}@idtest.example` }],
  ['POST', `/api/v1/admin/firms/${A.firmId}/setup-link`, { user_id: A.admin.id }],
  ['GET', '/api/v1/admin/clients'],
  ['GET', `/api/v1/admin/clients?firm_id=${A.firmId}`],
  ['GET', `/api/v1/admin/clients/${A.C1.id}`],
  ['PATCH', billingPath(A.C1.id), { billing_mode: 'direct', billing_email: 'intruder@client.example',
    reason: 'Not allowed to do this' }],
  ['GET', '/api/v1/admin/billing-changes'],
  ['GET', `/api/v1/admin/billing-changes?client_id=${A.C1.id}`],
  ['GET', '/api/v1/admin/statement?month=2026-09'],
  ['GET', '/api/v1/admin/statement.csv?month=2026-09'],
];

test('every /api/v1/admin route: firm users of every role 403, anonymous 401; nothing changes', async () => {
  const snap = clientSnapshot(env, A.C1.id);
  const auditBefore = maxAuditId(env);
  const anonymous = new Client(http);
  for (const [method, p, b] of adminRoutes()) {
    for (const who of firmUsers()) {
      const r = await who.c.request(method, p, b);
      expectError(assert, `${who.c.user.role} ${method} ${p}`, r, 403);
      assert.ok(!r.text.includes(A.C1.name), `${who.c.user.role} ${method} ${p}: no client data`);
    }
    expectError(assert, `anonymous ${method} ${p}`, await anonymous.request(method, p, b), 401);
  }
  assert.deepEqual(clientSnapshot(env, A.C1.id), snap, 'the client did not change');
  assert.equal(billingChangeCount(A.C1.id), 0);
  assert.equal(firmCount(`Intruder ${RUN}`), 0, 'no firm created');
  assert.equal(userCount(`intruder-${RUN}@idtest.example`), 0, 'no user created');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND (firm_id = ${A.firmId} OR action LIKE 'firm.%'
    OR action = 'client.billing')`), []);
});

test('every /api/v1/admin read route answers support users', async () => {
  for (const [method, p] of adminRoutes().filter(([m]) => m === 'GET')) {
    const r = await S.c.request(method, p);
    assert.equal(r.status, 200, `support ${method} ${p}: ${r.text.slice(0, 300)}`);
  }
});

test('support users get 403 on the firm routes (clients, establishments, suggestions, Pilot, users) and change nothing', async () => {
  const c1 = A.C1.id;
  const e1 = A.E1.id;
  const snaps = () => [clientSnapshot(env, c1), sql(env, `SELECT city, status, plan, merged_into FROM establishments
    WHERE id IN (${e1}, ${A.E2.id}) ORDER BY id`), sql(env, `SELECT status FROM establishment_suggestions
    WHERE id = ${A.S1.id}`), userRow(env, A.am.email)];
  const before = snaps();
  const auditBefore = maxAuditId(env);
  const routes = [
    ['GET', '/api/v1/clients'], ['GET', `/api/v1/clients/${c1}`],
    ['POST', '/api/v1/clients', { name: `Support ${RUN}`, mission_type: 'permanent', plan: 'standard',
      billing_mode: 'intermediated' }],
    ['PATCH', `/api/v1/clients/${c1}`, { name: 'Support' }], ['POST', `/api/v1/clients/${c1}/plan`, { plan: 'premium' }],
    ['PUT', `/api/v1/clients/${c1}/vcisos`, { user_ids: [] }], ['GET', `/api/v1/clients/${c1}/pilot`],
    ['GET', `/api/v1/clients/${c1}/audit`], ['GET', `/api/v1/clients/${c1}/billing-changes`],
    ['GET', `/api/v1/clients/${c1}/establishments`], ['POST', `/api/v1/clients/${c1}/establishments`, { name: 'Support' }],
    ['GET', `/api/v1/clients/${c1}/establishments/export`], ['GET', `/api/v1/clients/${c1}/duplicates`],
    ['GET', `/api/v1/establishments/${e1}`], ['PATCH', `/api/v1/establishments/${e1}`, { city: 'Support' }],
    ['POST', `/api/v1/establishments/${e1}/status`, { action: 'close' }],
    ['POST', `/api/v1/establishments/${e1}/plan`, { plan: 'premium' }],
    ['POST', `/api/v1/establishments/${A.E2.id}/merge`, { into: e1 }],
    ['GET', `/api/v1/establishments/${e1}/suggestions`],
    ['POST', `/api/v1/establishments/${e1}/suggestions`, { field: 'city', value: 'Support' }],
    ['POST', `/api/v1/suggestions/${A.S1.id}/accept`, {}], ['POST', `/api/v1/suggestions/${A.S1.id}/reject`, {}],
    ['GET', '/api/v1/users'], ['GET', `/api/v1/users/${A.am.id}`],
    ['POST', '/api/v1/users', { email: uniqueEmail('bysupport'), password: strongPassword(), first_name: 'S',
      last_name: 'S', role: 'admin' }],
    ['PATCH', `/api/v1/users/${A.am.id}`, { first_name: 'Support', features: [] }],
  ];
  for (const [method, p, b] of routes) {
    const r = await S.c.request(method, p, b);
    expectError(assert, `support ${method} ${p}`, r, 403);
    assert.ok(!r.text.includes(A.C1.name) && !r.text.includes(A.E1.name), `support ${method} ${p}: no tenant data`);
  }
  // The HTML pages too.
  for (const p of ['/clients', `/clients/${c1}`, `/clients/${c1}/pilot`, `/clients/${c1}/establishments`,
    `/establishments/${e1}`, '/users']) {
    const r = await S.c.get(p);
    assert.equal(r.status, 403, `support GET ${p}: ${r.status}`);
    assert.ok(!r.text.includes(A.C1.name), `support GET ${p}: no client data`);
  }
  assert.deepEqual(snaps(), before, 'nothing changed');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE name = ${sqlStr(`Support ${RUN}`)}`)), 0);
  assert.deepEqual(audit(env, `id > ${auditBefore} AND user_id = ${S.id}`), []);
});

test('the /admin pages: support 200, firm users 403, anonymous sent to /login', async () => {
  const pages = ['/admin', '/admin/firms', `/admin/clients/${A.C1.id}`, '/admin/billing-changes',
    '/admin/statement?month=2026-09'];
  const anonymous = new Client(http);
  for (const p of pages) {
    const r = await S.c.get(p);
    assert.equal(r.status, 200, `support GET ${p}: ${r.status} ${r.text.slice(0, 200)}`);
    assert.match(r.headers['content-type'] || '', /^text\/html/, `support GET ${p}: HTML`);
    for (const who of firmUsers()) {
      const f = await who.c.get(p);
      assert.equal(f.status, 403, `${who.c.user.role} GET ${p}: ${f.status}`);
      assert.ok(!f.text.includes(A.C1.name), `${who.c.user.role} GET ${p}: no client data`);
    }
    const a = await anonymous.get(p);
    assert.ok([302, 303].includes(a.status), `anonymous GET ${p}: ${a.status}`);
    assert.match(a.headers.location || '', /^\/login(\?|$)/, `anonymous GET ${p}: Location`);
  }
  const home = await S.c.get('/admin');
  assert.match(home.text, /Administration/, 'the top bar names the admin area');
});

// ------------------------------------------------------------------ firms ---

test('POST /admin/firms: the firm and its admin (no usable password yet), a one-time setup link; audited firm.create', async () => {
  const before = maxAuditId(env);
  const body = { name: uniqueName('Cabinet Ker '), admin_email: uniqueEmail('firmadmin'), admin_first_name: 'Anne',
    admin_last_name: 'Le Goff' };
  const r = await S.c.post('/api/v1/admin/firms', body);
  assert.equal(r.status, 201, r.text);
  const { firm, admin } = r.json;
  assert.ok(Number.isInteger(firm.id) && firm.id > 0, 'firm.id');
  assert.equal(firm.name, body.name);
  assert.ok(Number.isInteger(admin.id) && admin.id > 0, 'admin.id');
  assert.equal(admin.email, body.admin_email);
  tokenOf(r.json.setup_url);
  assert.match(r.json.setup_expires_at, ISO_UTC);
  const ttl = Date.parse(r.json.setup_expires_at) - Date.now();
  assert.ok(ttl > 71 * 3600e3 && ttl <= 72 * 3600e3 + 60e3, `the link lives 72 h: ${r.json.setup_expires_at}`);
  const u = userRow(env, body.admin_email);
  assert.deepEqual([u.id, u.firmId, u.role, u.first_name, u.last_name, u.active],
    [admin.id, firm.id, 'admin', 'Anne', 'Le Goff', true]);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM firms WHERE id = ${firm.id}
    AND name = ${sqlStr(body.name)}`)), 1);
  // No password works before the link is used.
  for (const pw of ['', strongPassword(), r.json.setup_url, tokenOf(r.json.setup_url)]) {
    const l = await new Client(http).login(body.admin_email, pw);
    assert.ok([400, 401].includes(l.status), `login with ${JSON.stringify(pw)}: ${l.status} ${l.text}`);
  }
  const rows = audit(env, `id > ${before} AND action = 'firm.create'`);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.equal(rows[0].user_id, S.id, 'by the support user');
  assert.equal(rows[0].object_id, firm.id);
  assert.ok(!rows[0].raw.includes(tokenOf(r.json.setup_url)), 'the token is not in the audit log');
  // Listed, with its counts.
  const l = await S.c.get(`/api/v1/admin/firms?q=${encodeURIComponent(body.name)}`);
  assert.equal(l.status, 200, l.text);
  assert.equal(l.json.total, 1, l.text);
  assert.equal(l.json.items.length, 1);
  const f = l.json.items[0];
  for (const k of ['id', 'name', 'created_at', 'clients_count', 'users_count']) assert.ok(k in f, `firm.${k}`);
  assert.deepEqual([f.id, f.name, f.clients_count, f.users_count], [firm.id, body.name, 0, 1]);
  assert.match(f.created_at, ISO_UTC);
});

test('GET /admin/firms: every firm with its counts; ?q searches the name; paging', async () => {
  const l = await S.c.get(`/api/v1/admin/firms?q=${encodeURIComponent(A.name)}`);
  assert.equal(l.status, 200, l.text);
  const a = l.json.items.find((x) => x.id === A.firmId);
  assert.ok(a, `firm A found by its name: ${l.text}`);
  assert.equal(a.name, A.name);
  assert.equal(a.clients_count, Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${A.firmId}`)));
  assert.equal(a.users_count, Number(sqlValue(env, `SELECT COUNT(*) FROM users WHERE firm_id = ${A.firmId}`)));
  assert.ok(!l.json.items.some((x) => x.id === B.firmId), 'firm B does not match A\'s name');
  const both = await S.c.get(`/api/v1/admin/firms?q=${encodeURIComponent(RUN)}&limit=1`);
  assert.equal(both.status, 200, both.text);
  assert.equal(both.json.items.length, 1, 'limit');
  assert.ok(both.json.total >= 2, `total counts past the page: ${both.json.total}`);
  const none = await S.c.get(`/api/v1/admin/firms?q=${encodeURIComponent(`no such firm ${RUN}`)}`);
  assert.deepEqual([none.json.items, none.json.total], [[], 0]);
});

test('setup link (API): a weak password is refused (400) and the link still works once; then 404; the password logs in', async () => {
  const f = await newFirm();
  for (const weak of ['short', 'winniethepooh', f.email]) {
    expectError(assert, `weak ${weak}`, await new Client(http).post('/api/v1/setup', { token: f.token, password: weak },
      { csrf: false }), 400, 'weak_password', 'password');
  }
  expectError(assert, 'no password', await new Client(http).post('/api/v1/setup', { token: f.token }, { csrf: false }),
    400, undefined, 'password');
  const password = strongPassword();
  const c = new Client(http);
  const r = await c.post('/api/v1/setup', { token: f.token, password }, { csrf: false });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.user.email, f.email);
  assert.equal(r.json.user.role, 'admin');
  assert.equal(r.json.user.firm_id, f.firm.id);
  assert.equal(typeof r.json.csrf_token, 'string');
  assert.ok(c.token, 'the session cookie is set');
  c.csrf = r.json.csrf_token;
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.email, f.email);
  // The link is used up.
  expectError(assert, 'second use', await new Client(http).post('/api/v1/setup', { token: f.token,
    password: strongPassword() }, { csrf: false }), 404);
  assert.equal((await new Client(http).get(`/setup/${f.token}`)).status, 404, 'the page is gone too');
  // The password chosen logs in; the admin works in its new firm.
  const again = await loggedIn(http, f.email, password);
  const k = await makeClient(again);
  assert.equal(Number(clientRow(env, k.id)[1]), f.firm.id);
  const l = await S.c.get(`/api/v1/admin/firms?q=${encodeURIComponent(f.name)}`);
  assert.deepEqual([l.json.items[0].clients_count, l.json.items[0].users_count], [1, 1]);
});

test('setup link (HTML): the form chooses the password once (confirmation must match), logs in; then 404', async () => {
  const f = await newFirm();
  const c = new Client(http);
  const page = await c.get(`/setup/${f.token}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  assert.match(page.headers['content-type'] || '', /^text\/html/);
  assert.match(page.text, /name="password"/);
  assert.match(page.text, /name="password_confirm"/);
  const csrf = page.text.match(/name="csrf_token" value="([^"]+)"/)?.[1];
  const post = (fields) => {
    const body = new URLSearchParams(csrf ? { csrf_token: csrf, ...fields } : fields);
    return c.request('POST', `/setup/${f.token}`, undefined, { raw: body.toString(),
      contentType: 'application/x-www-form-urlencoded', csrf: false });
  };
  const password = strongPassword();
  let r = await post({ password, password_confirm: `${password}x` });
  assert.equal(r.status, 400, `confirmation differs: ${r.status}`);
  r = await post({ password: 'winniethepooh', password_confirm: 'winniethepooh' });
  assert.equal(r.status, 400, `weak: ${r.status}`);
  r = await post({ password, password_confirm: password });
  assert.ok([302, 303].includes(r.status), `set: ${r.status} ${r.text.slice(0, 300)}`);
  assert.ok(r.headers.location, 'sent on');
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, `logged in by the form: ${me.text}`);
  assert.equal(me.json.email, f.email);
  assert.equal((await new Client(http).get(`/setup/${f.token}`)).status, 404, 'used');
  assert.equal((await post({ password, password_confirm: password })).status, 404, 'used');
  await loggedIn(http, f.email, password);
});

test('setup link: unknown, malformed and expired tokens answer 404', async () => {
  const f = await newFirm();
  for (const t of ['A'.repeat(43), 'nope', `${f.token}x`, f.token.slice(0, -1)]) {
    expectError(assert, `token ${t}`, await new Client(http).post('/api/v1/setup', { token: t, password: strongPassword() },
      { csrf: false }), 404);
    assert.equal((await new Client(http).get(`/setup/${encodeURIComponent(t)}`)).status, 404, `page of ${t}`);
  }
  // Expire the link by moving its expiry 73 hours back (whatever table
  // holds it: the one with the user's id and an expiry column).
  const expired = expireSetupTokens(f.admin.id);
  assert.ok(expired > 0, 'an unexpired setup token of that user was found in the database');
  expectError(assert, 'expired', await new Client(http).post('/api/v1/setup', { token: f.token,
    password: strongPassword() }, { csrf: false }), 404);
  assert.equal((await new Client(http).get(`/setup/${f.token}`)).status, 404, 'expired page');
});

// Move every setup token of a user 73 hours into the past; returns the
// number of rows changed. The table is found by its name (setup/token) and
// its columns (user_id, expires_at).
function expireSetupTokens(userId) {
  const tables = sql(env, `SELECT c.TABLE_NAME FROM information_schema.COLUMNS c
    WHERE c.TABLE_SCHEMA = DATABASE() AND c.COLUMN_NAME = 'expires_at'
    AND (c.TABLE_NAME LIKE '%setup%' OR c.TABLE_NAME LIKE '%token%')
    AND EXISTS (SELECT 1 FROM information_schema.COLUMNS u WHERE u.TABLE_SCHEMA = c.TABLE_SCHEMA
      AND u.TABLE_NAME = c.TABLE_NAME AND u.COLUMN_NAME = 'user_id')`).map((r) => r[0]);
  let n = 0;
  for (const t of tables) {
    n += Number(sql(env, `UPDATE \`${t}\` SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR
      WHERE user_id = ${Number(userId)} AND expires_at > UTC_TIMESTAMP(); SELECT ROW_COUNT()`)[0][0]);
  }
  return n;
}

test('POST /admin/firms: bad input 400 naming the field; a taken e-mail 409 email_taken; nothing created', async () => {
  for (const [extra, field] of [[{ name: undefined }, 'name'], [{ name: '' }, 'name'], [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'], [{ name: 5 }, 'name'], [{ admin_email: undefined }, 'admin_email'],
    [{ admin_email: 'not-an-email' }, 'admin_email'], [{ admin_email: '' }, 'admin_email'],
    [{ admin_email: 3 }, 'admin_email']]) {
    const body = { name: uniqueName('Bad firm '), admin_email: uniqueEmail('bad'), ...extra };
    for (const k of Object.keys(extra)) if (extra[k] === undefined) delete body[k];
    expectError(assert, JSON.stringify(extra), await S.c.post('/api/v1/admin/firms', body), 400, undefined, field);
    if (typeof body.name === 'string') assert.equal(firmCount(body.name), 0, `${JSON.stringify(extra)}: no firm`);
  }
  for (const email of [A.am.email, S.email, A.admin.email.toUpperCase()]) {
    const name = uniqueName('Taken ');
    expectError(assert, `taken ${email}`, await S.c.post('/api/v1/admin/firms', { name, admin_email: email }),
      409, 'email_taken', 'admin_email');
    assert.equal(firmCount(name), 0, 'no firm');
  }
  assert.equal(userRow(env, A.am.email).firmId, A.firmId, 'the existing user is untouched');
});

test('POST /admin/firms/{id}/setup-link: a new link for an admin without a password; 409 already_set afterwards', async () => {
  const f = await newFirm();
  const before = maxAuditId(env);
  const r = await S.c.post(`/api/v1/admin/firms/${f.firm.id}/setup-link`, { user_id: f.admin.id });
  assert.equal(r.status, 201, r.text);
  const token = tokenOf(r.json.setup_url);
  assert.notEqual(token, f.token);
  assert.match(r.json.setup_expires_at, ISO_UTC);
  const password = strongPassword();
  const s = await new Client(http).post('/api/v1/setup', { token, password }, { csrf: false });
  assert.equal(s.status, 201, s.text);
  await loggedIn(http, f.email, password);
  expectError(assert, 'password already set', await S.c.post(`/api/v1/admin/firms/${f.firm.id}/setup-link`,
    { user_id: f.admin.id }), 409, 'already_set');
  expectError(assert, 'unknown firm', await S.c.post('/api/v1/admin/firms/999999999/setup-link',
    { user_id: f.admin.id }), 404);
  expectError(assert, 'no user_id', await S.c.post(`/api/v1/admin/firms/${f.firm.id}/setup-link`, {}), 400,
    undefined, 'user_id');
  assert.ok(audit(env, `id > ${before}`).every((x) => !x.raw.includes(token)), 'the token is not in the audit log');
});

// ------------------------------------------------------ clients across firms ---

test('GET /admin/clients: clients of every firm in the admin shape (no team, establishments or Pilot)', async () => {
  const r = await S.c.get(`/api/v1/admin/clients?q=${encodeURIComponent(RUN)}&limit=500`);
  assert.equal(r.status, 200, r.text);
  const got = r.json.items;
  for (const [k, firm] of [[A.C1, A], [A.C2, A], [B.C, B]]) {
    const x = got.find((y) => y.id === k.id);
    assert.ok(x, `client ${k.id} listed`);
    assertAdminClient(x, `client ${k.id}`);
    assert.deepEqual([x.name, x.firm_id, x.firm_name, x.mission_type, x.plan, x.status, x.billing_mode, x.billing_email],
      [k.name, firm.firmId, firm.name, k.mission_type, k.plan, k.status, k.billing_mode, k.billing_email]);
    assert.match(x.created_at, ISO_UTC);
  }
  const d = await S.c.get(`/api/v1/admin/clients/${A.C1.id}`);
  assert.equal(d.status, 200, d.text);
  assertAdminClient(d.json, 'detail');
  assert.deepEqual(d.json.billing_history, []);
  assert.equal(d.json.firm_name, A.name);
  assert.ok(!d.text.includes(A.E1.name), 'no establishment in the detail');
  expectError(assert, 'unknown client', await S.c.get('/api/v1/admin/clients/999999999'), 404);
});

test('GET /admin/clients: ?q, ?firm_id, ?mission_type, ?plan, ?status, ?billing_mode filter; ?sort and ?dir; bad values 400 naming the parameter', async () => {
  const tag = uniqueName('Filt');
  const f1 = await makeClient(A.admin.c, { name: `${tag} a`, mission_type: 'diagnostic', plan: 'essential' });
  const f2 = await makeClient(A.admin.c, { name: `${tag} c`, plan: 'premium', billing_mode: 'direct',
    billing_email: 'compta@f2.example' });
  const f3 = await makeClient(A.admin.c, { name: `${tag} d`, plan: 'standard' });
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${f3.id}`, { status: 'suspended' })).status, 200);
  const f4 = await makeClient(B.admin.c, { name: `${tag} b`, plan: 'premium' });
  // Distinct creation times, oldest first: f1, f2, f3, f4.
  [f1, f2, f3, f4].forEach((k, i) => sql(env, `UPDATE clients SET created_at = '2026-0${i + 1}-15 10:00:00'
    WHERE id = ${k.id}`));
  const list = async (qs) => {
    const r = await S.c.get(`/api/v1/admin/clients?q=${encodeURIComponent(tag)}${qs ? `&${qs}` : ''}`);
    assert.equal(r.status, 200, `${qs}: ${r.text}`);
    assert.equal(r.json.total, r.json.items.length, `${qs}: total`);
    return r.json.items;
  };
  const found = async (qs) => ids(await list(qs)).sort(byNumber);
  assert.deepEqual(await found(''), [f1.id, f2.id, f3.id, f4.id]);
  assert.deepEqual(await found(`firm_id=${A.firmId}`), [f1.id, f2.id, f3.id]);
  assert.deepEqual(await found(`firm_id=${B.firmId}`), [f4.id]);
  assert.deepEqual(await found('mission_type=diagnostic'), [f1.id]);
  assert.deepEqual(await found('mission_type=permanent'), [f2.id, f3.id, f4.id]);
  assert.deepEqual(await found('plan=premium'), [f2.id, f4.id]);
  assert.deepEqual(await found('status=suspended'), [f3.id]);
  assert.deepEqual(await found('status=active'), [f1.id, f2.id, f4.id]);
  assert.deepEqual(await found('status=closed'), []);
  assert.deepEqual(await found('billing_mode=direct'), [f2.id]);
  assert.deepEqual(await found('billing_mode=intermediated'), [f1.id, f3.id, f4.id]);
  assert.deepEqual(await found(`firm_id=${A.firmId}&plan=premium`), [f2.id]);
  assert.deepEqual(await found(`firm_id=${B.firmId}&billing_mode=direct`), []);
  // Sorting.
  assert.deepEqual(ids(await list('sort=name')), [f1.id, f4.id, f2.id, f3.id]);
  assert.deepEqual(ids(await list('sort=name&dir=desc')), [f3.id, f2.id, f4.id, f1.id]);
  assert.deepEqual(ids(await list('sort=created_at')), [f1.id, f2.id, f3.id, f4.id]);
  assert.deepEqual(ids(await list('sort=created_at&dir=desc')), [f4.id, f3.id, f2.id, f1.id]);
  const byFirm = (await list('sort=firm')).map((x) => x.firm_id);
  const firmsDesc = (await list('sort=firm&dir=desc')).map((x) => x.firm_id);
  const runs = (a) => a.filter((x, i) => i === 0 || a[i - 1] !== x);
  assert.equal(runs(byFirm).length, 2, `sort=firm groups each firm's clients: ${byFirm}`);
  assert.deepEqual(runs(firmsDesc), runs(byFirm).reverse(), 'dir=desc reverses the firms');
  // Paging.
  const page = await S.c.get(`/api/v1/admin/clients?q=${encodeURIComponent(tag)}&sort=name&limit=2&offset=1`);
  assert.equal(page.status, 200, page.text);
  assert.deepEqual([ids(page.json.items), page.json.total], [[f4.id, f2.id], 4]);
  // Bad values name their parameter.
  for (const [param, value] of [['mission_type', 'forever'], ['plan', 'gold'], ['plan', 'PREMIUM'], ['status', 'gone'],
    ['billing_mode', 'monthly'], ['firm_id', 'abc'], ['firm_id', '-3'], ['sort', 'plan'], ['sort', 'bogus'],
    ['dir', 'sideways']]) {
    expectError(assert, `${param}=${value}`, await S.c.get(`/api/v1/admin/clients?${param}=${value}`), 400,
      undefined, param);
  }
});

// ---------------------------------------------------------------- billing ---

test('PATCH /admin/clients/{id}/billing: the client, a billing_changes row and an audit row client.billing with the reason', async () => {
  const k = await makeClient(A.admin.c, { billing_mode: 'intermediated' });
  const before = maxAuditId(env);
  const body = toDirect({ billing_email: 'compta@direct.example', reason: `Contract signed with the client ${RUN}` });
  let r = await S.c.patch(billingPath(k.id), body);
  assert.equal(r.status, 200, r.text);
  assertAdminClient(r.json, 'answer');
  assert.deepEqual([r.json.id, r.json.firm_id, r.json.billing_mode, r.json.billing_email],
    [k.id, A.firmId, 'direct', 'compta@direct.example']);
  const row = clientRow(env, k.id);
  assert.deepEqual([row[6], row[7]], ['direct', 'compta@direct.example'], 'the client row');
  assert.deepEqual(billingChangeRows(k.id), [[k.id, A.firmId, 'intermediated', 'direct', null, 'compta@direct.example',
    body.reason, S.id]]);
  const rows = audit(env, `id > ${before} AND action = 'client.billing'`);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.deepEqual([rows[0].user_id, rows[0].firm_id, rows[0].client_id, rows[0].object_id],
    [S.id, A.firmId, k.id, k.id]);
  assert.ok(rows[0].raw.includes(body.reason), `the reason is in the audit details: ${rows[0].raw}`);
  // The e-mail alone changes; then back to intermediated (e-mail stored as NULL), by another support user.
  r = await S.c.patch(billingPath(k.id), toDirect({ billing_email: 'factures@direct.example', reason: 'New address' }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.billing_email, 'factures@direct.example');
  r = await S2.c.patch(billingPath(k.id), { billing_mode: 'intermediated', reason: 'Back to the firm' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.billing_mode, r.json.billing_email], ['intermediated', null]);
  assert.deepEqual(clientRow(env, k.id).slice(6, 8), ['intermediated', null]);
  assert.deepEqual(billingChangeRows(k.id).slice(1), [
    [k.id, A.firmId, 'direct', 'direct', 'compta@direct.example', 'factures@direct.example', 'New address', S.id],
    [k.id, A.firmId, 'direct', 'intermediated', 'factures@direct.example', null, 'Back to the firm', S2.id]]);
  assert.deepEqual(audit(env, `id > ${before} AND action = 'client.billing'`).map((x) => x.user_id), [S.id, S.id, S2.id]);
  // The firm sees the current mode.
  const g = await A.admin.c.get(`/api/v1/clients/${k.id}`);
  assert.deepEqual([g.json.billing_mode, g.json.billing_email], ['intermediated', null]);
});

test('billing history: GET /admin/clients/{id}, GET /admin/billing-changes (newest first, filters) and the firm admins\' route', async () => {
  const k = await makeClient(A.admin.c, { vciso_ids: [A.mam.id, A.am.id] });
  const kb = await makeClient(B.admin.c);
  const reasons = [`First ${RUN}`, `Second ${RUN}`];
  assert.equal((await S.c.patch(billingPath(k.id), toDirect({ billing_email: 'one@h.example', reason: reasons[0] }))).status, 200);
  assert.equal((await S.c.patch(billingPath(k.id), { billing_mode: 'intermediated', reason: reasons[1] })).status, 200);
  assert.equal((await S.c.patch(billingPath(kb.id), toDirect())).status, 200);
  const check = (items, what) => {
    assert.equal(items.length, 2, `${what}: ${JSON.stringify(items)}`);
    items.forEach((x) => assertBillingChange(x, what));
    assert.deepEqual(items.map((x) => [x.client_id, x.firm_id, x.old_mode, x.new_mode, x.old_email, x.new_email, x.reason,
      x.by_user_id]), [
      [k.id, A.firmId, 'direct', 'intermediated', 'one@h.example', null, reasons[1], S.id],
      [k.id, A.firmId, 'intermediated', 'direct', null, 'one@h.example', reasons[0], S.id]], `${what}: newest first`);
  };
  const d = await S.c.get(`/api/v1/admin/clients/${k.id}`);
  assert.equal(d.status, 200, d.text);
  check(d.json.billing_history, 'admin client detail');
  const l = await S.c.get(`/api/v1/admin/billing-changes?client_id=${k.id}`);
  assert.equal(l.status, 200, l.text);
  assert.equal(l.json.total, 2);
  check(l.json.items, 'billing-changes?client_id');
  const byFirm = await S.c.get(`/api/v1/admin/billing-changes?firm_id=${B.firmId}&limit=500`);
  assert.equal(byFirm.status, 200, byFirm.text);
  assert.ok(byFirm.json.items.some((x) => x.client_id === kb.id), 'firm B\'s change');
  assert.ok(byFirm.json.items.every((x) => x.firm_id === B.firmId), 'only firm B');
  const all = await S.c.get('/api/v1/admin/billing-changes?limit=5');
  assert.equal(all.status, 200, all.text);
  const at = all.json.items.map((x) => Date.parse(x.at));
  assert.deepEqual(at, [...at].sort((a, b) => b - a), 'newest first');
  assert.ok(all.json.items.map((x) => x.id).every((id, i, a) => i === 0 || a[i - 1] > id), 'newest first (ids)');
  for (const [param, value] of [['client_id', 'abc'], ['firm_id', 'x'], ['client_id', '0']]) {
    expectError(assert, `${param}=${value}`, await S.c.get(`/api/v1/admin/billing-changes?${param}=${value}`), 400,
      undefined, param);
  }
  // The firm side: admins of the firm read it.
  for (const who of [A.admin, A.admin2]) {
    const f = await who.c.get(`/api/v1/clients/${k.id}/billing-changes`);
    assert.equal(f.status, 200, `${who.email}: ${f.text}`);
    check(f.json.items, `firm route for ${who.email}`);
  }
});

test('GET /clients/{id}/billing-changes: other roles in scope 403, out of scope 404', async () => {
  const k = A.C1.id;
  for (const who of [A.mam, A.am, A.amRead, A.em]) {
    expectError(assert, `${who.user.role} in scope`, await who.c.get(`/api/v1/clients/${k}/billing-changes`), 403);
  }
  for (const [who, id] of [[A.mam2, k], [B.admin, k], [A.admin, B.C.id], [A.admin, 999999999], [A.em, A.C2.id]]) {
    expectError(assert, `${who.email} on ${id}`, await who.c.get(`/api/v1/clients/${id}/billing-changes`), 404, 'not_found');
  }
});

test('PATCH /admin/clients/{id}/billing: every bad field is a 400 naming it; no change at all 409 unchanged; nothing written', async () => {
  const k = await makeClient(A.admin.c, { billing_mode: 'intermediated' });
  const kd = await makeClient(A.admin.c, { billing_mode: 'direct', billing_email: 'same@client.example' });
  const snaps = () => [clientSnapshot(env, k.id), clientSnapshot(env, kd.id)];
  const before = snaps();
  const auditBefore = maxAuditId(env);
  const ok = toDirect();
  const cases = [
    [k, { ...ok, reason: undefined }, 'reason'], [k, { ...ok, reason: '' }, 'reason'], [k, { ...ok, reason: 'ab' }, 'reason'],
    [k, { ...ok, reason: '  ' }, 'reason'], [k, { ...ok, reason: '     ' }, 'reason'],
    [k, { ...ok, reason: 'éé' }, 'reason'], [k, { ...ok, reason: ' ab ' }, 'reason'],
    [k, { ...ok, reason: 'x'.repeat(501) }, 'reason'], [k, { ...ok, reason: 'é'.repeat(501) }, 'reason'],
    [k, { ...ok, reason: null }, 'reason'], [k, { ...ok, reason: 42 }, 'reason'], [k, { ...ok, reason: ['abc'] }, 'reason'],
    [k, { ...ok, billing_mode: undefined }, 'billing_mode'], [k, { ...ok, billing_mode: 'monthly' }, 'billing_mode'],
    [k, { ...ok, billing_mode: null }, 'billing_mode'], [k, { ...ok, billing_mode: 'Direct' }, 'billing_mode'],
    [k, { ...ok, billing_email: undefined }, 'billing_email'], [k, { ...ok, billing_email: null }, 'billing_email'],
    [k, { ...ok, billing_email: '' }, 'billing_email'], [k, { ...ok, billing_email: 'not-an-email' }, 'billing_email'],
    [k, { ...ok, billing_email: 7 }, 'billing_email'],
    [k, { ...ok, billing_email: `${'a'.repeat(250)}@x.example` }, 'billing_email'],
    [kd, { billing_mode: 'intermediated', billing_email: 'other@client.example', reason: 'With an e-mail' }, 'billing_email'],
  ];
  for (const [client, b, field] of cases) {
    for (const key of Object.keys(b)) if (b[key] === undefined) delete b[key];
    expectError(assert, `${client.id} ${JSON.stringify(b).slice(0, 120)}`, await S.c.patch(billingPath(client.id), b),
      400, undefined, field);
  }
  for (const raw of ['{', '[]', 'null', '"direct"']) {
    expectError(assert, `JSON ${raw}`, await S.c.request('PATCH', billingPath(k.id), undefined, { raw }), 400);
  }
  expectError(assert, 'intermediated again', await S.c.patch(billingPath(k.id),
    { billing_mode: 'intermediated', reason: 'Nothing new here' }), 409, 'unchanged');
  expectError(assert, 'direct, same e-mail', await S.c.patch(billingPath(kd.id),
    { billing_mode: 'direct', billing_email: 'same@client.example', reason: 'Nothing new here' }), 409, 'unchanged');
  expectError(assert, 'unknown client', await S.c.patch(billingPath(999999999), ok), 404);
  assert.deepEqual(snaps(), before, 'unchanged');
  assert.deepEqual([billingChangeCount(k.id), billingChangeCount(kd.id)], [0, 0], 'no billing_changes row');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND client_id IN (${k.id}, ${kd.id})`), [], 'no audit row');
});

test('PATCH /admin/clients/{id}/billing: reasons of 3 and 500 characters are accepted', async () => {
  const k = await makeClient(A.admin.c);
  let r = await S.c.patch(billingPath(k.id), toDirect({ reason: 'abc' }));
  assert.equal(r.status, 200, r.text);
  r = await S.c.patch(billingPath(k.id), toDirect({ reason: 'ééé' }));
  assert.equal(r.status, 200, `three characters of two bytes each: ${r.text}`);
  const long = `${'é'.repeat(490)}${RUN.slice(0, 10).padEnd(10, '0')}`;
  r = await S.c.patch(billingPath(k.id), { billing_mode: 'intermediated', reason: long });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(billingChangeRows(k.id).map((x) => x[6]), ['abc', 'ééé', long]);
});

test('PATCH /admin/clients/{id}/billing: a reason on several lines (as typed in the page\'s textarea) is accepted and kept', async () => {
  const k = await makeClient(A.admin.c);
  const reason = `Call of 3 November:\nthe client pays its own invoices from now on (${RUN})`;
  const r = await S.c.patch(billingPath(k.id), toDirect({ reason }));
  assert.equal(r.status, 200, r.text);
  const h = await S.c.get(`/api/v1/admin/billing-changes?client_id=${k.id}`);
  assert.deepEqual(h.json.items.map((x) => x.reason), [reason]);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM billing_changes WHERE client_id = ${k.id}
    AND reason = ${sqlStr(reason)}`)), 1, 'stored as typed');
});

test('billing change in one transaction: a failure injected between the history row and the audit row leaves nothing', async () => {
  const k = await makeClient(A.admin.c, { billing_mode: 'intermediated' });
  const snap = clientSnapshot(env, k.id);
  const before = maxAuditId(env);
  const body = toDirect({ reason: `INJECT-FAILURE ${RUN}` });
  // As root (the app user may not create triggers); statements on stdin,
  // the trigger's body between DELIMITER lines.
  const root = (q) => execFileSync('mariadb', [`--defaults-file=${env.STACK_MYSQL_ROOT_DEFAULTS}`, 'rempart'],
    { input: q, encoding: 'utf8' });
  root('DROP TRIGGER IF EXISTS test_fail_audit;\n');
  root(`DELIMITER //
CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW BEGIN
  IF NEW.details LIKE '%INJECT-FAILURE%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF;
END//
DELIMITER ;
`);
  try {
    const r = await S.c.patch(billingPath(k.id), body);
    assert.ok(r.status >= 500 && r.status <= 599,
      `the audit insert failed, so the change fails: ${r.status} ${r.text} (is the reason in the audit details?)`);
    assert.deepEqual(clientSnapshot(env, k.id), snap, 'the client is unchanged');
    assert.equal(billingChangeCount(k.id), 0, 'no billing_changes row');
    assert.deepEqual(audit(env, `id > ${before} AND client_id = ${k.id}`), [], 'no audit row');
  } finally {
    root('DROP TRIGGER IF EXISTS test_fail_audit;\n');
  }
  // Without the trigger the same change goes through: the failure was the injected one.
  const r = await S.c.patch(billingPath(k.id), body);
  assert.equal(r.status, 200, r.text);
  assert.equal(billingChangeCount(k.id), 1);
  assert.equal(audit(env, `id > ${before} AND client_id = ${k.id} AND action = 'client.billing'`).length, 1);
});

test('CSRF: changes without a valid X-CSRF-Token are 403 and change nothing', async () => {
  const k = await makeClient(A.admin.c);
  const f = await newFirm();
  const snap = clientSnapshot(env, k.id);
  const auditBefore = maxAuditId(env);
  const name = uniqueName('Csrf firm ');
  for (const csrf of [false, '', 'nope', S2.c.csrf, `${S.c.csrf}0`]) {
    for (const [method, p, b] of [['PATCH', billingPath(k.id), toDirect()],
      ['POST', '/api/v1/admin/firms', { name, admin_email: uniqueEmail('csrf') }],
      ['POST', `/api/v1/admin/firms/${f.firm.id}/setup-link`, { user_id: f.admin.id }]]) {
      expectError(assert, `${method} ${p} csrf=${csrf}`, await S.c.request(method, p, b, { csrf }), 403, 'csrf');
    }
  }
  assert.deepEqual(clientSnapshot(env, k.id), snap);
  assert.equal(billingChangeCount(k.id), 0);
  assert.equal(firmCount(name), 0);
  assert.deepEqual(audit(env, `id > ${auditBefore}`).filter((x) => x.user_id === S.id), [], 'no audit row');
});

// -------------------------------------------------------------- statement ---

// Monthly prices in cents from the stack's config, else the product defaults
// of conf/rempart.conf.
function prices() {
  const read = (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const p = {};
  for (const text of [read(path.join(SRCDIR, 'conf/rempart.conf')), read(env.REMPART_CONFIG)]) {
    for (const line of text.split('\n')) {
      const m = line.match(/^\s*billing\.price_(diagnostic|permanent)_(essential|standard|premium)\s*=\s*(\d+)\s*$/);
      if (m) p[`${m[1]}/${m[2]}`] = Number(m[3]);
    }
  }
  for (const mt of ['diagnostic', 'permanent']) {
    for (const plan of ['essential', 'standard', 'premium']) {
      assert.ok(Number.isInteger(p[`${mt}/${plan}`]), `billing.price_${mt}_${plan} in the config or its defaults`);
    }
  }
  return p;
}

// One firm of clients whose history is placed in September (30 days) and
// October 2026 (31 days). Made through the API (every change writes a
// client_periods row), then each row moved to its date.
const ST = {};
let stReady;

function statementFixture() {
  stReady ??= (async () => {
    const f = createFirm(env);
    ST.firmId = f.firmId;
    ST.firmName = f.name;
    const c = await loggedIn(http, f.email, f.password);
    ST.c = c;
    const plan = (k, b) => c.post(`/api/v1/clients/${k.id}/plan`, b).then((r) => assert.equal(r.status, 200, r.text));
    const status = (k, s) => c.patch(`/api/v1/clients/${k.id}`, { status: s }).then((r) => assert.equal(r.status, 200, r.text));
    ST.planEmail = uniqueEmail('compta-plan');
    ST.newEmail = uniqueEmail('compta-new');
    // A formula-like name, to check the CSV neutralises it.
    ST.full = await makeClient(c, { name: `=1+2 Full ${RUN}`, mission_type: 'permanent', plan: 'standard' });
    ST.plan = await makeClient(c, { name: uniqueName('Plan '), mission_type: 'diagnostic', plan: 'essential',
      billing_mode: 'direct', billing_email: ST.planEmail });
    await plan(ST.plan, { plan: 'premium' });
    await plan(ST.plan, { mission_type: 'permanent' });
    ST.susp = await makeClient(c, { name: uniqueName('Susp '), mission_type: 'permanent', plan: 'premium' });
    await status(ST.susp, 'suspended');
    await status(ST.susp, 'active');
    ST.newcomer = await makeClient(c, { name: uniqueName('New '), mission_type: 'permanent', plan: 'essential',
      billing_mode: 'direct', billing_email: ST.newEmail });
    ST.closed = await makeClient(c, { name: uniqueName('Closed '), mission_type: 'diagnostic', plan: 'standard' });
    await status(ST.closed, 'closed');
    ST.asleep = await makeClient(c, { name: uniqueName('Asleep '), mission_type: 'permanent', plan: 'standard' });
    await status(ST.asleep, 'suspended');
    ST.late = await makeClient(c, { name: uniqueName('Late '), mission_type: 'permanent', plan: 'premium' });
    // [client, [[starts_at, mission_type, plan, status] ...]]: what the API
    // must have written, and the dates it is moved to.
    const history = [
      [ST.full, [['2026-08-20 10:00:00', 'permanent', 'standard', 'active']]],
      [ST.plan, [['2026-08-01 00:00:00', 'diagnostic', 'essential', 'active'],
        ['2026-09-16 14:00:00', 'diagnostic', 'premium', 'active'],
        ['2026-10-11 00:00:00', 'permanent', 'premium', 'active']]],
      [ST.susp, [['2026-08-05 08:00:00', 'permanent', 'premium', 'active'],
        ['2026-09-10 09:30:00', 'permanent', 'premium', 'suspended'],
        ['2026-09-20 18:00:00', 'permanent', 'premium', 'active']]],
      [ST.newcomer, [['2026-09-12 00:00:00', 'permanent', 'essential', 'active']]],
      [ST.closed, [['2026-08-01 00:00:00', 'diagnostic', 'standard', 'active'],
        ['2026-09-03 00:00:00', 'diagnostic', 'standard', 'closed']]],
      [ST.asleep, [['2026-08-01 00:00:00', 'permanent', 'standard', 'active'],
        ['2026-08-31 12:00:00', 'permanent', 'standard', 'suspended']]],
    ];
    ST.written = [];
    for (const [k, rows] of history) {
      const got = sql(env, `SELECT id, firm_id, mission_type, plan, status FROM client_periods
        WHERE client_id = ${k.id} ORDER BY starts_at, id`);
      ST.written.push([k, got, rows]);
      rows.forEach(([at], i) => {
        if (got[i]) sql(env, `UPDATE client_periods SET starts_at = '${at}' WHERE id = ${got[i][0]}`);
      });
      sql(env, `UPDATE clients SET created_at = '${rows[0][0]}' WHERE id = ${k.id}`);
    }
    ST.prices = prices();
  })();
  return stReady;
}

const price = (mt, plan) => ST.prices[`${mt}/${plan}`];
const prorated = (mt, plan, days, dim) => Math.round((price(mt, plan) * days) / dim);

// The expected line of a client.
function line(k, mt, plan, days, dim) {
  const direct = k.billing_mode === 'direct';
  return { client_id: k.id, client_name: k.name, plan, mission_type: mt, days_active: days,
    amount_cents: prorated(mt, plan, days, dim), billed_to: direct ? 'client' : 'firm',
    billed_email: direct ? k.billing_email : null };
}

const LINE_KEYS = ['client_id', 'client_name', 'plan', 'mission_type', 'days_active', 'amount_cents', 'billed_to',
  'billed_email'];
const lineOrder = (a, b) => a.client_id - b.client_id || a.mission_type.localeCompare(b.mission_type)
  || a.plan.localeCompare(b.plan);
const pick = (x) => Object.fromEntries(LINE_KEYS.map((k) => [k, x[k]]));

// Totals per billed party of expected lines.
function totalsOf(lines) {
  const m = new Map();
  for (const l of lines) {
    const key = `${l.billed_to}|${l.billed_email}`;
    const t = m.get(key) ?? { billed_to: l.billed_to, billed_email: l.billed_email, amount_cents: 0 };
    t.amount_cents += l.amount_cents;
    m.set(key, t);
  }
  return [...m.values()];
}
const totalOrder = (a, b) => `${a.billed_to}|${a.billed_email}`.localeCompare(`${b.billed_to}|${b.billed_email}`);

async function statement(month) {
  const r = await S.c.get(`/api/v1/admin/statement?month=${month}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

function checkFirm(st, expected, what) {
  const firm = st.firms.find((x) => x.firm_id === ST.firmId);
  assert.ok(firm, `${what}: the firm is on the statement`);
  assert.equal(firm.firm_name, ST.firmName);
  assert.deepEqual(firm.lines.map(pick).sort(lineOrder), [...expected].sort(lineOrder), `${what}: lines`);
  assert.deepEqual([...firm.totals].map((t) => ({ billed_to: t.billed_to, billed_email: t.billed_email,
    amount_cents: t.amount_cents })).sort(totalOrder), totalsOf(expected).sort(totalOrder), `${what}: totals per billed party`);
  assert.equal(firm.total_cents, expected.reduce((s, l) => s + l.amount_cents, 0), `${what}: firm total`);
  assert.equal(st.total_cents, st.firms.reduce((s, x) => s + x.total_cents, 0), `${what}: grand total`);
  assert.equal(st.currency, 'EUR');
  for (const x of st.firms) {
    assert.equal(x.total_cents, x.lines.reduce((s, l) => s + l.amount_cents, 0), `${what}: firm ${x.firm_id} total`);
  }
  return firm;
}

test('client_periods: a row at creation and at every plan, mission type and status change', async () => {
  await statementFixture();
  for (const [k, got, rows] of ST.written) {
    assert.deepEqual(got.map((r) => [Number(r[1]), r[2], r[3], r[4]]), rows.map(([, mt, plan, st]) => [ST.firmId, mt, plan, st]),
      `history of ${k.name}`);
  }
  const late = sql(env, `SELECT mission_type, plan, status FROM client_periods WHERE client_id = ${ST.late.id}`);
  assert.deepEqual(late, [['permanent', 'premium', 'active']]);
});

test('GET /admin/statement: September 2026 (30 days): full month, plan change, suspension, creation and closure mid-month', async () => {
  await statementFixture();
  const st = await statement('2026-09');
  assert.equal(st.month, '2026-09');
  assert.equal(st.days_in_month, 30);
  checkFirm(st, [
    // Active all month: one line, the full price.
    line(ST.full, 'permanent', 'standard', 30, 30),
    // Premium from 16 September 14:00: the 16th is still essential (state at 00:00 UTC).
    line(ST.plan, 'diagnostic', 'essential', 16, 30),
    line(ST.plan, 'diagnostic', 'premium', 14, 30),
    // Suspended from 10 September 09:30 to 20 September 18:00: days 1-10 and 21-30.
    line(ST.susp, 'permanent', 'premium', 20, 30),
    // Created on 12 September at midnight: days 12-30.
    line(ST.newcomer, 'permanent', 'essential', 19, 30),
    // Closed on 3 September at midnight: days 1-2.
    line(ST.closed, 'diagnostic', 'standard', 2, 30),
    // ST.asleep (suspended since 31 August) and ST.late (created in November): no line.
  ], 'September');
  const full = st.firms.find((x) => x.firm_id === ST.firmId).lines.find((l) => l.client_id === ST.full.id);
  assert.equal(full.amount_cents, price('permanent', 'standard'), 'a full month costs the monthly price');
});

test('GET /admin/statement: October 2026 (31 days): the mission type change and the full months', async () => {
  await statementFixture();
  const st = await statement('2026-10');
  assert.equal(st.month, '2026-10');
  assert.equal(st.days_in_month, 31);
  checkFirm(st, [
    line(ST.full, 'permanent', 'standard', 31, 31),
    // Permanent from 11 October at midnight: 10 days diagnostic, 21 permanent.
    line(ST.plan, 'diagnostic', 'premium', 10, 31),
    line(ST.plan, 'permanent', 'premium', 21, 31),
    line(ST.susp, 'permanent', 'premium', 31, 31),
    line(ST.newcomer, 'permanent', 'essential', 31, 31),
  ], 'October');
  const firm = st.firms.find((x) => x.firm_id === ST.firmId);
  assert.deepEqual(firm.totals.filter((t) => t.billed_to === 'client').map((t) => t.billed_email).sort(),
    [ST.planEmail, ST.newEmail].sort(), 'one total per billed e-mail');
});

test('GET /admin/statement: the billing mode and e-mail used are the client\'s current ones', async () => {
  await statementFixture();
  const k = ST.full;
  const email = uniqueEmail('compta-now');
  const r = await S.c.patch(billingPath(k.id), { billing_mode: 'direct', billing_email: email, reason: `Now direct ${RUN}` });
  assert.equal(r.status, 200, r.text);
  try {
    const st = await statement('2026-09');
    const l = st.firms.find((x) => x.firm_id === ST.firmId).lines.find((x) => x.client_id === k.id);
    assert.deepEqual([l.billed_to, l.billed_email], ['client', email]);
  } finally {
    const back = await S.c.patch(billingPath(k.id), { billing_mode: 'intermediated', reason: `Back again ${RUN}` });
    assert.equal(back.status, 200, back.text);
  }
});

test('GET /admin/statement: a month without activity for the firm; a malformed month or one before 2000 is 400 field month', async () => {
  await statementFixture();
  const st = await statement('2026-07');
  assert.equal(st.days_in_month, 31);
  const firm = st.firms.find((x) => x.firm_id === ST.firmId);
  assert.ok(!firm || (firm.lines.length === 0 && firm.total_cents === 0), 'nothing before the clients existed');
  const feb = await statement('2028-02');
  assert.equal(feb.days_in_month, 29, 'a leap February');
  for (const m of ['', '2026-13', '2026-00', '2026-9', '26-09', '2026-09-01', '1999-12', 'abcd-ef', '2026/09']) {
    expectError(assert, `month=${m}`, await S.c.get(`/api/v1/admin/statement?month=${encodeURIComponent(m)}`), 400,
      undefined, 'month');
  }
  expectError(assert, 'no month', await S.c.get('/api/v1/admin/statement'), 400, undefined, 'month');
  expectError(assert, 'CSV, bad month', await S.c.get('/api/v1/admin/statement.csv?month=1999-12'), 400, undefined, 'month');
});

// The raw bytes of a GET (fetch's text() would drop a BOM).
async function rawGet(c, p) {
  const res = await fetch(env.BASE_URL + p, { headers: { cookie: c.cookieHeader() }, redirect: 'manual',
    signal: AbortSignal.timeout(30000) });
  return { status: res.status, type: res.headers.get('content-type') || '', bytes: Buffer.from(await res.arrayBuffer()) };
}

test('GET /admin/statement.csv: UTF-8 with BOM, `;`, one row per line, amounts in euros with 2 decimals, formulas neutralised', async () => {
  await statementFixture();
  const r = await rawGet(S.c, '/api/v1/admin/statement.csv?month=2026-09');
  assert.equal(r.status, 200, r.bytes.toString('utf8').slice(0, 300));
  assert.match(r.type, /^text\/csv/);
  assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = r.bytes.subarray(3).toString('utf8');
  const rows = parseCsv(text, ';');
  assert.ok(rows.length > 1 && rows[0].length >= 8, `a header and rows of 8 columns or more: ${text.slice(0, 300)}`);
  const mine = rows.filter((row) => row.includes(ST.firmName));
  assert.equal(mine.length, 6, `one row per line of the firm: ${JSON.stringify(mine)}`);
  const st = await statement('2026-09');
  const firm = st.firms.find((x) => x.firm_id === ST.firmId);
  const euros = (cents) => (cents / 100).toFixed(2);
  for (const l of firm.lines) {
    const amount = euros(l.amount_cents);
    const row = mine.find((x) => x.some((cell) => cell.endsWith(l.client_name)) && x.includes(String(l.days_active))
      && x.some((cell) => cell === amount || cell === amount.replace('.', ',')));
    assert.ok(row, `a row for ${l.client_name}: ${l.days_active} days, ${amount}: ${JSON.stringify(mine)}`);
    if (l.billed_email) assert.ok(row.includes(l.billed_email), `billed e-mail of ${l.client_name}`);
  }
  for (const row of rows) {
    for (const cell of row) assert.ok(!/^[=+\-@]/.test(cell), `a formula-leading cell: ${JSON.stringify(cell)}`);
  }
  assert.ok(mine.some((row) => row.some((cell) => cell !== ST.full.name && cell.endsWith(ST.full.name))),
    'the formula-like name is there, neutralised');
  // Firm users cannot have it.
  const f = await rawGet(ST.c, '/api/v1/admin/statement.csv?month=2026-09');
  assert.equal(f.status, 403);
});
