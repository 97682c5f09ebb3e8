// /api/v1/users (SPEC §2, §3, §4): who creates which role, default features
// limited to the creator's, granting only what one holds, rights the editor
// cannot see kept on edit, visibility (other firm or higher/equal role:
// 404), nobody changes its own role/rights/status, CSRF on every change
// (nothing changes without it), field validation (400 naming the field),
// 409 on a taken e-mail, 415 for forms, pagination and search, ending a
// user's sessions, and the audit rows of every change (no secrets).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, ALL_PROFILE_FIELDS, Client, RUN, USER_FIELDS, auditRows, createFirm, createSupport,
  createUser, expectError, httpTransport, loggedIn, maxAuditId, sessionCount, sorted, sql, sqlStr,
  sqlValue, storedFeatures, storedProfileFields, strongPassword, uniqueEmail, uniqueName, userRow,
} from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const EM_DEFAULT = ALL_FEATURES.filter((f) => f !== 'plan' && f !== 'profile.status');
const RESTRICTED = ['feedback', 'profile.read', 'self'];
const RESTRICTED_FIELDS = ['city', 'name'];

// Firm A: two admins, two multi-account managers, two account managers
// (one with restricted rights), an establishment manager. Firm B: an admin
// and an establishment manager. Each person: {id, email, password, c}.
const A = {};
const B = {};

async function person(by, role, extra = {}) {
  const u = await createUser(by, { role, ...extra });
  u.c = await loggedIn(http, u.email, u.password);
  return u;
}

before(async () => {
  const fa = createFirm(env);
  A.firmId = fa.firmId;
  A.admin = { ...fa, id: userRow(env, fa.email).id, user: { role: 'admin' },
    c: await loggedIn(http, fa.email, fa.password) };
  A.admin2 = await person(A.admin.c, 'admin');
  A.mam = await person(A.admin.c, 'multi_account_manager');
  A.mam2 = await person(A.admin.c, 'multi_account_manager');
  A.am = await person(A.admin.c, 'account_manager');
  A.am2 = await person(A.admin.c, 'account_manager');
  A.amr = await person(A.admin.c, 'account_manager', { features: RESTRICTED, profile_fields: RESTRICTED_FIELDS });
  A.em = await person(A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.firmId = fb.firmId;
  B.admin = { ...fb, id: userRow(env, fb.email).id, c: await loggedIn(http, fb.email, fb.password) };
  B.em = await person(B.admin.c, 'establishment_manager');
});

const firmUserIds = (firmId) => sql(env, `SELECT id FROM users WHERE firm_id = ${firmId} ORDER BY id`)
  .map((r) => Number(r[0]));
const countEmail = (email) => Number(sqlValue(env, `SELECT COUNT(*) FROM users WHERE email = ${sqlStr(email)}`));

// A snapshot of what an edit may change, to prove that a refused one did not.
function snapshot(id) {
  const row = sql(env, `SELECT email, first_name, last_name, role, active, password_hash, updated_at
    FROM users WHERE id = ${id}`)[0];
  return { row, features: storedFeatures(env, id), fields: storedProfileFields(env, id) };
}

function body(role, extra = {}) {
  return { email: uniqueEmail(role || 'x'), first_name: 'First', last_name: uniqueName('Last'),
    role, password: strongPassword(), ...extra };
}

// --------------------------------------------------------------- creation ---

test('admin creates users of every firm role; the user object of SPEC §4', async () => {
  for (const role of ['admin', 'multi_account_manager', 'account_manager', 'establishment_manager']) {
    const b = body(role);
    const r = await A.admin.c.post('/api/v1/users', b);
    assert.equal(r.status, 201, `${role}: ${r.text}`);
    for (const f of USER_FIELDS) assert.ok(f in r.json, `${role}: user.${f}`);
    assert.equal(r.json.role, role);
    assert.equal(r.json.email, b.email);
    assert.equal(r.json.first_name, 'First');
    assert.equal(r.json.last_name, b.last_name);
    assert.equal(r.json.firm_id, A.firmId);
    assert.equal(r.json.active, true);
    assert.equal(r.json.mfa_enrolled, false);
    assert.ok(Number.isInteger(r.json.id) && r.json.id > 0);
    assert.deepEqual(r.json.client_ids, []);
    assert.deepEqual(r.json.establishment_ids, []);
    const row = userRow(env, b.email);
    assert.equal(row.id, r.json.id);
    assert.equal(row.firmId, A.firmId, 'in the creator\'s firm');
    assert.match(row.hash, /^\$s1\$/, 'scrypt hash');
    assert.ok(!row.hash.includes(b.password));
    const login = await new Client(http).login(b.email, b.password);
    assert.equal(login.status, 201, `${role} logs in`);
  }
});

test('names in any script round-trip (utf8mb4), trimmed', async () => {
  const b = body('establishment_manager', { first_name: '  Zoé 🔒 ', last_name: 'Łukasz-Øre 日本' });
  const r = await A.admin.c.post('/api/v1/users', b);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.first_name, 'Zoé 🔒');
  assert.equal(r.json.last_name, 'Łukasz-Øre 日本');
  const g = await A.admin.c.get(`/api/v1/users/${r.json.id}`);
  assert.equal(g.json.first_name, 'Zoé 🔒');
  // 100 characters fit, whatever their bytes.
  const hundred = '€'.repeat(100);
  const h = await A.admin.c.patch(`/api/v1/users/${r.json.id}`, { last_name: hundred });
  assert.equal(h.status, 200, h.text);
  assert.equal(h.json.last_name, hundred);
});

