// Frameworks and compliance (SPEC §1 "Compliance", §4 Pilot routes): the
// catalogue for firm users, adoption, assessments and the compliance %
// kept on every change; every Pilot route refuses another firm (404,
// nothing changed), a firm user not declared vCISO (403, or 404 when the
// client is out of its scope), support (403) and bad input (400 naming the
// field); CSRF and audit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
let support;
let csf;
let anssi;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c);
  // An admin of the same firm who is not on the client's team, and an
  // account manager declared vCISO of another client only.
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.other = await makeClient(A.admin.c);
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  A.em = await person(http, A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const list = await A.admin.c.get('/api/v1/frameworks');
  assert.equal(list.status, 200, list.text);
  csf = list.json.items.find((f) => f.code === 'nist-csf');
  anssi = list.json.items.find((f) => f.code === 'anssi-hygiene');
  assert.ok(csf && anssi, 'both catalogue frameworks listed');
});

const counters = (client, fw) => sql(env, `SELECT total, compliant, partial, non_compliant, not_applicable
  FROM client_frameworks WHERE client_id = ${client} AND framework_id = ${fw}`)[0]?.map(Number) ?? null;
const assessmentCount = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM assessments WHERE client_id = ${client}`));

test('the catalogue: every firm user lists the frameworks and reads one with its requirements', async () => {
  for (const who of [A.admin.c, A.am.c, A.em.c]) {
    const r = await who.get('/api/v1/frameworks');
    assert.equal(r.status, 200);
    assert.ok(r.json.total >= 2);
    for (const f of ['id', 'code', 'name', 'version']) assert.ok(f in r.json.items[0], `framework.${f}`);
  }
  const r = await A.admin.c.get(`/api/v1/frameworks/${csf.id}`);
  assert.equal(r.status, 200);
  const reqs = r.json.requirements;
  assert.equal(reqs.filter((x) => x.assessable).length, 106, 'CSF 2.0: 106 subcategories');
  for (const f of ['id', 'ref', 'title']) assert.ok(f in reqs[0], `requirement.${f}`);
  assert.ok(reqs.some((x) => x.ref === 'GV.OC-01'));
  const en = await A.admin.c.get(`/api/v1/frameworks/${anssi.id}?lang=en`);
  assert.equal(en.json.requirements.filter((x) => x.assessable).length, 42);
  assert.notEqual(en.json.name, r.json.name);
  expectError(assert, 'unknown framework', await A.admin.c.get('/api/v1/frameworks/99999999'), 404);
  expectError(assert, 'support', await support.get('/api/v1/frameworks'), 403);
  expectError(assert, 'anonymous', await new Client(http).get('/api/v1/frameworks'), 401);
});

test('adopting a framework: vCISO only, once; 404 for another firm, 400 naming framework_id', async () => {
  const c = A.client.id;
  expectError(assert, 'missing framework_id', await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, {}),
    400, 'required', 'framework_id');
  expectError(assert, 'framework_id a string', await A.admin.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: 'csf' }), 400, 'invalid', 'framework_id');
  expectError(assert, 'unknown framework', await A.admin.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: 99999999 }), 404, 'not_found', 'framework_id');
  expectError(assert, 'admin not on the team', await A.admin2.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }), 403, 'not_vciso');
  expectError(assert, 'manager out of scope', await A.am.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }), 404);
  expectError(assert, 'another firm', await B.admin.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }), 404);
  expectError(assert, 'support', await support.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }), 403);
  expectError(assert, 'no CSRF', await A.admin.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }, { csrf: false }), 403);
  assert.equal(counters(c, anssi.id), null, 'nothing adopted by the refused calls');

  const before = maxAuditId(env);
  const r = await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, { framework_id: anssi.id });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.framework_id, anssi.id);
  assert.equal(r.json.total, 42);
  assert.equal(r.json.compliance_pct, 0);
  assert.deepEqual(counters(c, anssi.id), [42, 0, 0, 0, 0]);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM audit_log WHERE id > ${before}
    AND action = 'framework.adopt' AND client_id = ${c}`)), 1);
  expectError(assert, 'twice', await A.admin.c.post(`/api/v1/clients/${c}/frameworks`,
    { framework_id: anssi.id }), 409, 'already_adopted', 'framework_id');
});

