// Establishments (SPEC §1 "Establishments", §2, §3, §4; contract of issue 5):
// lists and creation in a client (scope; establishment managers see only
// theirs and create none), the profile (feature profile.read) and its edits
// (profile.edit, per-field rights: 403 naming the field; status, plan and
// ids never through PATCH), the status state machine (closed is final),
// plan changes, profile suggestions (create, accept, reject), duplicates and
// merges (the removed list), the users' client_ids and establishment_ids
// with the rule that a manager sees a user only when the user's clients and
// establishments lie within its own, another firm's ids (404), support
// users, CSRF, and the audit rows of every change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, RUN, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sorted, sql,
  sqlStr, sqlValue, strongPassword, uniqueEmail, uniqueName, userRow,
} from '../lib/identity.mjs';
import {
  ESTAB_FIELDS, ISO_UTC, PROFILE_DETAIL, audit, badSiret, byNumber, clientSnapshot, estabRow, estabSnapshot,
  ids, makeClient, makeEstab, person, siret, sortedIds, suggestionRow, userClientIds, userEstabIds, vcisoIds,
} from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// Firm A. C1 (plan premium): team mam, am, amNoPlan, amRead (profile.read
// and self only, no field), amCity (every feature, fields city and name).
// C2: the admin and amC2. E1, E2 in C1, E3 in C2. Establishment managers on
// E1: em (default rights), emSug (profile.read and self, no field), emNoRead
// (self only). Firm B: an admin, an account manager, an establishment
// manager who may only read (emSug), a client, an establishment and a
// pending suggestion on it.
const A = {};
const B = {};

before(async () => {
  const fa = createFirm(env);
  A.firmId = fa.firmId;
  A.admin = { ...fa, id: userRow(env, fa.email).id, c: await loggedIn(http, fa.email, fa.password) };
  A.C1 = await makeClient(A.admin.c, { plan: 'premium', vciso_ids: [] });
  A.C2 = await makeClient(A.admin.c, { plan: 'standard' });
  const c1 = { client_ids: [A.C1.id] };
  A.mam = await person(http, A.admin.c, 'multi_account_manager', c1);
  A.am = await person(http, A.admin.c, 'account_manager', c1);
  A.amNoPlan = await person(http, A.admin.c, 'account_manager', { ...c1,
    features: ALL_FEATURES.filter((f) => f !== 'plan') });
  A.amRead = await person(http, A.admin.c, 'account_manager', { ...c1, features: ['profile.read', 'self'],
    profile_fields: [] });
  A.amCity = await person(http, A.admin.c, 'account_manager', { ...c1, profile_fields: ['city', 'name'] });
  A.amC2 = await person(http, A.admin.c, 'account_manager', { client_ids: [A.C2.id] });
  A.E1 = await makeEstab(A.admin.c, A.C1.id, { city: 'Paris', postcode: '75001' });
  A.E2 = await makeEstab(A.admin.c, A.C1.id);
  A.E3 = await makeEstab(A.admin.c, A.C2.id);
  const e1 = { establishment_ids: [A.E1.id] };
  A.em = await person(http, A.admin.c, 'establishment_manager', e1);
  A.emSug = await person(http, A.admin.c, 'establishment_manager', { ...e1, features: ['profile.read', 'self'],
    profile_fields: [] });
  A.emNoRead = await person(http, A.admin.c, 'establishment_manager', { ...e1, features: ['self'] });
  const fb = createFirm(env);
  B.firmId = fb.firmId;
  B.admin = { ...fb, id: userRow(env, fb.email).id, c: await loggedIn(http, fb.email, fb.password) };
  B.C = await makeClient(B.admin.c);
  B.E = await makeEstab(B.admin.c, B.C.id, { city: 'Bruxelles' });
  B.E2 = await makeEstab(B.admin.c, B.C.id);
  B.am = await person(http, B.admin.c, 'account_manager', { client_ids: [B.C.id] });
  B.emSug = await person(http, B.admin.c, 'establishment_manager', { establishment_ids: [B.E.id],
    features: ['profile.read', 'self'], profile_fields: [] });
  const s = await B.emSug.c.post(`/api/v1/establishments/${B.E.id}/suggestions`, { field: 'city', value: 'Liège' });
  if (s.status !== 201) throw new Error(`firm B suggestion: ${s.status} ${s.text}`);
  B.S = s.json;
});

const countIn = (clientId) => Number(sqlValue(env,
  `SELECT COUNT(*) FROM establishments WHERE client_id = ${Number(clientId)}`));
const countSuggestions = (estabId) => Number(sqlValue(env,
  `SELECT COUNT(*) FROM establishment_suggestions WHERE establishment_id = ${Number(estabId)}`));
const firmAudit = (after) => audit(env, `id > ${after} AND firm_id IN (${A.firmId}, ${B.firmId})`);
const statusOf = (id) => estabRow(env, id)[15];

// A client of firm A whose team is am, amRead, amCity and amNoPlan.
const teamClient = (extra = {}) => makeClient(A.admin.c, {
  vciso_ids: [A.am.id, A.amRead.id, A.amCity.id, A.amNoPlan.id], ...extra });

// The full profile a creation may carry.
function fullProfile(extra = {}) {
  return { name: uniqueName('Site '), siret: siret(), address: '12 rue de la Paix', postcode: '75002', city: 'Paris',
    country: 'France', phone: '+33 1 23 45 67 89', website: 'https://site.example', sector: 'Retail',
    headcount: 42, security_contact: 'rssi@site.example', ...extra };
}

async function setStatus(c, id, action) {
  const r = await c.post(`/api/v1/establishments/${id}/status`, { action });
  assert.equal(r.status, 200, `${action} ${id}: ${r.text}`);
  return r.json;
}

// ---------------------------------------------------------------- creation ---

test('POST /clients/{id}/establishments: admins and the client\'s managers create; plan defaults to the client\'s; audited establishment.create', async () => {
  for (const who of [A.admin, A.mam, A.am]) {
    const before = maxAuditId(env);
    const b = fullProfile();
    const r = await who.c.post(`/api/v1/clients/${A.C1.id}/establishments`, b);
    assert.equal(r.status, 201, `${who.email}: ${r.text}`);
    for (const f of ESTAB_FIELDS) assert.ok(f in r.json, `establishment.${f}`);
    const e = r.json;
    assert.ok(Number.isInteger(e.id) && e.id > 0);
    assert.equal(e.client_id, A.C1.id);
    for (const k of Object.keys(b)) assert.deepEqual(e[k], b[k], k);
    assert.equal(e.status, 'active');
    assert.equal(e.plan, 'premium', 'the client\'s plan');
    assert.equal(e.merged_into, null);
    assert.match(e.created_at, ISO_UTC);
    assert.match(e.updated_at, ISO_UTC);
    const row = estabRow(env, e.id);
    assert.deepEqual(row.slice(1, 4).map(String), [String(A.firmId), String(A.C1.id), b.name]);
    assert.equal(row[5], b.siret);
    const rows = audit(env, `id > ${before} AND action = 'establishment.create'`);
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.deepEqual([rows[0].user_id, rows[0].firm_id, rows[0].client_id, rows[0].object_id],
      [who.id, A.firmId, A.C1.id, e.id]);
  }
  const p = await A.am.c.post(`/api/v1/clients/${A.C1.id}/establishments`, { name: uniqueName('Site '), plan: 'essential' });
  assert.equal(p.status, 201, p.text);
  assert.equal(p.json.plan, 'essential', 'a plan given with the feature plan');
});

test('POST /clients/{id}/establishments: every profile field round-trips up to its limit; empty siret and null headcount are fine', async () => {
  const b = { name: 'é'.repeat(200), siret: siret(), address: 'à'.repeat(200), postcode: '1'.repeat(10),
    city: 'c'.repeat(100), country: 'p'.repeat(100), phone: `+${'1'.repeat(39)}`, website: `https://${'w'.repeat(192)}`,
    sector: 's'.repeat(100), headcount: 10000000, security_contact: '🔒'.repeat(200) };
  const r = await A.admin.c.post(`/api/v1/clients/${A.C1.id}/establishments`, b);
  assert.equal(r.status, 201, r.text);
  const g = await A.admin.c.get(`/api/v1/establishments/${r.json.id}`);
  assert.equal(g.status, 200, g.text);
  for (const k of Object.keys(b)) assert.deepEqual(g.json[k], b[k], k);
  const min = await A.admin.c.post(`/api/v1/clients/${A.C1.id}/establishments`,
    { name: uniqueName('Bare '), siret: '', headcount: null });
  assert.equal(min.status, 201, min.text);
  assert.ok(min.json.siret === '' || min.json.siret === null, `no siret: ${min.json.siret}`);
  assert.equal(min.json.headcount, null);
  const zero = await A.admin.c.post(`/api/v1/clients/${A.C1.id}/establishments`, { name: uniqueName('Zero '), headcount: 0 });
  assert.equal(zero.status, 201, zero.text);
  assert.equal(zero.json.headcount, 0);
});

