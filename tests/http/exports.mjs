// Spreadsheet exports (issue 14, item 5): risks, actions and compliance as
// XLSX beside their CSV, from one table description (app/export.h). Read
// back with python3-openpyxl: typed cells (numbers, dates), a frozen header
// row, an autofilter, and formula-looking text kept as a string cell; the
// CSV of the same rows stays neutralised. Same scope as the CSV routes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, createSupport, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
let support;
let csf;
let risk;
let action;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-xlsx-'));
// Debian's python3 (python3-openpyxl), not a pyenv one first in PATH.
const PYTHON = process.env.RP_PYTHON || '/usr/bin/python3';
const FORMULA = '=HYPERLINK("http://x","y")';

// The workbook's first sheet as JSON: header, frozen pane, filter, and
// each cell's value and openpyxl data type.
const READER = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
def cell(c):
    v = c.value
    if isinstance(v, datetime.datetime): v = {'datetime': v.isoformat()}
    return {'v': v, 't': c.data_type, 'py': type(c.value).__name__, 'fmt': c.number_format}
print(json.dumps({'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
  'widths': {k: d.width for k, d in ws.column_dimensions.items()},
  'rows': [[cell(c) for c in row] for row in ws.iter_rows()]}))
`;

async function download(who, p) {
  const res = await fetch(`${env.BASE_URL}${p}`, { headers: { cookie: who.cookieHeader() }, redirect: 'manual',
    signal: AbortSignal.timeout(30000) });
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'),
    buf: Buffer.from(await res.arrayBuffer()) };
}

function readBook(buf) {
  const f = path.join(tmp, `b${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(f, buf);
  return JSON.parse(execFileSync(PYTHON, ['-c', READER, f], { encoding: 'utf8' }));
}

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c);
  A.admin2 = await person(http, A.admin.c, 'admin');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const c = A.client.id;
  csf = (await A.admin.c.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'nist-csf');
  assert.equal((await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, { framework_id: csf.id })).status, 201);
  const items = (await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${csf.id}&limit=1`)).json.items;
  const r = await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${items[0].requirement_id}`,
    { status: 'partial', comment: FORMULA });
  assert.equal(r.status, 200, r.text);
  let x = await A.admin.c.post(`/api/v1/clients/${c}/risks`, { title: FORMULA, likelihood: 3, impact: 4,
    description: '+33 1 23 45 67 89' });
  assert.equal(x.status, 201, x.text);
  risk = x.json;
  x = await A.admin.c.post(`/api/v1/clients/${c}/actions`, { title: '@SUM(A1:A2)', due_date: '2027-03-15',
    progress: 40 });
  assert.equal(x.status, 201, x.text);
  action = x.json;
});

