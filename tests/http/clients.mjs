// /api/v1/clients (SPEC §1 "Client", "New-mission wizard", §2, §4; contract
// of issue 5): the wizard (who creates, the team it starts with, billing
// mode and e-mail, validation), scope of the lists and of each client
// (another firm or outside one's clients: 404; establishment managers see
// their clients' names only), filters, sort and paging, PATCH (billing
// read-only: "contact support"; plan and team through their own routes),
// plan changes (feature plan), vCISO teams (members the caller may not
// manage are kept), the Pilot gate (vCISOs only, admins included), support
// users kept out, CSRF on every change, and the audit rows of every change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, RUN, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sorted, sql,
  sqlStr, sqlValue, uniqueName, userRow,
} from '../lib/identity.mjs';
import {
  CLIENT_FIELDS, ISO_UTC, assign, audit, byNumber, clientBody, clientRow, clientSnapshot, ids, makeClient, makeEstab,
  person, sortedIds, vcisoIds,
} from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// Firm A: two admins, two multi-account managers, account managers (one
// without the feature plan, one on another client), an establishment
// manager. C1: team mam, am, amNoPlan (not the admins); C2: the admin's own
// (made without vciso_ids), with amC2 on it; E1 in C1, assigned to em.
// Firm B: an admin, an account manager, a client and an establishment.
const A = {};
const B = {};

before(async () => {
  const fa = createFirm(env);
  A.firmId = fa.firmId;
  A.admin = { ...fa, id: userRow(env, fa.email).id, c: await loggedIn(http, fa.email, fa.password) };
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.mam = await person(http, A.admin.c, 'multi_account_manager');
  A.mam2 = await person(http, A.admin.c, 'multi_account_manager');
  A.am = await person(http, A.admin.c, 'account_manager');
  A.amNoPlan = await person(http, A.admin.c, 'account_manager', { features: ALL_FEATURES.filter((f) => f !== 'plan') });
  A.em = await person(http, A.admin.c, 'establishment_manager');
  A.C1 = await makeClient(A.admin.c, { vciso_ids: [A.mam.id, A.am.id, A.amNoPlan.id], modules: ['external_scan'] });
  A.C2 = await makeClient(A.admin.c);
  A.amC2 = await person(http, A.admin.c, 'account_manager', { client_ids: [A.C2.id] });
  A.E1 = await makeEstab(A.admin.c, A.C1.id);
  await assign(A.admin.c, A.em.id, [A.E1.id]);
  const fb = createFirm(env);
  B.firmId = fb.firmId;
  B.admin = { ...fb, id: userRow(env, fb.email).id, c: await loggedIn(http, fb.email, fb.password) };
  B.C = await makeClient(B.admin.c);
  B.E = await makeEstab(B.admin.c, B.C.id);
  B.am = await person(http, B.admin.c, 'account_manager', { client_ids: [B.C.id] });
});

const firmClientIds = (firmId) => sql(env, `SELECT id FROM clients WHERE firm_id = ${firmId} ORDER BY id`)
  .map((r) => Number(r[0]));
const firmClientCount = (firmId) => Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${firmId}`));
const countName = (name) => Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE name = ${sqlStr(name)}`));
const firmAudit = (after) => audit(env, `id > ${after} AND firm_id IN (${A.firmId}, ${B.firmId})`);

// A client of firm A with the given team, made by the admin.
const teamClient = (vcisoIds, extra = {}) => makeClient(A.admin.c, { vciso_ids: vcisoIds, ...extra });

// --------------------------------------------------------------- creation ---

test('POST /clients: the wizard makes the client in one go; the client object; audited client.create', async () => {
  const before = maxAuditId(env);
  const b = clientBody({ mission_type: 'diagnostic', plan: 'premium', billing_mode: 'direct',
    billing_email: 'billing@client.example', modules: ['risk_analysis', 'external_scan'] });
  const r = await A.admin.c.post('/api/v1/clients', b);
  assert.equal(r.status, 201, r.text);
  for (const f of CLIENT_FIELDS) assert.ok(f in r.json, `client.${f}`);
  const c = r.json;
  assert.ok(Number.isInteger(c.id) && c.id > 0);
  assert.equal(c.name, b.name);
  assert.equal(c.mission_type, 'diagnostic');
  assert.equal(c.plan, 'premium');
  assert.equal(c.status, 'active');
  assert.equal(c.billing_mode, 'direct');
  assert.equal(c.billing_email, 'billing@client.example');
  assert.deepEqual(sorted(c.modules), ['external_scan', 'risk_analysis']);
  assert.deepEqual(c.vciso_ids, [A.admin.id], 'an admin is on the team when vciso_ids is omitted');
  assert.equal(c.establishments_count, 0);
  assert.equal(c.open_actions, 0, 'a new client has no open action');
  assert.equal(c.compliance_pct, null);
  assert.match(c.created_at, ISO_UTC);
  const row = clientRow(env, c.id);
  assert.equal(Number(row[1]), A.firmId, 'in the creator\'s firm');
  assert.deepEqual(row.slice(2, 9), [b.name, 'diagnostic', 'premium', 'active', 'direct', 'billing@client.example',
    'external_scan,risk_analysis']);
  assert.equal(Number(row[9]), A.admin.id, 'created_by');
  assert.deepEqual(vcisoIds(env, c.id), [A.admin.id]);
  const g = await A.admin.c.get(`/api/v1/clients/${c.id}`);
  assert.equal(g.status, 200, g.text);
  for (const f of CLIENT_FIELDS) assert.deepEqual(g.json[f], c[f], `GET: ${f}`);
  const rows = audit(env, `id > ${before} AND action = 'client.create'`);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.equal(rows[0].user_id, A.admin.id);
  assert.equal(rows[0].firm_id, A.firmId);
  assert.equal(rows[0].client_id, c.id);
  assert.equal(rows[0].object_id, c.id);
  assert.equal(rows[0].ip, '127.0.0.1');
});

