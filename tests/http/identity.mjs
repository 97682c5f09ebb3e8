// Identity API, sessions (SPEC §4, §5): POST/DELETE /api/v1/session, cookie
// attributes, hashed tokens, a new token at every login, idle and absolute
// timeouts, throttling per account and per address (429 + Retry-After), the
// same answer for unknown e-mails, GET/PATCH /api/v1/me with the e-mail and
// password rules, CSRF, and the audit rows of logins and logouts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ensureStack } from '../lib/stack.mjs';
import { startInstance } from '../lib/instance.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, Client, USER_FIELDS, auditRows, createFirm, createSupport, createUser,
  expectError, fcgiTransport, httpTransport, loggedIn, maxAuditId, randomAddress, sessionCount,
  sorted, sql, sqlStr, sqlValue, strongPassword, uniqueEmail, userRow,
} from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const instances = [];
after(async () => {
  for (const i of instances) await i.stop();
});

const firm = createFirm(env);
const adminUser = userRow(env, firm.email);

// A fresh account of the firm (made by its admin), for tests that change it.
let adminClient;
async function freshUser(opts = {}) {
  adminClient ??= await loggedIn(http, firm.email, firm.password);
  return createUser(adminClient, { role: 'account_manager', ...opts });
}

// GET /me with an explicit cookie value (a token replayed after its end).
function meWithToken(token) {
  const c = new Client(http);
  if (token) c.cookies.set('rempart_session', token);
  return c.get('/api/v1/me');
}

function sessionCookie(r) {
  const c = r.setCookies.find((s) => s.startsWith('rempart_session='));
  assert.ok(c, `a rempart_session cookie is set: ${JSON.stringify(r.setCookies)}`);
  return c;
}

function assertCookieAttributes(cookie, { secure }) {
  const parts = cookie.split(';').map((s) => s.trim());
  assert.match(parts[0], /^rempart_session=[0-9a-f]{64}$/, `256-bit token in hex: ${cookie}`);
  const attrs = parts.slice(1).map((a) => a.toLowerCase());
  assert.ok(attrs.includes('path=/'), `Path=/: ${cookie}`);
  assert.ok(attrs.includes('httponly'), `HttpOnly: ${cookie}`);
  assert.ok(attrs.includes('samesite=lax'), `SameSite=Lax: ${cookie}`);
  assert.equal(attrs.includes('secure'), secure, `Secure ${secure ? 'present' : 'absent'}: ${cookie}`);
  assert.ok(!attrs.some((a) => a.startsWith('domain=')), `no Domain: ${cookie}`);
  assert.ok(!attrs.some((a) => a.startsWith('expires=') || a.startsWith('max-age=')),
    `a session cookie (no Expires/Max-Age): ${cookie}`);
}

const sha256hex = (s) => crypto.createHash('sha256').update(s).digest('hex');

// ------------------------------------------------------------------ login ---

test('login: 201 {user, csrf_token}, cookie attributes, no-store, GET /me', async () => {
  const c = new Client(http);
  const r = await c.login(firm.email, firm.password);
  assert.equal(r.status, 201, r.text);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.match(r.headers['cache-control'] || '', /no-store/);
  assertCookieAttributes(sessionCookie(r), { secure: false });
  assert.match(r.json.csrf_token, /^[0-9a-f]{32,}$/, 'csrf_token');
  for (const f of USER_FIELDS) assert.ok(f in r.json.user, `user.${f} in the login answer`);
  assert.equal(r.json.user.email, firm.email);
  assert.equal(r.json.user.role, 'admin');
  assert.equal(r.json.user.firm_id, firm.firmId);
  assert.deepEqual(sorted(r.json.user.features), ALL_FEATURES, 'an admin holds every feature');
  assert.equal(r.json.mfa_enrollment_required, undefined, 'no MFA demanded by the test config');

  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, me.text);
  for (const f of ['id', 'email', 'first_name', 'last_name', 'role', 'firm_id', 'features', 'profile_fields']) {
    assert.ok(f in me.json, `GET /me has ${f}`);
  }
  assert.equal(me.json.id, adminUser.id);
  assert.equal(me.json.email, firm.email);
  assert.equal(me.json.firm_id, firm.firmId);
  assert.match(me.headers['cache-control'] || '', /no-store/);
});