test('default features (SPEC §3): all; establishment managers all but profile.status and plan', async () => {
  for (const [role, expected] of [['multi_account_manager', ALL_FEATURES], ['account_manager', ALL_FEATURES],
    ['establishment_manager', EM_DEFAULT]]) {
    const b = body(role);
    const r = await A.admin.c.post('/api/v1/users', b);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(sorted(r.json.features), expected, `${role}: answer`);
    assert.deepEqual(storedFeatures(env, r.json.id), expected, `${role}: stored`);
    assert.deepEqual(sorted(r.json.profile_fields), ALL_PROFILE_FIELDS, `${role}: profile fields of an admin creator`);
    const me = await (await loggedIn(http, b.email, b.password)).get('/api/v1/me');
    assert.deepEqual(sorted(me.json.features), expected, `${role}: GET /me`);
  }
  // Features given explicitly are taken as they are (even plan for an EM).
  const r = await A.admin.c.post('/api/v1/users', body('establishment_manager', { features: ['plan', 'profile.status'],
    profile_fields: ['siret'] }));
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(sorted(r.json.features), ['plan', 'profile.status']);
  assert.deepEqual(r.json.profile_fields, ['siret']);
  const e = await A.admin.c.post('/api/v1/users', body('account_manager', { features: [], profile_fields: [] }));
  assert.equal(e.status, 201, e.text);
  assert.deepEqual(e.json.features, [], 'an empty list means no feature');
  assert.deepEqual(storedFeatures(env, e.json.id), []);
});

test('defaults are limited to what the creator holds', async () => {
  const r = await A.amr.c.post('/api/v1/users', body('establishment_manager'));
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(storedFeatures(env, r.json.id), RESTRICTED, 'EM defaults ∩ creator\'s features');
  assert.deepEqual(storedProfileFields(env, r.json.id), RESTRICTED_FIELDS, 'creator\'s profile fields');
  // A manager without `plan` creates an account manager: no `plan` either.
  const noPlan = ALL_FEATURES.filter((f) => f !== 'plan' && f !== 'monitoring');
  const m = await person(A.admin.c, 'multi_account_manager', { features: noPlan });
  const a = await m.c.post('/api/v1/users', body('account_manager'));
  assert.equal(a.status, 201, a.text);
  assert.deepEqual(storedFeatures(env, a.json.id), noPlan);
});

test('nobody grants a feature or a profile field it lacks (403 naming the field, nothing created)', async () => {
  for (const [extra, field] of [[{ features: ['profile.read', 'monitoring'] }, 'features'],
    [{ features: ['plan'] }, 'features'], [{ profile_fields: ['name', 'siret'] }, 'profile_fields']]) {
    const b = body('establishment_manager', extra);
    expectError(assert, JSON.stringify(extra), await A.amr.c.post('/api/v1/users', b), 403, undefined, field);
    assert.equal(countEmail(b.email), 0, 'not created');
  }
  // Holding it is enough.
  const ok = await A.amr.c.post('/api/v1/users', body('establishment_manager', { features: ['feedback'],
    profile_fields: ['city'] }));
  assert.equal(ok.status, 201, ok.text);
  assert.deepEqual(storedFeatures(env, ok.json.id), ['feedback']);
  assert.deepEqual(storedProfileFields(env, ok.json.id), ['city']);
});

test('roles: managers create only lower roles (403 field role)', async () => {
  const allowed = [
    [A.mam, ['account_manager', 'establishment_manager'], ['admin', 'multi_account_manager']],
    [A.am, ['establishment_manager'], ['admin', 'multi_account_manager', 'account_manager']],
  ];
  for (const [who, yes, no] of allowed) {
    for (const role of yes) {
      const r = await who.c.post('/api/v1/users', body(role));
      assert.equal(r.status, 201, `${who.user.role} creates ${role}: ${r.text}`);
      assert.equal(userRow(env, r.json.email).firmId, A.firmId);
    }
    for (const role of no) {
      const b = body(role);
      expectError(assert, `${who.user.role} creates ${role}`, await who.c.post('/api/v1/users', b), 403, undefined, 'role');
      assert.equal(countEmail(b.email), 0, 'not created');
    }
  }
});

test('establishment managers create nobody and edit nobody', async () => {
  const b = body('establishment_manager');
  expectError(assert, 'EM POST /users', await A.em.c.post('/api/v1/users', b), 403);
  assert.equal(countEmail(b.email), 0, 'not created');
  const other = await person(A.admin.c, 'establishment_manager');
  const before = snapshot(other.id);
  const r = await A.em.c.patch(`/api/v1/users/${other.id}`, { first_name: 'X', active: false });
  assert.ok(r.status === 403 || r.status === 404, `EM PATCH another EM: ${r.status}`);
  const d = await A.em.c.del(`/api/v1/users/${other.id}/sessions`);
  assert.ok(d.status === 403 || d.status === 404, `EM ends another EM's sessions: ${d.status}`);
  assert.deepEqual(snapshot(other.id), before);
  assert.equal(sessionCount(env, other.id), 1);
});

