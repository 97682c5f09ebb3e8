// The mission report lists the client's open actions, soonest due first,
// however many finished ones come before them: the page (200 at most, with
// a note past them) and the documents (app/report.c) ask the database for
// open actions only, where they read the first actions of any status and
// kept the open ones.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';
import { docxOutline, fetchBytes } from '../lib/deliverables.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let client;
let firmId;
const OPEN = ['Open one', 'Open two', 'Open undated'];

// The titles in the report page's open-actions table, in order.
function openRows(html) {
  const from = html.indexOf('<tbody>', html.indexOf('id="report-open"'));
  assert.ok(from >= 0, 'the open actions table');
  const part = html.slice(from, html.indexOf('</tbody>', from));
  return [...part.matchAll(/<tr[^>]*><td>([^<]*)<\/td>/g)].map((m) => m[1]);
}

before(async () => {
  const f = createFirm(env);
  firmId = f.firmId;
  admin = await loggedIn(http, f.email, f.password);
  client = (await makeClient(admin, { vciso_ids: [admin.user.id] })).id;
  // 600 finished actions due first, then the open ones, one without a date.
  sql(env, `INSERT INTO actions (firm_id, client_id, title, description, due_date, status)
    SELECT ${firmId}, ${client}, CONCAT('Done ', seq), '', '2020-01-01' + INTERVAL seq DAY,
    IF(seq % 2, 'done', 'cancelled') FROM seq_1_to_600`);
  sql(env, `INSERT INTO actions (firm_id, client_id, title, description, due_date, status) VALUES
    (${firmId}, ${client}, 'Open two', '', '2031-01-01', 'in_progress'),
    (${firmId}, ${client}, 'Open undated', '', NULL, 'todo'),
    (${firmId}, ${client}, 'Open one', '', '2030-01-01', 'todo')`);
});

test('the report page lists the open actions behind 600 finished ones, soonest due first', async () => {
  const r = await admin.get(`/clients/${client}/report`);
  assert.equal(r.status, 200);
  assert.deepEqual(openRows(r.text), OPEN);
  assert.ok(!r.text.includes('id="report-open-more"'), 'no note under 200');
});

test('the Word report lists them too', async () => {
  const r = await fetchBytes(env.BASE_URL, admin, 'GET', `/api/v1/clients/${client}/report?format=docx&lang=en`);
  assert.equal(r.status, 200);
  const cells = docxOutline(r.body).cells;
  for (const t of OPEN) assert.ok(cells.includes(t), `"${t}" in the document`);
  assert.ok(!cells.some((c) => c.startsWith('Done ')), 'no finished action');
});

test('past 200 open actions, the page lists the 200 soonest due and says so', async () => {
  sql(env, `INSERT INTO actions (firm_id, client_id, title, description, due_date, status)
    SELECT ${firmId}, ${client}, CONCAT('Later ', LPAD(seq, 3, '0')), '', '2032-01-01' + INTERVAL seq DAY,
    'todo' FROM seq_1_to_200`);
  const r = await admin.get(`/clients/${client}/report`);
  assert.equal(r.status, 200);
  const rows = openRows(r.text);
  assert.equal(rows.length, 200);
  assert.deepEqual(rows.slice(0, 3), OPEN.slice(0, 2).concat(['Later 001']));
  assert.ok(r.text.includes('id="report-open-more"'), 'the note');
});