test('POST /clients/{id}/establishments: city and sector take up to 200 characters, like every other text field', async () => {
  const b = { name: uniqueName('Long '), city: 'c'.repeat(200), sector: 's'.repeat(200) };
  const r = await A.admin.c.post(`/api/v1/clients/${A.C1.id}/establishments`, b);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json.city, r.json.sector], [b.city, b.sector]);
  const p = await A.admin.c.patch(`/api/v1/establishments/${r.json.id}`, { city: 'C'.repeat(200) });
  assert.equal(p.status, 200, p.text);
  assert.equal(estabRow(env, r.json.id)[8], 'C'.repeat(200));
});

test('headcount is a JSON integer or null: a string is a 400 naming it, on creation and edit', async () => {
  const count = countIn(A.C1.id);
  for (const headcount of ['12', '']) {
    expectError(assert, `create headcount ${JSON.stringify(headcount)}`, await A.admin.c.post(
      `/api/v1/clients/${A.C1.id}/establishments`, { name: uniqueName('Hc '), headcount }), 400, undefined, 'headcount');
  }
  assert.equal(countIn(A.C1.id), count, 'nothing created');
  const e = await makeEstab(A.admin.c, A.C1.id, { headcount: 5 });
  const before = estabSnapshot(env, e.id);
  expectError(assert, 'edit headcount "3"', await A.am.c.patch(`/api/v1/establishments/${e.id}`, { headcount: '3' }),
    400, undefined, 'headcount');
  assert.deepEqual(estabSnapshot(env, e.id), before, 'unchanged');
});

test('POST /clients/{id}/establishments: every bad field is a 400 naming it; nothing is created', async () => {
  const cases = [
    [{ name: undefined }, 'name'], [{ name: '' }, 'name'], [{ name: '  ' }, 'name'], [{ name: null }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'], [{ name: 7 }, 'name'],
    [{ siret: '123' }, 'siret'], [{ siret: badSiret() }, 'siret'], [{ siret: 'abcdefghijklmn' }, 'siret'],
    [{ siret: `${siret().slice(0, 13)} ` }, 'siret'], [{ siret: `${siret()}0` }, 'siret'], [{ siret: 12345678901234 }, 'siret'],
    [{ postcode: '1'.repeat(11) }, 'postcode'], [{ postcode: 75001 }, 'postcode'],
    [{ headcount: -1 }, 'headcount'], [{ headcount: 1.5 }, 'headcount'], [{ headcount: 'many' }, 'headcount'],
    [{ headcount: 10000001 }, 'headcount'], [{ headcount: true }, 'headcount'],
    [{ website: `https://${'w'.repeat(193)}` }, 'website'], [{ country: 'p'.repeat(101) }, 'country'],
    [{ phone: '1'.repeat(41) }, 'phone'], [{ address: 'a'.repeat(201) }, 'address'], [{ city: 'c'.repeat(201) }, 'city'],
    [{ sector: 's'.repeat(201) }, 'sector'], [{ security_contact: 's'.repeat(201) }, 'security_contact'],
    [{ city: ['Paris'] }, 'city'], [{ plan: 'gold' }, 'plan'],
  ];
  const count = countIn(A.C1.id);
  for (const [extra, field] of cases) {
    const b = { name: uniqueName('Bad '), ...extra };
    for (const k of Object.keys(extra)) if (extra[k] === undefined) delete b[k];
    expectError(assert, `create ${JSON.stringify(extra).slice(0, 80)}`,
      await A.admin.c.post(`/api/v1/clients/${A.C1.id}/establishments`, b), 400, undefined, field);
  }
  for (const raw of ['{', '[]', '"x"']) {
    expectError(assert, `JSON ${raw}`, await A.admin.c.request('POST', `/api/v1/clients/${A.C1.id}/establishments`,
      undefined, { raw }), 400);
  }
  assert.equal(countIn(A.C1.id), count, 'nothing created');
});

test('POST /clients/{id}/establishments: a field outside the caller\'s profile_fields is 403 naming it, a plan without the feature plan 403; nothing created', async () => {
  const count = countIn(A.C1.id);
  for (const [who, b, field] of [[A.amCity, { siret: siret() }, 'siret'], [A.amCity, { phone: '01' }, 'phone'],
    [A.amCity, { city: 'Lyon', headcount: 3 }, 'headcount'], [A.amNoPlan, { plan: 'essential' }, 'plan']]) {
    expectError(assert, `${who.email} ${JSON.stringify(b)}`, await who.c.post(`/api/v1/clients/${A.C1.id}/establishments`,
      { name: uniqueName('Site '), ...b }), 403, undefined, field);
  }
  assert.equal(countIn(A.C1.id), count, 'nothing created');
  const ok = await A.amCity.c.post(`/api/v1/clients/${A.C1.id}/establishments`, { name: uniqueName('Site '), city: 'Lyon' });
  assert.equal(ok.status, 201, ok.text);
  const np = await A.amNoPlan.c.post(`/api/v1/clients/${A.C1.id}/establishments`, { name: uniqueName('Site ') });
  assert.equal(np.status, 201, np.text);
  assert.equal(np.json.plan, 'premium');
});

test('POST /clients/{id}/establishments: establishment managers 403; another firm or outside one\'s clients 404; nothing created', async () => {
  const counts = [A.C1.id, A.C2.id, B.C.id].map(countIn);
  expectError(assert, 'EM creates in its client', await A.em.c.post(`/api/v1/clients/${A.C1.id}/establishments`,
    { name: uniqueName('Site ') }), 403);
  for (const [who, id] of [[A.amC2, A.C1.id], [A.mam, A.C2.id], [A.em, A.C2.id], [A.admin, B.C.id],
    [B.admin, A.C1.id], [B.am, A.C1.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} creates in ${id}`, await who.c.post(`/api/v1/clients/${id}/establishments`,
      { name: uniqueName('Site ') }), 404, 'not_found');
  }
  assert.deepEqual([A.C1.id, A.C2.id, B.C.id].map(countIn), counts, 'nothing created');
});

// ------------------------------------------------------------------- lists ---

test('GET /clients/{id}/establishments: admins and managers list the client\'s establishments; establishment managers only theirs', async () => {
  const expected = sql(env, `SELECT id FROM establishments WHERE client_id = ${A.C1.id} AND merged_into IS NULL
    ORDER BY id`).map((r) => Number(r[0]));
  for (const who of [A.admin, A.mam, A.am, A.amRead]) {
    const r = await who.c.get(`/api/v1/clients/${A.C1.id}/establishments?limit=500`);
    assert.equal(r.status, 200, `${who.email}: ${r.text}`);
    assert.deepEqual(Object.keys(r.json).sort(), ['items', 'total']);
    assert.deepEqual(sortedIds(r.json.items), expected, who.email);
    assert.equal(r.json.total, expected.length);
  }
  const r = await A.admin.c.get(`/api/v1/clients/${A.C1.id}/establishments?limit=500`);
  for (const e of r.json.items) for (const f of ESTAB_FIELDS) assert.ok(f in e, `item.${f}`);
  for (const who of [A.em, A.emSug]) {
    const m = await who.c.get(`/api/v1/clients/${A.C1.id}/establishments`);
    assert.equal(m.status, 200, m.text);
    assert.deepEqual(ids(m.json.items), [A.E1.id], `${who.email}: only its establishment`);
    assert.equal(m.json.total, 1);
  }
});

test('GET /clients/{id}/establishments: without profile.read the profile fields other than name are omitted', async () => {
  const r = await A.emNoRead.c.get(`/api/v1/clients/${A.C1.id}/establishments`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(ids(r.json.items), [A.E1.id]);
  const e = r.json.items[0];
  assert.equal(e.name, A.E1.name);
  for (const f of PROFILE_DETAIL) assert.ok(!(f in e), `${f} is omitted: ${JSON.stringify(e)}`);
});

test('GET /clients/{id}/establishments: ?q (name, city, siret), ?status and paging; bad values are 400 naming them', async () => {
  const k = await teamClient();
  const s = siret();
  const tag = `Q${RUN}`;
  const alpha = await makeEstab(A.admin.c, k.id, { name: `${tag} Alpha`, city: 'Lyon', siret: s });
  const beta = await makeEstab(A.admin.c, k.id, { name: `${tag} Beta`, city: 'Paris' });
  const gamma = await makeEstab(A.admin.c, k.id, { name: `${tag} Gamma`, city: 'Villeurbanne-Lyon' });
  await setStatus(A.am.c, beta.id, 'deactivate');
  const found = async (qs) => {
    const r = await A.am.c.get(`/api/v1/clients/${k.id}/establishments?${qs}`);
    assert.equal(r.status, 200, `${qs}: ${r.text}`);
    return sortedIds(r.json.items);
  };
  assert.deepEqual(await found(''), [alpha.id, beta.id, gamma.id]);
  assert.deepEqual(await found('q=Lyon'), [alpha.id, gamma.id], 'by city');
  assert.deepEqual(await found(`q=${s}`), [alpha.id], 'by siret');
  assert.deepEqual(await found(`q=${encodeURIComponent(`${tag} Be`)}`), [beta.id], 'by name');
  assert.deepEqual(await found('status=deactivated'), [beta.id]);
  assert.deepEqual(await found('status=active&q=Lyon'), [alpha.id, gamma.id]);
  assert.deepEqual(await found('status=closed'), []);
  let r = await A.am.c.get(`/api/v1/clients/${k.id}/establishments?limit=2`);
  assert.equal(r.json.items.length, 2);
  assert.equal(r.json.total, 3);
  const rest = await A.am.c.get(`/api/v1/clients/${k.id}/establishments?limit=2&offset=2`);
  assert.equal(rest.json.items.length, 1);
  assert.equal(new Set([...ids(r.json.items), ...ids(rest.json.items)]).size, 3, 'the pages do not overlap');
  for (const [qs, field] of [['status=gone', 'status'], ['status=Active', 'status'], ['limit=0', 'limit'],
    ['limit=501', 'limit'], ['limit=x', 'limit'], ['offset=-1', 'offset'], [`q=${'a'.repeat(5000)}`, 'q']]) {
    expectError(assert, qs.slice(0, 30), await A.am.c.get(`/api/v1/clients/${k.id}/establishments?${qs}`), 400, undefined, field);
  }
  r = await A.am.c.get(`/api/v1/clients/${k.id}/establishments?q=%25`);
  assert.equal(r.json.total, 0, 'wildcards are literal');
});

test('GET /clients/{id}/establishments: another firm, outside one\'s clients or unknown: 404', async () => {
  for (const [who, id] of [[A.admin, B.C.id], [B.admin, A.C1.id], [B.am, A.C1.id], [A.amC2, A.C1.id],
    [A.mam, A.C2.id], [A.em, A.C2.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} lists ${id}`, await who.c.get(`/api/v1/clients/${id}/establishments`), 404, 'not_found');
  }
});

// ----------------------------------------------------------------- profile ---

test('GET /establishments/{id}: the profile in scope; without profile.read 403; another firm, outside one\'s scope or unknown 404', async () => {
  for (const who of [A.admin, A.mam, A.am, A.amRead, A.em, A.emSug]) {
    const r = await who.c.get(`/api/v1/establishments/${A.E1.id}`);
    assert.equal(r.status, 200, `${who.email}: ${r.text}`);
    for (const f of ESTAB_FIELDS) assert.ok(f in r.json, `establishment.${f}`);
    assert.equal(r.json.id, A.E1.id);
    assert.equal(r.json.client_id, A.C1.id);
    assert.equal(r.json.city, 'Paris');
  }
  expectError(assert, 'without profile.read', await A.emNoRead.c.get(`/api/v1/establishments/${A.E1.id}`), 403);
  const bodies = new Set();
  for (const [who, id] of [[A.em, A.E2.id], [A.em, A.E3.id], [A.amC2, A.E1.id], [A.mam, A.E3.id],
    [A.admin, B.E.id], [B.admin, A.E1.id], [B.am, A.E1.id], [A.admin, 999999999]]) {
    const r = await who.c.get(`/api/v1/establishments/${id}`);
    expectError(assert, `${who.email} GET ${id}`, r, 404, 'not_found');
    bodies.add(r.text);
  }
  assert.equal(bodies.size, 1, 'one and the same 404 body');
  for (const bad of ['0', 'abc', '-1', '1.5']) {
    expectError(assert, `GET /establishments/${bad}`, await A.admin.c.get(`/api/v1/establishments/${bad}`), 404);
  }
});

test('PATCH /establishments/{id}: the fields in the caller\'s profile_fields change; audited establishment.update', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id, fullProfile());
  const before = maxAuditId(env);
  let r = await A.am.c.patch(`/api/v1/establishments/${e.id}`, { phone: '04 72 00 00 00', headcount: 12, siret: '' });
  assert.equal(r.status, 200, r.text);
  for (const f of ESTAB_FIELDS) assert.ok(f in r.json, `establishment.${f}`);
  assert.equal(r.json.phone, '04 72 00 00 00');
  assert.equal(r.json.headcount, 12);
  assert.ok(r.json.siret === '' || r.json.siret === null, 'siret cleared');
  r = await A.amCity.c.patch(`/api/v1/establishments/${e.id}`, { city: 'Nantes', name: 'Renamed site' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.city, r.json.name, r.json.phone], ['Nantes', 'Renamed site', '04 72 00 00 00']);
  r = await A.am.c.patch(`/api/v1/establishments/${e.id}`, { headcount: null });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.headcount, null);
  const row = estabRow(env, e.id);
  assert.deepEqual([row[3], row[8], row[10], row[13]], ['Renamed site', 'Nantes', '04 72 00 00 00', null]);
  const m = await A.em.c.patch(`/api/v1/establishments/${A.E1.id}`, { phone: '01 00 00 00 01' });
  assert.equal(m.status, 200, `an establishment manager on its establishment: ${m.text}`);
  assert.equal(estabRow(env, A.E1.id)[10], '01 00 00 00 01');
  const rows = audit(env, `id > ${before} AND action = 'establishment.update'`);
  assert.deepEqual(rows.map((x) => [x.user_id, x.object_id]),
    [[A.am.id, e.id], [A.amCity.id, e.id], [A.am.id, e.id], [A.em.id, A.E1.id]], JSON.stringify(rows));
  assert.deepEqual(rows.map((x) => x.client_id), [k.id, k.id, k.id, A.C1.id]);
  for (const x of rows) assert.equal(x.firm_id, A.firmId);
  assert.ok(rows[1].raw.includes('Nantes'), `the change is in the details: ${rows[1].raw}`);
});