test('POST /clients: names of 200 characters in any script; a name already used in the firm is allowed', async () => {
  const name = `${'É'.repeat(190)}${RUN.slice(0, 10).padEnd(10, '0')}`;
  const r1 = await A.admin.c.post('/api/v1/clients', clientBody({ name }));
  assert.equal(r1.status, 201, r1.text);
  assert.equal(r1.json.name, name);
  const r2 = await A.mam.c.post('/api/v1/clients', clientBody({ name }));
  assert.equal(r2.status, 201, r2.text);
  assert.notEqual(r2.json.id, r1.json.id);
  assert.equal(countName(name), 2);
});

test('POST /clients: direct billing needs a valid billing_email; intermediated billing takes none', async () => {
  const ok = await A.admin.c.post('/api/v1/clients', clientBody({ billing_mode: 'intermediated', billing_email: null }));
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.billing_email, null);
  const omitted = await A.admin.c.post('/api/v1/clients', clientBody({ billing_mode: 'intermediated' }));
  assert.equal(omitted.status, 201, omitted.text);
  assert.equal(omitted.json.billing_email, null);
  assert.equal(clientRow(env, omitted.json.id)[7], null, 'stored as NULL');
  for (const extra of [{ billing_mode: 'direct' }, { billing_mode: 'direct', billing_email: null },
    { billing_mode: 'direct', billing_email: '' }, { billing_mode: 'direct', billing_email: 'not-an-email' },
    { billing_mode: 'direct', billing_email: 42 }, { billing_mode: 'direct', billing_email: `${'a'.repeat(250)}@x.example` },
    { billing_mode: 'intermediated', billing_email: 'billing@client.example' }]) {
    const b = clientBody(extra);
    expectError(assert, JSON.stringify(extra), await A.admin.c.post('/api/v1/clients', b), 400, undefined, 'billing_email');
    assert.equal(countName(b.name), 0, 'not created');
  }
});

test('POST /clients: an admin given vciso_ids gets exactly that team', async () => {
  const mam = await person(http, A.admin.c, 'multi_account_manager');
  const am = await person(http, A.admin.c, 'account_manager');
  const c = await makeClient(A.admin.c, { vciso_ids: [am.id, mam.id] });
  assert.deepEqual(sorted(c.vciso_ids.map(String)), sorted([am.id, mam.id].map(String)));
  assert.deepEqual(vcisoIds(env, c.id), [am.id, mam.id].sort(byNumber));
  const self = await makeClient(A.admin.c, { vciso_ids: [A.admin.id, am.id] });
  assert.deepEqual(vcisoIds(env, self.id), [A.admin.id, am.id].sort(byNumber));
});

test('POST /clients: a multi-account manager is always on the team of the clients it creates', async () => {
  const mam = await person(http, A.admin.c, 'multi_account_manager');
  const am = await person(http, A.admin.c, 'account_manager');
  const alone = await makeClient(mam.c);
  assert.deepEqual(alone.vciso_ids, [mam.id]);
  const withAm = await makeClient(mam.c, { vciso_ids: [am.id] });
  assert.deepEqual(vcisoIds(env, withAm.id), [mam.id, am.id].sort(byNumber), 'added when missing');
  const self = await makeClient(mam.c, { vciso_ids: [mam.id, am.id] });
  assert.deepEqual(vcisoIds(env, self.id), [mam.id, am.id].sort(byNumber), 'not twice');
  const list = await mam.c.get('/api/v1/clients');
  assert.deepEqual(sortedIds(list.json.items), [alone.id, withAm.id, self.id].sort(byNumber), 'in its scope at once');
  const g = await am.c.get(`/api/v1/clients/${withAm.id}`);
  assert.equal(g.status, 200, 'the account manager put on the team sees it');
});

test('POST /clients: account managers, establishment managers and support users get 403; nothing is created', async () => {
  const support = createSupport(env);
  const sc = await loggedIn(http, support.email, support.password);
  for (const [who, c] of [['account_manager', A.am.c], ['establishment_manager', A.em.c], ['support', sc]]) {
    const b = clientBody();
    expectError(assert, `${who} POST /clients`, await c.post('/api/v1/clients', b), 403);
    assert.equal(countName(b.name), 0, `${who}: not created`);
  }
});

