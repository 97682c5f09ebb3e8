// /healthz (monitoring, docs/operations.md): database up -> 200, down -> 503,
// nothing else said, no session; and nginx's rate limit of the login POSTs
// (nginx/rempart-site.conf.in) answering 429 through the stack's nginx.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { get, securityHeaderProblems } from '../lib/testkit.mjs';
import { startInstance } from '../lib/instance.mjs';
import { fcgiRequest } from '../lib/fcgi.mjs';

const env = ensureStack();
const BASE = env.BASE_URL;

test('GET /healthz with the database up: 200 {"status":"ok","database":"up"}, nothing more', async () => {
  const r = await get(`${BASE}/healthz`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.deepEqual(JSON.parse(r.text), { status: 'ok', database: 'up' });
  assert.equal(r.headers.get('set-cookie'), null, 'no session is created');
  assert.deepEqual(securityHeaderProblems(r.headers), []);
  // A session cookie changes nothing (the route never reads the session).
  const c = await get(`${BASE}/healthz`, { headers: { cookie: 'rempart_session=forged' } });
  assert.equal(c.status, 200);
  assert.deepEqual(JSON.parse(c.text), { status: 'ok', database: 'up' });
  assert.equal(c.headers.get('set-cookie'), null);
  const post = await get(`${BASE}/healthz`, { method: 'POST' });
  assert.equal(post.status, 405, 'read-only');
});

test('GET /healthz with the database down: 503 {"status":"unavailable","database":"down"}', async () => {
  // An instance whose database socket does not exist: the database is down
  // for it, the stack's own MariaDB is left alone.
  const inst = await startInstance({ 'db.socket': '/nonexistent/rempart-healthz.sock', 'db.host': '', 'fcgi.workers': '1' });
  try {
    const r = await fcgiRequest(inst.socket, { uri: '/healthz' });
    assert.equal(r.status, 503, r.body);
    assert.deepEqual(JSON.parse(r.body), { status: 'unavailable', database: 'down' });
    const h = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
    assert.match(String(h['retry-after'] || ''), /^\d+$/);
    assert.doesNotMatch(r.body, /nonexistent|socket|mysql|mariadb/i, 'no detail leaks');
  } finally {
    await inst.stop();
  }
});

test('nginx: login POSTs above the rate limit answer 429; other routes are not limited', async () => {
  // The stack renders the site with STACK_LOGIN_RATE / STACK_LOGIN_BURST
  // (100r/s, burst 100): 250 POSTs at once exceed the burst. Empty bodies,
  // so the app answers those that pass with a quick 400 (no password hash).
  const n = 250;
  const rs = await Promise.all(Array.from({ length: n }, () => get(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
  }, 30000)));
  const count = (s) => rs.filter((r) => r.status === s).length;
  const other = rs.filter((r) => r.status !== 429 && r.status !== 400);
  assert.deepEqual(other.map((r) => `${r.status} ${r.error || ''}`), [], 'only 400 (app) and 429 (nginx)');
  assert.ok(count(429) >= 50, `429s: ${count(429)} of ${n}`);
  assert.ok(count(400) >= 1, 'requests within the burst reach the app');
  const limited = rs.find((r) => r.status === 429);
  assert.match(limited.headers.get('content-type') || '', /^text\/html/, 'nginx answered, not the app');
  assert.deepEqual(securityHeaderProblems(limited.headers), [], 'security headers on the 429 too');
  // The same form of the login page: its POST is limited too.
  const form = await get(`${BASE}/login`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '',
  });
  assert.ok([429, 400, 403, 200, 303].includes(form.status), `POST /login: ${form.status}`);
  // GETs are never limited, even right now.
  const pages = await Promise.all(Array.from({ length: 20 }, () => get(`${BASE}/healthz`)));
  assert.deepEqual([...new Set(pages.map((p) => p.status))], [200]);
  // The bucket empties at the configured rate: a second later, logins pass.
  await new Promise((r) => setTimeout(r, 1500));
  const after = await get(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
  });
  assert.equal(after.status, 400, 'the limit lifts by itself');
});