test('PATCH /establishments/{id}: a field outside profile_fields, status, plan or an id is 403 naming it; an unknown key 400; nothing changes', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id, fullProfile());
  const other = await makeEstab(A.admin.c, k.id);
  const before = estabSnapshot(env, e.id);
  for (const [who, b, field] of [[A.amCity, { siret: siret() }, 'siret'], [A.amCity, { city: 'Lyon', phone: '01' }, 'phone'],
    [A.amCity, { headcount: 1 }, 'headcount'], [A.admin, { status: 'closed' }, 'status'], [A.admin, { plan: 'essential' }, 'plan'],
    [A.admin, { client_id: A.C2.id }, 'client_id'], [A.admin, { id: other.id }, 'id'],
    [A.admin, { merged_into: other.id }, 'merged_into'], [A.am, { city: 'Lyon', status: 'active' }, 'status']]) {
    expectError(assert, `${who.email} ${JSON.stringify(b)}`, await who.c.patch(`/api/v1/establishments/${e.id}`, b),
      403, undefined, field);
  }
  for (const [b, field] of [[{ colour: 'red' }, 'colour'], [{ city: 'Lyon', firm_id: B.firmId }, 'firm_id']]) {
    expectError(assert, JSON.stringify(b), await A.admin.c.patch(`/api/v1/establishments/${e.id}`, b), 400, undefined, field);
  }
  assert.deepEqual(estabSnapshot(env, e.id), before, 'unchanged');
});

test('PATCH /establishments/{id}: every bad value is a 400 naming the field; nothing changes', async () => {
  const e = await makeEstab(A.admin.c, A.C1.id, fullProfile());
  const before = estabSnapshot(env, e.id);
  for (const [b, field] of [[{ name: '' }, 'name'], [{ name: 'x'.repeat(201) }, 'name'],
    [{ siret: '123' }, 'siret'], [{ siret: badSiret() }, 'siret'], [{ postcode: '1'.repeat(11) }, 'postcode'],
    [{ headcount: -1 }, 'headcount'], [{ headcount: 'x' }, 'headcount'], [{ headcount: 10000001 }, 'headcount'],
    [{ website: 'w'.repeat(201) }, 'website'], [{ phone: '1'.repeat(41) }, 'phone'], [{ city: 'c'.repeat(201) }, 'city'],
    [{ country: 'c'.repeat(101) }, 'country'], [{ city: 5 }, 'city'], [{ city: 'Lyon', siret: 'x' }, 'siret']]) {
    expectError(assert, JSON.stringify(b).slice(0, 60), await A.am.c.patch(`/api/v1/establishments/${e.id}`, b),
      400, undefined, field);
  }
  for (const raw of ['{', '[]']) {
    expectError(assert, `JSON ${raw}`, await A.am.c.request('PATCH', `/api/v1/establishments/${e.id}`, undefined, { raw }), 400);
  }
  assert.deepEqual(estabSnapshot(env, e.id), before, 'unchanged');
});