test('POST /clients: every bad field is a 400 naming it; nothing is created', async () => {
  const cases = [
    [{ name: undefined }, 'name'], [{ name: '' }, 'name'], [{ name: '   ' }, 'name'], [{ name: null }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'], [{ name: 5 }, 'name'], [{ name: ['n'] }, 'name'],
    [{ mission_type: undefined }, 'mission_type'], [{ mission_type: 'forever' }, 'mission_type'],
    [{ mission_type: 'Permanent' }, 'mission_type'], [{ mission_type: null }, 'mission_type'],
    [{ plan: undefined }, 'plan'], [{ plan: 'gold' }, 'plan'], [{ plan: 1 }, 'plan'], [{ plan: '' }, 'plan'],
    [{ billing_mode: undefined }, 'billing_mode'], [{ billing_mode: 'monthly' }, 'billing_mode'],
    [{ billing_mode: true }, 'billing_mode'],
    [{ modules: ['nope'] }, 'modules'], [{ modules: 'external_scan' }, 'modules'], [{ modules: [1] }, 'modules'],
    [{ modules: ['external_scan', 'nope'] }, 'modules'],
    [{ vciso_ids: 'x' }, 'vciso_ids'], [{ vciso_ids: [0] }, 'vciso_ids'], [{ vciso_ids: ['1'] }, 'vciso_ids'],
    [{ vciso_ids: [-4] }, 'vciso_ids'], [{ vciso_ids: [1.5] }, 'vciso_ids'], [{ vciso_ids: [A.em.id] }, 'vciso_ids'],
    [{ template_ids: 'x' }, 'template_ids'], [{ template_ids: [0] }, 'template_ids'],
  ];
  const count = firmClientCount(A.firmId);
  for (const [extra, field] of cases) {
    const b = clientBody(extra);
    for (const k of Object.keys(extra)) if (extra[k] === undefined) delete b[k];
    expectError(assert, `create ${JSON.stringify(extra)}`, await A.admin.c.post('/api/v1/clients', b), 400, undefined, field);
  }
  for (const raw of ['{', '[]', '"x"', `${JSON.stringify(clientBody())}x`]) {
    expectError(assert, `JSON ${raw.slice(0, 20)}`, await A.admin.c.request('POST', '/api/v1/clients', undefined, { raw }), 400);
  }
  assert.equal(firmClientCount(A.firmId), count, 'nothing created');
});

test('POST /clients: team members out of the creator\'s reach are 404 field vciso_ids; template_ids 404; nothing created', async () => {
  const mam3 = await person(http, A.admin.c, 'multi_account_manager');
  const cases = [
    [A.admin, [B.admin.id], 'vciso_ids'], [A.admin, [B.am.id], 'vciso_ids'], [A.admin, [999999999], 'vciso_ids'],
    [A.admin, [A.mam.id, B.am.id], 'vciso_ids'],
    [A.mam, [A.admin.id], 'vciso_ids'], [A.mam, [A.admin2.id], 'vciso_ids'], [A.mam, [mam3.id], 'vciso_ids'],
    [A.mam, [A.amC2.id], 'vciso_ids'], [A.mam, [B.am.id], 'vciso_ids'],
  ];
  const countA = firmClientCount(A.firmId);
  for (const [who, list, field] of cases) {
    const b = clientBody({ vciso_ids: list });
    expectError(assert, `${who.email} team ${list}`, await who.c.post('/api/v1/clients', b), 404, undefined, field);
  }
  for (const t of [[1], [999999999]]) {
    expectError(assert, `template_ids ${t}`, await A.admin.c.post('/api/v1/clients', clientBody({ template_ids: t })),
      404, undefined, 'template_ids');
  }
  assert.equal(firmClientCount(A.firmId), countA, 'nothing created');
  const empty = await A.admin.c.post('/api/v1/clients', clientBody({ template_ids: [] }));
  assert.equal(empty.status, 201, `template_ids [] is fine: ${empty.text}`);
});

// ------------------------------------------------------------- visibility ---

test('GET /clients: an admin lists every client of its firm, none of another firm', async () => {
  const r = await A.admin.c.get('/api/v1/clients?limit=500');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.json).sort(), ['items', 'total']);
  assert.deepEqual(sortedIds(r.json.items), firmClientIds(A.firmId));
  assert.equal(r.json.total, r.json.items.length);
  for (const c of r.json.items) for (const f of CLIENT_FIELDS) assert.ok(f in c, `item.${f}`);
  assert.ok(ids(r.json.items).includes(A.C1.id), 'clients it is not vCISO of too');
  const one = r.json.items.find((c) => c.id === A.C1.id);
  assert.equal(one.establishments_count, 1);
  assert.deepEqual(sorted(one.vciso_ids.map(String)), sorted([A.mam.id, A.am.id, A.amNoPlan.id].map(String)));
  const b = await B.admin.c.get('/api/v1/clients?limit=500');
  assert.deepEqual(sortedIds(b.json.items), firmClientIds(B.firmId));
});

test('GET /clients: managers list exactly the clients they are vCISO of', async () => {
  for (const who of [A.mam, A.am, A.amNoPlan, A.amC2, A.mam2, B.am]) {
    const r = await who.c.get('/api/v1/clients?limit=500');
    assert.equal(r.status, 200, r.text);
    const expected = sql(env, `SELECT client_id FROM client_vcisos WHERE user_id = ${who.id} ORDER BY client_id`)
      .map((x) => Number(x[0]));
    assert.deepEqual(sortedIds(r.json.items), expected, who.email);
    assert.equal(r.json.total, expected.length);
  }
});

test('GET /clients: establishment managers see the clients of their establishments, by name only', async () => {
  const r = await A.em.c.get('/api/v1/clients');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 1);
  assert.deepEqual(r.json.items, [{ id: A.C1.id, name: A.C1.name }]);
  const g = await A.em.c.get(`/api/v1/clients/${A.C1.id}`);
  assert.equal(g.status, 200, g.text);
  assert.deepEqual(g.json, { id: A.C1.id, name: A.C1.name });
  const none = await person(http, A.admin.c, 'establishment_manager');
  const n = await none.c.get('/api/v1/clients');
  assert.equal(n.status, 200, n.text);
  assert.deepEqual(n.json, { items: [], total: 0 });
});

test('GET /clients/{id}: another firm, outside one\'s clients or unknown: the same 404', async () => {
  const cases = [
    [A.admin, B.C.id], [B.admin, A.C1.id], [B.am, A.C1.id], [A.mam, A.C2.id], [A.am, A.C2.id],
    [A.amC2, A.C1.id], [A.mam2, A.C1.id], [A.em, A.C2.id], [A.admin, 999999999], [A.am, 999999999],
  ];
  const bodies = new Set();
  for (const [who, id] of cases) {
    const r = await who.c.get(`/api/v1/clients/${id}`);
    expectError(assert, `${who.email} GET /clients/${id}`, r, 404, 'not_found');
    bodies.add(r.text);
  }
  assert.equal(bodies.size, 1, 'one and the same 404 body');
  for (const bad of ['0', '-1', 'abc', '1.5', '01']) {
    expectError(assert, `GET /clients/${bad}`, await A.admin.c.get(`/api/v1/clients/${bad}`), 404);
  }
  for (const [who, id] of [[A.admin, A.C1.id], [A.admin, A.C2.id], [A.admin2, A.C1.id], [A.mam, A.C1.id],
    [A.am, A.C1.id], [A.amC2, A.C2.id], [B.am, B.C.id]]) {
    const r = await who.c.get(`/api/v1/clients/${id}`);
    assert.equal(r.status, 200, `${who.email} GET /clients/${id}: ${r.text}`);
    assert.equal(r.json.id, id);
  }
});

