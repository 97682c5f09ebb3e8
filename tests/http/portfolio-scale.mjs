// The portfolio's default view (by name) reads one page of clients, however
// many the firm has: it walks the index (firm_id, name) and stops after the
// page, and an admin's unfiltered total is the firm's count. Its statements
// hold CURDATE() (the overdue actions), so the query cache never answers
// them: each view runs them. The other orders still sort every matching
// client; they answer the same clients in the same order as before.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let firmId;
const CLIENTS = 3000;
const TOTAL = CLIENTS + 2;

// Index and table rows read by the server since the last call.
const reads = () => sql(env, `SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_read_next',
  'Handler_read_prev', 'Handler_read_rnd_next')`).reduce((n, r) => n + Number(r[1]), 0);

before(async () => {
  const f = createFirm(env);
  firmId = f.firmId;
  admin = await loggedIn(http, f.email, f.password);
  // Named out of id order; two names twice, near either end (the id
  // breaks the tie).
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode)
    SELECT ${firmId}, CONCAT('Client ', LPAD((seq * 7919) % ${CLIENTS}, 4, '0')),
    'permanent', 'standard', 'intermediated' FROM seq_1_to_${CLIENTS}`);
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode)
    VALUES (${firmId}, 'Client 0001', 'permanent', 'standard', 'intermediated'),
    (${firmId}, 'Client 2998', 'permanent', 'standard', 'intermediated')`);
  // The session read the firm's count when it began: sign in again.
  admin = await loggedIn(http, f.email, f.password);
});

test('the default portfolio reads one page of clients, not the firm\'s', async () => {
  await admin.get('/api/v1/portfolio');
  const before = reads();
  const r = await admin.get('/api/v1/portfolio');
  const read = reads() - before;
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, TOTAL);
  assert.equal(r.json.items.length, 50);
  assert.ok(read < 1000, `${read} rows read for a page of 50 among ${TOTAL} clients`);
});

test('by name either way, pages follow each other: the same order as the database\'s', async () => {
  for (const dir of ['asc', 'desc']) {
    const want = sql(env, `SELECT id FROM clients WHERE firm_id = ${firmId}
      ORDER BY name ${dir}, id ${dir} LIMIT 120`).map((x) => Number(x[0]));
    const got = [];
    for (const offset of [0, 50, 100]) {
      const r = await admin.get(`/api/v1/portfolio?sort=name&dir=${dir}&limit=50&offset=${offset}`);
      assert.equal(r.status, 200, r.text);
      got.push(...r.json.items.map((x) => x.id));
    }
    assert.deepEqual(got.slice(0, 120), want, `by name, ${dir}`);
  }
  const page = await admin.get('/portfolio');
  assert.equal(page.status, 200);
  const first = sql(env, `SELECT name FROM clients WHERE firm_id = ${firmId} ORDER BY name, id LIMIT 1`)[0][0];
  assert.ok(page.text.includes(first), 'the page shows the first client by name');
});

test('a filtered or sorted portfolio still counts and orders every matching client', async () => {
  sql(env, `UPDATE clients SET status = 'suspended' WHERE firm_id = ${firmId} AND name LIKE 'Client 00%'`);
  let r = await admin.get('/api/v1/portfolio?status=suspended&limit=5');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 101);
  r = await admin.get('/api/v1/portfolio?sort=status&dir=desc&limit=5');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, TOTAL);
  assert.deepEqual(r.json.items.map((x) => x.status), Array(5).fill('suspended'));
});