test('PATCH /establishments/{id}: without profile.edit 403; another firm or outside one\'s scope 404; nothing changes', async () => {
  const snaps = [A.E1.id, A.E2.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id));
  expectError(assert, 'AM without profile.edit', await A.amRead.c.patch(`/api/v1/establishments/${A.E1.id}`,
    { city: 'Lyon' }), 403);
  expectError(assert, 'EM without profile.edit', await A.emSug.c.patch(`/api/v1/establishments/${A.E1.id}`,
    { city: 'Lyon' }), 403);
  for (const [who, id] of [[A.em, A.E2.id], [A.em, A.E3.id], [A.amC2, A.E1.id], [A.mam, A.E3.id],
    [A.admin, B.E.id], [B.admin, A.E1.id], [B.am, A.E2.id], [A.admin, 999999999]]) {
    expectError(assert, `${who.email} PATCH ${id}`, await who.c.patch(`/api/v1/establishments/${id}`,
      { city: 'Pwned' }), 404, 'not_found');
  }
  assert.deepEqual([A.E1.id, A.E2.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id)), snaps);
});

test('PATCH /establishments/{id}: a closed or merged establishment is 409; nothing changes', async () => {
  const k = await teamClient();
  const closed = await makeEstab(A.admin.c, k.id);
  await setStatus(A.admin.c, closed.id, 'close');
  const survivor = await makeEstab(A.admin.c, k.id);
  const merged = await makeEstab(A.admin.c, k.id);
  const m = await A.admin.c.post(`/api/v1/establishments/${merged.id}/merge`, { into: survivor.id });
  assert.equal(m.status, 200, m.text);
  for (const e of [closed, merged]) {
    const before = estabSnapshot(env, e.id);
    expectError(assert, `PATCH ${e.id}`, await A.am.c.patch(`/api/v1/establishments/${e.id}`, { city: 'Lyon' }), 409);
    assert.deepEqual(estabSnapshot(env, e.id), before);
  }
});

// ------------------------------------------------------------------ status ---

const MACHINE = {
  active: { cancel: 'cancelled', close: 'closed', deactivate: 'deactivated', reactivate: null },
  cancelled: { cancel: null, close: 'closed', deactivate: null, reactivate: 'active' },
  deactivated: { cancel: null, close: 'closed', deactivate: null, reactivate: 'active' },
  closed: { cancel: null, close: null, deactivate: null, reactivate: null },
};
const REACH = { active: [], cancelled: ['cancel'], deactivated: ['deactivate'], closed: ['close'] };

// A fresh establishment of client k brought to `state` through the API.
async function estabIn(k, state) {
  const e = await makeEstab(A.admin.c, k.id);
  for (const action of REACH[state]) await setStatus(A.admin.c, e.id, action);
  assert.equal(statusOf(e.id), state);
  return e;
}

test('POST /establishments/{id}/status: cancel, close, deactivate and reactivate move as the state machine says; audited establishment.status', async () => {
  const k = await teamClient();
  for (const [from, moves] of Object.entries(MACHINE)) {
    for (const [action, to] of Object.entries(moves)) {
      if (to === null) continue;
      const e = await estabIn(k, from);
      const before = maxAuditId(env);
      const r = await A.am.c.post(`/api/v1/establishments/${e.id}/status`, { action });
      assert.equal(r.status, 200, `${from} --${action}--> ${to}: ${r.text}`);
      assert.equal(r.json.status, to);
      for (const f of ESTAB_FIELDS) assert.ok(f in r.json, `establishment.${f}`);
      assert.equal(statusOf(e.id), to);
      const rows = audit(env, `id > ${before} AND action = 'establishment.status'`);
      assert.deepEqual(rows.map((x) => [x.user_id, x.firm_id, x.client_id, x.object_id]), [[A.am.id, A.firmId, k.id, e.id]]);
    }
  }
});

test('POST /establishments/{id}/status: a closed establishment is final: every action is 409', async () => {
  const k = await teamClient();
  const e = await estabIn(k, 'closed');
  const before = estabSnapshot(env, e.id);
  for (const action of ['cancel', 'close', 'deactivate', 'reactivate']) {
    expectError(assert, `closed --${action}`, await A.admin.c.post(`/api/v1/establishments/${e.id}/status`, { action }), 409);
  }
  assert.deepEqual(estabSnapshot(env, e.id), before);
});

test('POST /establishments/{id}/status: impossible transitions are 409 and change nothing', async () => {
  const k = await teamClient();
  for (const [from, moves] of Object.entries(MACHINE)) {
    if (from === 'closed') continue;
    for (const [action, to] of Object.entries(moves)) {
      if (to !== null) continue;
      const e = await estabIn(k, from);
      const before = estabSnapshot(env, e.id);
      expectError(assert, `${from} --${action}`, await A.am.c.post(`/api/v1/establishments/${e.id}/status`, { action }), 409);
      assert.deepEqual(estabSnapshot(env, e.id), before);
    }
  }
});

test('POST /establishments/{id}/status: a bad action is 400 field action; without profile.status 403; out of scope 404; nothing changes', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id);
  const before = estabSnapshot(env, e.id);
  for (const b of [{ action: 'delete' }, { action: 'Close' }, { action: '' }, { action: null }, { action: ['close'] }, {}]) {
    expectError(assert, JSON.stringify(b), await A.am.c.post(`/api/v1/establishments/${e.id}/status`, b), 400, undefined, 'action');
  }
  expectError(assert, 'AM without profile.status', await A.amRead.c.post(`/api/v1/establishments/${e.id}/status`,
    { action: 'close' }), 403);
  assert.deepEqual(estabSnapshot(env, e.id), before);
  const snaps = [A.E1.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id));
  expectError(assert, 'EM without profile.status (default rights)', await A.em.c.post(`/api/v1/establishments/${A.E1.id}/status`,
    { action: 'deactivate' }), 403);
  for (const [who, id] of [[A.amC2, e.id], [A.am, A.E3.id], [A.admin, B.E.id], [B.admin, A.E1.id],
    [A.admin, 999999999]]) {
    expectError(assert, `${who.email} status of ${id}`, await who.c.post(`/api/v1/establishments/${id}/status`,
      { action: 'close' }), 404, 'not_found');
  }
  assert.deepEqual([A.E1.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id)), snaps);
  assert.deepEqual(estabSnapshot(env, e.id), before);
});

// -------------------------------------------------------------------- plan ---

test('POST /establishments/{id}/plan: with the feature plan; audited establishment.plan', async () => {
  const k = await teamClient({ plan: 'standard' });
  const e = await makeEstab(A.admin.c, k.id);
  assert.equal(e.plan, 'standard');
  const before = maxAuditId(env);
  for (const [who, plan] of [[A.am, 'premium'], [A.admin, 'essential']]) {
    const r = await who.c.post(`/api/v1/establishments/${e.id}/plan`, { plan });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.plan, plan);
    assert.equal(estabRow(env, e.id)[16], plan);
  }
  const rows = audit(env, `id > ${before} AND action = 'establishment.plan'`);
  assert.deepEqual(rows.map((x) => [x.user_id, x.firm_id, x.client_id, x.object_id]),
    [[A.am.id, A.firmId, k.id, e.id], [A.admin.id, A.firmId, k.id, e.id]]);
  assert.equal(clientSnapshot(env, k.id).row[4], 'standard', 'the client\'s plan is its own');
});

test('POST /establishments/{id}/plan: a bad plan 400; without the feature plan 403; out of scope 404; nothing changes', async () => {
  const snaps = [A.E1.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id));
  for (const b of [{ plan: 'gold' }, { plan: null }, {}, { plan: 2 }]) {
    expectError(assert, JSON.stringify(b), await A.am.c.post(`/api/v1/establishments/${A.E1.id}/plan`, b), 400, undefined, 'plan');
  }
  for (const who of [A.amNoPlan, A.em]) {
    expectError(assert, `${who.email} without plan`, await who.c.post(`/api/v1/establishments/${A.E1.id}/plan`,
      { plan: 'essential' }), 403);
  }
  for (const [who, id] of [[A.amC2, A.E1.id], [A.am, A.E3.id], [A.admin, B.E.id], [B.admin, A.E1.id], [A.am, 999999999]]) {
    expectError(assert, `${who.email} plan of ${id}`, await who.c.post(`/api/v1/establishments/${id}/plan`,
      { plan: 'essential' }), 404, 'not_found');
  }
  assert.deepEqual([A.E1.id, A.E3.id, B.E.id].map((id) => estabSnapshot(env, id)), snaps);
});