// ------------------------------------------------------- list parameters ---

test('GET /clients: ?q, ?mission_type, ?plan, ?status and ?billing_mode filter; unknown values are 400 naming the filter', async () => {
  const tag = `Flt${RUN}`;
  const f1 = await makeClient(A.admin.c, { name: `${tag} one`, mission_type: 'diagnostic', plan: 'essential' });
  const f2 = await makeClient(A.admin.c, { name: `${tag} two`, plan: 'premium', billing_mode: 'direct',
    billing_email: 'two@client.example' });
  const f3 = await makeClient(A.admin.c, { name: `${tag} three`, plan: 'standard' });
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${f3.id}`, { status: 'suspended' })).status, 200);
  const q = `q=${encodeURIComponent(tag)}`;
  const found = async (qs) => {
    const r = await A.admin.c.get(`/api/v1/clients?${q}${qs ? `&${qs}` : ''}`);
    assert.equal(r.status, 200, `${qs}: ${r.text}`);
    assert.equal(r.json.total, r.json.items.length);
    return sortedIds(r.json.items);
  };
  assert.deepEqual(await found(''), [f1.id, f2.id, f3.id]);
  assert.deepEqual(await found('mission_type=permanent'), [f2.id, f3.id]);
  assert.deepEqual(await found('mission_type=diagnostic'), [f1.id]);
  assert.deepEqual(await found('plan=premium'), [f2.id]);
  assert.deepEqual(await found('status=suspended'), [f3.id]);
  assert.deepEqual(await found('status=active'), [f1.id, f2.id]);
  assert.deepEqual(await found('billing_mode=direct'), [f2.id]);
  assert.deepEqual(await found('billing_mode=intermediated&plan=standard'), [f3.id]);
  assert.deepEqual(await found('status=closed'), []);
  const two = await A.admin.c.get(`/api/v1/clients?q=${encodeURIComponent(`${tag} tw`)}`);
  assert.deepEqual(ids(two.json.items), [f2.id], 'name contains');
  const other = await B.admin.c.get(`/api/v1/clients?${q}`);
  assert.equal(other.json.total, 0, 'another firm\'s clients are never searched');
  const mam = await A.mam.c.get(`/api/v1/clients?${q}`);
  assert.equal(mam.json.total, 0, 'nor clients outside one\'s scope');
  for (const [param, value] of [['mission_type', 'forever'], ['plan', 'gold'], ['status', 'gone'],
    ['billing_mode', 'monthly'], ['plan', 'PREMIUM']]) {
    expectError(assert, `${param}=${value}`, await A.admin.c.get(`/api/v1/clients?${param}=${value}`), 400, undefined, param);
  }
  expectError(assert, 'q too long', await A.admin.c.get(`/api/v1/clients?q=${'a'.repeat(5000)}`), 400, undefined, 'q');
});

test('GET /clients: ?sort=name|created_at|plan|status and ?dir=asc|desc; anything else is a 400', async () => {
  const tag = `Srt${RUN}`;
  const b = await makeClient(A.admin.c, { name: `${tag} b`, plan: 'premium' });
  const a = await makeClient(A.admin.c, { name: `${tag} a`, plan: 'essential' });
  const c = await makeClient(A.admin.c, { name: `${tag} c`, plan: 'standard' });
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${b.id}`, { status: 'suspended' })).status, 200);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${c.id}`, { status: 'closed' })).status, 200);
  const list = async (qs) => {
    const r = await A.admin.c.get(`/api/v1/clients?q=${encodeURIComponent(tag)}&${qs}`);
    assert.equal(r.status, 200, `${qs}: ${r.text}`);
    return r.json.items;
  };
  assert.deepEqual(ids(await list('sort=name')), [a.id, b.id, c.id]);
  assert.deepEqual(ids(await list('sort=name&dir=asc')), [a.id, b.id, c.id]);
  assert.deepEqual(ids(await list('sort=name&dir=desc')), [c.id, b.id, a.id]);
  const plans = (await list('sort=plan')).map((x) => x.plan);
  assert.ok([['essential', 'standard', 'premium'], ['essential', 'premium', 'standard']]
    .some((o) => JSON.stringify(o) === JSON.stringify(plans)), `sort=plan: ${plans}`);
  assert.deepEqual((await list('sort=plan&dir=desc')).map((x) => x.plan), [...plans].reverse());
  const statuses = (await list('sort=status')).map((x) => x.status);
  assert.ok([['active', 'suspended', 'closed'], ['active', 'closed', 'suspended']]
    .some((o) => JSON.stringify(o) === JSON.stringify(statuses)), `sort=status: ${statuses}`);
  assert.deepEqual((await list('sort=status&dir=desc')).map((x) => x.status), [...statuses].reverse());
  const asc = (await list('sort=created_at')).map((x) => x.created_at);
  assert.deepEqual(asc, [...asc].sort(), 'created_at ascending');
  const desc = (await list('sort=created_at&dir=desc')).map((x) => x.created_at);
  assert.deepEqual(desc, [...desc].sort().reverse(), 'created_at descending');
  for (const bad of ['billing_email', 'id;DROP', 'NAME', '']) {
    expectError(assert, `sort=${bad}`, await A.admin.c.get(`/api/v1/clients?sort=${encodeURIComponent(bad)}`),
      400, undefined, 'sort');
  }
  expectError(assert, 'dir=up', await A.admin.c.get('/api/v1/clients?sort=name&dir=up'), 400, undefined, 'dir');
});

test('GET /clients: ?limit and ?offset page the list; bad values are 400 naming them', async () => {
  const tag = `Pag${RUN}`;
  const made = [];
  for (let i = 0; i < 3; i++) made.push(await makeClient(A.admin.c, { name: `${tag} ${i}` }));
  const q = `q=${encodeURIComponent(tag)}&sort=name`;
  let r = await A.admin.c.get(`/api/v1/clients?${q}&limit=2`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(ids(r.json.items), ids(made.slice(0, 2)));
  assert.equal(r.json.total, 3, 'total ignores the page');
  r = await A.admin.c.get(`/api/v1/clients?${q}&limit=2&offset=2`);
  assert.deepEqual(ids(r.json.items), [made[2].id]);
  r = await A.admin.c.get(`/api/v1/clients?${q}&offset=3`);
  assert.deepEqual(r.json.items, []);
  assert.equal(r.json.total, 3);
  assert.equal((await A.admin.c.get('/api/v1/clients?limit=500')).status, 200);
  assert.equal((await A.admin.c.get('/api/v1/clients?limit=1')).json.items.length, 1);
  for (const bad of ['0', '501', '-1', 'abc', '1.5', '10x', '']) {
    expectError(assert, `limit=${bad}`, await A.admin.c.get(`/api/v1/clients?limit=${bad}`), 400, undefined, 'limit');
  }
  for (const bad of ['-1', 'abc', '2.5']) {
    expectError(assert, `offset=${bad}`, await A.admin.c.get(`/api/v1/clients?offset=${bad}`), 400, undefined, 'offset');
  }
});

test('GET /clients: 50 items by default', async () => {
  const f = createFirm(env);
  const values = Array.from({ length: 55 }, (_, i) => `(${f.firmId}, ${sqlStr(`Bulk ${String(i).padStart(2, '0')}`)},
    'permanent', 'standard', 'intermediated')`);
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode) VALUES ${values.join(',')}`);
  const c = await loggedIn(http, f.email, f.password);
  const r = await c.get('/api/v1/clients');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 50);
  assert.equal(r.json.total, 55);
  const rest = await c.get('/api/v1/clients?offset=50');
  assert.equal(rest.json.items.length, 5);
  assert.equal(new Set([...ids(r.json.items), ...ids(rest.json.items)]).size, 55, 'the pages do not overlap');
});