test('login: the e-mail is case-insensitive', async () => {
  const c = new Client(http);
  const r = await c.login(firm.email.toUpperCase(), firm.password);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.user.email, firm.email);
});

test('sessions: only the SHA-256 of the token is stored; a new token at every login', async () => {
  const a = await loggedIn(http, firm.email, firm.password);
  const b = await loggedIn(http, firm.email, firm.password);
  assert.notEqual(a.token, b.token, 'two logins, two tokens');
  assert.notEqual(a.csrf, b.csrf, 'two logins, two CSRF tokens');
  // A login that presents an existing cookie still gets a fresh token
  // (no session fixation).
  const fixed = a.token;
  const r = await a.login(firm.email, firm.password);
  assert.equal(r.status, 201);
  assert.notEqual(a.token, fixed, 'the cookie sent at login is replaced');

  const rows = sql(env, `SELECT HEX(token_hash), csrf_token, ip FROM sessions WHERE user_id = ${adminUser.id}`);
  const hashes = rows.map((x) => x[0].toLowerCase());
  assert.ok(hashes.includes(sha256hex(b.token)), 'token_hash = SHA-256(token)');
  const dump = JSON.stringify(rows).toLowerCase();
  for (const t of [a.token, b.token, fixed]) assert.ok(!dump.includes(t), 'the token itself is not stored');
  assert.ok(rows.every((x) => x[2] === '127.0.0.1'), 'the address is recorded');
});

test('login over HTTPS: the cookie is Secure', async () => {
  const inst = await startInstance({});
  instances.push(inst);
  const c = new Client(fcgiTransport(inst.socket, { params: { HTTPS: 'on' } }));
  const r = await c.login(firm.email, firm.password);
  assert.equal(r.status, 201, r.text);
  assertCookieAttributes(sessionCookie(r), { secure: true });
  const plain = new Client(fcgiTransport(inst.socket));
  const p = await plain.login(firm.email, firm.password);
  assert.equal(p.status, 201, p.text);
  assertCookieAttributes(sessionCookie(p), { secure: false });
});

test('login: wrong password, unknown e-mail and disabled account get the same 401', async () => {
  const u = await freshUser();
  const off = await freshUser();
  const d = await adminClient.patch(`/api/v1/users/${off.id}`, { active: false });
  assert.equal(d.status, 200, d.text);

  const answers = [];
  for (const [email, pw] of [[u.email, 'not the right password'], [uniqueEmail('nobody'), 'whatever password 1'],
    [off.email, off.password]]) {
    const c = new Client(http);
    const r = await c.login(email, pw);
    expectError(assert, `login ${email}`, r, 401, 'invalid_credentials');
    assert.equal(r.setCookies.filter((s) => s.startsWith('rempart_session=') && !/max-age=0/i.test(s)).length, 0,
      'no session cookie');
    answers.push(r.text);
  }
  assert.equal(answers[1], answers[0], 'unknown e-mail: same body as a wrong password');
  assert.equal(answers[2], answers[0], 'disabled account: same body as a wrong password');
});