// ------------------------------------------------------------- suggestions ---

const SUGGESTION_FIELDS = ['id', 'establishment_id', 'field', 'value', 'status', 'by_user_id', 'created_at',
  'decided_by', 'decided_at'];

async function suggest(who, estabId, field, value) {
  const r = await who.c.post(`/api/v1/establishments/${estabId}/suggestions`, { field, value });
  assert.equal(r.status, 201, `${who.email} suggests ${field}: ${r.text}`);
  return r.json;
}

test('suggestions: a reader who may not edit a field suggests a value (201), listed as pending; audited suggestion.create', async () => {
  const before = maxAuditId(env);
  const r = await A.emSug.c.post(`/api/v1/establishments/${A.E1.id}/suggestions`, { field: 'city', value: 'Lyon' });
  assert.equal(r.status, 201, r.text);
  for (const f of SUGGESTION_FIELDS) assert.ok(f in r.json, `suggestion.${f}`);
  const s = r.json;
  assert.deepEqual([s.establishment_id, s.field, s.value, s.status, s.by_user_id, s.decided_by, s.decided_at],
    [A.E1.id, 'city', 'Lyon', 'pending', A.emSug.id, null, null]);
  assert.match(s.created_at, ISO_UTC);
  const row = suggestionRow(env, s.id);
  assert.deepEqual(row.slice(1, 7).map(String), [A.firmId, A.C1.id, A.E1.id, 'city', 'Lyon', 'pending'].map(String));
  assert.equal(estabRow(env, A.E1.id)[8], 'Paris', 'not applied');
  const amr = await suggest(A.amRead, A.E1.id, 'phone', '09 99 99 99 99');
  for (const who of [A.emSug, A.am, A.admin]) {
    const l = await who.c.get(`/api/v1/establishments/${A.E1.id}/suggestions`);
    assert.equal(l.status, 200, l.text);
    assert.ok(ids(l.json.items).includes(s.id) && ids(l.json.items).includes(amr.id), `${who.email} lists them`);
    assert.equal(typeof l.json.total, 'number');
  }
  const rows = audit(env, `id > ${before} AND action = 'suggestion.create'`);
  assert.deepEqual(rows.map((x) => [x.user_id, x.firm_id, x.client_id, x.object_id]),
    [[A.emSug.id, A.firmId, A.C1.id, s.id], [A.amRead.id, A.firmId, A.C1.id, amr.id]]);
});

test('suggestions: a field one may edit is 409 edit_directly; a bad field or value 400; without profile.read 403; out of scope 404; nothing created', async () => {
  const n = countSuggestions(A.E1.id);
  for (const [who, field] of [[A.am, 'city'], [A.admin, 'siret'], [A.amCity, 'name'], [A.em, 'phone']]) {
    expectError(assert, `${who.email} suggests ${field}`, await who.c.post(`/api/v1/establishments/${A.E1.id}/suggestions`,
      { field, value: 'x' }), 409, 'edit_directly');
  }
  for (const [b, fields] of [[{ field: 'status', value: 'closed' }, ['field']], [{ field: 'plan', value: 'premium' }, ['field']],
    [{ field: 'nope', value: 'x' }, ['field']], [{ value: 'x' }, ['field']], [{ field: 3, value: 'x' }, ['field']],
    [{ field: 'city' }, ['value', 'city']], [{ field: 'city', value: 'c'.repeat(201) }, ['value', 'city']],
    [{ field: 'siret', value: '123' }, ['value', 'siret']], [{ field: 'siret', value: badSiret() }, ['value', 'siret']],
    [{ field: 'postcode', value: '1'.repeat(11) }, ['value', 'postcode']], [{ field: 'name', value: '' }, ['value', 'name']]]) {
    const e = expectError(assert, JSON.stringify(b).slice(0, 60),
      await A.emSug.c.post(`/api/v1/establishments/${A.E1.id}/suggestions`, b), 400);
    assert.ok(fields.includes(e.field), `${JSON.stringify(b).slice(0, 60)}: field ${e.field}, expected one of ${fields}`);
  }
  expectError(assert, 'without profile.read', await A.emNoRead.c.post(`/api/v1/establishments/${A.E1.id}/suggestions`,
    { field: 'city', value: 'x' }), 403);
  expectError(assert, 'list without profile.read', await A.emNoRead.c.get(`/api/v1/establishments/${A.E1.id}/suggestions`), 403);
  assert.equal(countSuggestions(A.E1.id), n, 'nothing created');
  const counts = [A.E2.id, A.E3.id, B.E.id].map(countSuggestions);
  for (const [who, id] of [[A.emSug, A.E2.id], [A.amRead, A.E3.id], [A.emSug, B.E.id], [B.emSug, A.E1.id],
    [A.emSug, 999999999]]) {
    expectError(assert, `${who.email} suggests on ${id}`, await who.c.post(`/api/v1/establishments/${id}/suggestions`,
      { field: 'city', value: 'x' }), 404, 'not_found');
    expectError(assert, `${who.email} lists suggestions of ${id}`, await who.c.get(`/api/v1/establishments/${id}/suggestions`),
      404, 'not_found');
  }
  assert.deepEqual([A.E2.id, A.E3.id, B.E.id].map(countSuggestions), counts);
});

test('suggestions: without profile.edit a user edits no field, so it may suggest even a field listed in its profile_fields', async () => {
  const reader = await person(http, A.admin.c, 'account_manager', { client_ids: [A.C1.id], features: ['profile.read'],
    profile_fields: ['city'] });
  expectError(assert, 'it may not edit', await reader.c.patch(`/api/v1/establishments/${A.E2.id}`, { city: 'Lyon' }), 403);
  const r = await reader.c.post(`/api/v1/establishments/${A.E2.id}/suggestions`, { field: 'city', value: 'Lyon' });
  assert.equal(r.status, 201, `so it suggests: ${r.text}`);
  assert.equal(r.json.status, 'pending');
});

test('suggestions: accepting applies the value; audited suggestion.accept; a decided suggestion is 409', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id, { city: 'Old town' });
  const s = await suggest(A.amRead, e.id, 'city', 'New town');
  const before = maxAuditId(env);
  const r = await A.amCity.c.post(`/api/v1/suggestions/${s.id}/accept`, {});
  assert.equal(r.status, 200, r.text);
  for (const f of SUGGESTION_FIELDS) assert.ok(f in r.json, `suggestion.${f}`);
  assert.deepEqual([r.json.id, r.json.status, r.json.decided_by], [s.id, 'accepted', A.amCity.id]);
  assert.match(r.json.decided_at, ISO_UTC);
  assert.equal(estabRow(env, e.id)[8], 'New town', 'applied');
  assert.deepEqual(suggestionRow(env, s.id).slice(6, 9).map(String), ['accepted', String(A.amRead.id), String(A.amCity.id)]);
  const rows = audit(env, `id > ${before} AND action = 'suggestion.accept'`);
  assert.deepEqual(rows.map((x) => [x.user_id, x.firm_id, x.client_id, x.object_id]), [[A.amCity.id, A.firmId, k.id, s.id]]);
  const snap = estabSnapshot(env, e.id);
  for (const verb of ['accept', 'reject']) {
    expectError(assert, `${verb} again`, await A.am.c.post(`/api/v1/suggestions/${s.id}/${verb}`, {}), 409);
  }
  assert.deepEqual(estabSnapshot(env, e.id), snap);
});

test('suggestions: rejecting leaves the profile as it is; audited suggestion.reject', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id, { phone: '01 01 01 01 01' });
  const s = await suggest(A.amRead, e.id, 'phone', '02 02 02 02 02');
  const row = estabRow(env, e.id);
  const before = maxAuditId(env);
  const r = await A.am.c.post(`/api/v1/suggestions/${s.id}/reject`, {});
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.status, r.json.decided_by], ['rejected', A.am.id]);
  assert.deepEqual(estabRow(env, e.id), row, 'not applied');
  const rows = audit(env, `id > ${before} AND action = 'suggestion.reject'`);
  assert.deepEqual(rows.map((x) => [x.user_id, x.firm_id, x.client_id, x.object_id]), [[A.am.id, A.firmId, k.id, s.id]]);
  expectError(assert, 'accept a rejected one', await A.am.c.post(`/api/v1/suggestions/${s.id}/accept`, {}), 409);
  assert.deepEqual(estabRow(env, e.id), row);
});

