// The risk register (SPEC §1 "Risk register", §4 risk routes): create,
// read, change and delete risks of a client as its vCISO; score and
// levels; owners among the client's vCISOs; requirements of adopted
// frameworks only; the Pilot's heat maps. Every route refuses another firm
// (404, nothing changed), a firm user not declared vCISO (403, or 404 when
// the client is out of its scope), support (403), bad input (400 naming
// the field) and a missing CSRF token; writes leave audit rows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { audit, makeClient, parseCsv, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
let support;
let anssi;
let csf;

const RISK_FIELDS = ['id', 'client_id', 'title', 'description', 'asset', 'threat', 'likelihood', 'impact', 'score',
  'treatment', 'owner_id', 'status', 'residual_likelihood', 'residual_impact', 'action_ids', 'requirement_ids'];

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.me = (await A.admin.c.get('/api/v1/me')).json;
  A.client = await makeClient(A.admin.c);
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.other = await makeClient(A.admin.c);
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  B.me = (await B.admin.c.get('/api/v1/me')).json;
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const list = await A.admin.c.get('/api/v1/frameworks');
  anssi = list.json.items.find((f) => f.code === 'anssi-hygiene');
  csf = list.json.items.find((f) => f.code === 'nist-csf');
  assert.equal((await A.admin.c.post(`/api/v1/clients/${A.client.id}/frameworks`, { framework_id: anssi.id })).status, 201);
});

const riskRow = (id) => sql(env, `SELECT id, client_id, title, REPLACE(description, '\\n', '|'), asset, threat, likelihood, impact, score,
  treatment, owner_id, status, residual_likelihood, residual_impact, updated_at FROM risks WHERE id = ${Number(id)}`)[0] ?? null;
const links = (id) => sql(env, `SELECT requirement_id FROM risk_requirements WHERE risk_id = ${Number(id)}
  ORDER BY requirement_id`).map((r) => Number(r[0]));
const riskCount = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM risks WHERE client_id = ${client}`));
const anssiReqs = async () => (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements
  .filter((x) => x.assessable).map((x) => x.id);

test('a vCISO records a risk: score, level, defaults, owner and requirements; audit', async () => {
  const c = A.client.id;
  const [r1, r2] = await anssiReqs();
  const before = maxAuditId(env);
  const r = await A.admin.c.post(`/api/v1/clients/${c}/risks`, {
    title: 'Ransomware on the tills', description: 'Two lines\nof text', asset: 'Tills', threat: 'Ransomware',
    likelihood: 4, impact: 5, owner_id: A.me.id, requirement_ids: [r1, r2],
  });
  assert.equal(r.status, 201, r.text);
  for (const f of RISK_FIELDS) assert.ok(f in r.json, `risk.${f}`);
  assert.equal(r.json.score, 20);
  assert.equal(r.json.level, 'critical');
  assert.equal(r.json.treatment, 'reduce');
  assert.equal(r.json.status, 'open');
  assert.equal(r.json.residual_likelihood, null);
  assert.equal(r.json.residual_score, 20, 'residual falls back on inherent');
  assert.deepEqual(r.json.action_ids, []);
  assert.deepEqual(r.json.requirement_ids, [r1, r2].sort((a, b) => a - b));
  assert.equal(r.json.owner_id, A.me.id);
  assert.equal(r.json.client_id, c);
  const rows = audit(env, `id > ${before} AND action = 'risk.create'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, c);
  assert.equal(rows[0].object_id, r.json.id);
  const got = await A.admin.c.get(`/api/v1/risks/${r.json.id}`);
  assert.equal(got.status, 200);
  assert.deepEqual(got.json, r.json);
  A.risk = r.json.id;
});