test('establishment managers get 403 on the /users routes (users "roles above" only)', async () => {
  expectError(assert, 'EM GET /users', await A.em.c.get('/api/v1/users'), 403);
  expectError(assert, 'EM GET /users/{self}', await A.em.c.get(`/api/v1/users/${A.em.id}`), 403);
});

test('support users get 403 on every /users route and change nothing', async () => {
  const support = createSupport(env);
  const sc = await loggedIn(http, support.email, support.password);
  const b = body('establishment_manager');
  const before = snapshot(A.em.id);
  expectError(assert, 'support POST /users', await sc.post('/api/v1/users', b), 403);
  assert.equal(countEmail(b.email), 0);
  expectError(assert, 'support GET /users', await sc.get('/api/v1/users'), 403);
  expectError(assert, 'support GET /users/{em}', await sc.get(`/api/v1/users/${A.em.id}`), 403);
  expectError(assert, 'support PATCH /users/{em}', await sc.patch(`/api/v1/users/${A.em.id}`, { first_name: 'X' }), 403);
  expectError(assert, 'support DELETE /users/{em}/sessions', await sc.del(`/api/v1/users/${A.em.id}/sessions`), 403);
  assert.deepEqual(snapshot(A.em.id), before);
});

// ------------------------------------------------------------- visibility ---

test('list: admins see their whole firm, nothing of another firm', async () => {
  const r = await A.admin.c.get('/api/v1/users?limit=500');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.json).sort(), ['items', 'total']);
  const ids = r.json.items.map((u) => u.id).sort((a, b) => a - b);
  assert.deepEqual(ids, firmUserIds(A.firmId), 'exactly the users of firm A');
  assert.equal(r.json.total, ids.length);
  for (const u of r.json.items) for (const f of USER_FIELDS) assert.ok(f in u, `item.${f}`);
  assert.ok(ids.includes(A.admin2.id), 'the other admin too');
  const b = await B.admin.c.get('/api/v1/users?limit=500');
  assert.deepEqual(b.json.items.map((u) => u.id).sort((x, y) => x - y), firmUserIds(B.firmId));
});

test('list: managers see themselves and strictly lower roles only', async () => {
  for (const [who, roles] of [[A.mam, ['account_manager', 'establishment_manager']],
    [A.am, ['establishment_manager']], [A.amr, ['establishment_manager']]]) {
    const r = await who.c.get('/api/v1/users?limit=500');
    assert.equal(r.status, 200, r.text);
    const expected = sql(env, `SELECT id FROM users WHERE firm_id = ${A.firmId} AND (id = ${who.id}
      OR role IN (${roles.map(sqlStr).join(',')})) ORDER BY id`).map((x) => Number(x[0]));
    assert.deepEqual(r.json.items.map((u) => u.id).sort((a, b) => a - b), expected, `${who.user.role} ${who.email}`);
    assert.equal(r.json.total, expected.length);
  }
});

test('GET /users/{id}: other firm, higher or equal role, unknown id: the same 404', async () => {
  const cases = [
    [A.admin, B.admin.id], [A.admin, B.em.id],
    [A.mam, A.admin.id], [A.mam, A.mam2.id], [A.mam, B.em.id],
    [A.am, A.am2.id], [A.am, A.mam.id], [A.am, A.admin.id],
    [A.admin, 999999999], [A.am, 999999999],
  ];
  const bodies = new Set();
  for (const [who, id] of cases) {
    const r = await who.c.get(`/api/v1/users/${id}`);
    expectError(assert, `${who.email} GET ${id}`, r, 404, 'not_found');
    bodies.add(r.text);
  }
  assert.equal(bodies.size, 1, 'one and the same 404 body');
  for (const [who, id] of [[A.admin, A.admin2.id], [A.admin, A.mam.id], [A.mam, A.am.id], [A.mam, A.em.id],
    [A.am, A.em.id], [A.am, A.am.id], [A.mam, A.mam.id]]) {
    const r = await who.c.get(`/api/v1/users/${id}`);
    assert.equal(r.status, 200, `${who.email} GET ${id}: ${r.text}`);
    assert.equal(r.json.id, id);
  }
  for (const bad of ['0', '-1', 'abc', '1.5', '01']) {
    expectError(assert, `GET /users/${bad}`, await A.admin.c.get(`/api/v1/users/${bad}`), 404);
  }
});