test('suggestions: deciding needs profile.edit and the field in one\'s profile_fields (403); another firm or out of scope 404; nothing changes', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id);
  const phone = await suggest(A.amRead, e.id, 'phone', '03 03 03 03 03');
  const snap = estabSnapshot(env, e.id);
  for (const verb of ['accept', 'reject']) {
    expectError(assert, `field outside profile_fields: ${verb}`, await A.amCity.c.post(`/api/v1/suggestions/${phone.id}/${verb}`, {}), 403);
    expectError(assert, `without profile.edit: ${verb}`, await A.amRead.c.post(`/api/v1/suggestions/${phone.id}/${verb}`, {}), 403);
    for (const [who, id] of [[A.amC2, phone.id], [A.em, phone.id], [B.admin, phone.id], [A.admin, B.S.id], [A.am, B.S.id],
      [A.admin, 999999999]]) {
      expectError(assert, `${who.email} ${verb} ${id}`, await who.c.post(`/api/v1/suggestions/${id}/${verb}`, {}), 404, 'not_found');
    }
  }
  assert.deepEqual(estabSnapshot(env, e.id), snap);
  assert.deepEqual(suggestionRow(env, B.S.id)[6], 'pending', 'firm B\'s suggestion is still pending');
  assert.equal(estabRow(env, B.E.id)[8], 'Bruxelles');
});

// -------------------------------------------------------------- duplicates ---

// Client D: a and b share a SIRET; c and d the same name (up to case) and
// postcode; e the same name in another postcode; f alone.
async function duplicatesClient() {
  const k = await teamClient();
  const s = siret();
  const name = `Same Name ${RUN}`;
  const D = { k };
  D.a = await makeEstab(A.admin.c, k.id, { name: uniqueName('Dup A '), siret: s, phone: '01 11 11 11 11' });
  D.b = await makeEstab(A.admin.c, k.id, { name: uniqueName('Dup B '), siret: s, phone: '02 22 22 22 22', city: 'Lille',
    sector: 'Retail', headcount: 7 });
  D.c = await makeEstab(A.admin.c, k.id, { name, postcode: '75001' });
  D.d = await makeEstab(A.admin.c, k.id, { name: name.toLowerCase(), postcode: '75001' });
  D.e = await makeEstab(A.admin.c, k.id, { name, postcode: '69001' });
  D.f = await makeEstab(A.admin.c, k.id, { name: uniqueName('Alone '), siret: siret() });
  return D;
}

const groups = (body) => body.items.map((g) => [g.reason, sortedIds(g.establishments)]).sort();

test('GET /clients/{id}/duplicates: groups of the same SIRET or the same normalised name and postcode', async () => {
  const D = await duplicatesClient();
  const r = await A.am.c.get(`/api/v1/clients/${D.k.id}/duplicates`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(groups(r.json), [['name_postcode', [D.c.id, D.d.id].sort(byNumber)], ['siret', [D.a.id, D.b.id].sort(byNumber)]]);
  assert.equal(r.json.total, 2);
  assert.deepEqual(r.json.removed, []);
  for (const g of r.json.items) for (const e of g.establishments) for (const f of ['id', 'name', 'siret', 'postcode']) {
    assert.ok(f in e, `establishment.${f}`);
  }
});

test('POST /establishments/{id}/merge: the survivor takes the empty fields, the managers and the pending suggestions; the duplicate is kept as merged and listed as removed; audited', async () => {
  const D = await duplicatesClient();
  const emB = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [D.b.id] });
  const sug = await suggest(A.amRead, D.b.id, 'website', 'https://suggested.example');
  await setStatus(A.admin.c, D.b.id, 'deactivate');
  const before = maxAuditId(env);
  const r = await A.am.c.post(`/api/v1/establishments/${D.b.id}/merge`, { into: D.a.id });
  assert.equal(r.status, 200, r.text);
  for (const f of ESTAB_FIELDS) assert.ok(f in r.json, `establishment.${f}`);
  assert.equal(r.json.id, D.a.id, 'the survivor');
  assert.equal(r.json.name, D.a.name, 'its own values stay');
  assert.equal(r.json.phone, '01 11 11 11 11');
  assert.deepEqual([r.json.city, r.json.sector, r.json.headcount], ['Lille', 'Retail', 7], 'empty fields filled');
  assert.equal(r.json.merged_into, null);
  const b = estabRow(env, D.b.id);
  assert.equal(Number(b[17]), D.a.id, 'merged_into');
  assert.notEqual(b[18], null, 'merged_at');
  assert.equal(b[15], 'deactivated', 'the duplicate keeps its status');
  assert.deepEqual(userEstabIds(env, emB.id), [D.a.id], 'the manager moves to the survivor');
  assert.equal(Number(suggestionRow(env, sug.id)[3]), D.a.id, 'the pending suggestion moves');
  const mine = await emB.c.get(`/api/v1/clients/${D.k.id}/establishments`);
  assert.deepEqual(ids(mine.json.items), [D.a.id]);
  const list = await A.am.c.get(`/api/v1/clients/${D.k.id}/establishments?limit=500`);
  assert.ok(!ids(list.json.items).includes(D.b.id), 'merged ones are not listed');
  assert.equal(list.json.total, 5);
  const dup = await A.am.c.get(`/api/v1/clients/${D.k.id}/duplicates`);
  assert.equal(dup.status, 200, dup.text);
  assert.deepEqual(groups(dup.json), [['name_postcode', [D.c.id, D.d.id].sort(byNumber)]]);
  assert.equal(dup.json.total, 1);
  assert.deepEqual(ids(dup.json.removed), [D.b.id], 'the removed-duplicates list');
  assert.equal(dup.json.removed[0].merged_into, D.a.id);
  const rows = audit(env, `id > ${before} AND action = 'establishment.merge'`);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.deepEqual([rows[0].user_id, rows[0].firm_id, rows[0].client_id], [A.am.id, A.firmId, D.k.id]);
  assert.ok([D.a.id, D.b.id].includes(rows[0].object_id), `object ${rows[0].object_id}`);
});

test('POST /establishments/{id}/merge: into itself or a bad into 400, into another client or out of scope 404 field into, a merged one 409; nothing changes', async () => {
  const D = await duplicatesClient();
  const m = await A.am.c.post(`/api/v1/establishments/${D.b.id}/merge`, { into: D.a.id });
  assert.equal(m.status, 200, m.text);
  const emC = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [D.c.id] });
  const watched = [D.a, D.b, D.c, D.d, A.E1, A.E3, B.E];
  const snaps = watched.map((e) => estabSnapshot(env, e.id));
  for (const b of [{ into: D.c.id }, { into: 'x' }, { into: 0 }, { into: null }, {}, { into: [D.d.id] }]) {
    expectError(assert, `merge c ${JSON.stringify(b)}`, await A.am.c.post(`/api/v1/establishments/${D.c.id}/merge`, b),
      400, undefined, 'into');
  }
  for (const [who, into] of [[A.am, A.E3.id], [A.admin, B.E.id], [A.am, 999999999], [emC, D.d.id]]) {
    expectError(assert, `${who.email} merges c into ${into}`, await who.c.post(`/api/v1/establishments/${D.c.id}/merge`,
      { into }), 404, undefined, 'into');
  }
  const other = await A.admin.c.post(`/api/v1/establishments/${D.c.id}/merge`, { into: A.E1.id });
  assert.ok([400, 404].includes(other.status), `into another client of the firm: ${other.status} ${other.text}`);
  assert.equal(other.json?.error?.field, 'into', other.text);
  expectError(assert, 'into a merged one', await A.am.c.post(`/api/v1/establishments/${D.c.id}/merge`, { into: D.b.id }), 409);
  expectError(assert, 'a merged one', await A.am.c.post(`/api/v1/establishments/${D.b.id}/merge`, { into: D.c.id }), 409);
  assert.deepEqual(watched.map((x) => estabSnapshot(env, x.id)), snaps, 'unchanged');
});

test('duplicates and merge need profile.duplicates (403); another firm or out of scope 404; nothing changes', async () => {
  const D = await duplicatesClient();
  const snaps = [D.a, D.b, B.E, B.E2].map((e) => estabSnapshot(env, e.id));
  expectError(assert, 'list without profile.duplicates', await A.amRead.c.get(`/api/v1/clients/${D.k.id}/duplicates`), 403);
  expectError(assert, 'merge without profile.duplicates', await A.amRead.c.post(`/api/v1/establishments/${D.b.id}/merge`,
    { into: D.a.id }), 403);
  for (const [who, id] of [[A.amC2, D.k.id], [A.mam, D.k.id], [A.em, D.k.id], [B.admin, D.k.id], [A.admin, B.C.id],
    [A.admin, 999999999]]) {
    expectError(assert, `${who.email} duplicates of ${id}`, await who.c.get(`/api/v1/clients/${id}/duplicates`), 404, 'not_found');
  }
  for (const [who, id, into] of [[A.amC2, D.b.id, D.a.id], [B.admin, D.b.id, D.a.id], [A.admin, B.E2.id, B.E.id],
    [A.em, D.b.id, D.a.id]]) {
    expectError(assert, `${who.email} merges ${id}`, await who.c.post(`/api/v1/establishments/${id}/merge`, { into }),
      404, 'not_found');
  }
  assert.deepEqual([D.a, D.b, B.E, B.E2].map((e) => estabSnapshot(env, e.id)), snaps, 'unchanged');
});