// ------------------------------------------------------------------ PATCH ---

test('PATCH /clients/{id}: admins and the managers of the client change name, status and modules; audited client.update', async () => {
  const k = await teamClient([A.mam.id, A.am.id], { modules: ['external_scan'] });
  const before = maxAuditId(env);
  const name = uniqueName('Renamed ');
  let r = await A.admin.c.patch(`/api/v1/clients/${k.id}`, { name });
  assert.equal(r.status, 200, r.text);
  for (const f of CLIENT_FIELDS) assert.ok(f in r.json, `client.${f}`);
  assert.equal(r.json.name, name);
  r = await A.mam.c.patch(`/api/v1/clients/${k.id}`, { status: 'suspended' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'suspended');
  r = await A.am.c.patch(`/api/v1/clients/${k.id}`, { modules: ['usage_diagnostic', 'risk_analysis'], status: 'active' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sorted(r.json.modules), ['risk_analysis', 'usage_diagnostic']);
  assert.equal(r.json.status, 'active');
  const row = clientRow(env, k.id);
  assert.deepEqual([row[2], row[5], row[8]], [name, 'active', 'usage_diagnostic,risk_analysis']);
  r = await A.am.c.patch(`/api/v1/clients/${k.id}`, { modules: [] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.modules, []);
  assert.equal(clientRow(env, k.id)[8], '');
  const rows = audit(env, `id > ${before} AND action = 'client.update'`);
  assert.deepEqual(rows.map((x) => x.user_id), [A.admin.id, A.mam.id, A.am.id, A.am.id], JSON.stringify(rows));
  for (const x of rows) {
    assert.equal(x.firm_id, A.firmId);
    assert.equal(x.client_id, k.id);
    assert.equal(x.object_id, k.id);
  }
  assert.ok(rows[0].raw.includes(name), `the new name is in the details: ${rows[0].raw}`);
});

test('PATCH /clients/{id}: billing is read-only: 403 contact_support naming the field; nothing changes', async () => {
  const k = await teamClient([A.mam.id], { billing_mode: 'direct', billing_email: 'old@client.example' });
  const before = clientSnapshot(env, k.id);
  for (const [b, field] of [[{ billing_mode: 'intermediated' }, 'billing_mode'], [{ billing_mode: 'direct' }, 'billing_mode'],
    [{ billing_email: 'new@client.example' }, 'billing_email'], [{ billing_email: null }, 'billing_email'],
    [{ name: 'Not applied', billing_mode: 'intermediated' }, 'billing_mode']]) {
    for (const who of [A.admin, A.mam]) {
      expectError(assert, `${who.email} ${JSON.stringify(b)}`, await who.c.patch(`/api/v1/clients/${k.id}`, b),
        403, 'contact_support', field);
    }
  }
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
});

test('PATCH /clients/{id}: plan, mission_type and vciso_ids are 403 naming the field; unknown keys 400 naming them', async () => {
  const k = await teamClient([A.am.id]);
  const before = clientSnapshot(env, k.id);
  for (const [b, field] of [[{ plan: 'premium' }, 'plan'], [{ mission_type: 'diagnostic' }, 'mission_type'],
    [{ vciso_ids: [A.am.id] }, 'vciso_ids'], [{ name: 'Not applied', plan: 'essential' }, 'plan']]) {
    expectError(assert, JSON.stringify(b), await A.admin.c.patch(`/api/v1/clients/${k.id}`, b), 403, undefined, field);
  }
  for (const [b, field] of [[{ colour: 'red' }, 'colour'], [{ name: 'Not applied', firm_id: B.firmId }, 'firm_id'],
    [{ established: true }, 'established']]) {
    expectError(assert, JSON.stringify(b), await A.am.c.patch(`/api/v1/clients/${k.id}`, b), 400, undefined, field);
  }
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
});

test('PATCH /clients/{id}: every bad value is a 400 naming the field; nothing changes', async () => {
  const k = await teamClient([A.am.id]);
  const before = clientSnapshot(env, k.id);
  for (const [b, field] of [[{ name: '' }, 'name'], [{ name: '  ' }, 'name'], [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 5 }, 'name'], [{ status: 'gone' }, 'status'], [{ status: 'Active' }, 'status'],
    [{ modules: ['nope'] }, 'modules'], [{ modules: 'external_scan' }, 'modules'],
    [{ modules: [3] }, 'modules'], [{ name: 'Good', status: 'gone' }, 'status']]) {
    expectError(assert, JSON.stringify(b), await A.am.c.patch(`/api/v1/clients/${k.id}`, b), 400, undefined, field);
  }
  for (const raw of ['{', '[]', 'null']) {
    expectError(assert, `JSON ${raw}`, await A.am.c.request('PATCH', `/api/v1/clients/${k.id}`, undefined, { raw }), 400);
  }
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
});

test('PATCH /clients/{id}: establishment managers get 403; another firm or outside one\'s clients 404; nothing changes', async () => {
  const before1 = clientSnapshot(env, A.C1.id);
  const beforeB = clientSnapshot(env, B.C.id);
  const beforeC2 = clientSnapshot(env, A.C2.id);
  expectError(assert, 'EM PATCH its client', await A.em.c.patch(`/api/v1/clients/${A.C1.id}`, { name: 'X' }), 403);
  for (const [who, id] of [[A.amC2, A.C1.id], [A.mam2, A.C1.id], [A.mam, A.C2.id], [A.em, A.C2.id],
    [A.admin, B.C.id], [B.admin, A.C1.id], [B.am, A.C1.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} PATCH /clients/${id}`, await who.c.patch(`/api/v1/clients/${id}`,
      { name: 'Pwned', status: 'closed' }), 404, 'not_found');
  }
  assert.deepEqual(clientSnapshot(env, A.C1.id), before1);
  assert.deepEqual(clientSnapshot(env, A.C2.id), beforeC2);
  assert.deepEqual(clientSnapshot(env, B.C.id), beforeB);
});

// ------------------------------------------------------------------- plan ---

test('POST /clients/{id}/plan: plan and mission type change; audited client.plan', async () => {
  const k = await teamClient([A.mam.id, A.am.id], { mission_type: 'diagnostic', plan: 'essential' });
  const before = maxAuditId(env);
  let r = await A.am.c.post(`/api/v1/clients/${k.id}/plan`, { plan: 'premium' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.plan, 'premium');
  assert.equal(r.json.mission_type, 'diagnostic');
  r = await A.mam.c.post(`/api/v1/clients/${k.id}/plan`, { mission_type: 'permanent' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.plan, r.json.mission_type], ['premium', 'permanent']);
  r = await A.admin.c.post(`/api/v1/clients/${k.id}/plan`, { plan: 'standard', mission_type: 'diagnostic' });
  assert.equal(r.status, 200, r.text);
  for (const f of CLIENT_FIELDS) assert.ok(f in r.json, `client.${f}`);
  assert.deepEqual([r.json.plan, r.json.mission_type], ['standard', 'diagnostic']);
  const row = clientRow(env, k.id);
  assert.deepEqual([row[3], row[4]], ['diagnostic', 'standard']);
  const rows = audit(env, `id > ${before} AND action = 'client.plan'`);
  assert.deepEqual(rows.map((x) => x.user_id), [A.am.id, A.mam.id, A.admin.id], JSON.stringify(rows));
  for (const x of rows) assert.deepEqual([x.firm_id, x.client_id, x.object_id], [A.firmId, k.id, k.id]);
});

test('POST /clients/{id}/plan: without the feature plan 403, establishment managers 403, out of scope 404; nothing changes', async () => {
  const snaps = [A.C1.id, A.C2.id, B.C.id].map((id) => clientSnapshot(env, id));
  expectError(assert, 'AM without plan', await A.amNoPlan.c.post(`/api/v1/clients/${A.C1.id}/plan`, { plan: 'premium' }), 403);
  expectError(assert, 'EM', await A.em.c.post(`/api/v1/clients/${A.C1.id}/plan`, { plan: 'premium' }), 403);
  for (const [who, id] of [[A.amC2, A.C1.id], [A.mam, A.C2.id], [A.admin, B.C.id], [B.am, A.C1.id],
    [A.am, 999999999]]) {
    expectError(assert, `${who.email} plan of ${id}`, await who.c.post(`/api/v1/clients/${id}/plan`,
      { plan: 'premium', mission_type: 'diagnostic' }), 404, 'not_found');
  }
  assert.deepEqual([A.C1.id, A.C2.id, B.C.id].map((id) => clientSnapshot(env, id)), snaps);
});

test('POST /clients/{id}/plan: outside one\'s scope is 404 even without the feature plan (403 only inside its scope)', async () => {
  const snaps = [A.C2.id, B.C.id].map((id) => clientSnapshot(env, id));
  const wrong = [];
  for (const [who, id] of [[A.amNoPlan, A.C2.id], [A.amNoPlan, B.C.id], [A.em, A.C2.id], [A.em, B.C.id]]) {
    const r = await who.c.post(`/api/v1/clients/${id}/plan`, { plan: 'premium' });
    if (r.status !== 404 || r.json?.error?.code !== 'not_found') wrong.push(`${who.user.role} plan of ${id}: ${r.status}`);
  }
  assert.deepEqual(wrong, [], 'every one is 404 not_found');
  assert.deepEqual([A.C2.id, B.C.id].map((id) => clientSnapshot(env, id)), snaps);
});

test('POST /clients/{id}/plan: bad input is a 400 naming the field; nothing changes', async () => {
  const k = await teamClient([A.am.id], { plan: 'standard', mission_type: 'permanent' });
  const before = clientSnapshot(env, k.id);
  for (const [b, field] of [[{ plan: 'gold' }, 'plan'], [{ plan: null }, 'plan'], [{ plan: 3 }, 'plan'],
    [{ mission_type: 'forever' }, 'mission_type'], [{ plan: 'premium', mission_type: 'x' }, 'mission_type'],
    [{ plan: 'x', mission_type: 'diagnostic' }, 'plan']]) {
    expectError(assert, JSON.stringify(b), await A.am.c.post(`/api/v1/clients/${k.id}/plan`, b), 400, undefined, field);
  }
  const e = expectError(assert, 'neither plan nor mission_type', await A.am.c.post(`/api/v1/clients/${k.id}/plan`, {}), 400);
  assert.ok(['plan', 'mission_type'].includes(e.field), `field: ${e.field}`);
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
});

// ----------------------------------------------------------------- vCISOs ---

test('PUT /clients/{id}/vcisos: an admin sets the team of any client of its firm; audited client.vcisos', async () => {
  const k = await makeClient(A.admin.c);
  const am = await person(http, A.admin.c, 'account_manager');
  const mam = await person(http, A.admin.c, 'multi_account_manager');
  const before = maxAuditId(env);
  let r = await A.admin.c.put(`/api/v1/clients/${k.id}/vcisos`, { user_ids: [mam.id, am.id] });
  assert.equal(r.status, 200, r.text);
  for (const f of CLIENT_FIELDS) assert.ok(f in r.json, `client.${f}`);
  assert.deepEqual(sorted(r.json.vciso_ids.map(String)), sorted([mam.id, am.id].map(String)));
  assert.deepEqual(vcisoIds(env, k.id), [am.id, mam.id].sort(byNumber), 'the admin left the team');
  assert.equal((await am.c.get(`/api/v1/clients/${k.id}`)).status, 200, 'in the new member\'s scope');
  const u = await A.admin.c.get(`/api/v1/users/${am.id}`);
  assert.deepEqual(u.json.client_ids, [k.id]);
  r = await A.admin2.c.put(`/api/v1/clients/${k.id}/vcisos`, { user_ids: [A.admin2.id] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(vcisoIds(env, k.id), [A.admin2.id]);
  expectError(assert, 'the former member', await am.c.get(`/api/v1/clients/${k.id}`), 404);
  const rows = audit(env, `id > ${before} AND action = 'client.vcisos'`);
  assert.deepEqual(rows.map((x) => x.user_id), [A.admin.id, A.admin2.id], JSON.stringify(rows));
  for (const x of rows) assert.deepEqual([x.firm_id, x.client_id, x.object_id], [A.firmId, k.id, k.id]);
});

test('PUT /clients/{id}/vcisos: a multi-account manager sets its clients\' teams and keeps the members it may not manage', async () => {
  const mam = await person(http, A.admin.c, 'multi_account_manager');
  const am = await person(http, A.admin.c, 'account_manager');
  const am2 = await person(http, A.admin.c, 'account_manager');
  const k = await teamClient([mam.id, A.mam2.id, A.admin2.id, am.id]);
  const r = await mam.c.put(`/api/v1/clients/${k.id}/vcisos`, { user_ids: [mam.id, am2.id] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(vcisoIds(env, k.id), [mam.id, A.mam2.id, A.admin2.id, am2.id].sort(byNumber),
    'another multi-account manager and an admin are kept; the account manager it manages is replaced');
  assert.deepEqual(sorted(r.json.vciso_ids.map(String)), sorted(vcisoIds(env, k.id).map(String)));
});

test('PUT /clients/{id}/vcisos: account and establishment managers get 403; out of scope 404; nothing changes', async () => {
  const snaps = [A.C1.id, A.C2.id, B.C.id].map((id) => clientSnapshot(env, id));
  expectError(assert, 'AM on its client', await A.am.c.put(`/api/v1/clients/${A.C1.id}/vcisos`, { user_ids: [A.am.id] }), 403);
  expectError(assert, 'EM on its client', await A.em.c.put(`/api/v1/clients/${A.C1.id}/vcisos`, { user_ids: [] }), 403);
  for (const [who, id] of [[A.mam, A.C2.id], [A.mam2, A.C1.id], [A.amC2, A.C1.id], [A.admin, B.C.id],
    [B.admin, A.C1.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} team of ${id}`, await who.c.put(`/api/v1/clients/${id}/vcisos`,
      { user_ids: [who.id] }), 404, 'not_found');
  }
  assert.deepEqual([A.C1.id, A.C2.id, B.C.id].map((id) => clientSnapshot(env, id)), snaps);
});

test('PUT /clients/{id}/vcisos: members out of reach 404 field user_ids, establishment managers and bad shapes 400; nothing changes', async () => {
  const mam3 = await person(http, A.admin.c, 'multi_account_manager');
  const k = await teamClient([A.mam.id, A.am.id]);
  const before = clientSnapshot(env, k.id);
  for (const [who, b, status] of [
    [A.admin, { user_ids: [A.em.id] }, 400], [A.admin, { user_ids: [A.am.id, A.em.id] }, 400],
    [A.admin, { user_ids: 'x' }, 400], [A.admin, { user_ids: [0] }, 400], [A.admin, { user_ids: ['1'] }, 400],
    [A.admin, { user_ids: null }, 400], [A.admin, {}, 400], [A.admin, { user_ids: [{}] }, 400],
    [A.admin, { user_ids: [B.admin.id] }, 404], [A.admin, { user_ids: [B.am.id, A.am.id] }, 404],
    [A.admin, { user_ids: [999999999] }, 404],
    [A.mam, { user_ids: [A.mam.id, A.admin2.id] }, 404], [A.mam, { user_ids: [A.mam.id, mam3.id] }, 404],
    [A.mam, { user_ids: [A.mam.id, A.amC2.id] }, 404], [A.mam, { user_ids: [A.mam.id, B.am.id] }, 404],
  ]) {
    expectError(assert, `${who.email} ${JSON.stringify(b)}`, await who.c.put(`/api/v1/clients/${k.id}/vcisos`, b),
      status, undefined, 'user_ids');
  }
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
});

// ------------------------------------------------------------------ Pilot ---

test('GET /clients/{id}/pilot: the client\'s vCISOs get the dashboard figures', async () => {
  for (const who of [A.mam, A.am, A.amNoPlan]) {
    const r = await who.c.get(`/api/v1/clients/${A.C1.id}/pilot`);
    assert.equal(r.status, 200, `${who.email}: ${r.text}`);
    const p = r.json;
    assert.deepEqual(p.frameworks, []);
    assert.deepEqual(p.risks.by_level, { low: 0, medium: 0, high: 0, critical: 0 });
    assert.deepEqual(p.risks.heat_map, Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]));
    assert.deepEqual(p.actions, { open: 0, done: 0, overdue: 0 });
    assert.deepEqual(p.resources, { draft: 0, approved: 0, published: 0 });
    assert.deepEqual(p.modules, ['external_scan']);
    assert.ok(Array.isArray(p.recent_activity), 'recent_activity');
    assert.ok(p.recent_activity.some((e) => e.action === 'client.create'), JSON.stringify(p.recent_activity));
    for (const e of p.recent_activity) {
      for (const f of ['id', 'at', 'user_id', 'ip', 'action', 'object_type', 'object_id', 'client_id', 'details']) {
        assert.ok(f in e, `audit entry.${f}`);
      }
      assert.equal(e.client_id, A.C1.id, 'only this client\'s activity');
    }
  }
  const own = await makeClient(A.admin.c);
  const r = await A.admin.c.get(`/api/v1/clients/${own.id}/pilot`);
  assert.equal(r.status, 200, `an admin on the team: ${r.text}`);
});