test('assessing requirements moves the counters and the compliance % of SPEC §1', async () => {
  const c = A.client.id;
  const items = await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&limit=5`);
  assert.equal(items.status, 200, items.text);
  assert.equal(items.json.total, 42);
  for (const f of ['requirement_id', 'ref', 'title', 'status', 'comment', 'resource_ids', 'action_ids',
    'updated_at']) assert.ok(f in items.json.items[0], `item.${f}`);
  const [r1, r2, r3] = items.json.items.map((x) => x.requirement_id);
  const patch = (rid, body, who = A.admin.c) => who.patch(`/api/v1/clients/${c}/compliance/${rid}`, body);

  let r = await patch(r1, { status: 'compliant', comment: 'Sessions held in March' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'compliant');
  assert.equal(r.json.comment, 'Sessions held in March');
  assert.equal((await patch(r2, { status: 'partial' })).status, 200);
  assert.equal((await patch(r3, { status: 'not_applicable' })).status, 200);
  assert.deepEqual(counters(c, anssi.id), [42, 1, 1, 0, 1]);
  let pilot = await A.admin.c.get(`/api/v1/clients/${c}/pilot`);
  let fw = pilot.json.frameworks.find((x) => x.framework_id === anssi.id);
  assert.equal(fw.compliance_pct, 3.7, '(1 + 0.5) / 41');
  assert.equal(fw.assessed, 3);
  assert.equal(fw.total, 42);
  // A changed status moves one counter to another; a comment alone none.
  assert.equal((await patch(r2, { status: 'compliant' })).status, 200);
  assert.equal((await patch(r2, { comment: 'Now done' })).status, 200);
  assert.deepEqual(counters(c, anssi.id), [42, 2, 0, 0, 1]);
  assert.equal((await patch(r3, { status: 'not_assessed' })).status, 200);
  assert.deepEqual(counters(c, anssi.id), [42, 2, 0, 0, 0]);
  pilot = await A.admin.c.get(`/api/v1/clients/${c}/pilot`);
  fw = pilot.json.frameworks.find((x) => x.framework_id === anssi.id);
  assert.equal(fw.compliance_pct, 4.8, '2 / 42');
  // The client list's column follows (over every adopted framework).
  const one = await A.admin.c.get(`/api/v1/clients/${c}`);
  assert.equal(one.json.compliance_pct, 4.76);
  const filtered = await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&status=compliant`);
  assert.deepEqual(filtered.json.items.map((x) => x.requirement_id).sort(), [r1, r2].sort());
});

test('assessments refuse bad input, other firms, non-vCISOs and support, and change nothing', async () => {
  const c = A.client.id;
  const items = await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&limit=1&offset=10`);
  const rid = items.json.items[0].requirement_id;
  const before = counters(c, anssi.id);
  const count = assessmentCount(c);
  const patch = (who, body, client = c, req = rid) => who.patch(`/api/v1/clients/${client}/compliance/${req}`, body);
  expectError(assert, 'bad status', await patch(A.admin.c, { status: 'great' }), 400, 'invalid', 'status');
  expectError(assert, 'status a number', await patch(A.admin.c, { status: 3 }), 400, 'invalid', 'status');
  expectError(assert, 'nothing given', await patch(A.admin.c, {}), 400, 'required', 'status');
  expectError(assert, 'comment too long', await patch(A.admin.c, { comment: 'x'.repeat(4001) }), 400,
    'too_long', 'comment');
  expectError(assert, 'requirement of a framework not adopted', await patch(A.admin.c, { status: 'compliant' },
    c, csf.id && (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements.find((x) => x.assessable).id),
  404);
  expectError(assert, 'a group is not assessed', await patch(A.admin.c, { status: 'compliant' }, c,
    (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements.find((x) => !x.assessable).id), 404);
  expectError(assert, 'admin not on the team', await patch(A.admin2.c, { status: 'compliant' }), 403, 'not_vciso');
  expectError(assert, 'manager out of scope', await patch(A.am.c, { status: 'compliant' }), 404);
  expectError(assert, 'establishment manager', await patch(A.em.c, { status: 'compliant' }), 404);
  expectError(assert, 'another firm', await patch(B.admin.c, { status: 'compliant' }), 404);
  expectError(assert, 'support', await patch(support, { status: 'compliant' }), 403);
  expectError(assert, 'no CSRF', await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${rid}`,
    { status: 'compliant' }, { csrf: false }), 403);
  assert.deepEqual(counters(c, anssi.id), before, 'counters unchanged');
  assert.equal(assessmentCount(c), count, 'no assessment written');

  // Reading: the same gates, and the framework named.
  const get = (who, qs = `framework_id=${anssi.id}`) => who.get(`/api/v1/clients/${c}/compliance?${qs}`);
  expectError(assert, 'no framework_id', await get(A.admin.c, ''), 400, 'required', 'framework_id');
  expectError(assert, 'framework not adopted', await get(A.admin.c, `framework_id=${csf.id}`), 404);
  expectError(assert, 'bad status filter', await get(A.admin.c, `framework_id=${anssi.id}&status=nope`), 400,
    'invalid', 'status');
  expectError(assert, 'bad limit', await get(A.admin.c, `framework_id=${anssi.id}&limit=0`), 400, 'invalid', 'limit');
  expectError(assert, 'reading: admin not on the team', await get(A.admin2.c), 403, 'not_vciso');
  expectError(assert, 'reading: another firm', await get(B.admin.c), 404);
  expectError(assert, 'reading: support', await get(support), 403);
  // Another firm's client, by its own admin's ids: the same 404.
  expectError(assert, 'A on B\'s client', await A.admin.c.get(`/api/v1/clients/${B.client.id}/compliance?framework_id=${anssi.id}`), 404);
});

