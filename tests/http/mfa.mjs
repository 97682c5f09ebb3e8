// MFA (SPEC §4): enrolment (POST /me/mfa, /me/mfa/confirm), login with
// "totp" (RFC 6238, SHA-1, 30 s, 6 digits, ±1 step), a code never accepted
// twice, ten single-use recovery codes accepted in place of a code, TOTP
// guesses throttled, and the mandatory enrolment of the roles named by
// auth.mfa_required_roles (an instance with "admin" in it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { startInstance } from '../lib/instance.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  Client, auditRows, base32Decode, createFirm, createUser, expectError, fcgiTransport, hotp,
  httpTransport, loggedIn, maxAuditId, sessionCount, sql, sqlValue, stableStep, strongPassword,
  totp, uniqueEmail, userRow,
} from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const firm = createFirm(env);
let admin;
let inst;

before(async () => {
  admin = await loggedIn(http, firm.email, firm.password);
});

after(async () => {
  await inst?.stop();
});

const freshUser = (role = 'account_manager') => createUser(admin, { role });

// Codes valid at none of the steps around `step`.
function wrongCodes(secret, step, n) {
  const taken = new Set([-2, -1, 0, 1, 2].map((d) => totp(secret, step + d)));
  const out = [];
  for (let i = 1; out.length < n && i < 1000; i++) {
    const c = String((i * 104729) % 1000000).padStart(6, '0');
    if (!taken.has(c)) out.push(c);
  }
  return out;
}
const wrongCode = (secret, step) => wrongCodes(secret, step, 1)[0];

const noSessionCookie = (r) => !r.setCookies.some((s) => s.startsWith('rempart_session=') && !/max-age=0/i.test(s));

// Enrol a logged-in client: returns {secret, codes, step} (the code of
// `step` was used by the confirmation).
async function enrol(c) {
  const b = await c.post('/api/v1/me/mfa', {});
  assert.ok(b.status === 200 || b.status === 201, `POST /me/mfa: ${b.status} ${b.text}`);
  const step = await stableStep();
  const r = await c.post('/api/v1/me/mfa/confirm', { totp: totp(b.json.secret, step) });
  assert.equal(r.status, 200, `confirm: ${r.text}`);
  return { secret: b.json.secret, codes: r.json.recovery_codes, step };
}

test('the TOTP generator of the tests follows RFC 6238 (SHA-1 vectors)', () => {
  const key = Buffer.from('12345678901234567890');
  assert.equal(hotp(key, Math.floor(59 / 30), 8), '94287082');
  assert.equal(hotp(key, Math.floor(1111111109 / 30), 8), '07081804');
  assert.equal(hotp(key, Math.floor(2000000000 / 30), 8), '69279037');
  assert.equal(hotp(key, Math.floor(59 / 30)), '287082');
  assert.deepEqual(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), key);
});

// -------------------------------------------------------------- enrolment ---

test('POST /me/mfa: a base32 secret (>= 128 bits) and an otpauth:// URI for it', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const r = await c.post('/api/v1/me/mfa', {});
  assert.ok(r.status === 200 || r.status === 201, `${r.status} ${r.text}`);
  const { secret, otpauth_uri: uri } = r.json;
  assert.match(secret, /^[A-Z2-7]+=*$/, `base32: ${secret}`);
  assert.ok(base32Decode(secret).length >= 16, 'at least 128 bits');
  const url = new URL(uri);
  assert.equal(url.protocol, 'otpauth:');
  assert.match(uri, /^otpauth:\/\/totp\//);
  assert.equal(url.searchParams.get('secret'), secret);
  assert.ok(url.searchParams.get('issuer'), 'an issuer');
  assert.ok(decodeURIComponent(uri.slice('otpauth://totp/'.length).split('?')[0]).includes(u.email),
    `the label names the account: ${uri}`);
  for (const [k, v] of [['algorithm', 'SHA1'], ['digits', '6'], ['period', '30']]) {
    const got = url.searchParams.get(k);
    assert.ok(got === null || got === v, `${k}=${got}`);
  }
  const row = userRow(env, u.email);
  assert.equal(row.mfa, false, 'not enabled before the confirmation');
  assert.equal((await c.get('/api/v1/me')).json.mfa_enrolled, false);
  // Not yet enrolled: the login still needs no code.
  assert.equal((await new Client(http).login(u.email, u.password)).status, 201);
  // A second start replaces the secret: the first one's codes stop working.
  const again = await c.post('/api/v1/me/mfa', {});
  assert.notEqual(again.json.secret, secret);
  const step = await stableStep();
  expectError(assert, 'code of the replaced secret', await c.post('/api/v1/me/mfa/confirm',
    { totp: totp(secret, step) }), 400, 'invalid_totp', 'totp');
  const ok = await c.post('/api/v1/me/mfa/confirm', { totp: totp(again.json.secret, step) });
  assert.equal(ok.status, 200, ok.text);
});