test('risks.xlsx: typed cells, frozen header, autofilter, formula text stays a string', async () => {
  for (const p of [`/clients/${A.client.id}/risks.xlsx`, `/api/v1/clients/${A.client.id}/risks.xlsx`]) {
    const r = await download(A.admin.c, p);
    assert.equal(r.status, 200, p);
    assert.match(r.type, /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
    assert.match(r.disp, new RegExp(`attachment; filename="risks-${A.client.id}\\.xlsx"`));
    assert.equal(r.buf.subarray(0, 2).toString('latin1'), 'PK', 'a zip');
    const b = readBook(r.buf);
    assert.equal(b.title, 'risks');
    assert.equal(b.freeze, 'A2', 'header row frozen');
    assert.match(b.filter, /^A1:S2$/, 'autofilter over header and rows');
    const head = b.rows[0].map((c) => c.v);
    assert.equal(head.length, 19);
    const row = b.rows.find((x) => x[0].v === risk.id);
    assert.ok(row, 'the risk is listed');
    const col = (k) => row[['id', 'title', 'description', 'asset', 'threat', 'likelihood', 'impact', 'score', 'level',
      'treatment', 'owner_name', 'status', 'residual_likelihood', 'residual_impact', 'residual_score',
      'residual_level', 'requirement_ids', 'created_at', 'updated_at'].indexOf(k)];
    assert.equal(col('id').t, 'n');
    assert.equal(col('likelihood').v, 3);
    assert.equal(col('score').v, 12);
    assert.equal(col('score').t, 'n', 'a number cell');
    assert.equal(col('title').v, FORMULA, 'kept exactly');
    assert.equal(col('title').t, 's', 'a string, not a formula');
    assert.equal(col('description').t, 's');
    assert.equal(col('created_at').py, 'datetime', 'a real date');
    assert.match(col('created_at').fmt, /yyyy-mm-dd/);
    assert.ok(Object.values(b.widths).some((w) => w > 10), 'widths set from the contents');
  }
  // The English header labels, the French ones by the user's language.
  const en = readBook((await download(A.admin.c, `/api/v1/clients/${A.client.id}/risks.xlsx?lang=en`)).buf);
  assert.equal(en.rows[0][1].v, 'Title');
  // The CSV of the same route family keeps its neutralising apostrophe.
  const csv = await download(A.admin.c, `/api/v1/clients/${A.client.id}/risks.csv`);
  assert.equal(csv.status, 200);
  assert.ok(csv.buf.toString('utf8').includes(`;"'${FORMULA.replace(/"/g, '""')}";`), 'CSV neutralised');
});

test('actions.xlsx: a due date is a date, progress a number, overdue a boolean', async () => {
  const r = await download(A.admin.c, `/clients/${A.client.id}/actions.xlsx`);
  assert.equal(r.status, 200);
  assert.match(r.disp, /filename="actions-\d+\.xlsx"/);
  const b = readBook(r.buf);
  assert.equal(b.freeze, 'A2');
  assert.ok(b.filter.startsWith('A1:K'));
  const row = b.rows.find((x) => x[0].v === action.id);
  assert.equal(row[1].v, '@SUM(A1:A2)');
  assert.equal(row[1].t, 's');
  assert.deepEqual(row[5].v, { datetime: '2027-03-15T00:00:00' });
  assert.equal(row[5].fmt, 'yyyy-mm-dd');
  assert.equal(row[8].v, 40);
  assert.equal(row[9].t, 'b');
  assert.equal(row[9].v, false);
  // Same rows as the CSV (UI and API answer alike).
  const csv = (await download(A.admin.c, `/api/v1/clients/${A.client.id}/actions.csv`)).buf.toString('utf8');
  assert.ok(csv.startsWith('\ufeffid;title;description;owner_id;owner_name;due_date'));
  assert.ok(csv.includes(`${action.id};'@SUM(A1:A2);`));
});

test('compliance.xlsx: every requirement, the comment as a string; framework_id required', async () => {
  const c = A.client.id;
  for (const p of [`/clients/${c}/compliance.xlsx?framework_id=${csf.id}`,
    `/api/v1/clients/${c}/compliance.xlsx?framework_id=${csf.id}`]) {
    const r = await download(A.admin.c, p);
    assert.equal(r.status, 200, p);
    assert.match(r.disp, new RegExp(`compliance-${c}-${csf.id}\\.xlsx`));
    const b = readBook(r.buf);
    assert.equal(b.rows.length, 1 + 106, 'header + 106 requirements');
    assert.equal(b.filter, 'A1:E107');
    const hit = b.rows.find((x) => x[3].v === FORMULA);
    assert.ok(hit, 'the commented requirement');
    assert.equal(hit[3].t, 's');
    assert.equal(hit[4].py, 'datetime');
  }
  const csv = await download(A.admin.c, `/api/v1/clients/${c}/compliance.csv?framework_id=${csf.id}`);
  assert.equal(csv.buf.toString('utf8').trim().split('\r\n').length, 107);
  const bad = await A.admin.c.get(`/api/v1/clients/${c}/compliance.xlsx`);
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'framework_id');
});

test('the pages offer the Excel download beside the CSV, and stay valid HTML', async () => {
  const c = A.client.id;
  for (const [p, link] of [[`/clients/${c}/risks`, `/clients/${c}/risks.xlsx`],
    [`/clients/${c}/actions`, `/clients/${c}/actions.xlsx`],
    [`/clients/${c}/compliance?framework_id=${csf.id}`, `/clients/${c}/compliance.xlsx?framework_id=${csf.id}`]]) {
    const r = await A.admin.c.get(p);
    assert.equal(r.status, 200, p);
    assert.ok(r.text.includes(`href="${link.replace(/&/g, '&amp;')}`) || r.text.includes(`href="${link}`), `${p} links ${link}`);
    const td = tidy(r.text);
    assert.ok(td.status !== null && td.status < 2, `${p}: tidy errors:\n${td.output}`);
  }
});