test('PATCH changes any subset; levels follow the score; null clears; audit names the changes', async () => {
  const id = A.risk;
  const before = maxAuditId(env);
  let r = await A.admin.c.patch(`/api/v1/risks/${id}`, { likelihood: 2, residual_likelihood: 1, residual_impact: 3,
    treatment: 'transfer', status: 'treated' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.score, 10);
  assert.equal(r.json.level, 'high');
  assert.equal(r.json.residual_score, 3);
  assert.equal(r.json.residual_level, 'low');
  assert.equal(r.json.title, 'Ransomware on the tills', 'untouched fields kept');
  assert.equal(r.json.description, 'Two lines\nof text');
  const rows = audit(env, `id > ${before} AND action = 'risk.update'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, A.client.id);
  const d = JSON.parse(rows[0].raw);
  assert.deepEqual(d.likelihood, { from: '4', to: '2' });
  assert.deepEqual(d.status, { from: 'open', to: 'treated' });
  r = await A.admin.c.patch(`/api/v1/risks/${id}`, { owner_id: null, residual_impact: null, requirement_ids: [],
    description: '' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.owner_id, null);
  assert.equal(r.json.residual_impact, null);
  assert.equal(r.json.residual_score, 5, 'residual 1 × inherent impact 5');
  assert.deepEqual(r.json.requirement_ids, []);
  assert.equal(r.json.description, '');
  assert.deepEqual(links(id), []);
  // Levels at their thresholds.
  for (const [l, i, level] of [[1, 4, 'low'], [1, 5, 'medium'], [3, 3, 'medium'], [2, 5, 'high'], [3, 5, 'critical']]) {
    r = await A.admin.c.patch(`/api/v1/risks/${id}`, { likelihood: l, impact: i });
    assert.equal(r.json.level, level, `${l} × ${i}`);
  }
});

test('bad input answers 400 naming the field, and changes nothing', async () => {
  const c = A.client.id;
  const id = A.risk;
  const row = riskRow(id);
  const count = riskCount(c);
  const post = (body) => A.admin.c.post(`/api/v1/clients/${c}/risks`, body);
  const ok = { title: 'T', likelihood: 3, impact: 3 };
  expectError(assert, 'no title', await post({ likelihood: 3, impact: 3 }), 400, 'required', 'title');
  expectError(assert, 'no likelihood', await post({ title: 'T', impact: 3 }), 400, 'required', 'likelihood');
  expectError(assert, 'no impact', await post({ title: 'T', likelihood: 3 }), 400, 'required', 'impact');
  expectError(assert, 'likelihood 0', await post({ ...ok, likelihood: 0 }), 400, 'out_of_range', 'likelihood');
  expectError(assert, 'impact 6', await post({ ...ok, impact: 6 }), 400, 'out_of_range', 'impact');
  expectError(assert, 'likelihood a string', await post({ ...ok, likelihood: '3' }), 400, 'invalid', 'likelihood');
  expectError(assert, 'residual 9', await post({ ...ok, residual_impact: 9 }), 400, 'out_of_range', 'residual_impact');
  expectError(assert, 'treatment', await post({ ...ok, treatment: 'ignore' }), 400, 'invalid', 'treatment');
  expectError(assert, 'status', await post({ ...ok, status: 'done' }), 400, 'invalid', 'status');
  expectError(assert, 'title too long', await post({ ...ok, title: 'x'.repeat(201) }), 400, 'too_long', 'title');
  expectError(assert, 'asset too long', await post({ ...ok, asset: 'x'.repeat(201) }), 400, 'too_long', 'asset');
  expectError(assert, 'unknown field', await post({ ...ok, colour: 'red' }), 400, 'unknown_field', 'colour');
  expectError(assert, 'owner: admin not on the team', await post({ ...ok, owner_id: A.admin2.id }), 400, 'invalid',
    'owner_id');
  expectError(assert, 'owner of another firm', await post({ ...ok, owner_id: B.me.id }), 400,
    'invalid', 'owner_id');
  const csfReq = (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements.find((x) => x.assessable).id;
  expectError(assert, 'requirement of a framework not adopted', await post({ ...ok, requirement_ids: [csfReq] }), 400,
    'invalid', 'requirement_ids');
  expectError(assert, 'requirement ids not a list', await post({ ...ok, requirement_ids: 3 }), 400, 'invalid',
    'requirement_ids');
  expectError(assert, 'PATCH impact 0', await A.admin.c.patch(`/api/v1/risks/${id}`, { impact: 0 }), 400,
    'out_of_range', 'impact');
  expectError(assert, 'PATCH likelihood null', await A.admin.c.patch(`/api/v1/risks/${id}`, { likelihood: null }), 400,
    'required', 'likelihood');
  expectError(assert, 'PATCH foreign requirement', await A.admin.c.patch(`/api/v1/risks/${id}`,
    { requirement_ids: [csfReq] }), 400, 'invalid', 'requirement_ids');
  expectError(assert, 'bad filter', await A.admin.c.get(`/api/v1/clients/${c}/risks?level=severe`), 400, 'invalid', 'level');
  expectError(assert, 'bad sort', await A.admin.c.get(`/api/v1/clients/${c}/risks?sort=colour`), 400, 'invalid', 'sort');
  expectError(assert, 'bad cell', await A.admin.c.get(`/api/v1/clients/${c}/risks?likelihood=7`), 400, 'invalid',
    'likelihood');
  assert.deepEqual(riskRow(id), row, 'risk unchanged');
  assert.equal(riskCount(c), count, 'no risk created');
});

test('every route refuses another firm, non-vCISOs, support and a missing CSRF token, changing nothing', async () => {
  const c = A.client.id;
  const id = A.risk;
  const row = riskRow(id);
  const count = riskCount(c);
  const body = { title: 'Intruder', likelihood: 1, impact: 1 };
  const routes = (who, opts) => [
    ['list', () => who.get(`/api/v1/clients/${c}/risks`)],
    ['create', () => who.post(`/api/v1/clients/${c}/risks`, body, opts)],
    ['get', () => who.get(`/api/v1/risks/${id}`)],
    ['patch', () => who.patch(`/api/v1/risks/${id}`, { title: 'Hijacked' }, opts)],
    ['delete', () => who.del(`/api/v1/risks/${id}`, opts)],
  ];
  for (const [name, call] of routes(B.admin.c)) expectError(assert, `another firm: ${name}`, await call(), 404);
  for (const [name, call] of routes(A.admin2.c)) expectError(assert, `admin not on the team: ${name}`, await call(), 403, 'not_vciso');
  for (const [name, call] of routes(A.am.c)) expectError(assert, `manager out of scope: ${name}`, await call(), 404);
  for (const [name, call] of routes(support)) expectError(assert, `support: ${name}`, await call(), 403);
  expectError(assert, 'no CSRF: create', await A.admin.c.post(`/api/v1/clients/${c}/risks`, body, { csrf: false }), 403);
  expectError(assert, 'no CSRF: patch', await A.admin.c.patch(`/api/v1/risks/${id}`, { title: 'X' }, { csrf: false }), 403);
  expectError(assert, 'no CSRF: delete', await A.admin.c.del(`/api/v1/risks/${id}`, { csrf: false }), 403);
  expectError(assert, 'anonymous', await new Client(http).get(`/api/v1/risks/${id}`), 401);
  expectError(assert, 'no such risk', await A.admin.c.get('/api/v1/risks/99999999'), 404);
  // A's admin on B's client: the same 404.
  expectError(assert, 'A on B\'s client', await A.admin.c.get(`/api/v1/clients/${B.client.id}/risks`), 404);
  assert.deepEqual(riskRow(id), row, 'risk unchanged');
  assert.equal(riskCount(c), count, 'no risk created');
});

test('lists filter, sort and page; the Pilot counts levels and fills both heat maps', async () => {
  const c = (await makeClient(A.admin.c)).id;
  const mk = async (title, likelihood, impact, extra = {}) => {
    const r = await A.admin.c.post(`/api/v1/clients/${c}/risks`, { title, likelihood, impact, ...extra });
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  await mk('Alpha', 1, 1);
  await mk('Bravo', 3, 3, { residual_likelihood: 1, residual_impact: 1 });
  const ch = await mk('Charlie', 5, 5, { treatment: 'avoid', asset: 'Payroll' });
  await mk('Delta', 2, 5, { status: 'closed' });
  let r = await A.admin.c.get(`/api/v1/clients/${c}/risks`);
  assert.equal(r.json.total, 4);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Charlie', 'Delta', 'Bravo', 'Alpha'], 'score desc by default');
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?sort=title`);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Alpha', 'Bravo', 'Charlie', 'Delta']);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?sort=score&dir=asc&limit=2&offset=1`);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Bravo', 'Delta']);
  assert.equal(r.json.total, 4);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?level=critical`);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Charlie']);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?treatment=avoid`);
  assert.deepEqual(r.json.items.map((x) => x.id), [ch.id]);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?q=payroll`);
  assert.deepEqual(r.json.items.map((x) => x.id), [ch.id]);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?status=closed`);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Delta']);
  // A heat-map cell lists what the map counts (closed risks left out).
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?likelihood=2&impact=5`);
  assert.equal(r.json.total, 0);
  r = await A.admin.c.get(`/api/v1/clients/${c}/risks?likelihood=1&impact=1&residual=1`);
  assert.deepEqual(r.json.items.map((x) => x.title).sort(), ['Alpha', 'Bravo']);
  const pilot = await A.admin.c.get(`/api/v1/clients/${c}/pilot`);
  assert.equal(pilot.status, 200);
  const { risks } = pilot.json;
  assert.deepEqual(risks.by_level, { low: 1, medium: 1, high: 0, critical: 1 });
  assert.equal(risks.heat_map.length, 5);
  assert.ok(risks.heat_map.every((row) => row.length === 5));
  assert.equal(risks.heat_map[0][0], 1, 'Alpha at impact 1, likelihood 1');
  assert.equal(risks.heat_map[2][2], 1, 'Bravo at 3, 3');
  assert.equal(risks.heat_map[4][4], 1, 'Charlie at 5, 5');
  assert.equal(risks.heat_map[4][1], 0, 'Delta is closed');
  assert.equal(risks.residual_heat_map[0][0], 2, 'Alpha, and Bravo treated down to 1, 1');
  assert.equal(risks.residual_heat_map[4][4], 1);
  assert.equal(risks.heat_map.flat().reduce((a, b) => a + b, 0), 3);
  // An empty register: zeros, same shape.
  const empty = (await A.admin.c.get(`/api/v1/clients/${A.other.id}/pilot`)).json.risks;
  assert.deepEqual(empty.by_level, { low: 0, medium: 0, high: 0, critical: 0 });
  assert.deepEqual(empty.heat_map, Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]));
});

test('DELETE answers 204, removes the risk and its links, and is audited', async () => {
  const c = A.client.id;
  const [r1] = await anssiReqs();
  const r = await A.admin.c.post(`/api/v1/clients/${c}/risks`, { title: 'Short-lived', likelihood: 2, impact: 2,
    requirement_ids: [r1] });
  assert.equal(r.status, 201);
  assert.deepEqual(links(r.json.id), [r1]);
  const before = maxAuditId(env);
  const d = await A.admin.c.del(`/api/v1/risks/${r.json.id}`);
  assert.equal(d.status, 204);
  assert.equal(riskRow(r.json.id), null);
  assert.deepEqual(links(r.json.id), []);
  const rows = audit(env, `id > ${before} AND action = 'risk.delete'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, c);
  expectError(assert, 'gone', await A.admin.c.get(`/api/v1/risks/${r.json.id}`), 404);
});