test('POST /me/mfa/confirm: bad codes refused (400 field totp), then ten recovery codes; audited', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const early = await c.post('/api/v1/me/mfa/confirm', { totp: '123456' });
  assert.ok(early.status >= 400 && early.status < 500, `confirm before start: ${early.status}`);
  const b = await c.post('/api/v1/me/mfa', {});
  const step = await stableStep();
  for (const [bad, field] of [[wrongCode(b.json.secret, step), 'totp'], ['abcdef', 'totp'], ['12345', 'totp'],
    ['1234567', 'totp'], [undefined, 'totp'], [Number(totp(b.json.secret, step)), 'totp'], ['', 'totp']]) {
    const body = bad === undefined ? {} : { totp: bad };
    const r = await c.post('/api/v1/me/mfa/confirm', body);
    expectError(assert, `confirm ${JSON.stringify(bad)}`, r, 400, undefined, field);
  }
  assert.equal(userRow(env, u.email).mfa, false, 'still not enrolled');
  expectError(assert, 'confirm without CSRF', await c.post('/api/v1/me/mfa/confirm',
    { totp: totp(b.json.secret, step) }, { csrf: false }), 403, 'csrf');
  assert.equal(userRow(env, u.email).mfa, false, 'still not enrolled');

  const before = maxAuditId(env);
  const r = await c.post('/api/v1/me/mfa/confirm', { totp: totp(b.json.secret, step) });
  assert.equal(r.status, 200, r.text);
  const codes = r.json.recovery_codes;
  assert.ok(Array.isArray(codes) && codes.length === 10, `ten codes: ${r.text}`);
  assert.equal(new Set(codes).size, 10, 'all different');
  for (const k of codes) assert.ok(typeof k === 'string' && k.replace(/[^0-9a-zA-Z]/g, '').length >= 10, k);
  assert.equal(userRow(env, u.email).mfa, true);
  assert.equal((await c.get('/api/v1/me')).json.mfa_enrolled, true);
  // Stored hashed, unused.
  const rows = sql(env, `SELECT HEX(code_hash), used_at FROM recovery_codes WHERE user_id = ${u.id}`);
  assert.equal(rows.length, 10);
  assert.ok(rows.every((x) => x[1] === null));
  const stored = JSON.stringify(rows).toLowerCase();
  for (const k of codes) assert.ok(!stored.includes(k.replace(/-/g, '').toLowerCase()), 'not stored in clear');
  // Audited, without the secret or the codes.
  const audit = auditRows(env, `id > ${before} AND user_id = ${u.id}`);
  assert.deepEqual(audit.map((x) => x.action), ['mfa.enrol']);
  assert.equal(audit[0].object_id, u.id);
  for (const s of [b.json.secret, ...codes]) assert.ok(!audit[0].raw.includes(s), audit[0].raw);
  // Once enrolled: no second enrolment, secret unchanged.
  const secretRow = sqlValue(env, `SELECT mfa_secret FROM users WHERE id = ${u.id}`);
  const again = await c.post('/api/v1/me/mfa', {});
  expectError(assert, 'POST /me/mfa when enrolled', again, 409);
  assert.ok(!again.text.includes(secretRow), 'the secret is not shown again');
  expectError(assert, 'confirm when enrolled', await c.post('/api/v1/me/mfa/confirm',
    { totp: totp(b.json.secret, step + 1) }), 409);
  assert.equal(sqlValue(env, `SELECT mfa_secret FROM users WHERE id = ${u.id}`), secretRow);
});

test('POST /me/mfa without CSRF: 403, no secret stored', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  for (const csrf of [false, 'bad', admin.csrf]) {
    expectError(assert, `csrf=${csrf}`, await c.post('/api/v1/me/mfa', {}, { csrf }), 403, 'csrf');
  }
  assert.equal(sqlValue(env, `SELECT mfa_secret FROM users WHERE id = ${u.id}`), null);
});

// ------------------------------------------------------------------ login ---

