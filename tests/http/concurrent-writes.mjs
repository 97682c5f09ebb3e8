// Concurrent writes to one client: assessments, risks, documents and
// actions sent in parallel all succeed (no deadlock answered as 500), and
// the counters kept on the client's row equal a recount afterwards.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sqlValue } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// Run fn over items, n at a time.
async function pool(n, items, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

test('parallel writes to one client all succeed and keep its counters right', async () => {
  const firm = createFirm(env);
  const a = await loggedIn(http, firm.email, firm.password);
  const client = await makeClient(a);
  const base = `/api/v1/clients/${client.id}`;
  const csf = (await a.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'nist-csf');
  assert.ok(csf, 'NIST CSF in the catalogue');
  assert.equal((await a.post(`${base}/frameworks`, { framework_id: csf.id })).status, 201);
  const items = (await a.get(`${base}/compliance?framework_id=${csf.id}&limit=60`)).json.items;
  const statuses = ['compliant', 'partial', 'non_compliant', 'compliant'];
  const failures = [];
  const note = (what, r, ok) => { if (!ok.includes(r.status)) failures.push(`${what}: ${r.status}`); };
  // Four kinds of writes interleaved, six at a time, on the same client.
  const jobs = [
    ...items.map((it, i) => async () => note('assess', await a.patch(`${base}/compliance/${it.requirement_id}`,
      { status: statuses[i % 4], comment: 'parallel' }), [200])),
    ...Array.from({ length: 30 }, (_, i) => async () => note('risk', await a.post(`${base}/risks`,
      { title: `Risque parallèle ${i}`, likelihood: (i % 5) + 1, impact: ((i * 2) % 5) + 1, treatment: 'reduce' }), [201])),
    ...Array.from({ length: 30 }, (_, i) => async () => note('action', await a.post(`${base}/actions`,
      { title: `Action parallèle ${i}`, priority: 'medium' }), [201])),
    ...Array.from({ length: 20 }, (_, i) => async () => note('resource', await a.post(`${base}/resources`,
      { type: 'document', title: `Document parallèle ${i}`, body: 'Texte.' }), [201])),
  ];
  jobs.sort((x, y) => (jobs.indexOf(x) * 7919) % jobs.length - (jobs.indexOf(y) * 7919) % jobs.length);
  await pool(6, jobs, (job) => job());
  assert.deepEqual(failures, [], 'every parallel write answered as asked');
  // The counters on the client's row equal a recount.
  const q = (s) => sqlValue(env, s);
  assert.equal(q(`SELECT open_actions FROM clients WHERE id = ${client.id}`),
    q(`SELECT COUNT(*) FROM actions WHERE client_id = ${client.id} AND status IN ('todo', 'in_progress')`));
  assert.equal(q(`SELECT compliant FROM client_frameworks WHERE client_id = ${client.id} AND framework_id = ${csf.id}`),
    q(`SELECT COUNT(*) FROM assessments WHERE client_id = ${client.id} AND framework_id = ${csf.id} AND status = 'compliant'`));
  assert.equal(q(`SELECT COUNT(*) FROM risks WHERE client_id = ${client.id}`), '30');
});