test('the pages: list, heat maps, CSV, the forms create, edit and delete; others refused', async () => {
  const c = (await makeClient(A.admin.c)).id;
  const form = (who, fields) => ({ raw: new URLSearchParams({ csrf_token: who.csrf, ...fields }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  let r = await A.admin.c.get(`/clients/${c}/risks`);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="empty"/);
  assert.match(r.text, new RegExp(`href="/clients/${c}/risks/new"`));
  assert.match(r.text, /<table class="heat">/);
  assert.equal((await A.admin.c.get(`/clients/${c}/risks/new`)).status, 200);
  r = await A.admin.c.request('POST', `/clients/${c}/risks`, undefined, form(A.admin.c, {
    title: '=HYPERLINK("x")', description: 'Line 1\r\nLine 2', asset: 'Server', threat: '', likelihood: '4',
    impact: '4', treatment: 'reduce', status: 'open', owner_id: String(A.me.id), residual_likelihood: '',
    residual_impact: '', requirement_ids_present: '1',
  }));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.headers.location, `/clients/${c}/risks?done=risk_created`);
  const id = Number(sqlValue(env, `SELECT MAX(id) FROM risks WHERE client_id = ${c}`));
  assert.equal(sqlValue(env, `SELECT REPLACE(description, '\\n', '|') FROM risks WHERE id = ${id}`), 'Line 1|Line 2');
  assert.equal(sqlValue(env, `SELECT COALESCE(residual_likelihood, 'null') FROM risks WHERE id = ${id}`), 'null',
    'empty residual stays null');
  r = await A.admin.c.get(`/clients/${c}/risks?done=risk_created`);
  assert.match(r.text, new RegExp(`href="/risks/${id}"`));
  assert.match(r.text, /class="flash"/);
  assert.match(r.text, new RegExp(`href="/clients/${c}/risks\\?likelihood=4&amp;impact=4"`));
  // CSV: BOM, ';', formulas neutralised.
  r = await A.admin.c.get(`/clients/${c}/risks.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/csv/);
  assert.ok(r.text.startsWith('\ufeff') || r.text.startsWith('id;'), 'BOM first');
  const rows = parseCsv(r.text.replace(/^\ufeff/, ''));
  assert.equal(rows[0][0], 'id');
  assert.equal(rows[1][1], '\'=HYPERLINK("x")');
  // Bad input: the form again, 400, with the field marked.
  r = await A.admin.c.request('POST', `/risks/${id}`, undefined, form(A.admin.c, { title: 'Kept', likelihood: '9' }));
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /id="err-likelihood"/);
  r = await A.admin.c.request('POST', `/risks/${id}`, undefined, form(A.admin.c, { title: 'Renamed', status: 'treated',
    requirement_ids_present: '1' }));
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/risks/${id}?done=risk_saved`);
  assert.equal(riskRow(id)[2], 'Renamed');
  r = await A.admin.c.get(`/risks/${id}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /data-confirm=/);
  // Others: 404 for another firm, 403 for a non-vCISO, support refused.
  assert.equal((await B.admin.c.get(`/risks/${id}`)).status, 404);
  assert.equal((await B.admin.c.get(`/clients/${c}/risks`)).status, 404);
  assert.equal((await A.admin2.c.get(`/clients/${c}/risks`)).status, 403);
  assert.equal((await A.admin2.c.get(`/risks/${id}`)).status, 403);
  assert.equal((await A.am.c.get(`/clients/${c}/risks.csv`)).status, 404);
  assert.equal((await support.get(`/clients/${c}/risks`)).status, 403);
  r = await B.admin.c.request('POST', `/risks/${id}/delete`, undefined, form(B.admin.c, {}));
  assert.equal(r.status, 404);
  r = await A.admin.c.request('POST', `/risks/${id}/delete`, undefined,
    { raw: '', contentType: 'application/x-www-form-urlencoded', csrf: false });
  assert.equal(r.status, 403, 'no CSRF token');
  assert.notEqual(riskRow(id), null);
  r = await A.admin.c.request('POST', `/risks/${id}/delete`, undefined, form(A.admin.c, {}));
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/clients/${c}/risks?done=risk_deleted`);
  assert.equal(riskRow(id), null);
  // The Pilot page shows the register's heat maps.
  r = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.equal(r.status, 200);
  assert.match(r.text, /id="pilot-risks"/);
  assert.match(r.text, new RegExp(`href="/clients/${c}/risks"`));
});