test('login with MFA: mfa_required, then totp; a code is never accepted twice; ±1 step only', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const { secret, step } = await enrol(c);
  const sessions = sessionCount(env, u.id);

  // Right password, no code: mfa_required, and no session.
  let r = await new Client(http).login(u.email, u.password);
  expectError(assert, 'no totp', r, 401, 'mfa_required');
  assert.ok(noSessionCookie(r), 'no session cookie');
  assert.equal(sessionCount(env, u.id), sessions, 'no session row');
  // A wrong password says nothing about MFA.
  r = await new Client(http).login(u.email, 'not the password at all');
  expectError(assert, 'wrong password, no totp', r, 401, 'invalid_credentials');
  r = await new Client(http).login(u.email, 'not the password at all', totp(secret, step + 1));
  expectError(assert, 'wrong password, good totp', r, 401, 'invalid_credentials');
  // The code of the confirmation was used already.
  r = await new Client(http).login(u.email, u.password, totp(secret, step));
  expectError(assert, 'code used by the confirmation', r, 401, 'invalid_totp');
  assert.ok(noSessionCookie(r));
  // Two steps ahead is outside the window.
  expectError(assert, 'step + 2', await new Client(http).login(u.email, u.password, totp(secret, step + 2)),
    401, 'invalid_totp');
  // Next step (within ±1): accepted once.
  const good = new Client(http);
  r = await good.login(u.email, u.password, totp(secret, step + 1));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.user.mfa_enrolled, true);
  assert.equal((await good.get('/api/v1/me')).status, 200, 'the session works');
  expectError(assert, 'the same code again', await new Client(http).login(u.email, u.password, totp(secret, step + 1)),
    401, 'invalid_totp');
  expectError(assert, 'an older code', await new Client(http).login(u.email, u.password, totp(secret, step - 1)),
    401, 'invalid_totp');
  expectError(assert, 'a wrong code', await new Client(http).login(u.email, u.password, wrongCode(secret, step)),
    401, 'invalid_totp');
});

test('login with MFA: junk in "totp" never logs in', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  await enrol(c);
  for (const junk of ['abcdef', '12 34 56', 'x'.repeat(33), 123456]) {
    const j = await new Client(http).request('POST', '/api/v1/session',
      { email: u.email, password: u.password, totp: junk }, { csrf: false });
    assert.ok(j.status === 400 || j.status === 401, `totp ${JSON.stringify(junk)}: ${j.status} ${j.text}`);
    assert.ok(noSessionCookie(j));
  }
});

test('recovery codes: each works once in place of totp; all ten; they do not consume TOTP steps', async () => {
  const u = await freshUser();
  const other = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const oc = await loggedIn(http, other.email, other.password);
  const { secret, codes, step } = await enrol(c);
  const { codes: otherCodes } = await enrol(oc);

  expectError(assert, 'another user\'s recovery code',
    await new Client(http).login(u.email, u.password, otherCodes[0]), 401, 'invalid_totp');
  let r = await new Client(http).login(u.email, u.password, codes[0]);
  assert.equal(r.status, 201, `recovery code: ${r.text}`);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM recovery_codes WHERE user_id = ${u.id}
    AND used_at IS NOT NULL`)), 1, 'one code marked used');
  expectError(assert, 'the same recovery code again', await new Client(http).login(u.email, u.password, codes[0]),
    401, 'invalid_totp');
  expectError(assert, 'a recovery code needs the password', await new Client(http).login(u.email,
    'not the password at all', codes[1]), 401, 'invalid_credentials');
  for (const k of codes.slice(1)) {
    r = await new Client(http).login(u.email, u.password, k);
    assert.equal(r.status, 201, `recovery code ${k}: ${r.text}`);
  }
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM recovery_codes WHERE user_id = ${u.id}
    AND used_at IS NULL`)), 0, 'all ten used');
  for (const k of codes.slice(0, 3)) {
    expectError(assert, `used code ${k}`, await new Client(http).login(u.email, u.password, k), 401, 'invalid_totp');
  }
  // The TOTP steps are untouched: the next step's code still works.
  assert.equal((await new Client(http).login(u.email, u.password, totp(secret, step + 1))).status, 201);
});

test('a code or a recovery code sent by parallel logins is accepted once', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const { secret, codes, step } = await enrol(c);
  for (const code of [totp(secret, step + 1), codes[0]]) {
    const rs = await Promise.all(Array.from({ length: 4 }, () => new Client(http).login(u.email, u.password, code)));
    const statuses = rs.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 401, 401, 401], `parallel logins with ${code}: ${statuses}`);
    // A success clears the failures: the next round starts afresh.
  }
});

test('TOTP guesses are throttled like passwords (429 after 5 failures, even for a good code)', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const { secret, step } = await enrol(c);
  for (const [i, bad] of wrongCodes(secret, step, 5).entries()) {
    const r = await new Client(http).login(u.email, u.password, bad);
    expectError(assert, `guess ${i + 1}`, r, 401, 'invalid_totp');
  }
  const r = await new Client(http).login(u.email, u.password, totp(secret, step + 1));
  expectError(assert, 'good code after 5 guesses', r, 429, 'throttled');
  assert.match(r.headers['retry-after'] || '', /^\d+$/);
  assert.ok(noSessionCookie(r));
});