test('a caller sees only the features and profile fields it holds itself', async () => {
  const r = await A.amr.c.get(`/api/v1/users/${A.em.id}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sorted(r.json.features), RESTRICTED.filter((f) => EM_DEFAULT.includes(f)));
  assert.deepEqual(sorted(r.json.profile_fields), RESTRICTED_FIELDS);
  const list = await A.amr.c.get(`/api/v1/users?q=${encodeURIComponent(A.em.email)}`);
  assert.deepEqual(sorted(list.json.items[0].features), RESTRICTED.filter((f) => EM_DEFAULT.includes(f)));
  const full = await A.admin.c.get(`/api/v1/users/${A.em.id}`);
  assert.deepEqual(sorted(full.json.features), EM_DEFAULT);
});

test('changes outside one\'s reach: other firm or higher/equal role 404, nothing changes', async () => {
  const cases = [
    [A.admin, B.admin], [A.admin, B.em], [A.mam, A.admin], [A.mam, A.mam2], [A.am, A.am2], [A.am, A.mam],
  ];
  for (const [who, target] of cases) {
    const before = snapshot(target.id);
    const sessions = sessionCount(env, target.id);
    expectError(assert, `${who.email} PATCH ${target.email}`, await who.c.patch(`/api/v1/users/${target.id}`,
      { first_name: 'Pwned', active: false, role: 'establishment_manager', features: [] }), 404, 'not_found');
    expectError(assert, `${who.email} ends sessions of ${target.email}`,
      await who.c.del(`/api/v1/users/${target.id}/sessions`), 404, 'not_found');
    assert.deepEqual(snapshot(target.id), before, 'unchanged');
    assert.equal(sessionCount(env, target.id), sessions, 'sessions kept');
  }
});

// ------------------------------------------------------------------ edits ---

test('nobody changes its own role, rights or status (403), nor through /users its password', async () => {
  for (const who of [A.admin, A.mam, A.am]) {
    const before = snapshot(who.id);
    for (const [b, field] of [[{ role: 'establishment_manager' }, 'role'], [{ role: 'admin' }, 'role'],
      [{ features: [] }, 'features'], [{ features: ALL_FEATURES }, 'features'],
      [{ profile_fields: [] }, 'profile_fields'], [{ active: false }, 'active'],
      [{ password: strongPassword() }, undefined]]) {
      const r = await who.c.patch(`/api/v1/users/${who.id}`, b);
      expectError(assert, `${who.user.role} own ${JSON.stringify(b)}`, r, 403, undefined, field);
    }
    assert.deepEqual(snapshot(who.id), before, 'unchanged');
  }
});

test('PATCH /users/{self} is no back door around PATCH /me: the feature self is needed', async () => {
  const noSelf = await person(A.admin.c, 'account_manager', { features: ['profile.read'] });
  const before = snapshot(noSelf.id);
  const r = await noSelf.c.patch(`/api/v1/users/${noSelf.id}`, { first_name: 'Self', email: uniqueEmail('self') });
  expectError(assert, 'PATCH /users/{self} without the feature self', r, 403);
  assert.deepEqual(snapshot(noSelf.id), before, 'unchanged');
});

test('PATCH /users/{self} is no back door around PATCH /me: an e-mail change needs the current password', async () => {
  const u = await person(A.admin.c, 'account_manager');
  const before = snapshot(u.id);
  const e = await u.c.patch(`/api/v1/users/${u.id}`, { email: uniqueEmail('moved') });
  assert.ok(e.status >= 400 && e.status < 500,
    `PATCH /users/{self} e-mail without current_password: ${e.status} ${e.text}`);
  assert.deepEqual(snapshot(u.id), before, 'unchanged');
});

test('role changes: within what the editor may give', async () => {
  const t = await person(A.admin.c, 'account_manager');
  let r = await A.admin.c.patch(`/api/v1/users/${t.id}`, { role: 'establishment_manager' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.role, 'establishment_manager');
  assert.equal(userRow(env, t.email).role, 'establishment_manager');
  r = await A.mam.c.patch(`/api/v1/users/${t.id}`, { role: 'account_manager' });
  assert.equal(r.status, 200, `MAM raises an EM to AM: ${r.text}`);
  assert.equal(userRow(env, t.email).role, 'account_manager');
  for (const [who, role] of [[A.mam, 'multi_account_manager'], [A.mam, 'admin'], [A.am, 'account_manager']]) {
    const target = who === A.am ? A.em : t;
    const before = snapshot(target.id);
    expectError(assert, `${who.user.role} gives ${role}`, await who.c.patch(`/api/v1/users/${target.id}`, { role }),
      403, undefined, 'role');
    assert.deepEqual(snapshot(target.id), before);
  }
  for (const role of ['support', 'boss', '', 'ADMIN']) {
    expectError(assert, `role ${JSON.stringify(role)}`, await A.admin.c.patch(`/api/v1/users/${t.id}`, { role }),
      400, undefined, 'role');
  }
  assert.equal(userRow(env, t.email).role, 'account_manager');
  // An admin may promote to admin: it then holds every feature.
  r = await A.admin.c.patch(`/api/v1/users/${t.id}`, { role: 'admin' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sorted(r.json.features), ALL_FEATURES);
});

test('editing rights: only those the editor holds; the others stay as they are', async () => {
  const t = await person(A.admin.c, 'establishment_manager', {
    features: ['monitoring', 'publication', 'profile.read', 'feedback'],
    profile_fields: ['siret', 'phone', 'name'],
  });
  // A.amr holds feedback, profile.read, self and may edit city, name.
  let r = await A.amr.c.patch(`/api/v1/users/${t.id}`, { features: ['self'], profile_fields: ['city'] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(storedFeatures(env, t.id), ['monitoring', 'publication', 'self'],
    'feedback and profile.read revoked, self granted, monitoring and publication untouched');
  assert.deepEqual(storedProfileFields(env, t.id), ['city', 'phone', 'siret']);
  assert.deepEqual(sorted(r.json.features), ['self'], 'the answer shows only what the editor holds');
  assert.deepEqual(sorted(r.json.profile_fields), ['city']);

  const before = snapshot(t.id);
  for (const [b, field] of [[{ features: ['self', 'plan'] }, 'features'], [{ features: ['monitoring'] }, 'features'],
    [{ profile_fields: ['siret'] }, 'profile_fields']]) {
    expectError(assert, JSON.stringify(b), await A.amr.c.patch(`/api/v1/users/${t.id}`, b), 403, undefined, field);
  }
  assert.deepEqual(snapshot(t.id), before, 'unchanged');
  // An edit without features leaves them all alone.
  r = await A.amr.c.patch(`/api/v1/users/${t.id}`, { first_name: 'Renamed' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(storedFeatures(env, t.id), ['monitoring', 'publication', 'self']);
  assert.equal(userRow(env, t.email).first_name, 'Renamed');
  // The user's own view follows.
  const me = await t.c.get('/api/v1/me');
  assert.deepEqual(sorted(me.json.features), ['monitoring', 'publication', 'self']);
});

test('disable and enable: sessions end at once; "active" must be a boolean', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  for (const active of ['yes', 1, 'false', [], {}]) {
    expectError(assert, `active ${JSON.stringify(active)}`, await A.am.c.patch(`/api/v1/users/${t.id}`, { active }),
      400, undefined, 'active');
  }
  assert.equal(userRow(env, t.email).active, true);
  assert.equal((await t.c.get('/api/v1/me')).status, 200);
  let r = await A.am.c.patch(`/api/v1/users/${t.id}`, { active: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.active, false);
  assert.equal(userRow(env, t.email).active, false);
  expectError(assert, 'disabled user\'s session', await t.c.get('/api/v1/me'), 401);
  expectError(assert, 'disabled user logs in', await new Client(http).login(t.email, t.password), 401,
    'invalid_credentials');
  r = await A.am.c.patch(`/api/v1/users/${t.id}`, { active: true });
  assert.equal(r.status, 200, r.text);
  assert.equal((await new Client(http).login(t.email, t.password)).status, 201);
});

test('password reset by a manager: policy, ends the user\'s sessions, audited without the secret', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  for (const weak of ['short', 'winniethepooh', t.email]) {
    expectError(assert, `weak ${weak}`, await A.mam.c.patch(`/api/v1/users/${t.id}`, { password: weak }),
      400, 'weak_password', 'password');
  }
  const next = strongPassword();
  const before = maxAuditId(env);
  const r = await A.mam.c.patch(`/api/v1/users/${t.id}`, { password: next });
  assert.equal(r.status, 200, r.text);
  expectError(assert, 'the user\'s old session', await t.c.get('/api/v1/me'), 401);
  expectError(assert, 'old password', await new Client(http).login(t.email, t.password), 401);
  assert.equal((await new Client(http).login(t.email, next)).status, 201);
  const rows = auditRows(env, `id > ${before} AND action = 'user.update' AND object_id = ${t.id}`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].user_id, A.mam.id);
  assert.ok(!rows[0].raw.includes(next) && !rows[0].raw.includes('$s1$'), rows[0].raw);
});

test('DELETE /users/{id}/sessions: ends all sessions of a managed user', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  const t2 = await loggedIn(http, t.email, t.password);
  assert.equal(sessionCount(env, t.id), 2);
  expectError(assert, 'without CSRF', await A.am.c.del(`/api/v1/users/${t.id}/sessions`, { csrf: false }), 403, 'csrf');
  assert.equal(sessionCount(env, t.id), 2, 'nothing ended');
  expectError(assert, 'own sessions', await A.am.c.del(`/api/v1/users/${A.am.id}/sessions`), 403);
  const before = maxAuditId(env);
  const r = await A.am.c.del(`/api/v1/users/${t.id}/sessions`);
  assert.equal(r.status, 204, r.text);
  assert.equal(sessionCount(env, t.id), 0);
  for (const c of [t.c, t2]) expectError(assert, 'ended session', await c.get('/api/v1/me'), 401);
  assert.equal((await A.am.c.get('/api/v1/me')).status, 200, 'the caller\'s own session lives');
  const rows = auditRows(env, `id > ${before} AND action = 'user.sessions_end'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].user_id, A.am.id);
  assert.equal(rows[0].object_id, t.id);
  assert.equal(rows[0].firm_id, A.firmId);
  assert.equal((await new Client(http).login(t.email, t.password)).status, 201, 'the user may log in again');
});