test('login: an unknown e-mail costs about the time of a wrong password', async () => {
  const u = await freshUser();
  const time = async (email, pw) => {
    const t0 = performance.now();
    const r = await new Client(http).login(email, pw);
    assert.equal(r.status, 401);
    return performance.now() - t0;
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const known = [];
  const unknown = [];
  for (let i = 0; i < 4; i++) { // 4 failures: under the account bound of 5
    known.push(await time(u.email, `wrong password ${i}xx`));
    unknown.push(await time(uniqueEmail('ghost'), `wrong password ${i}xx`));
  }
  const mk = median(known);
  const mu = median(unknown);
  assert.ok(mu > mk * 0.5 && mk > mu * 0.5,
    `median time: wrong password ${mk.toFixed(1)} ms, unknown e-mail ${mu.toFixed(1)} ms`);
});

test('login: input validation (400 naming the field, 415 for a form body)', async () => {
  const c = new Client(http);
  expectError(assert, 'no email', await c.post('/api/v1/session', { password: 'x'.repeat(12) }, { csrf: false }),
    400, undefined, 'email');
  expectError(assert, 'no password', await c.post('/api/v1/session', { email: firm.email }, { csrf: false }),
    400, undefined, 'password');
  expectError(assert, 'bad email', await c.post('/api/v1/session', { email: 'nope', password: 'x'.repeat(12) },
    { csrf: false }), 400, undefined, 'email');
  expectError(assert, 'email not a string', await c.post('/api/v1/session', { email: 12, password: 'x'.repeat(12) },
    { csrf: false }), 400, undefined, 'email');
  expectError(assert, 'password not a string', await c.post('/api/v1/session', { email: firm.email, password: true },
    { csrf: false }), 400, undefined, 'password');
  expectError(assert, 'malformed JSON', await c.request('POST', '/api/v1/session', undefined,
    { raw: '{"email":', csrf: false }), 400);
  expectError(assert, 'urlencoded', await c.request('POST', '/api/v1/session', undefined,
    { raw: `email=${encodeURIComponent(firm.email)}&password=${encodeURIComponent(firm.password)}`,
      contentType: 'application/x-www-form-urlencoded', csrf: false }), 415);
  assert.equal(c.token, null, 'no session from any of them');
});

// -------------------------------------------------------------- throttling ---

test('throttle per account: the 6th try within the window answers 429 with Retry-After', async () => {
  const u = await freshUser();
  for (let i = 1; i <= 5; i++) {
    const r = await new Client(http).login(u.email, `wrong password number ${i}`);
    expectError(assert, `failure ${i}`, r, 401, 'invalid_credentials');
  }
  for (const pw of ['wrong password number 6', u.password]) {
    const r = await new Client(http).login(u.email, pw);
    expectError(assert, `throttled (${pw === u.password ? 'right' : 'wrong'} password)`, r, 429, 'throttled');
    const ra = r.headers['retry-after'];
    assert.match(ra || '', /^\d+$/, `Retry-After: ${ra}`);
    assert.ok(Number(ra) >= 1 && Number(ra) <= 900, `Retry-After within the 900 s window: ${ra}`);
    assert.equal(r.setCookies.filter((s) => s.startsWith('rempart_session=') && !/max-age=0/i.test(s)).length, 0);
  }
  // Other accounts are not affected.
  assert.equal((await new Client(http).login(firm.email, firm.password)).status, 201);
  // Once the window is over, the account logs in again (failures aged in the DB).
  sql(env, `UPDATE login_failures SET at = at - INTERVAL 901 SECOND WHERE email = ${sqlStr(u.email)}`);
  assert.equal((await new Client(http).login(u.email, u.password)).status, 201);
});

test('throttle per account holds under parallel tries: at most 5 guesses are checked', async () => {
  // 16 wrong passwords at once: a check-then-count throttle lets every
  // worker through before the first failure is recorded.
  const u = await freshUser();
  const rs = await Promise.all(Array.from({ length: 16 },
    (_, i) => new Client(http).login(u.email, `parallel wrong password ${i}`)));
  const byStatus = {};
  for (const r of rs) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
  assert.deepEqual(Object.keys(byStatus).sort(), ['401', '429'], JSON.stringify(byStatus));
  assert.ok(byStatus[401] <= 5, `password checks for one account, 5 allowed: ${JSON.stringify(byStatus)}`);
  assert.ok(Number(sqlValue(env, `SELECT COUNT(*) FROM login_failures WHERE email = ${sqlStr(u.email)}`)) <= 5,
    'failures recorded');
});

test('throttle per account: unknown e-mails are throttled the same way (nothing tells them apart)', async () => {
  const ghost = uniqueEmail('ghost');
  const bodies = [];
  for (let i = 1; i <= 6; i++) {
    const r = await new Client(http).login(ghost, `wrong password number ${i}`);
    assert.equal(r.status, i <= 5 ? 401 : 429, `try ${i}: ${r.text}`);
    bodies.push(r.text);
  }
  const u = await freshUser();
  for (let i = 1; i <= 6; i++) {
    const r = await new Client(http).login(u.email, `wrong password number ${i}`);
    assert.equal(r.status, i <= 5 ? 401 : 429, `try ${i}: ${r.text}`);
    if (i === 6) assert.equal(r.text, bodies[5], 'same 429 body for a known and an unknown e-mail');
  }
});

test('throttle per account: a good login clears the failures', async () => {
  const u = await freshUser();
  for (let round = 0; round < 2; round++) {
    for (let i = 1; i <= 4; i++) {
      assert.equal((await new Client(http).login(u.email, `wrong password ${round}-${i}`)).status, 401);
    }
    assert.equal((await new Client(http).login(u.email, u.password)).status, 201, `round ${round}`);
  }
});

test('throttle per address (instance, auth.max_failures_address = 3); X-Forwarded-For does not move it', async () => {
  const inst = await startInstance({ 'auth.max_failures_address': '3' });
  instances.push(inst);
  const addrA = randomAddress();
  const addrB = randomAddress();
  const fromA = fcgiTransport(inst.socket, { remoteAddr: addrA });
  const u = await freshUser();
  for (let i = 1; i <= 3; i++) {
    const r = await new Client(fromA).login(uniqueEmail('spray'), `wrong password ${i}xx`);
    expectError(assert, `failure ${i} from A`, r, 401, 'invalid_credentials');
  }
  // A different, real account with its right password: the address is throttled.
  const r = await new Client(fromA).login(u.email, u.password);
  expectError(assert, 'from A after 3 failures', r, 429, 'throttled');
  assert.match(r.headers['retry-after'] || '', /^\d+$/);
  const xff = await new Client(fcgiTransport(inst.socket, { remoteAddr: addrA }))
    .request('POST', '/api/v1/session', { email: u.email, password: u.password },
      { csrf: false, headers: { 'x-forwarded-for': addrB, 'x-real-ip': addrB } });
  assert.equal(xff.status, 429, 'a forwarded-for header does not change the address');
  // Another address is not affected; nor is the account's own counter.
  const b = await new Client(fcgiTransport(inst.socket, { remoteAddr: addrB })).login(u.email, u.password);
  assert.equal(b.status, 201, b.text);
  const rows = sql(env, `SELECT COUNT(*) FROM login_failures WHERE ip = ${sqlStr(addrA)}`);
  assert.equal(rows[0][0], '3', 'three failures recorded for address A');
});

// ----------------------------------------------------------------- logout ---

test('logout: without CSRF 403 and the session lives; with it 204, cookie cleared, token dead', async () => {
  const c = await loggedIn(http, firm.email, firm.password);
  const token = c.token;
  const sessions = sessionCount(env, adminUser.id);

  expectError(assert, 'logout without X-CSRF-Token', await c.del('/api/v1/session', { csrf: false }), 403, 'csrf');
  expectError(assert, 'logout with a wrong token', await c.del('/api/v1/session', { csrf: 'f'.repeat(64) }),
    403, 'csrf');
  assert.equal(sessionCount(env, adminUser.id), sessions, 'no session ended');
  assert.equal((await c.get('/api/v1/me')).status, 200, 'still logged in');

  const before = maxAuditId(env);
  const r = await c.logout();
  assert.equal(r.status, 204, r.text);
  assert.equal(r.text, '', 'no body');
  const cleared = r.setCookies.find((s) => s.startsWith('rempart_session='));
  assert.ok(cleared && /max-age=0/i.test(cleared), `the cookie is cleared: ${cleared}`);
  assert.equal(sessionCount(env, adminUser.id), sessions - 1, 'the session row is gone');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(${sqlStr(sha256hex(token))})`)), 0);
  expectError(assert, 'replayed token', await meWithToken(token), 401, 'unauthenticated');
  const audit = auditRows(env, `id > ${before} AND user_id = ${adminUser.id} AND action = 'logout'`);
  assert.equal(audit.length, 1, 'one logout audit row');
  assert.equal(audit[0].ip, '127.0.0.1');
  // Logging out again: no session any more.
  expectError(assert, 'logout without a session', await new Client(http).del('/api/v1/session'),
    401, 'unauthenticated');
});

test('no session: 401 unauthenticated for a missing, malformed or unknown cookie', async () => {
  for (const token of [null, 'garbage', 'a'.repeat(64), crypto.randomBytes(32).toString('hex'), `${'A'.repeat(64)}`]) {
    expectError(assert, `cookie ${token}`, await meWithToken(token), 401, 'unauthenticated');
  }
  const c = new Client(http);
  expectError(assert, 'PATCH /me', await c.patch('/api/v1/me', { first_name: 'X' }), 401, 'unauthenticated');
  expectError(assert, 'GET /users', await c.get('/api/v1/users'), 401, 'unauthenticated');
  expectError(assert, 'POST /me/mfa', await c.post('/api/v1/me/mfa', {}), 401, 'unauthenticated');
});

test('identity routes: 405 with Allow for other methods, checked before the session', async () => {
  for (const [method, p, allow] of [['PUT', '/api/v1/me', 'GET, HEAD, PATCH'], ['POST', '/api/v1/me', 'GET, HEAD, PATCH'],
    ['GET', '/api/v1/session', 'POST, DELETE'], ['PUT', '/api/v1/users/1', 'GET, HEAD, PATCH'],
    ['GET', '/api/v1/me/mfa', 'POST'], ['DELETE', '/api/v1/users', 'GET, HEAD, POST']]) {
    const r = await new Client(http).request(method, p);
    expectError(assert, `${method} ${p}`, r, 405, 'method_not_allowed');
    assert.deepEqual(r.headers.allow.split(/,\s*/).sort(), allow.split(', ').sort(), `${method} ${p}: Allow`);
  }
});

// --------------------------------------------------------------- timeouts ---

test('idle timeout (30 min): an idle session dies; activity keeps one alive', async () => {
  const u = await freshUser();
  const idle = await loggedIn(http, u.email, u.password);
  const busy = await loggedIn(http, u.email, u.password);
  const set = (c, when) => sql(env, `UPDATE sessions SET last_seen = ${when}
    WHERE token_hash = UNHEX(${sqlStr(sha256hex(c.token))})`);
  set(idle, 'UTC_TIMESTAMP() - INTERVAL 31 MINUTE');
  set(busy, 'UTC_TIMESTAMP() - INTERVAL 29 MINUTE');
  expectError(assert, 'idle 31 min', await idle.get('/api/v1/me'), 401, 'unauthenticated');
  assert.equal((await busy.get('/api/v1/me')).status, 200, 'idle 29 min: alive');
  const age = Number(sqlValue(env, `SELECT TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()) FROM sessions
    WHERE token_hash = UNHEX(${sqlStr(sha256hex(busy.token))})`));
  assert.ok(age >= 0 && age < 60, `the request refreshed last_seen (${age} s ago)`);
  // The refreshed session survives what would have killed it before.
  set(busy, 'UTC_TIMESTAMP() - INTERVAL 29 MINUTE');
  assert.equal((await busy.get('/api/v1/me')).status, 200);
});

test('absolute timeout (12 h): a session dies 12 h after login, however active', async () => {
  const u = await freshUser();
  const old = await loggedIn(http, u.email, u.password);
  const young = await loggedIn(http, u.email, u.password);
  const set = (c, when) => sql(env, `UPDATE sessions SET created_at = ${when}, last_seen = UTC_TIMESTAMP()
    WHERE token_hash = UNHEX(${sqlStr(sha256hex(c.token))})`);
  set(old, 'UTC_TIMESTAMP() - INTERVAL 721 MINUTE');
  set(young, 'UTC_TIMESTAMP() - INTERVAL 718 MINUTE');
  expectError(assert, '12 h 1 min old', await old.get('/api/v1/me'), 401, 'unauthenticated');
  assert.equal((await young.get('/api/v1/me')).status, 200, '11 h 58 min old: alive');
  // State changes are refused too, not only reads.
  expectError(assert, 'PATCH with an expired session', await old.patch('/api/v1/me', { first_name: 'Late' }),
    401, 'unauthenticated');
  assert.equal(userRow(env, u.email).first_name, 'Test');
});

test('the timeouts come from the config (instance: idle 120 s, absolute 300 s)', async () => {
  const inst = await startInstance({ 'auth.session_idle': '120', 'auth.session_absolute': '300' });
  instances.push(inst);
  const t = fcgiTransport(inst.socket);
  const u = await freshUser();
  const clients = [];
  for (let i = 0; i < 4; i++) clients.push(await loggedIn(t, u.email, u.password));
  const set = (c, col, secs) => sql(env, `UPDATE sessions SET ${col} = UTC_TIMESTAMP() - INTERVAL ${secs} SECOND
    WHERE token_hash = UNHEX(${sqlStr(sha256hex(c.token))})`);
  set(clients[0], 'last_seen', 130);
  set(clients[1], 'last_seen', 100);
  set(clients[2], 'created_at', 310);
  set(clients[3], 'created_at', 280);
  const st = [];
  for (const c of clients) st.push((await c.get('/api/v1/me')).status);
  assert.deepEqual(st, [401, 200, 401, 200], 'idle 130 s, idle 100 s, age 310 s, age 280 s');
});

test('a disabled user loses its sessions at once', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  assert.equal((await adminClient.patch(`/api/v1/users/${u.id}`, { active: false })).status, 200);
  expectError(assert, 'disabled user', await c.get('/api/v1/me'), 401, 'unauthenticated');
  assert.equal(sessionCount(env, u.id), 0);
  assert.equal((await adminClient.patch(`/api/v1/users/${u.id}`, { active: true })).status, 200);
  assert.equal((await new Client(http).login(u.email, u.password)).status, 201, 'enabled again: logs in');
});

// -------------------------------------------------------------------- /me ---

test('PATCH /me: names and language, audited with the changed fields', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const before = maxAuditId(env);
  const r = await c.patch('/api/v1/me', { first_name: '  Ada ', last_name: 'Lovelace-Été', lang: 'en' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.first_name, 'Ada', 'trimmed');
  assert.equal(r.json.last_name, 'Lovelace-Été');
  const row = userRow(env, u.email);
  assert.equal(row.first_name, 'Ada');
  assert.equal(row.last_name, 'Lovelace-Été');
  assert.equal(row.lang, 'en');
  const me = await c.get('/api/v1/me');
  assert.equal(me.json.first_name, 'Ada');
  const audit = auditRows(env, `id > ${before} AND object_id = ${u.id} AND object_type = 'user'`);
  assert.equal(audit.length, 1, JSON.stringify(audit));
  assert.equal(audit[0].user_id, u.id);
  assert.equal(audit[0].firm_id, firm.firmId);
  assert.equal(audit[0].ip, '127.0.0.1');
  assert.equal(audit[0].details.first_name, 'Ada');
  assert.equal(audit[0].details.lang, 'en');
});

test('PATCH /me: validation (400 naming the field), 415 for a form', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const cases = [
    [{ first_name: '' }, 'first_name'],
    [{ first_name: 'x'.repeat(101) }, 'first_name'],
    [{ first_name: 5 }, 'first_name'],
    [{ last_name: 'a\nb' }, 'last_name'],
    [{ last_name: ['x'] }, 'last_name'],
    [{ email: 'not-an-email', current_password: u.password }, 'email'],
    [{ email: 'a@b', current_password: u.password }, 'email'],
    [{ lang: 'de' }, 'lang'],
    [{ lang: 1 }, 'lang'],
  ];
  for (const [body, field] of cases) {
    expectError(assert, JSON.stringify(body), await c.patch('/api/v1/me', body), 400, undefined, field);
  }
  expectError(assert, 'urlencoded', await c.request('PATCH', '/api/v1/me', undefined,
    { raw: 'first_name=Form', contentType: 'application/x-www-form-urlencoded' }), 415);
  expectError(assert, 'malformed JSON', await c.request('PATCH', '/api/v1/me', undefined, { raw: '{"first_name"' }), 400);
  const row = userRow(env, u.email);
  assert.equal(row.first_name, 'Test', 'nothing changed');
  assert.equal(row.email, u.email);
  assert.equal(row.lang, 'fr');
});

test('PATCH /me: an e-mail change needs the current password; duplicates 409', async () => {
  const u = await freshUser();
  const other = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const fresh = uniqueEmail('moved');
  expectError(assert, 'no current_password', await c.patch('/api/v1/me', { email: fresh }), 400, undefined,
    'current_password');
  expectError(assert, 'wrong current_password', await c.patch('/api/v1/me',
    { email: fresh, current_password: 'not my password at all' }), 403, undefined, 'current_password');
  expectError(assert, 'taken e-mail', await c.patch('/api/v1/me',
    { email: other.email, current_password: u.password }), 409, undefined, 'email');
  expectError(assert, 'taken e-mail, other case', await c.patch('/api/v1/me',
    { email: other.email.toUpperCase(), current_password: u.password }), 409, undefined, 'email');
  assert.equal(userRow(env, u.email).email, u.email, 'unchanged so far');

  const r = await c.patch('/api/v1/me', { email: fresh.toUpperCase(), current_password: u.password });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.email, fresh, 'stored in lower case');
  assert.equal(userRow(env, fresh).id, u.id);
  expectError(assert, 'old e-mail', await new Client(http).login(u.email, u.password), 401, 'invalid_credentials');
  assert.equal((await new Client(http).login(fresh, u.password)).status, 201);
});

test('PATCH /me: guesses of the current password are throttled like failed logins', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  for (let i = 0; i < 5; i++) {
    expectError(assert, `guess ${i + 1}`, await c.patch('/api/v1/me',
      { password: 'a brand new passphrase', current_password: `wrong guess number ${i}` }),
    403, 'wrong_password', 'current_password');
  }
  const r = await c.patch('/api/v1/me', { password: 'a brand new passphrase', current_password: u.password });
  assert.equal(r.status, 429, `the 6th try, even right, is throttled: ${r.text}`);
  assert.match(r.headers.get ? r.headers.get('retry-after') : r.headers['retry-after'], /^\d+$/);
  expectError(assert, 'login is throttled too', await new Client(http).login(u.email, u.password), 429, 'throttled');
});

test('PATCH /me: password change needs the current one, follows the policy, ends the other sessions', async () => {
  const u = await freshUser();
  const a = await loggedIn(http, u.email, u.password);
  const b = await loggedIn(http, u.email, u.password);
  const next = strongPassword();
  const hash = userRow(env, u.email).hash;

  expectError(assert, 'no current_password', await a.patch('/api/v1/me', { password: next }), 400, undefined,
    'current_password');
  expectError(assert, 'wrong current_password', await a.patch('/api/v1/me',
    { password: next, current_password: `${u.password}x` }), 403, undefined, 'current_password');
  for (const weak of ['short pw', '11 chars!!!', 'winniethepooh', 'WinnieThePooh', u.email]) {
    expectError(assert, `weak ${weak}`, await a.patch('/api/v1/me', { password: weak, current_password: u.password }),
      400, 'weak_password', 'password');
  }
  assert.equal(userRow(env, u.email).hash, hash, 'the hash did not change');
  assert.equal((await b.get('/api/v1/me')).status, 200, 'the other session still lives');

  const before = maxAuditId(env);
  const r = await a.patch('/api/v1/me', { password: next, current_password: u.password });
  assert.equal(r.status, 200, r.text);
  const row = userRow(env, u.email);
  assert.notEqual(row.hash, hash);
  assert.match(row.hash, /^\$s1\$/, 'scrypt, modular crypt format');
  assert.ok(!row.hash.includes(next));
  expectError(assert, 'the other session', await b.get('/api/v1/me'), 401, 'unauthenticated');
  assert.equal((await a.get('/api/v1/me')).status, 200, 'this session goes on');
  assert.equal(sessionCount(env, u.id), 1);
  expectError(assert, 'old password', await new Client(http).login(u.email, u.password), 401, 'invalid_credentials');
  assert.equal((await new Client(http).login(u.email, next)).status, 201, 'new password');
  const audit = auditRows(env, `id > ${before} AND object_id = ${u.id}`);
  assert.ok(audit.length >= 1);
  for (const x of audit) {
    assert.ok(!x.raw.includes(next) && !x.raw.includes(u.password) && !x.raw.includes('$s1$'),
      `no secret in the audit: ${x.raw}`);
  }
});

test('PATCH /me: 12 characters (counted as characters, not bytes) are enough', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const pw = `éèàùç${crypto.randomBytes(4).toString('hex').slice(0, 7)}`; // 12 characters
  assert.equal([...pw].length, 12);
  const r = await c.patch('/api/v1/me', { password: pw, current_password: u.password });
  assert.equal(r.status, 200, r.text);
  assert.equal((await new Client(http).login(u.email, pw)).status, 201);
  const short = 'ééééééééééé'; // 11 characters, 22 bytes
  expectError(assert, '11 characters', await c.patch('/api/v1/me', { password: short, current_password: pw }),
    400, 'weak_password', 'password');
});

test('PATCH /me: CSRF required; a wrong or another session\'s token changes nothing', async () => {
  const u = await freshUser();
  const c = await loggedIn(http, u.email, u.password);
  const other = await loggedIn(http, firm.email, firm.password);
  for (const csrf of [false, 'x', '', other.csrf, c.csrf.slice(0, -1), `${c.csrf}0`]) {
    const r = await c.patch('/api/v1/me', { first_name: 'Hijack', lang: 'en' }, { csrf });
    expectError(assert, `csrf=${csrf}`, r, 403, 'csrf');
  }
  const pw = await c.patch('/api/v1/me', { password: strongPassword(), current_password: u.password }, { csrf: false });
  expectError(assert, 'password change without CSRF', pw, 403, 'csrf');
  const row = userRow(env, u.email);
  assert.equal(row.first_name, 'Test');
  assert.equal(row.lang, 'fr');
  assert.equal((await new Client(http).login(u.email, u.password)).status, 201, 'the password is unchanged');
  // A CSRF token in the query string or a form field of a JSON body does not count.
  const q = await c.request('PATCH', `/api/v1/me?csrf_token=${c.csrf}`, { first_name: 'Hijack', csrf_token: c.csrf },
    { csrf: false });
  expectError(assert, 'token in the query / JSON body', q, 403, 'csrf');
  assert.equal(userRow(env, u.email).first_name, 'Test');
});

test('PATCH /me: needs the feature self (403, nothing changes)', async () => {
  const u = await freshUser({ features: ['profile.read', 'feedback'] });
  const c = await loggedIn(http, u.email, u.password);
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, 'GET /me needs no feature');
  assert.deepEqual(sorted(me.json.features), ['feedback', 'profile.read']);
  for (const body of [{ first_name: 'Nope' }, { password: strongPassword(), current_password: u.password },
    { email: uniqueEmail('nope'), current_password: u.password }]) {
    expectError(assert, JSON.stringify(body), await c.patch('/api/v1/me', body), 403);
  }
  const row = userRow(env, u.email);
  assert.equal(row.first_name, 'Test');
  assert.equal(row.email, u.email);
  assert.equal((await new Client(http).login(u.email, u.password)).status, 201);
});

test('support user: logs in, GET /me, no /users, and may change its own password', async () => {
  const s = createSupport(env);
  const c = await loggedIn(http, s.email, s.password);
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.role, 'support');
  assert.equal(me.json.firm_id, null, 'no firm');
  expectError(assert, 'support GET /users', await c.get('/api/v1/users'), 403);
  expectError(assert, 'support GET /users/{admin}', await c.get(`/api/v1/users/${adminUser.id}`), 403);
  // SPEC §3: every user gets every feature by default, `self` included: a
  // support user changes its own password like anybody.
  const next = strongPassword();
  const r = await c.patch('/api/v1/me', { password: next, current_password: s.password });
  assert.equal(r.status, 200, `support changes its password: ${r.text}`);
  assert.equal((await new Client(http).login(s.email, next)).status, 201);
});

// ------------------------------------------------------------------ audit ---

test('audit: logins, failed logins (known and unknown e-mail) and logouts, never a password', async () => {
  const u = await freshUser();
  const ghost = uniqueEmail('ghost');
  const wrong = `wrong-${crypto.randomBytes(6).toString('hex')}`;
  const before = maxAuditId(env);
  await new Client(http).login(u.email, wrong);
  await new Client(http).login(ghost, wrong);
  const c = await loggedIn(http, u.email, u.password);
  assert.equal((await c.logout()).status, 204);

  const rows = auditRows(env, `id > ${before} AND (user_id = ${u.id} OR details LIKE ${sqlStr(`%${ghost}%`)})`);
  const actions = rows.map((r) => r.action);
  assert.deepEqual(actions, ['login.failed', 'login.failed', 'login', 'logout'], JSON.stringify(rows));
  const [bad, unknown, login, logout] = rows;
  assert.equal(bad.user_id, u.id);
  assert.equal(bad.firm_id, firm.firmId);
  assert.equal(bad.details.email, u.email);
  assert.equal(unknown.user_id, null, 'an unknown e-mail has no user');
  assert.equal(unknown.details.email, ghost);
  assert.equal(login.user_id, u.id);
  assert.equal(login.object_type, 'session');
  assert.equal(logout.object_id, login.object_id, 'the logout names the session of the login');
  for (const r of rows) {
    assert.equal(r.ip, '127.0.0.1');
    assert.ok(!r.raw.includes(wrong) && !r.raw.includes(u.password) && !r.raw.includes('$s1$'),
      `no password in ${r.raw}`);
  }
});