// ------------------------------------------------------------------- users ---

function userBody(role, extra = {}) {
  return { email: uniqueEmail(role), first_name: 'First', last_name: uniqueName('Last'), role,
    password: strongPassword(), ...extra };
}
const countEmail = (email) => Number(sqlValue(env, `SELECT COUNT(*) FROM users WHERE email = ${sqlStr(email)}`));

test('users: client_ids declares the vCISO of clients, establishment_ids assigns establishments; both sorted in the user', async () => {
  const [lo, hi] = [A.C1.id, A.C2.id].sort(byNumber);
  let r = await A.admin.c.post('/api/v1/users', userBody('account_manager', { client_ids: [hi, lo] }));
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.client_ids, [lo, hi]);
  assert.deepEqual(r.json.establishment_ids, []);
  const x = r.json.id;
  assert.deepEqual(userClientIds(env, x), [lo, hi]);
  assert.ok(vcisoIds(env, A.C1.id).includes(x));
  assert.equal(Number(sqlValue(env, `SELECT firm_id FROM client_vcisos WHERE user_id = ${x} LIMIT 1`)), A.firmId);
  const [e1, e2] = [A.E1.id, A.E2.id].sort(byNumber);
  r = await A.admin.c.post('/api/v1/users', userBody('establishment_manager', { establishment_ids: [e2, e1] }));
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.establishment_ids, [e1, e2]);
  assert.deepEqual(r.json.client_ids, []);
  assert.deepEqual(userEstabIds(env, r.json.id), [e1, e2]);
  r = await A.mam.c.post('/api/v1/users', userBody('account_manager', { client_ids: [A.C1.id] }));
  assert.equal(r.status, 201, `a multi-account manager declares on its client: ${r.text}`);
  r = await A.am.c.post('/api/v1/users', userBody('establishment_manager', { establishment_ids: [A.E2.id] }));
  assert.equal(r.status, 201, `an account manager assigns in its client: ${r.text}`);
  const g = await A.am.c.get(`/api/v1/users/${r.json.id}`);
  assert.deepEqual(g.json.establishment_ids, [A.E2.id]);
  const admin = await A.admin.c.post('/api/v1/users', userBody('admin', { client_ids: [A.C2.id] }));
  assert.equal(admin.status, 201, admin.text);
  assert.deepEqual(admin.json.client_ids, [A.C2.id]);
});

test('users: client_ids are for admins and managers, establishment_ids for establishment managers (400 naming the field)', async () => {
  for (const [b, field] of [[userBody('establishment_manager', { client_ids: [A.C1.id] }), 'client_ids'],
    [userBody('account_manager', { establishment_ids: [A.E1.id] }), 'establishment_ids'],
    [userBody('multi_account_manager', { establishment_ids: [A.E1.id] }), 'establishment_ids'],
    [userBody('admin', { establishment_ids: [A.E1.id] }), 'establishment_ids'],
    [userBody('establishment_manager', { establishment_ids: 'x' }), 'establishment_ids'],
    [userBody('establishment_manager', { establishment_ids: [0] }), 'establishment_ids'],
    [userBody('account_manager', { client_ids: ['1'] }), 'client_ids']]) {
    expectError(assert, `${b.role} ${field}`, await A.admin.c.post('/api/v1/users', b), 400, undefined, field);
    assert.equal(countEmail(b.email), 0, 'not created');
  }
  const before = [userClientIds(env, A.em.id), userEstabIds(env, A.em.id), userEstabIds(env, A.am.id)];
  expectError(assert, 'PATCH an EM with client_ids', await A.admin.c.patch(`/api/v1/users/${A.em.id}`,
    { client_ids: [A.C1.id] }), 400, undefined, 'client_ids');
  expectError(assert, 'PATCH an AM with establishment_ids', await A.admin.c.patch(`/api/v1/users/${A.am.id}`,
    { establishment_ids: [A.E1.id] }), 400, undefined, 'establishment_ids');
  assert.deepEqual([userClientIds(env, A.em.id), userEstabIds(env, A.em.id), userEstabIds(env, A.am.id)], before);
});

test('users: clients and establishments outside the caller\'s scope are 404 naming the field; nothing created or changed', async () => {
  for (const [who, b, field] of [
    [A.admin, userBody('account_manager', { client_ids: [B.C.id] }), 'client_ids'],
    [A.admin, userBody('account_manager', { client_ids: [A.C1.id, 999999999] }), 'client_ids'],
    [A.mam, userBody('account_manager', { client_ids: [A.C2.id] }), 'client_ids'],
    [A.mam, userBody('account_manager', { client_ids: [A.C1.id, A.C2.id] }), 'client_ids'],
    [A.am, userBody('establishment_manager', { establishment_ids: [A.E3.id] }), 'establishment_ids'],
    [A.am, userBody('establishment_manager', { establishment_ids: [B.E.id] }), 'establishment_ids'],
    [A.admin, userBody('establishment_manager', { establishment_ids: [A.E1.id, B.E.id] }), 'establishment_ids'],
    [A.mam, userBody('establishment_manager', { establishment_ids: [999999999] }), 'establishment_ids'],
  ]) {
    expectError(assert, `${who.email} ${field} ${JSON.stringify(b[field])}`, await who.c.post('/api/v1/users', b),
      404, undefined, field);
    assert.equal(countEmail(b.email), 0, 'not created');
  }
  const t = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.E1.id] });
  for (const ids2 of [[A.E3.id], [B.E.id], [A.E1.id, A.E3.id]]) {
    expectError(assert, `AM assigns ${ids2}`, await A.am.c.patch(`/api/v1/users/${t.id}`, { establishment_ids: ids2 }),
      404, undefined, 'establishment_ids');
  }
  assert.deepEqual(userEstabIds(env, t.id), [A.E1.id], 'unchanged');
});

test('users: PATCH replaces client_ids and establishment_ids', async () => {
  const x = await person(http, A.admin.c, 'account_manager', { client_ids: [A.C1.id, A.C2.id] });
  let r = await A.admin.c.patch(`/api/v1/users/${x.id}`, { client_ids: [A.C2.id] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.client_ids, [A.C2.id]);
  assert.deepEqual(userClientIds(env, x.id), [A.C2.id]);
  expectError(assert, 'C1 left its scope', await x.c.get(`/api/v1/clients/${A.C1.id}`), 404);
  const y = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.E1.id] });
  r = await A.am.c.patch(`/api/v1/users/${y.id}`, { establishment_ids: [A.E2.id] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.establishment_ids, [A.E2.id]);
  assert.deepEqual(userEstabIds(env, y.id), [A.E2.id]);
  expectError(assert, 'E1 left its scope', await y.c.get(`/api/v1/establishments/${A.E1.id}`), 404);
  r = await A.am.c.patch(`/api/v1/users/${y.id}`, { establishment_ids: [] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(userEstabIds(env, y.id), []);
});

test('users: a manager sees and manages a user only when the user\'s clients and establishments lie within its own clients', async () => {
  const k1 = await makeClient(A.admin.c);
  const k2 = await makeClient(A.admin.c);
  const e1 = await makeEstab(A.admin.c, k1.id);
  const e2 = await makeEstab(A.admin.c, k2.id);
  const mam = await person(http, A.admin.c, 'multi_account_manager', { client_ids: [k1.id] });
  const am1 = await person(http, A.admin.c, 'account_manager', { client_ids: [k1.id] });
  const amBoth = await person(http, A.admin.c, 'account_manager', { client_ids: [k1.id, k2.id] });
  const em1 = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [e1.id] });
  const em2 = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [e2.id] });
  const emBoth = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [e1.id, e2.id] });
  for (const [who, visible, hidden] of [[mam, [am1, em1], [amBoth, em2, emBoth]], [am1, [em1], [em2, emBoth]]]) {
    const list = await who.c.get('/api/v1/users?limit=500');
    assert.equal(list.status, 200, list.text);
    const seen = ids(list.json.items);
    for (const u of visible) {
      assert.ok(seen.includes(u.id), `${who.email} lists ${u.email}`);
      assert.equal((await who.c.get(`/api/v1/users/${u.id}`)).status, 200, `${who.email} GET ${u.email}`);
    }
    for (const u of hidden) {
      assert.ok(!seen.includes(u.id), `${who.email} does not list ${u.email}`);
      const before = [userRow(env, u.email), userClientIds(env, u.id), userEstabIds(env, u.id)];
      expectError(assert, `${who.email} GET ${u.email}`, await who.c.get(`/api/v1/users/${u.id}`), 404, 'not_found');
      expectError(assert, `${who.email} PATCH ${u.email}`, await who.c.patch(`/api/v1/users/${u.id}`,
        { first_name: 'Pwned', active: false }), 404, 'not_found');
      assert.deepEqual([userRow(env, u.email), userClientIds(env, u.id), userEstabIds(env, u.id)], before, 'unchanged');
    }
  }
  const put = await A.admin.c.put(`/api/v1/clients/${k2.id}/vcisos`, { user_ids: [mam.id, amBoth.id] });
  assert.equal(put.status, 200, put.text);
  for (const u of [amBoth, em2, emBoth]) {
    assert.equal((await mam.c.get(`/api/v1/users/${u.id}`)).status, 200, `once vCISO of both clients it sees ${u.email}`);
  }
});