test('GET /clients/{id}/pilot: in scope but not on the team 403 (admins too, establishment managers); out of scope 404', async () => {
  for (const [who, id] of [[A.admin, A.C1.id], [A.admin2, A.C1.id], [A.admin2, A.C2.id], [A.em, A.C1.id]]) {
    expectError(assert, `${who.email} Pilot of ${id}`, await who.c.get(`/api/v1/clients/${id}/pilot`), 403);
  }
  for (const [who, id] of [[A.amC2, A.C1.id], [A.mam, A.C2.id], [A.mam2, A.C1.id], [A.em, A.C2.id],
    [B.admin, A.C1.id], [B.am, A.C1.id], [A.admin, B.C.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} Pilot of ${id}`, await who.c.get(`/api/v1/clients/${id}/pilot`), 404, 'not_found');
  }
});

// ---------------------------------------------------------- support, CSRF ---

test('support users get 403 on every client route and change nothing', async () => {
  const support = createSupport(env);
  const sc = await loggedIn(http, support.email, support.password);
  const before = clientSnapshot(env, A.C1.id);
  const count = firmClientCount(A.firmId);
  const id = A.C1.id;
  for (const [method, p, b] of [['GET', '/api/v1/clients'], ['GET', `/api/v1/clients/${id}`],
    ['POST', '/api/v1/clients', clientBody()], ['PATCH', `/api/v1/clients/${id}`, { name: 'Support' }],
    ['POST', `/api/v1/clients/${id}/plan`, { plan: 'premium' }], ['PUT', `/api/v1/clients/${id}/vcisos`, { user_ids: [] }],
    ['GET', `/api/v1/clients/${id}/pilot`]]) {
    expectError(assert, `support ${method} ${p}`, await sc.request(method, p, b), 403);
  }
  assert.deepEqual(clientSnapshot(env, A.C1.id), before);
  assert.equal(firmClientCount(A.firmId), count);
});

test('CSRF: every change without a valid X-CSRF-Token is 403 and changes nothing', async () => {
  const k = await teamClient([A.mam.id]);
  const before = clientSnapshot(env, k.id);
  const count = firmClientCount(A.firmId);
  const auditBefore = maxAuditId(env);
  for (const csrf of [false, '', 'nope', A.mam.c.csrf, `${A.admin.c.csrf}0`]) {
    for (const [method, p, b] of [['POST', '/api/v1/clients', clientBody()],
      ['PATCH', `/api/v1/clients/${k.id}`, { name: 'Csrf', status: 'closed' }],
      ['POST', `/api/v1/clients/${k.id}/plan`, { plan: 'premium' }],
      ['PUT', `/api/v1/clients/${k.id}/vcisos`, { user_ids: [A.admin.id] }]]) {
      expectError(assert, `${method} ${p} csrf=${csrf}`, await A.admin.c.request(method, p, b, { csrf }), 403, 'csrf');
    }
  }
  assert.deepEqual(clientSnapshot(env, k.id), before, 'unchanged');
  assert.equal(firmClientCount(A.firmId), count, 'nothing created');
  assert.deepEqual(firmAudit(auditBefore), [], 'no audit row');
});

test('refused changes leave no audit row', async () => {
  const k = await teamClient([A.am.id]);
  const before = maxAuditId(env);
  await A.am.c.post('/api/v1/clients', clientBody());
  await A.admin.c.post('/api/v1/clients', clientBody({ plan: 'gold' }));
  await A.admin.c.patch(`/api/v1/clients/${k.id}`, { billing_mode: 'direct' });
  await A.admin.c.patch(`/api/v1/clients/${k.id}`, { status: 'gone' });
  await A.amC2.c.patch(`/api/v1/clients/${k.id}`, { name: 'No' });
  await A.amNoPlan.c.post(`/api/v1/clients/${A.C1.id}/plan`, { plan: 'premium' });
  await A.am.c.put(`/api/v1/clients/${k.id}/vcisos`, { user_ids: [] });
  await A.admin.c.put(`/api/v1/clients/${k.id}/vcisos`, { user_ids: [A.em.id] });
  await B.admin.c.post(`/api/v1/clients/${k.id}/plan`, { plan: 'premium' });
  assert.deepEqual(firmAudit(before), []);
});