// ------------------------------------------------------------------- CSRF ---

test('CSRF: every change without a valid X-CSRF-Token is 403 and changes nothing', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  const before = snapshot(t.id);
  const sessions = sessionCount(env, t.id);
  for (const csrf of [false, '', 'nope', A.mam.c.csrf, `${A.admin.c.csrf}0`]) {
    const b = body('establishment_manager');
    expectError(assert, `POST /users csrf=${csrf}`, await A.admin.c.post('/api/v1/users', b, { csrf }), 403, 'csrf');
    assert.equal(countEmail(b.email), 0, 'not created');
    expectError(assert, `PATCH csrf=${csrf}`, await A.admin.c.patch(`/api/v1/users/${t.id}`,
      { first_name: 'Csrf', active: false, features: [], password: strongPassword() }, { csrf }), 403, 'csrf');
    expectError(assert, `DELETE sessions csrf=${csrf}`, await A.admin.c.del(`/api/v1/users/${t.id}/sessions`,
      { csrf }), 403, 'csrf');
  }
  assert.deepEqual(snapshot(t.id), before, 'unchanged');
  assert.equal(sessionCount(env, t.id), sessions);
  // A token in the JSON body or the query string is not the header.
  const b = body('establishment_manager', { csrf_token: A.admin.c.csrf });
  expectError(assert, 'token in the body', await A.admin.c.post(`/api/v1/users?csrf_token=${A.admin.c.csrf}`, b,
    { csrf: false }), 403, 'csrf');
  assert.equal(countEmail(b.email), 0);
});