// ----------------------------------------------------- another firm, CSRF ---

test('another firm\'s ids: 404 on every establishment route; nothing changes', async () => {
  const snaps = () => [estabSnapshot(env, B.E.id), estabSnapshot(env, B.E2.id), suggestionRow(env, B.S.id),
    clientSnapshot(env, B.C.id)];
  const before = snaps();
  const auditBefore = maxAuditId(env);
  for (const [method, p, b] of [
    ['GET', `/api/v1/clients/${B.C.id}/establishments`], ['POST', `/api/v1/clients/${B.C.id}/establishments`, { name: 'X' }],
    ['GET', `/api/v1/establishments/${B.E.id}`], ['PATCH', `/api/v1/establishments/${B.E.id}`, { city: 'X' }],
    ['POST', `/api/v1/establishments/${B.E.id}/status`, { action: 'close' }],
    ['POST', `/api/v1/establishments/${B.E.id}/plan`, { plan: 'essential' }],
    ['GET', `/api/v1/establishments/${B.E.id}/suggestions`],
    ['POST', `/api/v1/establishments/${B.E.id}/suggestions`, { field: 'city', value: 'X' }],
    ['POST', `/api/v1/suggestions/${B.S.id}/accept`, {}], ['POST', `/api/v1/suggestions/${B.S.id}/reject`, {}],
    ['GET', `/api/v1/clients/${B.C.id}/duplicates`], ['POST', `/api/v1/establishments/${B.E2.id}/merge`, { into: B.E.id }],
  ]) {
    for (const who of [A.admin, A.am, ...(/\/(status|plan)$/.test(p) ? [] : [A.em])]) {
      expectError(assert, `${who.email} ${method} ${p}`, await who.c.request(method, p, b), 404, 'not_found');
    }
  }
  assert.deepEqual(snaps(), before, 'unchanged');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND firm_id = ${B.firmId}`), []);
});

test('ids outside the caller\'s scope are 404 even when it lacks the route\'s feature (403 only inside its scope)', async () => {
  const k = await teamClient();
  const e = await makeEstab(A.admin.c, k.id);
  const snaps = () => [e.id, A.E3.id, B.E.id, B.E2.id].map((id) => estabSnapshot(env, id));
  const before = snaps();
  const cases = [
    [A.em, 'POST', `/api/v1/establishments/${e.id}/status`, { action: 'close' }],
    [A.em, 'POST', `/api/v1/establishments/${B.E.id}/status`, { action: 'close' }],
    [A.em, 'POST', `/api/v1/establishments/${A.E3.id}/plan`, { plan: 'essential' }],
    [A.em, 'POST', `/api/v1/establishments/${B.E.id}/plan`, { plan: 'essential' }],
    [A.amRead, 'PATCH', `/api/v1/establishments/${A.E3.id}`, { city: 'X' }],
    [A.amRead, 'PATCH', `/api/v1/establishments/${B.E.id}`, { city: 'X' }],
    [A.amRead, 'GET', `/api/v1/clients/${A.C2.id}/duplicates`],
    [A.amRead, 'POST', `/api/v1/establishments/${B.E2.id}/merge`, { into: B.E.id }],
    [A.amRead, 'POST', `/api/v1/suggestions/${B.S.id}/accept`, {}],
    [A.emNoRead, 'GET', `/api/v1/establishments/${A.E3.id}`],
    [A.emNoRead, 'GET', `/api/v1/establishments/${B.E.id}/suggestions`],
    [A.amNoPlan, 'POST', `/api/v1/establishments/${B.E.id}/plan`, { plan: 'essential' }],
  ];
  const wrong = [];
  for (const [who, method, p, b] of cases) {
    const r = await who.c.request(method, p, b);
    if (r.status !== 404 || r.json?.error?.code !== 'not_found') wrong.push(`${who.user.role} ${method} ${p}: ${r.status}`);
  }
  assert.deepEqual(wrong, [], 'every one is 404 not_found');
  assert.deepEqual(snaps(), before, 'unchanged');
});

test('support users get 403 on every establishment route and change nothing', async () => {
  const support = createSupport(env);
  const sc = await loggedIn(http, support.email, support.password);
  const s = await suggest(A.emSug, A.E1.id, 'sector', 'Support-proof');
  const before = [estabSnapshot(env, A.E1.id), estabSnapshot(env, A.E2.id)];
  const count = countIn(A.C1.id);
  for (const [method, p, b] of [
    ['GET', `/api/v1/clients/${A.C1.id}/establishments`], ['POST', `/api/v1/clients/${A.C1.id}/establishments`, { name: 'X' }],
    ['GET', `/api/v1/establishments/${A.E1.id}`], ['PATCH', `/api/v1/establishments/${A.E1.id}`, { city: 'X' }],
    ['POST', `/api/v1/establishments/${A.E1.id}/status`, { action: 'close' }],
    ['POST', `/api/v1/establishments/${A.E1.id}/plan`, { plan: 'essential' }],
    ['GET', `/api/v1/establishments/${A.E1.id}/suggestions`],
    ['POST', `/api/v1/establishments/${A.E1.id}/suggestions`, { field: 'city', value: 'X' }],
    ['POST', `/api/v1/suggestions/${s.id}/accept`, {}], ['POST', `/api/v1/suggestions/${s.id}/reject`, {}],
    ['GET', `/api/v1/clients/${A.C1.id}/duplicates`], ['POST', `/api/v1/establishments/${A.E2.id}/merge`, { into: A.E1.id }],
  ]) {
    expectError(assert, `support ${method} ${p}`, await sc.request(method, p, b), 403);
  }
  assert.deepEqual([estabSnapshot(env, A.E1.id), estabSnapshot(env, A.E2.id)], before);
  assert.equal(countIn(A.C1.id), count);
});

test('CSRF: every establishment change without a valid X-CSRF-Token is 403 and changes nothing', async () => {
  const D = await duplicatesClient();
  const s = await suggest(A.amRead, D.a.id, 'city', 'Csrf town');
  const watched = [D.a, D.b];
  const before = watched.map((e) => estabSnapshot(env, e.id));
  const count = countIn(D.k.id);
  const auditBefore = maxAuditId(env);
  const badTokens = (who, other) => [false, 'nope', other.c.csrf, `${who.c.csrf}0`];
  for (const csrf of badTokens(A.admin, A.am)) {
    for (const [method, p, b] of [
      ['POST', `/api/v1/clients/${D.k.id}/establishments`, { name: 'Csrf' }],
      ['PATCH', `/api/v1/establishments/${D.a.id}`, { city: 'Csrf' }],
      ['POST', `/api/v1/establishments/${D.a.id}/status`, { action: 'close' }],
      ['POST', `/api/v1/establishments/${D.a.id}/plan`, { plan: 'essential' }],
      ['POST', `/api/v1/suggestions/${s.id}/accept`, {}], ['POST', `/api/v1/suggestions/${s.id}/reject`, {}],
      ['POST', `/api/v1/establishments/${D.b.id}/merge`, { into: D.a.id }],
    ]) {
      expectError(assert, `${method} ${p} csrf=${csrf}`, await A.admin.c.request(method, p, b, { csrf }), 403, 'csrf');
    }
  }
  for (const csrf of badTokens(A.amRead, A.admin)) {
    expectError(assert, `suggest csrf=${csrf}`, await A.amRead.c.post(`/api/v1/establishments/${D.a.id}/suggestions`,
      { field: 'phone', value: '01' }, { csrf }), 403, 'csrf');
  }
  assert.deepEqual(watched.map((e) => estabSnapshot(env, e.id)), before, 'unchanged');
  assert.equal(countIn(D.k.id), count, 'nothing created');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND firm_id = ${A.firmId}`), [], 'no audit row');
});