test('portfolio.xlsx and soa.xlsx: the same table description, typed; the CSV as before', async () => {
  const c = A.client.id;
  // A requirement not applicable, with a formula-looking justification.
  const items = (await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${csf.id}&limit=3`)).json.items;
  const r = await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${items[2].requirement_id}`,
    { applicable: false, justification: '-No servers' });
  assert.equal(r.status, 200, r.text);
  for (const p of [`/clients/${c}/frameworks/${csf.id}/soa.xlsx`, `/api/v1/clients/${c}/frameworks/${csf.id}/soa.xlsx`]) {
    const x = await download(A.admin.c, p);
    assert.equal(x.status, 200, p);
    assert.match(x.disp, new RegExp(`soa-${c}-${csf.id}\\.xlsx`));
    const b = readBook(x.buf);
    assert.equal(b.freeze, 'A2');
    assert.equal(b.filter, 'A1:G107');
    const na = b.rows.find((row) => row[3].v === '-No servers');
    assert.ok(na, 'the justified requirement');
    assert.equal(na[2].t, 'b');
    assert.equal(na[2].v, false, 'applicable: a boolean');
    assert.equal(na[3].t, 's', 'formula-looking justification kept as a string');
    assert.equal(b.rows.filter((row) => row[2].v === true).length, 105);
  }
  const soaCsv = (await download(A.admin.c, `/api/v1/clients/${c}/frameworks/${csf.id}/soa.csv`)).buf.toString('utf8');
  assert.ok(soaCsv.startsWith('\ufeffref;title;applicable;justification;status;resources;actions\r\n'));
  assert.ok(soaCsv.includes(";no;'-No servers;not_applicable;"), 'CSV: yes/no and neutralised');
  for (const p of ['/portfolio.xlsx', '/api/v1/portfolio.xlsx']) {
    const x = await download(A.admin.c, p);
    assert.equal(x.status, 200, p);
    assert.match(x.disp, /attachment; filename="portfolio\.xlsx"/);
    const b = readBook(x.buf);
    assert.equal(b.title, 'portfolio');
    assert.equal(b.freeze, 'A2');
    const row = b.rows.find((x2) => x2[0].v === A.client.name);
    assert.ok(row, 'the client is listed');
    assert.equal(row[5].v, true, 'vciso: a boolean');
    assert.equal(row[6].t, 'n', 'compliance_pct: a number');
    assert.equal(row[8].t, 'n', 'risks_critical: a number');
    assert.equal(row[4].py, 'datetime', 'last activity: a date');
    assert.match(row[7].v, /: [\d.]+ %/, 'frameworks in one cell');
  }
  const pcsv = (await download(A.admin.c, '/api/v1/portfolio.csv')).buf.toString('utf8');
  assert.ok(pcsv.startsWith('\ufeffname;mission_type;plan;status;last_activity_at;vciso;compliance_pct;frameworks;'));
  for (const p of [`/api/v1/clients/${c}/frameworks/${csf.id}/soa.xlsx`, `/clients/${c}/frameworks/${csf.id}/soa.xlsx`]) {
    assert.equal((await A.admin2.c.get(p)).status, 403, p);
    assert.equal((await B.admin.c.get(p)).status, 404, p);
  }
  const page = await A.admin.c.get('/portfolio');
  assert.ok(page.text.includes('href="/portfolio.xlsx?'));
  const td = tidy(page.text);
  assert.ok(td.status !== null && td.status < 2, `portfolio: tidy errors:\n${td.output}`);
});

test('the exports check scope like their pages: 403 off the team, 404 for another firm, 401 without session', async () => {
  const c = A.client.id;
  for (const p of [`/clients/${c}/risks.xlsx`, `/clients/${c}/actions.xlsx`,
    `/clients/${c}/compliance.xlsx?framework_id=${csf.id}`, `/api/v1/clients/${c}/risks.xlsx`,
    `/api/v1/clients/${c}/actions.xlsx`, `/api/v1/clients/${c}/compliance.xlsx?framework_id=${csf.id}`,
    `/api/v1/clients/${c}/risks.csv`, `/api/v1/clients/${c}/actions.csv`]) {
    assert.equal((await A.admin2.c.get(p)).status, 403, `admin not on the team: ${p}`);
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await support.get(p)).status, 403, `support: ${p}`);
  }
  const anon = await fetch(`${env.BASE_URL}/api/v1/clients/${c}/risks.xlsx`);
  assert.equal(anon.status, 401);
  // Nothing left behind in the temporary directory by the exports.
  const left = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('rempart-xlsx-'));
  assert.deepEqual(left, [], 'private directories removed');
});