// ------------------------------------------------------------- validation ---

test('create: every bad field is a 400 naming it; nothing is created', async () => {
  const long = 'x'.repeat(101);
  const cases = [
    [{ email: 'not-an-email' }, 'email'], [{ email: '' }, 'email'], [{ email: 42 }, 'email'],
    [{ email: `${'a'.repeat(250)}@x.example` }, 'email'], [{ email: 'a b@x.example' }, 'email'],
    [{ first_name: undefined }, 'first_name'], [{ first_name: '' }, 'first_name'], [{ first_name: '   ' }, 'first_name'],
    [{ first_name: long }, 'first_name'], [{ first_name: 7 }, 'first_name'], [{ first_name: 'a\tb' }, 'first_name'], [{ first_name: 'a\u0000b' }, undefined],
    [{ last_name: undefined }, 'last_name'], [{ last_name: null }, 'last_name'], [{ last_name: long }, 'last_name'],
    [{ role: undefined }, 'role'], [{ role: 'boss' }, 'role'], [{ role: 'support' }, 'role'], [{ role: ['admin'] }, 'role'],
    [{ password: undefined }, 'password'], [{ password: 'short' }, 'password', 'weak_password'],
    [{ password: 'abcdefghijk' }, 'password', 'weak_password'], [{ password: 'winniethepooh' }, 'password', 'weak_password'],
    [{ password: 123456789012 }, 'password'],
    [{ features: 'profile.read' }, 'features'], [{ features: ['nope'] }, 'features'], [{ features: [1] }, 'features'],
    [{ features: { 'profile.read': true } }, 'features'],
    [{ profile_fields: 'name' }, 'profile_fields'], [{ profile_fields: ['nope'] }, 'profile_fields'],
    [{ client_ids: 'x' }, 'client_ids'], [{ client_ids: [0] }, 'client_ids'], [{ client_ids: ['1'] }, 'client_ids'],
    [{ establishment_ids: [-3] }, 'establishment_ids'],
  ];
  for (const [extra, field, code] of cases) {
    const b = body('establishment_manager', extra);
    for (const k of Object.keys(extra)) if (extra[k] === undefined) delete b[k];
    const r = await A.admin.c.post('/api/v1/users', b);
    expectError(assert, `create ${JSON.stringify(extra)}`, r, 400, code, field);
    if (typeof b.email === 'string') assert.equal(countEmail(b.email.trim().toLowerCase()), 0, 'not created');
  }
  // The password may not be the e-mail address.
  const e = uniqueEmail('same');
  expectError(assert, 'password = e-mail', await A.admin.c.post('/api/v1/users',
    body('establishment_manager', { email: e, password: e })), 400, 'weak_password', 'password');
  assert.equal(countEmail(e), 0);
});

test('create: a taken e-mail is 409 (any case, any firm); forms 415; bad JSON 400', async () => {
  for (const email of [A.em.email, A.em.email.toUpperCase(), B.em.email, ` ${A.em.email} `]) {
    const r = await A.admin.c.post('/api/v1/users', body('establishment_manager', { email }));
    expectError(assert, `taken ${email}`, r, 409, undefined, 'email');
  }
  const email = uniqueEmail('form');
  const form = new URLSearchParams({ email, first_name: 'F', last_name: 'L', role: 'establishment_manager',
    password: strongPassword() }).toString();
  expectError(assert, 'urlencoded', await A.admin.c.request('POST', '/api/v1/users', undefined,
    { raw: form, contentType: 'application/x-www-form-urlencoded' }), 415);
  expectError(assert, 'urlencoded, with charset', await A.admin.c.request('POST', '/api/v1/users', undefined,
    { raw: form, contentType: 'application/x-www-form-urlencoded; charset=UTF-8' }), 415);
  expectError(assert, 'text/plain', await A.admin.c.request('POST', '/api/v1/users', undefined,
    { raw: JSON.stringify(body('establishment_manager', { email })), contentType: 'text/plain' }), 415);
  for (const raw of ['{', '[]', '"x"', '{"email":"a@b.example",}', `${JSON.stringify(body('x', { email }))}x`]) {
    expectError(assert, `JSON ${raw.slice(0, 20)}`, await A.admin.c.request('POST', '/api/v1/users', undefined, { raw }), 400);
  }
  assert.equal(countEmail(email), 0);
});