test('MFA survives a password change; the new password still needs the code', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const { secret, step } = await enrol(c);
  const next = strongPassword();
  assert.equal((await c.patch('/api/v1/me', { password: next, current_password: u.password })).status, 200);
  expectError(assert, 'new password, no code', await new Client(http).login(u.email, next), 401, 'mfa_required');
  assert.equal((await new Client(http).login(u.email, next, totp(secret, step + 1))).status, 201);
});

// ------------------------------------------- mandatory enrolment (config) ---

// An instance whose config demands MFA of admins; its own firm, with an
// account manager made through the stack (where MFA is not demanded).
const gate = {};
async function gateSetup() {
  if (gate.ready) return gate;
  inst = await startInstance({ 'auth.mfa_required_roles': 'admin' });
  gate.t = fcgiTransport(inst.socket);
  gate.firm = createFirm(env);
  const viaStack = await loggedIn(http, gate.firm.email, gate.firm.password);
  gate.am = await createUser(viaStack, { role: 'account_manager' });
  gate.admin2 = await createUser(viaStack, { role: 'admin' });
  gate.ready = true;
  return gate;
}

test('mandatory MFA: the login of a role that needs it answers mfa_enrollment_required: true', async () => {
  const g = await gateSetup();
  const c = new Client(g.t);
  const r = await c.login(g.firm.email, g.firm.password);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.mfa_enrollment_required, true, `login answer: ${r.text}`);
  // A role that does not need it: no flag.
  const a = await new Client(g.t).login(g.am.email, g.am.password);
  assert.equal(a.status, 201, a.text);
  assert.notEqual(a.json.mfa_enrollment_required, true);
});

test('mandatory MFA: until enrolment every other route answers 403 mfa_enrollment_required', async () => {
  const g = await gateSetup();
  const c = new Client(g.t);
  assert.equal((await c.login(g.firm.email, g.firm.password)).status, 201);
  const email = uniqueEmail('gated');
  const adminId = userRow(env, g.firm.email).id;
  const before = sql(env, `SELECT first_name, lang FROM users WHERE id = ${adminId}`);
  const cases = [
    ['GET', '/api/v1/users'], ['GET', `/api/v1/users/${g.am.id}`],
    ['POST', '/api/v1/users', { email, first_name: 'G', last_name: 'G', role: 'establishment_manager',
      password: strongPassword() }],
    ['PATCH', `/api/v1/users/${g.am.id}`, { first_name: 'Gated' }],
    ['DELETE', `/api/v1/users/${g.am.id}/sessions`],
    ['PATCH', '/api/v1/me', { first_name: 'Gated', lang: 'en' }],
  ];
  for (const [method, p, body] of cases) {
    const r = await c.request(method, p, body);
    expectError(assert, `${method} ${p}`, r, 403, 'mfa_enrollment_required');
  }
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM users WHERE email = '${email}'`)), 0, 'nobody created');
  assert.equal(userRow(env, g.am.email).first_name, 'Test', 'nobody edited');
  assert.deepEqual(sql(env, `SELECT first_name, lang FROM users WHERE id = ${adminId}`), before);

  // Enrolment is open, and then everything is.
  const { secret, step } = await enrol(c);
  assert.equal((await c.get('/api/v1/users')).status, 200, 'after enrolment, same session');
  const fresh = new Client(g.t);
  expectError(assert, 'enrolled admin without a code', await fresh.login(g.firm.email, g.firm.password), 401,
    'mfa_required');
  const r = await fresh.login(g.firm.email, g.firm.password, totp(secret, step + 1));
  assert.equal(r.status, 201, r.text);
  assert.notEqual(r.json.mfa_enrollment_required, true);
  assert.equal((await fresh.get('/api/v1/users')).status, 200);
  // A role that does not need MFA was never gated.
  const am = await loggedIn(g.t, g.am.email, g.am.password);
  assert.equal((await am.get('/api/v1/users')).status, 200);
});

test('mandatory MFA: logout works before enrolment', async () => {
  const g = await gateSetup();
  const c = new Client(g.t);
  assert.equal((await c.login(g.admin2.email, g.admin2.password)).status, 201);
  const token = c.token;
  const r = await c.logout();
  assert.equal(r.status, 204, r.text);
  const again = new Client(g.t);
  again.cookies.set('rempart_session', token);
  expectError(assert, 'token after logout', await again.get('/api/v1/users'), 401);
});

test('mandatory MFA: GET /me is one of the "other routes" (403 until enrolment)', async () => {
  const g = await gateSetup();
  const c = new Client(g.t);
  assert.equal((await c.login(g.admin2.email, g.admin2.password)).status, 201);
  expectError(assert, 'GET /me before enrolment', await c.get('/api/v1/me'), 403, 'mfa_enrollment_required');
});
