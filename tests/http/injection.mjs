// SQL metacharacters in every kind of input (ASVS 5.3.4): stored and read back
// exactly as typed, searched as literal text (LIKE wildcards included), refused
// with a 4xx naming the parameter where a closed set is expected, and never a
// 500 or a change to another row. Every statement is prepared with bound
// values; this proves it from the outside.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, expectError, httpTransport, loggedIn, sqlValue } from '../lib/identity.mjs';
import { clientBody, makeClient } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const HOSTILE = [
  "O'Brien & Sons",
  "x' OR '1'='1",
  "'; DROP TABLE clients; --",
  'back\\slash \\\' quote',
  '"double" `tick`',
  '50% off_now',
  "Robert'); DELETE FROM users WHERE ('1'='1",
  'ünïcödé — 日本 \u{1F512}',
];

let admin;
let firmId;

before(async () => {
  const f = createFirm(env);
  admin = await loggedIn(http, f.email, f.password);
  firmId = admin.user.firm_id;
});

const counts = () => ['clients', 'users', 'risks', 'actions', 'resources', 'audit_log']
  .map((t) => `${t}:${sqlValue(env, `SELECT COUNT(*) FROM ${t}`)}`).join(' ');

test('text with SQL metacharacters is stored and read back exactly as typed', async () => {
  for (const name of HOSTILE) {
    const c = await makeClient(admin, { name });
    assert.equal(c.name, name);
    assert.equal((await admin.get(`/api/v1/clients/${c.id}`)).json.name, name);
    const r = await admin.post(`/api/v1/clients/${c.id}/risks`, { title: name, description: name,
      asset: name, threat: name, likelihood: 2, impact: 3 });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.json.title, r.json.description, r.json.asset], [name, name, name]);
    const page = await admin.get(`/clients/${c.id}`);
    assert.equal(page.status, 200);
    if (name.includes('"')) assert.ok(!page.text.includes(name), 'quotes escaped in the HTML');
  }
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${firmId}`)), HOSTILE.length);
});

test('searches treat metacharacters and LIKE wildcards as literal text', async () => {
  const all = (await admin.get('/api/v1/clients?limit=500')).json.total;
  for (const [q, expect] of [
    ["x' OR '1'='1", 1],
    ["' OR 1=1 --", 0],
    ['%', 1],
    ['_', 1],
    ['50% off_now', 1],
    ['\\', 1],
    ["'", 5],
  ]) {
    const r = await admin.get(`/api/v1/clients?q=${encodeURIComponent(q)}&limit=500`);
    assert.equal(r.status, 200, `${q}: ${r.text}`);
    assert.equal(r.json.total, expect, `search ${JSON.stringify(q)}: ${r.json.items.map((c) => c.name)}`);
    assert.ok(r.json.total < all || all <= expect, 'never the whole list');
    const page = await admin.get(`/clients?q=${encodeURIComponent(q)}`);
    assert.equal(page.status, 200);
  }
});

test('closed sets, sort keys, ids and logins refuse injected values with a 4xx, changing nothing', async () => {
  const before = counts();
  const c = (await admin.get('/api/v1/clients?limit=1')).json.items[0].id;
  for (const [path, field] of [
    [`/api/v1/clients?status=${encodeURIComponent("active' OR '1'='1")}`, 'status'],
    [`/api/v1/clients?sort=${encodeURIComponent('name; DROP TABLE clients')}`, 'sort'],
    [`/api/v1/clients?dir=${encodeURIComponent('asc, (SELECT 1)')}`, 'dir'],
    [`/api/v1/clients/${c}/risks?status=${encodeURIComponent("open'--")}`, 'status'],
    [`/api/v1/clients/${c}/actions?priority=${encodeURIComponent('high OR 1=1')}`, 'priority'],
    [`/api/v1/clients/${c}/resources?requirement_id=${encodeURIComponent('1 OR 1=1')}`, 'requirement_id'],
    [`/api/v1/clients?limit=${encodeURIComponent('50; --')}`, 'limit'],
  ]) expectError(assert, path, await admin.get(path), 400, undefined, field);
  for (const path of [`/api/v1/clients/${encodeURIComponent(`${c} OR 1=1`)}`,
    `/api/v1/clients/${encodeURIComponent(`${c}'`)}`, '/api/v1/risks/0x1']) {
    const r = await admin.get(path);
    assert.equal(r.status, 404, `${path}: ${r.status}`);
  }
  expectError(assert, 'enum in a body', await admin.post('/api/v1/clients', clientBody({ plan: "standard' --" })),
    400, 'invalid', 'plan');
  expectError(assert, 'id list in a body', await admin.post('/api/v1/clients', clientBody({ vciso_ids: ['1 OR 1=1'] })),
    400, undefined, 'vciso_ids');
  const bad = await http({ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: "admin' OR '1'='1' --@x.example", password: "' OR '1'='1" }) });
  assert.ok([400, 401].includes(bad.status), `login: ${bad.status}`);
  assert.equal(counts(), before, 'nothing written by a refusal');
});