test('edit: every bad field is a 400 naming it, a taken e-mail 409; nothing changes', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  const before = snapshot(t.id);
  const cases = [
    [{ email: 'nope' }, 'email'], [{ email: 3 }, 'email'], [{ first_name: '' }, 'first_name'],
    [{ last_name: 'x'.repeat(101) }, 'last_name'], [{ role: 'boss' }, 'role'], [{ role: 'support' }, 'role'],
    [{ active: 'yes' }, 'active'], [{ features: 'self' }, 'features'], [{ features: ['self', 'nope'] }, 'features'],
    [{ profile_fields: [true] }, 'profile_fields'], [{ password: 'short' }, 'password', 'weak_password'],
    [{ password: 'WinnieThePooh' }, 'password', 'weak_password'], [{ client_ids: {} }, 'client_ids'],
    // A valid change beside a bad one is not applied either.
    [{ first_name: 'Good', active: 'no' }, 'active'], [{ last_name: 'Good', features: ['nope'] }, 'features'],
  ];
  for (const [b, field, code] of cases) {
    expectError(assert, `edit ${JSON.stringify(b)}`, await A.admin.c.patch(`/api/v1/users/${t.id}`, b), 400, code, field);
  }
  for (const email of [A.am.email, B.admin.email.toUpperCase()]) {
    expectError(assert, `taken ${email}`, await A.admin.c.patch(`/api/v1/users/${t.id}`, { email }), 409, undefined, 'email');
  }
  expectError(assert, 'urlencoded', await A.admin.c.request('PATCH', `/api/v1/users/${t.id}`, undefined,
    { raw: 'first_name=Form', contentType: 'application/x-www-form-urlencoded' }), 415);
  assert.deepEqual(snapshot(t.id), before, 'unchanged');
  // Its own e-mail, in another case, is no conflict.
  const r = await A.admin.c.patch(`/api/v1/users/${t.id}`, { email: t.email.toUpperCase(), first_name: 'Fine' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.email, t.email);
  assert.equal(r.json.first_name, 'Fine');
});

// ------------------------------------------------------- list parameters ---