test('the Pilot pages: the vCISO adopts and assesses through the forms; others are refused', async () => {
  const c = (await makeClient(A.admin.c)).id;
  const form = (who, fields) => ({ raw: new URLSearchParams({ csrf_token: who.csrf, ...fields }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  let r = await A.admin.c.request('POST', `/clients/${c}/frameworks`, undefined,
    form(A.admin.c, { framework_id: String(csf.id) }));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.headers.location, new RegExp(`^/clients/${c}/compliance\\?framework_id=${csf.id}&done=adopted$`));
  r = await A.admin.c.get(r.headers.location);
  assert.equal(r.status, 200);
  const rid = r.text.match(/id="req-(\d+)"/)[1];
  r = await A.admin.c.request('POST', `/clients/${c}/compliance/${rid}`, undefined,
    form(A.admin.c, { framework_id: String(csf.id), page: '1', status: 'partial', comment: 'Two lines\r\nof notes' }));
  assert.equal(r.status, 303);
  assert.match(r.headers.location, /&done=assessed#req-\d+$/);
  assert.deepEqual(counters(c, csf.id), [106, 0, 1, 0, 0]);
  // Stored with LF line ends (shown here with | for the one-line reader).
  assert.equal(sqlValue(env, `SELECT REPLACE(comment, '\\n', '|') FROM assessments
    WHERE client_id = ${c} AND requirement_id = ${rid}`), 'Two lines|of notes');
  r = await A.admin.c.request('POST', `/clients/${c}/compliance/${rid}`, undefined,
    form(A.admin.c, { framework_id: String(csf.id), status: 'bogus' }));
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  assert.equal((await A.admin2.c.get(`/clients/${c}/compliance?framework_id=${csf.id}`)).status, 403);
  assert.equal((await B.admin.c.get(`/clients/${c}/compliance?framework_id=${csf.id}`)).status, 404);
  assert.equal((await support.get(`/clients/${c}/pilot`)).status, 403);
  for (const p of ['/frameworks', `/frameworks/${csf.id}`, `/clients/${c}/pilot`]) {
    assert.equal((await A.admin.c.get(p)).status, 200, p);
  }
  // The CSV export: every requirement, spreadsheet-safe.
  r = await A.admin.c.request('POST', `/clients/${c}/compliance/${rid}`, undefined,
    form(A.admin.c, { framework_id: String(csf.id), status: 'partial', comment: '=HYPERLINK("http://x","y")' }));
  assert.equal(r.status, 303);
  r = await A.admin.c.get(`/clients/${c}/compliance.csv?framework_id=${csf.id}`);
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/csv/);
  assert.match(r.headers['content-disposition'] || '', /attachment/);
  // (fetch's text() drops the BOM: the header follows it.)
  assert.ok(r.text.replace(/^\ufeff/, '').startsWith('ref;title;status;comment;updated_at'), r.text.slice(0, 60));
  const lines = r.text.trim().split('\r\n');
  assert.equal(lines.length, 1 + 106);
  assert.ok(lines.some((l) => l.includes(';partial;"\'=HYPERLINK(""http://x"",""y"")"')), 'formula neutralised');
  assert.equal((await A.admin2.c.get(`/clients/${c}/compliance.csv?framework_id=${csf.id}`)).status, 403);
  assert.equal((await B.admin.c.get(`/clients/${c}/compliance.csv?framework_id=${csf.id}`)).status, 404);
});