test('list: ?sort=name|email|role and ?dir=asc|desc; anything else is a 400', async () => {
  const tagName = `Srt${RUN}`;
  const made = [];
  for (const [i, role] of [[0, 'establishment_manager'], [1, 'account_manager'], [2, 'multi_account_manager']]) {
    made.push(await createUser(A.admin.c, { role, last_name: `${tagName}${i}` }));
  }
  const q = `q=${encodeURIComponent(tagName)}`;
  const ids = async (qs) => {
    const r = await A.admin.c.get(`/api/v1/users?${q}&${qs}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items.map((u) => u.id);
  };
  const byName = made.map((u) => u.id);
  assert.deepEqual(await ids('sort=name'), byName);
  assert.deepEqual(await ids('sort=name&dir=desc'), [...byName].reverse());
  const byEmail = [...made].sort((a, b) => (a.email < b.email ? -1 : 1)).map((u) => u.id);
  assert.deepEqual(await ids('sort=email&dir=asc'), byEmail);
  assert.deepEqual(await ids('sort=email&dir=desc'), [...byEmail].reverse());
  // account_manager < establishment_manager < multi_account_manager
  assert.deepEqual(await ids('sort=role'), [made[1].id, made[0].id, made[2].id]);
  expectError(assert, 'sort by a column that is no key',
    await A.admin.c.get('/api/v1/users?sort=password_hash'), 400, 'invalid', 'sort');
  expectError(assert, 'bad direction', await A.admin.c.get('/api/v1/users?sort=name&dir=up'), 400, 'invalid', 'dir');
});

test('list: ?limit, ?offset, ?q (literal wildcards), 400 for bad values', async () => {
  const tagName = `Pag${RUN}`;
  const made = [];
  for (let i = 0; i < 3; i++) {
    made.push(await createUser(A.admin.c, { role: 'establishment_manager', last_name: `${tagName}${i}` }));
  }
  const q = encodeURIComponent(tagName);
  let r = await A.admin.c.get(`/api/v1/users?q=${q}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 3);
  assert.deepEqual(r.json.items.map((u) => u.id), made.map((u) => u.id), 'ordered by last name');
  r = await A.admin.c.get(`/api/v1/users?q=${q}&limit=2`);
  assert.deepEqual(r.json.items.map((u) => u.id), made.slice(0, 2).map((u) => u.id));
  assert.equal(r.json.total, 3, 'total ignores the page');
  r = await A.admin.c.get(`/api/v1/users?q=${q}&limit=2&offset=2`);
  assert.deepEqual(r.json.items.map((u) => u.id), [made[2].id]);
  r = await A.admin.c.get(`/api/v1/users?q=${q}&offset=3`);
  assert.deepEqual(r.json.items, []);
  assert.equal(r.json.total, 3);
  // Search by e-mail and by "first last".
  r = await A.admin.c.get(`/api/v1/users?q=${encodeURIComponent(made[1].email.toUpperCase())}`);
  assert.deepEqual(r.json.items.map((u) => u.id), [made[1].id]);
  r = await A.admin.c.get(`/api/v1/users?q=${encodeURIComponent(`Test ${tagName}2`)}`);
  assert.deepEqual(r.json.items.map((u) => u.id), [made[2].id]);
  // Wildcards are literal; other firms are never searched.
  for (const lit of ['%', `${tagName.slice(0, 3)}%${tagName.slice(4)}`, `${tagName.slice(0, 3)}_${tagName.slice(4)}`]) {
    r = await A.admin.c.get(`/api/v1/users?q=${encodeURIComponent(lit)}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 0, `q=${lit}`);
  }
  r = await A.admin.c.get(`/api/v1/users?q=${encodeURIComponent(B.em.email)}`);
  assert.equal(r.json.total, 0, 'another firm\'s user is not found');
  r = await A.am.c.get(`/api/v1/users?q=${encodeURIComponent(A.mam.email)}`);
  assert.equal(r.json.total, 0, 'a higher role is not found');
  // Bounds.
  assert.equal((await A.admin.c.get('/api/v1/users?limit=500')).status, 200);
  assert.equal((await A.admin.c.get('/api/v1/users?limit=1')).json.items.length, 1);
  for (const bad of ['0', '501', '-1', 'abc', '1.5', '10x']) {
    expectError(assert, `limit=${bad}`, await A.admin.c.get(`/api/v1/users?limit=${bad}`), 400, undefined, 'limit');
  }
  for (const bad of ['-1', 'abc', '2.5']) {
    expectError(assert, `offset=${bad}`, await A.admin.c.get(`/api/v1/users?offset=${bad}`), 400, undefined, 'offset');
  }
  expectError(assert, 'q too long', await A.admin.c.get(`/api/v1/users?q=${'a'.repeat(5000)}`), 400, undefined, 'q');
});

test('list: 50 items by default', async () => {
  // Many users at once, straight into the database (the hash is not used).
  const f = createFirm(env);
  const hash = userRow(env, f.email).hash;
  const values = Array.from({ length: 55 }, (_, i) => `(${f.firmId}, ${sqlStr(uniqueEmail(`bulk${i}`))},
    'establishment_manager', ${sqlStr(hash)}, 'Bulk', ${sqlStr(`Bulk${String(i).padStart(2, '0')}`)})`);
  sql(env, `INSERT INTO users (firm_id, email, role, password_hash, first_name, last_name) VALUES ${values.join(',')}`);
  const c = await loggedIn(http, f.email, f.password);
  const r = await c.get('/api/v1/users');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 50);
  assert.equal(r.json.total, 56);
  const rest = await c.get('/api/v1/users?offset=50');
  assert.equal(rest.json.items.length, 6);
  const all = new Set([...r.json.items, ...rest.json.items].map((u) => u.id));
  assert.equal(all.size, 56, 'the pages do not overlap');
});

// ------------------------------------------------------------------ audit ---

test('audit: user creation and edits are recorded with who, where and what; never a secret', async () => {
  const before = maxAuditId(env);
  const pw = strongPassword();
  const t = await createUser(A.mam.c, { role: 'establishment_manager', password: pw, features: ['self', 'feedback'] });
  const pw2 = strongPassword();
  let r = await A.mam.c.patch(`/api/v1/users/${t.id}`, { first_name: 'Audited', role: 'account_manager',
    features: ['self'], password: pw2, active: false });
  assert.equal(r.status, 200, r.text);
  r = await A.mam.c.patch(`/api/v1/users/${t.id}`, { active: true });
  assert.equal(r.status, 200, r.text);
  const rows = auditRows(env, `id > ${before} AND object_type = 'user' AND object_id = ${t.id}`);
  assert.deepEqual(rows.map((x) => x.action), ['user.create', 'user.update', 'user.update'], JSON.stringify(rows));
  for (const x of rows) {
    assert.equal(x.user_id, A.mam.id, 'who');
    assert.equal(x.firm_id, A.firmId, 'which firm');
    assert.equal(x.ip, '127.0.0.1', 'from where');
    for (const secret of [pw, pw2, '$s1$']) assert.ok(!x.raw.includes(secret), `no secret in ${x.raw}`);
  }
  const [create, edit, enable] = rows;
  assert.equal(create.details.email, t.email);
  assert.equal(create.details.role, 'establishment_manager');
  assert.deepEqual(sorted(create.details.features), ['feedback', 'self']);
  assert.deepEqual(edit.details.first_name, { from: 'Test', to: 'Audited' });
  assert.deepEqual(edit.details.role, { from: 'establishment_manager', to: 'account_manager' });
  assert.deepEqual(edit.details.active, { from: 'true', to: 'false' });
  assert.deepEqual(edit.details.features, ['self']);
  assert.ok('password' in edit.details, 'a password change is noted (without the password)');
  assert.deepEqual(enable.details.active, { from: 'false', to: 'true' });
  // No audit row anywhere holds a password hash.
  assert.equal(Number(sqlValue(env, "SELECT COUNT(*) FROM audit_log WHERE details LIKE '%$s1$%'")), 0);
});

test('refused changes leave no audit row', async () => {
  const t = await person(A.admin.c, 'establishment_manager');
  const before = maxAuditId(env);
  await A.admin.c.patch(`/api/v1/users/${t.id}`, { first_name: 'No' }, { csrf: false });
  await A.admin.c.patch(`/api/v1/users/${t.id}`, { active: 'no' });
  await A.am.c.patch(`/api/v1/users/${A.mam.id}`, { first_name: 'No' });
  await A.amr.c.patch(`/api/v1/users/${t.id}`, { features: ['plan'] });
  await A.admin.c.post('/api/v1/users', body('establishment_manager', { email: t.email }));
  const rows = auditRows(env, `id > ${before} AND firm_id = ${A.firmId} AND action LIKE 'user.%'`);
  assert.deepEqual(rows, []);
});
